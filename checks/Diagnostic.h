//===- Diagnostic.h - a finding, independent of any output format -*- C++ -*-===//
#ifndef PREEMPTLINT_DIAGNOSTIC_H
#define PREEMPTLINT_DIAGNOSTIC_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/Twine.h"
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class SourceManager;
}

namespace preemptlint {

struct DiagNote {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Message;
};

struct Diagnostic {
  std::string Check;
  std::string Severity = "warning";
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Function;
  std::string Message;
  std::vector<DiagNote> Notes;

  bool operator<(const Diagnostic &O) const {
    return std::tie(File, Line, Column, Check, Message) <
           std::tie(O.File, O.Line, O.Column, O.Check, O.Message);
  }
};

/// Where checks put their findings. Duplicates (the same check, place and
/// message, reached on several paths) are kept once.
class DiagnosticSink {
public:
  void add(Diagnostic D);
  std::vector<Diagnostic> &diagnostics() { return Diags; }

private:
  std::vector<Diagnostic> Diags;
};

/// File, line and column of a location as the user sees it (a macro's
/// expansion site).
void resolveLocation(const clang::SourceManager &SM, clang::SourceLocation L,
                     std::string &File, unsigned &Line, unsigned &Column);

} // namespace preemptlint

#endif
