//===- Runner.h - analyse files of a compilation database ------*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_RUNNER_H
#define PREEMPTLINT_TOOL_RUNNER_H

#include "Driver.h"
#include "Output.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace preemptlint {

struct RunnerOptions {
  LintConfig Lint;
  unsigned Jobs = 1;
  std::string BaseDir;     // file names below it are printed relative to it
  bool Progress = false;
};

/// Analyses Files (each with its commands from DB), in parallel, and
/// collects sorted results. One file's failure never loses the others'.
RunResult runFiles(const clang::tooling::CompilationDatabase &DB,
                   const std::vector<std::string> &Files, const RunnerOptions &O,
                   std::string *DumpOut);

} // namespace preemptlint

#endif
