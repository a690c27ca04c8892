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
#include "analysis/TreeLink.h"
#include "clang/Frontend/FrontendAction.h"
#include <memory>
#include <string>

namespace preemptlint {

struct LintConfig {
  const KernelApiModel *Model = nullptr;
  std::string Checks = "preempt-*";
  AnalysisOptions Analysis;
  /// When set, each analysed file writes what it tells the whole tree
  /// (TreeFacts) to factsPath(FactsDir, main file name), atomically.
  std::string FactsDir;
  /// Keep the facts in TUResult::Facts too (a result cache stores them).
  bool KeepFacts = false;
  /// Record every file the parse read, with a hash of its contents
  /// (TUResult::Inputs): what a cached result depends on.
  bool RecordInputs = false;
  /// When set (sorted names), the parse skips the bodies of functions
  /// defined outside the main file except these: the ones an earlier
  /// analysis of the file looked into (TUResult::HeaderFunctions). Used
  /// when only the main file changed since; TUResult::MissedBody says when
  /// the analysis wanted a skipped body after all.
  const std::vector<std::string> *KeepBodies = nullptr;
};

/// A file the parse read and the hash of the contents it read.
struct InputFile {
  std::string Path; // as the front end opened it (may be relative)
  std::string Hash; // contentHash()
  /// Its device, inode, size, modification and change times when they
  /// were recorded (a result cache compares these before the contents);
  /// empty when they cannot vouch for the contents.
  std::string Stat;
};

/// The hash a result cache compares file contents by (hex).
std::string contentHash(llvm::StringRef Data);

struct TUResult {
  std::vector<Diagnostic> Diags;
  /// Functions whose analysis hit the budget (severity "note").
  std::vector<Diagnostic> Incomplete;
  unsigned Functions = 0;
  bool Analysed = false;
  std::string Dump; // --dump-state output
  std::string Facts;     // the file's TreeFacts (JSON), with LintConfig::KeepFacts
  std::string FactsName; // the name they are filed under (factsPath)
  std::vector<InputFile> Inputs; // with LintConfig::RecordInputs
  std::vector<std::string> HeaderFunctions; // bodies outside the main file it looked into
  bool MissedBody = false;                  // see LintConfig::KeepBodies
};

std::unique_ptr<clang::FrontendAction> makeLintAction(const LintConfig &C, TUResult &R);

/// What that action does once the AST of a file that compiled is complete:
/// runs the analysis and the enabled checks (and writes the facts when
/// C.FactsDir is set). Macros recorded the file's preprocessing. For front
/// ends that own the parse themselves (the clang-tidy module).
void analyseTranslationUnit(clang::ASTContext &Ctx, const LintConfig &C,
                            const MacroIndex &Macros, TUResult &R);

/// Where the facts of the file named MainFile go in Dir.
std::string factsPath(llvm::StringRef Dir, llvm::StringRef MainFile);
/// Files Text (facts of the file named MainFile) into Dir, atomically.
bool writeFactsText(llvm::StringRef Dir, llvm::StringRef MainFile, llvm::StringRef Text);
/// Every facts file in Dir, sorted.
std::vector<std::string> factsFiles(llvm::StringRef Dir);

struct TreeResult {
  std::vector<Diagnostic> Diags; // positions as the facts give them (absolute)
  std::vector<std::string> Errors; // one line per unreadable facts file
  TreeStats Stats;
};

/// The facts of one file as text, and where they came from (for errors).
struct FactsText {
  std::string Origin, Text;
  std::string Hash; // contentHash(Text) when known (a cache entry keeps it)
};

/// Reads the facts files FactsFiles; a missing one is skipped (its file
/// failed).
std::vector<FactsText> readFactsFiles(const std::vector<std::string> &FactsFiles);

/// Links the facts Facts and reports what the enabled checks of C find
/// across functions.
TreeResult linkFacts(const LintConfig &C, const std::vector<FactsText> &Facts);
/// The same, of the facts files FactsFiles.
TreeResult linkFacts(const LintConfig &C, const std::vector<std::string> &FactsFiles);

/// Why the tree sees the function Name as it does (see TreeLink.h).
Explanation explainFacts(const LintConfig &C, const std::vector<std::string> &FactsFiles,
                         const std::string &Name, std::vector<std::string> &Errors);

} // namespace preemptlint

#endif
