//===- CommandSanitizer.h - compile commands as untrusted input -*- C++ -*-===//
//
// A compile command comes from the tree being checked, which may be hostile.
// Only what a syntax-only parse needs is kept (an allowlist of flag
// families: include paths, macros, language and target selection, warning
// flags, semantic -f and -m flags); everything else is dropped. Flags that
// load code, pass raw options to the compiler or write files are never
// kept. Response files (@file) are expanded, under the same rule.
//
// The trade-off: a flag we do not know is dropped, so an unusual but benign
// flag may change how a file parses (it is reported, once per run) rather
// than a flag we do not understand being obeyed.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_COMMANDSANITIZER_H
#define PREEMPTLINT_TOOL_COMMANDSANITIZER_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>
#include <vector>

namespace preemptlint {

/// Why a flag was dropped. Routine build flags (-o, -c, -MD/-MF/...) are
/// dropped without a warning: every build command carries them and the
/// syntax-only run never needs them.
enum class DropReason { Routine, WritesFiles, LoadsCode, NotNeeded, BadResponseFile, NotRegularFile };

struct SanitizeResult {
  std::vector<std::string> Args; // argv[0] first; the analysed file included
  /// Dropped flag kinds (the option's spelling, e.g. "-Xclang") and why.
  std::map<std::string, DropReason> Dropped;
  /// What the result depends on besides the command: forced includes whose
  /// type was looked at (absolute path, and whether it is a regular file),
  /// and whether a response file was read (its contents are the command).
  std::vector<std::pair<std::string, bool>> ForcedIncludes;
  bool ReadResponseFile = false;
};

/// Keeps the allowlisted part of Args (argv[0] first). Directory is the
/// command's working directory (for @file and for recognising the input);
/// File is the source file the command compiles (absolute or relative to
/// Directory). Positional inputs other than File are dropped.
SanitizeResult sanitizeCommand(const std::vector<std::string> &Args,
                               llvm::StringRef Directory, llvm::StringRef File);

/// The text of a warning line for a dropped kind (without the
/// "preemptlint: warning: " prefix).
std::string describeDrop(const std::string &Kind, DropReason Why);

/// Response files: at most this many bytes each, this deep.
constexpr size_t MaxResponseFileBytes = 1 << 20;
constexpr unsigned MaxResponseFileDepth = 8;

} // namespace preemptlint

#endif
