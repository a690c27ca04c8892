//===- Suppressions.h - NOLINT comments, as clang-tidy reads them -*- C++ -*-===//
//
//   code(); // NOLINT                     every check, this line
//   code(); // NOLINT(preempt-balance)    the named checks (globs), this line
//   // NOLINTNEXTLINE(preempt-*)          the next line
//   // NOLINTBEGIN(preempt-balance) ... // NOLINTEND(preempt-balance)
//
// A NOLINTBEGIN closes at the next NOLINTEND with the same check list; one
// without its NOLINTEND suppresses nothing (clang-tidy reports it; we keep
// the finding, which errs on the side of showing it).
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_SUPPRESSIONS_H
#define PREEMPTLINT_TOOL_SUPPRESSIONS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace preemptlint {

class NolintIndex {
public:
  explicit NolintIndex(llvm::StringRef Text);
  /// True if a NOLINT comment suppresses Check on 1-based Line.
  bool suppressed(unsigned Line, llvm::StringRef Check) const;

private:
  struct Range {
    unsigned First, Last;          // lines, inclusive
    std::vector<std::string> Globs; // empty: every check
  };
  std::vector<Range> Ranges;
};

} // namespace preemptlint

#endif
