//===- LinkReuseTest.cpp - facts that only moved --------------------------===//
#include "LinkReuse.h"
#include "gtest/gtest.h"

using namespace preemptlint;

namespace {

const char *Before =
    R"({"file":"a.c","functions":[{"at":["/t/a.c",10,5],"calls":[{"at":["/t/a.c",12,3],)"
    R"("callee":"f","held":["x"]}],"name":"g","where":["/t/h.h",3,1]}]})";

TEST(LinkReuse, ShapeHidesOnlyLineAndColumn) {
  FactsShape A = shapeOf(Before);
  ASSERT_TRUE(A.Valid);
  ASSERT_EQ(A.Positions.size(), 3u);
  EXPECT_EQ(A.Positions[1], std::make_tuple(std::string("/t/a.c"), 12u, 3u));
  // A line inserted above g: the same shape.
  std::string After = Before;
  After.replace(After.find(",10,5]"), 6, ",11,5]");
  After.replace(After.find(",12,3]"), 6, ",13,3]");
  FactsShape B = shapeOf(After);
  EXPECT_EQ(A.Shape, B.Shape);
  // A new callee, a new held lock, another file: another shape.
  for (auto [From, To] : {std::pair{"\"f\"", "\"f2\""}, {"[\"x\"]", "[\"y\"]"},
                          {"/t/h.h", "/t/i.h"}}) {
    std::string C = Before;
    C.replace(C.find(From), strlen(From), To);
    EXPECT_NE(shapeOf(C).Shape, A.Shape) << From;
  }
}

TEST(LinkReuse, MovesDiagnosticsInOrder) {
  std::string After = Before;
  After.replace(After.find(",10,5]"), 6, ",11,5]");
  After.replace(After.find(",12,3]"), 6, ",13,3]");
  PositionMap M;
  ASSERT_TRUE(M.add(shapeOf(Before), shapeOf(After)));
  EXPECT_TRUE(M.ordered());
  Diagnostic D;
  D.File = "/t/a.c", D.Line = 12, D.Column = 3;
  D.Notes.push_back({"/t/h.h", 3, 1, "n"});
  D.Notes.push_back({"/t/other.c", 7, 7, "n"});
  ASSERT_TRUE(M.move(D));
  EXPECT_EQ(D.Line, 13u);
  EXPECT_EQ(D.Notes[0].Line, 3u);
  EXPECT_EQ(D.Notes[1].Line, 7u);
  // A position in the moved file the facts never held: no reuse.
  Diagnostic E;
  E.File = "/t/a.c", E.Line = 20, E.Column = 1;
  EXPECT_FALSE(M.move(E));
}

TEST(LinkReuse, RefusesReorderedPositions) {
  // The two positions swap places: equal candidates could be ordered
  // differently, so the earlier link does not stand.
  std::string After = Before;
  After.replace(After.find(",10,5]"), 6, ",14,5]");
  PositionMap M;
  ASSERT_TRUE(M.add(shapeOf(Before), shapeOf(After)));
  EXPECT_FALSE(M.ordered());
  // One earlier position with two places now.
  std::string Two =
      R"({"a":[["/t/a.c",1,1],["/t/a.c",1,1]]})", Moved = R"({"a":[["/t/a.c",2,1],["/t/a.c",3,1]]})";
  PositionMap N;
  EXPECT_FALSE(N.add(shapeOf(Two), shapeOf(Moved)));
}

} // namespace
