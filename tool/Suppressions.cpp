//===- Suppressions.cpp - NOLINT comments, as clang-tidy reads them -------===//
#include "Suppressions.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace preemptlint;

namespace {

enum class Kind { Same, NextLine, Begin, End };

struct Marker {
  Kind K;
  std::string List; // the text between the parentheses, "" when absent
};

bool isIdent(char C) { return isAlnum(C) || C == '_'; }

/// The NOLINT markers of one line.
SmallVector<Marker, 2> markers(StringRef Line) {
  SmallVector<Marker, 2> Out;
  size_t P = 0;
  while ((P = Line.find("NOLINT", P)) != StringRef::npos) {
    if (P > 0 && isIdent(Line[P - 1])) {
      P += 6;
      continue;
    }
    StringRef Rest = Line.drop_front(P + 6);
    Kind K = Kind::Same;
    if (Rest.consume_front("NEXTLINE"))
      K = Kind::NextLine;
    else if (Rest.consume_front("BEGIN"))
      K = Kind::Begin;
    else if (Rest.consume_front("END"))
      K = Kind::End;
    P = Line.size() - Rest.size();
    if (!Rest.empty() && isIdent(Rest.front()))
      continue; // NOLINTFOO: not a marker
    Marker M{K, ""};
    if (Rest.consume_front("(")) {
      size_t Close = Rest.find(')');
      if (Close == StringRef::npos)
        continue; // unterminated list: ignored, as clang-tidy does
      M.List = Rest.take_front(Close).str();
    }
    Out.push_back(std::move(M));
  }
  return Out;
}

std::vector<std::string> globs(StringRef List) {
  std::vector<std::string> G;
  SmallVector<StringRef, 4> Parts;
  List.split(Parts, ',');
  for (StringRef S : Parts)
    if (!S.trim().empty())
      G.push_back(S.trim().str());
  return G;
}

bool globMatch(StringRef Glob, StringRef S) {
  size_t Star = Glob.find('*');
  if (Star == StringRef::npos)
    return Glob == S;
  StringRef Head = Glob.take_front(Star);
  if (!S.starts_with(Head))
    return false;
  StringRef G = Glob.drop_front(Star + 1);
  S = S.drop_front(Head.size());
  for (size_t I = 0; I <= S.size(); ++I)
    if (globMatch(G, S.drop_front(I)))
      return true;
  return false;
}

} // namespace

NolintIndex::NolintIndex(StringRef Text) {
  struct Open {
    unsigned Line;
    std::string List;
  };
  std::vector<Open> Stack;
  unsigned LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    if (!Line.contains("NOLINT"))
      continue;
    for (Marker &M : markers(Line)) {
      switch (M.K) {
      case Kind::Same:
        Ranges.push_back({LineNo, LineNo, globs(M.List)});
        break;
      case Kind::NextLine:
        Ranges.push_back({LineNo + 1, LineNo + 1, globs(M.List)});
        break;
      case Kind::Begin:
        Stack.push_back({LineNo, M.List});
        break;
      case Kind::End:
        for (size_t I = Stack.size(); I-- > 0;)
          if (Stack[I].List == M.List) {
            Ranges.push_back({Stack[I].Line, LineNo, globs(M.List)});
            Stack.erase(Stack.begin() + I);
            break;
          }
        break;
      }
    }
  }
}

bool NolintIndex::suppressed(unsigned Line, StringRef Check) const {
  for (const Range &R : Ranges) {
    if (Line < R.First || Line > R.Last)
      continue;
    if (R.Globs.empty())
      return true;
    for (auto &G : R.Globs)
      if (globMatch(G, Check))
        return true;
  }
  return false;
}
