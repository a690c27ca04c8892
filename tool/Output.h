//===- Output.h - text and JSON renderings of a run --------------*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_OUTPUT_H
#define PREEMPTLINT_TOOL_OUTPUT_H

#include "Diagnostic.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace preemptlint {

struct FileError {
  std::string File;
  std::string Message;
};

struct RunResult {
  std::vector<Diagnostic> Diags; // warnings, sorted
  std::vector<Diagnostic> Notes; // budget notes, sorted
  std::vector<FileError> Errors;
  unsigned Files = 0, Functions = 0;
  double Seconds = 0;
};

void writeText(llvm::raw_ostream &OS, const RunResult &R);
void writeJson(llvm::raw_ostream &OS, const RunResult &R);

} // namespace preemptlint

#endif
