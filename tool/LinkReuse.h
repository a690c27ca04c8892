//===- LinkReuse.h - an earlier link whose facts only moved -----*- C++ -*-===//
//
// Most edits change no summary: a comment, a statement that calls nothing
// the model knows, a line inserted above a function. The facts of such a
// file differ from their earlier version only in the line and column
// numbers of the positions they hold ([file, line, column] arrays); its
// shape (the text without those numbers) is the same. The link then
// decides exactly as it did (it reads positions only to report them and
// to order equal candidates, and a map that keeps each file's order keeps
// those decisions), so its earlier findings, with their positions moved,
// are the findings of a new link.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_LINKREUSE_H
#define PREEMPTLINT_TOOL_LINKREUSE_H

#include "Diagnostic.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace preemptlint {

struct FactsShape {
  bool Valid = false;  // false: the text is not one this reads (no reuse)
  std::string Shape;   // the text without the positions' numbers
  std::vector<std::tuple<std::string, unsigned, unsigned>> Positions; // in order
};

/// The shape and positions of a facts text (compact JSON, TreeFacts.h).
FactsShape shapeOf(llvm::StringRef FactsText);

/// Where the positions of earlier facts are now.
class PositionMap {
public:
  /// Pairs the positions of Old and New, which have the same shape; false
  /// when one earlier position would have two places now.
  bool add(const FactsShape &Old, const FactsShape &New);
  /// False unless the map keeps the order of positions within each file
  /// (so that no decision that orders equal candidates can change).
  bool ordered() const;
  /// Moves the positions of D and its notes; false when a position in a
  /// file whose positions moved is not one the map knows.
  bool move(Diagnostic &D) const;

private:
  bool moveOne(std::string &File, unsigned &Line, unsigned &Column) const;
  std::map<std::tuple<std::string, unsigned, unsigned>, std::pair<unsigned, unsigned>> To;
  std::set<std::string> Moved; // files with a position that moved
};

} // namespace preemptlint

#endif
