//===- TidyAdapter.h - the checks as clang-tidy checks ----------*- C++ -*-===//
//
// One clang-tidy check per preemptlint check name, all of this one class.
// The enabled preempt-* checks of a translation unit share one analysis run:
// the first of them to see the preprocessor sets up the macro recording, the
// first to see the AST runs the analysis with every enabled check, and each
// then reports the findings carrying its own name through clang-tidy (so
// NOLINT, --header-filter, --warnings-as-errors and the exit code behave as
// for any clang-tidy check). The findings are those of the command line for
// the same file and flags.
//
// Options (CheckOptions, per check or global): PreemptModel (none,
// voluntary, full, rt), ModelFiles and CorePaths (lists separated by ';' or
// ','), FactsDir (the facts a whole-tree run kept with --facts-dir: the file
// is then linked with the rest of the tree). Checks with different options
// get separate analysis runs.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TIDY_TIDYADAPTER_H
#define PREEMPTLINT_TIDY_TIDYADAPTER_H

#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace preemptlint {

struct TidyRun;

class PreemptTidyCheck : public clang::tidy::ClangTidyCheck {
public:
  PreemptTidyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~PreemptTidyCheck() override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  std::string Name;
  clang::tidy::ClangTidyContext *Ctx;
  std::string PreemptModelName, ModelFiles, CorePaths, FactsDir;
  std::shared_ptr<TidyRun> Run;
};

} // namespace preemptlint

#endif
