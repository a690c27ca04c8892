//===- Report.h - the end of a run: baseline, report, status ----*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_REPORT_H
#define PREEMPTLINT_TOOL_REPORT_H

#include "Baseline.h"
#include "Output.h"
#include "llvm/Support/ToolOutputFile.h"
#include <memory>
#include <string>

namespace preemptlint {

struct ReportOptions {
  std::string Format;            // text, json or sarif
  std::string OutFile;           // empty: standard output
  std::string BaselineFile;      // --baseline
  std::string WriteBaselineFile; // --write-baseline
};

/// A report file opened before the analysis, so that an unwritable path
/// fails the run before any work is done; null (Err set) when it cannot be.
std::unique_ptr<llvm::ToolOutputFile> openOutput(const std::string &Path, std::string &Err);

/// Writes the baseline (BaselineOut) and the report of R (Out, else
/// standard output), prints the errors and the summary line on stderr, and
/// returns the exit status: 0 no findings, 1 findings, 2 errors. OtherFiles:
/// in a run over some files of a database, how many others it has.
int report(RunResult &R, const ReportOptions &O, llvm::ToolOutputFile *Out,
           llvm::ToolOutputFile *BaselineOut, const Baseline &Accepted, const std::string &Dump,
           size_t OtherFiles);

} // namespace preemptlint

#endif
