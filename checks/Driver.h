//===- Driver.h - run the analysis and the enabled checks on a TU -*- C++ -*-===//
//
// The one entry point the front ends share: a FrontendAction that records
// macro expansions while the file is preprocessed, then analyses every
// function of the main file and hands events to the enabled checks.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_DRIVER_H
#define PREEMPTLINT_DRIVER_H

#include "Diagnostic.h"
#include "analysis/KernelApiModel.h"
#include "analysis/PreemptAnalysis.h"
#include "clang/Frontend/FrontendAction.h"
#include <memory>
#include <string>

namespace preemptlint {

struct LintConfig {
  const KernelApiModel *Model = nullptr;
  std::string Checks = "preempt-*";
  AnalysisOptions Analysis;
};

struct TUResult {
  std::vector<Diagnostic> Diags;
  /// Functions whose analysis hit the budget (severity "note").
  std::vector<Diagnostic> Incomplete;
  unsigned Functions = 0;
  bool Analysed = false;
  std::string Dump; // --dump-state output
};

std::unique_ptr<clang::FrontendAction> makeLintAction(const LintConfig &C, TUResult &R);

} // namespace preemptlint

#endif
