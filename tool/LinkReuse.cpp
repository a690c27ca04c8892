//===- LinkReuse.cpp - an earlier link whose facts only moved -------------===//
#include "LinkReuse.h"

using namespace preemptlint;

/// Reads a JSON string at the front of S (after its opening quote): plain
/// bytes and the escapes \" and \\ only (a file name with another escape
/// gives up).
static bool readString(llvm::StringRef &S, std::string &Out) {
  Out.clear();
  while (!S.empty()) {
    char C = S.front();
    S = S.drop_front();
    if (C == '"')
      return true;
    if (C == '\\') {
      if (S.empty() || (S.front() != '"' && S.front() != '\\'))
        return false;
      C = S.front();
      S = S.drop_front();
    }
    Out.push_back(C);
  }
  return false;
}

static bool readNumber(llvm::StringRef &S, unsigned &N) {
  size_t Digits = 0;
  while (Digits < S.size() && S[Digits] >= '0' && S[Digits] <= '9')
    ++Digits;
  if (Digits == 0 || Digits > 9)
    return false;
  N = 0;
  for (char C : S.take_front(Digits))
    N = N * 10 + unsigned(C - '0');
  S = S.drop_front(Digits);
  return true;
}

FactsShape preemptlint::shapeOf(llvm::StringRef Text) {
  FactsShape R;
  R.Shape.reserve(Text.size());
  // A position is the only array that opens with a string followed by two
  // numbers: ["file",line,column].
  while (true) {
    size_t At = Text.find("[\"");
    R.Shape += Text.take_front(At == llvm::StringRef::npos ? Text.size() : At + 2);
    if (At == llvm::StringRef::npos)
      break;
    llvm::StringRef S = Text.drop_front(At + 2);
    std::string File;
    unsigned Line = 0, Column = 0;
    if (!readString(S, File))
      return FactsShape();
    llvm::StringRef AfterString = S;
    if (S.consume_front(",") && readNumber(S, Line) && S.consume_front(",") &&
        readNumber(S, Column) && S.consume_front("]")) {
      R.Positions.emplace_back(File, Line, Column);
      R.Shape += Text.slice(At + 2, Text.size() - AfterString.size());
      R.Shape += ",#,#]";
      Text = S;
    } else {
      // Another array of strings: its first string as it was.
      R.Shape += Text.slice(At + 2, Text.size() - AfterString.size());
      Text = AfterString;
    }
  }
  R.Valid = true;
  return R;
}

bool PositionMap::add(const FactsShape &Old, const FactsShape &New) {
  if (!Old.Valid || !New.Valid || Old.Shape != New.Shape ||
      Old.Positions.size() != New.Positions.size())
    return false;
  for (size_t I = 0; I < Old.Positions.size(); ++I) {
    auto &[File, Line, Column] = New.Positions[I];
    if (std::get<0>(Old.Positions[I]) != File)
      return false;
    auto [It, Added] = To.try_emplace(Old.Positions[I], Line, Column);
    if (!Added && It->second != std::make_pair(Line, Column))
      return false;
    if (std::make_pair(std::get<1>(Old.Positions[I]), std::get<2>(Old.Positions[I])) !=
        std::make_pair(Line, Column))
      Moved.insert(File);
  }
  return true;
}

bool PositionMap::ordered() const {
  // To is sorted by earlier position: each file's images must rise too.
  const std::string *File = nullptr;
  std::pair<unsigned, unsigned> Last;
  for (auto &[From, Now] : To) {
    if (File && *File == std::get<0>(From) && !(Last < Now))
      return false;
    File = &std::get<0>(From);
    Last = Now;
  }
  return true;
}

bool PositionMap::moveOne(std::string &File, unsigned &Line, unsigned &Column) const {
  if (Line == 0 || !Moved.count(File))
    return true;
  auto It = To.find({File, Line, Column});
  if (It == To.end())
    return false;
  Line = It->second.first;
  Column = It->second.second;
  return true;
}

bool PositionMap::move(Diagnostic &D) const {
  if (!moveOne(D.File, D.Line, D.Column))
    return false;
  for (auto &N : D.Notes)
    if (!moveOne(N.File, N.Line, N.Column))
      return false;
  return true;
}
