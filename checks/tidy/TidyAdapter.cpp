//===- TidyAdapter.cpp - the checks as clang-tidy checks ------------------===//
#include "tidy/TidyAdapter.h"

#include "Check.h"
#include "Driver.h"
#include "analysis/Events.h"
#include "analysis/KernelApiModel.h"
#include "analysis/PreemptAnalysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <dlfcn.h>
#include <map>
#include <mutex>
#include <set>

using namespace clang;
using namespace preemptlint;

namespace preemptlint {
/// One analysis run over a translation unit, shared by the enabled checks
/// with the same options.
struct TidyRun {
  const KernelApiModel *Model = nullptr;
  AnalysisOptions Opts;
  std::unique_ptr<MacroIndex> Macros;
  std::vector<std::string> Checks; // the names taking part
  bool Done = false;
  std::vector<preemptlint::Diagnostic> Diags;
  std::string TreeFacts; // facts of a whole-tree run (--facts-dir), if any
};
} // namespace preemptlint

namespace {

std::mutex Lock;
/// The runs of the translation unit being processed, by preprocessor and
/// options. The checks own the runs; an entry dies with its TU's checks.
std::map<std::pair<const Preprocessor *, std::string>, std::weak_ptr<TidyRun>> Runs;
/// API models by their list of extra files, loaded once per process.
std::map<std::string, std::unique_ptr<KernelApiModel>> Models;

std::vector<std::string> splitList(llvm::StringRef S) {
  std::vector<std::string> Out;
  while (!S.empty()) {
    auto [Item, Rest] = S.split(';');
    S = Rest;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Item.split(Parts, ',', -1, false);
    for (auto P : Parts)
      if (!P.trim().empty())
        Out.push_back(P.trim().str());
  }
  return Out;
}

/// The shipped model: <prefix>/lib/<module>.so -> <prefix>/share/preemptlint/,
/// installed or in the build tree; else the source tree's copy.
std::string shippedModelPath() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&shippedModelPath), &Info) && Info.dli_fname) {
    llvm::SmallString<256> So(Info.dli_fname);
    llvm::sys::fs::make_absolute(So);
    llvm::sys::path::remove_dots(So, /*remove_dot_dot=*/true);
    llvm::SmallString<256> P(llvm::sys::path::parent_path(llvm::sys::path::parent_path(So)));
    llvm::sys::path::append(P, "share", "preemptlint", "kernel-api.json");
    if (llvm::sys::fs::exists(P))
      return std::string(P);
  }
  if (llvm::sys::fs::exists(PREEMPTLINT_SOURCE_MODEL))
    return PREEMPTLINT_SOURCE_MODEL;
  return "";
}

const KernelApiModel *loadModel(const std::vector<std::string> &Extra, std::string &Err) {
  std::string Key;
  for (auto &F : Extra)
    Key += F + '\n';
  auto &Slot = Models[Key];
  if (Slot)
    return Slot.get();
  auto M = std::make_unique<KernelApiModel>();
  std::string Path = shippedModelPath();
  if (Path.empty()) {
    Err = "the shipped API model kernel-api.json was not found";
    return nullptr;
  }
  if (!M->loadFile(Path, Err))
    return nullptr;
  for (auto &F : Extra)
    if (!M->loadFile(F, Err))
      return nullptr;
  Slot = std::move(M);
  return Slot.get();
}

std::string relativeTo(llvm::StringRef Base, llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  std::string B = Base.str();
  if (B.empty())
    return std::string(P);
  if (B.back() != '/')
    B += '/';
  llvm::StringRef S = P;
  return S.starts_with(B) ? S.drop_front(B.size()).str() : std::string(P);
}

/// clang-tidy messages are format strings.
std::string escape(llvm::StringRef Msg) {
  std::string Out;
  for (char C : Msg) {
    Out += C;
    if (C == '%')
      Out += '%';
  }
  return Out;
}

/// Back from the (file, line, column) of a finding to a source location.
SourceLocation toLocation(const SourceManager &SM, const std::string &File, unsigned Line,
                          unsigned Col) {
  if (!File.empty() && Line)
    if (auto FE = SM.getFileManager().getOptionalFileRef(File))
      if (SourceLocation L = SM.translateFileLineCol(&FE->getFileEntry(), Line, Col);
          L.isValid())
        return L;
  return SM.getLocForStartOfFile(SM.getMainFileID());
}

} // namespace

PreemptTidyCheck::PreemptTidyCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Name(Name.str()), Ctx(Context),
      PreemptModelName(Options.getLocalOrGlobal("PreemptModel", "full").str()),
      ModelFiles(Options.getLocalOrGlobal("ModelFiles", "").str()),
      CorePaths(Options.getLocalOrGlobal("CorePaths", "").str()),
      FactsDir(Options.getLocalOrGlobal("FactsDir", "").str()) {}

PreemptTidyCheck::~PreemptTidyCheck() = default;

void PreemptTidyCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PreemptModel", PreemptModelName);
  Options.store(Opts, "ModelFiles", ModelFiles);
  Options.store(Opts, "CorePaths", CorePaths);
  Options.store(Opts, "FactsDir", FactsDir);
}

void PreemptTidyCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                           Preprocessor *ModuleExpanderPP) {
  PreemptModel PM;
  if (!parsePreemptModel(PreemptModelName, PM)) {
    configurationDiag("invalid PreemptModel '%0' for %1 (expected none, voluntary, full or rt)")
        << PreemptModelName << Name;
    return;
  }
  std::lock_guard<std::mutex> G(Lock);
  std::string Err;
  const KernelApiModel *Model = loadModel(splitList(ModelFiles), Err);
  if (!Model) {
    static std::set<std::string> Reported; // once per process, not once per check
    if (Reported.insert(Err).second)
      configurationDiag("%0: %1") << Name << Err;
    return;
  }
  for (auto It = Runs.begin(); It != Runs.end();)
    It = It->second.expired() ? Runs.erase(It) : std::next(It);
  std::string Key = PreemptModelName + '\n' + ModelFiles + '\n' + CorePaths + '\n' + FactsDir;
  auto &Slot = Runs[{PP, Key}];
  Run = Slot.lock();
  if (!Run) {
    Run = std::make_shared<TidyRun>();
    Run->Model = Model;
    Run->Opts.Model = PM;
    Run->Opts.CorePaths = splitList(CorePaths);
    Run->TreeFacts = FactsDir;
    Run->Macros = std::make_unique<MacroIndex>(*Model);
    PP->addPPCallbacks(Run->Macros->makeCallbacks(*PP));
    Slot = Run;
  }
  Run->Checks.push_back(Name);
}

void PreemptTidyCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Finder->addMatcher(ast_matchers::translationUnitDecl(), this);
}

void PreemptTidyCheck::check(const ast_matchers::MatchFinder::MatchResult &Result) {
  if (!Run)
    return;
  ASTContext &AC = *Result.Context;
  if (!Run->Done) {
    Run->Done = true;
    // As the command line: a file that does not compile is not analysed
    // (clang-tidy reports its errors).
    if (AC.getDiagnostics().hasUncompilableErrorOccurred())
      return;
    LintConfig C;
    C.Model = Run->Model;
    C.Checks = "-*";
    for (auto &N : Run->Checks)
      C.Checks += "," + N;
    C.Analysis = Run->Opts;
    // The file name as the compilation database names it, relative to the
    // command's directory (the kernel tree): core paths match against it.
    llvm::SmallString<256> Dir(Ctx->getCurrentBuildDirectory());
    if (Dir.empty())
      llvm::sys::fs::current_path(Dir);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_dots(Dir, true);
    C.Analysis.MainFileName = relativeTo(Dir, getCurrentMainFile());
    // As the command line on one file: the file's facts linked by
    // themselves judge what depends on callers (a function returning with
    // a lock held and no caller in the tree to release it, ...).
    llvm::SmallString<128> FactsDir;
    if (!llvm::sys::fs::createUniqueDirectory("preemptlint-tidy-facts", FactsDir))
      C.FactsDir = std::string(FactsDir);
    TUResult R;
    analyseTranslationUnit(AC, C, *Run->Macros, R);
    Run->Diags = std::move(R.Diags);
    if (!C.FactsDir.empty()) {
      // This file's fresh facts, and those of every other file of a
      // whole-tree run when FactsDir names one: then callers and callees in
      // other files are known, as in `preemptlint -p <tree>`.
      std::vector<std::string> Facts = preemptlint::factsFiles(C.FactsDir);
      if (!Run->TreeFacts.empty()) {
        std::string Own = factsPath(Run->TreeFacts, C.Analysis.MainFileName);
        for (auto &F : preemptlint::factsFiles(Run->TreeFacts))
          if (F != Own)
            Facts.push_back(F);
      }
      if (!Facts.empty()) {
        llvm::SmallString<256> Main(getCurrentMainFile());
        llvm::sys::fs::make_absolute(Main);
        llvm::sys::path::remove_dots(Main, true);
        TreeResult T = linkFacts(C, Facts);
        for (auto &D : T.Diags) {
          llvm::SmallString<256> F(D.File);
          llvm::sys::fs::make_absolute(Dir, F);
          llvm::sys::path::remove_dots(F, true);
          if (F == Main) // findings in other files belong to their own runs
            Run->Diags.push_back(std::move(D));
        }
      }
      llvm::sys::fs::remove_directories(C.FactsDir, /*IgnoreErrors=*/true);
    }
    std::sort(Run->Diags.begin(), Run->Diags.end());
  }
  const SourceManager &SM = AC.getSourceManager();
  for (auto &D : Run->Diags) {
    if (D.Check != Name)
      continue;
    diag(toLocation(SM, D.File, D.Line, D.Column), escape(D.Message));
    for (auto &N : D.Notes)
      diag(toLocation(SM, N.File, N.Line, N.Column), escape(N.Message),
           DiagnosticIDs::Note);
  }
}
