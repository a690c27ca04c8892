//===- Baseline.h - accepted findings, matched without line numbers -*- C++ -*-===//
//
// A finding is identified by its check, file, function and normalised
// message: not by line or column, so that edits elsewhere in the file do
// not make an accepted finding new again. Two identical findings in one
// function are counted: the baseline accepts as many as it recorded.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_BASELINE_H
#define PREEMPTLINT_TOOL_BASELINE_H

#include "Diagnostic.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace preemptlint {

/// The message with whitespace runs collapsed and line numbers ("line 12")
/// replaced, so that it does not change when code moves.
std::string normaliseMessage(llvm::StringRef Msg);

/// A stable hash (16 hex digits) of check, file, function and normalised
/// message; used in baselines and as SARIF's partialFingerprints.
std::string fingerprint(const Diagnostic &D);

class Baseline {
public:
  /// Reads a baseline written by writeBaseline. Err is one line.
  bool load(const std::string &Path, std::string &Err);
  /// The same, from the text of the file named Path.
  bool parse(llvm::StringRef Text, const std::string &Path, std::string &Err);
  /// Removes the findings the baseline accepts; returns how many.
  unsigned filter(std::vector<Diagnostic> &Diags) const;

private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, unsigned> Accepted;
};

void writeBaseline(llvm::raw_ostream &OS, const std::vector<Diagnostic> &Diags);

} // namespace preemptlint

#endif
