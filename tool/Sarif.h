//===- Sarif.h - SARIF 2.1.0 rendering of a run -----------------*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_SARIF_H
#define PREEMPTLINT_TOOL_SARIF_H

#include "Output.h"

namespace preemptlint {

/// The project's home page (tool.driver.informationUri) and where the check
/// pages live: a rule's helpUri is CheckDocsBaseUrl + "<check>.md".
constexpr const char *ProjectUrl = "https://github.com/preemptlint/preemptlint";
constexpr const char *CheckDocsBaseUrl =
    "https://github.com/preemptlint/preemptlint/blob/main/docs/checks/";

/// One SARIF 2.1.0 log with one run: a rule per check (allChecks()),
/// results with locations relative to %SRCROOT% (R.BaseDir), a code flow
/// made of the path notes, and partialFingerprints that do not depend on
/// line numbers. Files that could not be analysed are tool execution
/// notifications. Strings that are not valid UTF-8 have each invalid byte
/// replaced by U+FFFD; URIs are percent-encoded byte by byte.
void writeSarif(llvm::raw_ostream &OS, const RunResult &R);

/// Percent-encodes every byte of a path except unreserved characters and '/'.
std::string uriEncodePath(llvm::StringRef Path);

} // namespace preemptlint

#endif
