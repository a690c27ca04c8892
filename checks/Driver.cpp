//===- Driver.cpp - run the analysis and the enabled checks on a TU -------===//
#include "Driver.h"

#include "AtomicWrite.h"
#include "Check.h"
#include "analysis/Events.h"
#include "analysis/TreeFacts.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using namespace preemptlint;

namespace {

/// Records functions whose analysis ran out of budget.
class BudgetNotes : public Handler {
public:
  explicit BudgetNotes(TUResult &R) : R(R) {}
  void budgetExhausted(const FunctionContext &F, unsigned Steps) override {
    preemptlint::Diagnostic D;
    D.Severity = "note";
    D.Function = F.FD->getNameAsString();
    D.Message = "analysis of '" + D.Function + "' stopped after " +
                std::to_string(Steps) +
                " steps (per-function budget); given up: findings past the point reached, the "
                "judgement of its exits path by path (only a section entered and never left is "
                "still judged), and its summary (its callers and the whole-tree link see no "
                "effect or need from it)";
    resolveLocation(F.Ctx.getSourceManager(), F.FD->getLocation(), D.File, D.Line, D.Column);
    R.Incomplete.push_back(std::move(D));
  }

private:
  TUResult &R;
};

} // namespace

bool preemptlint::writeFactsText(llvm::StringRef Dir, llvm::StringRef MainFile,
                                 llvm::StringRef Text) {
  return writeFileAtomically(factsPath(Dir, MainFile), Text);
}

std::string preemptlint::contentHash(llvm::StringRef Data) {
  auto H = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Data));
  return llvm::toHex(H, /*LowerCase=*/true);
}

namespace {

/// Every file the parse read, hashed as it was read.
void recordInputs(const SourceManager &SM, std::vector<InputFile> &Out) {
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It) {
    std::optional<llvm::MemoryBufferRef> Buf = It->second->getBufferIfLoaded();
    if (!Buf)
      continue;
    Out.push_back({std::string(It->first.getName()), contentHash(Buf->getBuffer())});
  }
  llvm::sort(Out, [](const InputFile &A, const InputFile &B) { return A.Path < B.Path; });
}

class LintConsumer : public ASTConsumer {
public:
  LintConsumer(const LintConfig &C, TUResult &R, CompilerInstance &CI,
               std::unique_ptr<MacroIndex> Macros)
      : C(C), R(R), CI(CI), Macros(std::move(Macros)) {}

  /// With LintConfig::KeepBodies: the bodies of functions outside the main
  /// file that the analysis will not look into are not parsed.
  bool shouldSkipFunctionBody(Decl *D) override {
    if (!C.KeepBodies)
      return false;
    const SourceManager &SM = CI.getSourceManager();
    if (ownFile(SM, D->getLocation()))
      return false;
    auto *FD = dyn_cast<FunctionDecl>(D);
    return FD && FD->getIdentifier() &&
           !std::binary_search(C.KeepBodies->begin(), C.KeepBodies->end(), FD->getName());
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return; // reported as an input error by the front end
    analyseTranslationUnit(Ctx, C, *Macros, R);
    if (C.RecordInputs)
      recordInputs(Ctx.getSourceManager(), R.Inputs);
  }

private:
  const LintConfig &C;
  TUResult &R;
  CompilerInstance &CI;
  std::unique_ptr<MacroIndex> Macros;
};

class LintAction : public ASTFrontendAction {
public:
  LintAction(const LintConfig &C, TUResult &R) : C(C), R(R) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    auto Macros = std::make_unique<MacroIndex>(*C.Model);
    if (C.KeepBodies)
      CI.getFrontendOpts().SkipFunctionBodies = true;
    CI.getPreprocessor().addPPCallbacks(Macros->makeCallbacks(CI.getPreprocessor()));
    return std::make_unique<LintConsumer>(C, R, CI, std::move(Macros));
  }

private:
  const LintConfig &C;
  TUResult &R;
};

} // namespace

std::unique_ptr<FrontendAction> preemptlint::makeLintAction(const LintConfig &C, TUResult &R) {
  return std::make_unique<LintAction>(C, R);
}

void preemptlint::analyseTranslationUnit(ASTContext &Ctx, const LintConfig &C,
                                         const MacroIndex &Macros, TUResult &R) {
  DiagnosticSink Sink;
  std::vector<std::unique_ptr<Check>> Checks = makeEnabledChecks(C.Checks, Sink);
  HandlerList All;
  for (auto &Ch : Checks)
    All.add(Ch.get());
  BudgetNotes Budget(R);
  All.add(&Budget);
  AnalysisOptions Opts = C.Analysis;
  std::string DumpBuf;
  llvm::raw_string_ostream DumpOS(DumpBuf);
  if (Opts.DumpState)
    Opts.DumpState = &DumpOS;
  FileAnalysis FA(Ctx, *C.Model, Macros, Opts, All);
  FA.run();
  R.Functions = FA.functionsAnalysed();
  R.HeaderFunctions = FA.headerFunctionsUsed();
  R.MissedBody = FA.missedSkippedBody();
  if (!C.FactsDir.empty() || C.KeepFacts) {
    FileFacts Facts;
    FA.exportFacts(Facts);
    std::string Text = toJson(Facts);
    if (!C.FactsDir.empty())
      writeFactsText(C.FactsDir, Facts.File, Text);
    if (C.KeepFacts) {
      R.Facts = std::move(Text);
      R.FactsName = Facts.File;
    }
  }
  R.Diags = std::move(Sink.diagnostics());
  R.Analysed = true;
  R.Dump = DumpOS.str();
}

std::string preemptlint::factsPath(llvm::StringRef Dir, llvm::StringRef MainFile) {
  // The file's name with '%' and '/' escaped: one entry per file of the
  // database, readable, and replaced when the file is analysed again.
  std::string Name;
  for (char C : MainFile) {
    if (C == '%' || C == '/' || C == '\0')
      Name += llvm::formatv("%{0:X-2}", unsigned((unsigned char)C)).str();
    else
      Name += C;
  }
  if (Name.size() > 200) // file-name limits: keep a prefix and a hash
    Name = Name.substr(0, 180) + "." + llvm::utohexstr(llvm::xxh3_64bits(MainFile), true);
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Name + ".facts.json");
  return std::string(P);
}

std::vector<std::string> preemptlint::factsFiles(llvm::StringRef Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".facts.json"))
      Out.push_back(It->path());
  llvm::sort(Out);
  return Out;
}

namespace {
/// Forwards the link's events to every enabled check.
class TreeHandlerList : public TreeHandler {
public:
  std::vector<TreeHandler *> Hs;
  void heldForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned N) override {
    for (auto *H : Hs) H->heldForNobody(F, E, N);
  }
  void endedForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned N) override {
    for (auto *H : Hs) H->endedForNobody(F, E, N);
  }
  void sleepThroughCall(const FunctionFacts &F, const CallSite &C,
                        const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->sleepThroughCall(F, C, Ch);
  }
  void unpinnedThroughCall(const FunctionFacts &F, const CallSite &C,
                           const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->unpinnedThroughCall(F, C, Ch);
  }
  void unpinnedInProcessContext(const FunctionFacts &F, const RootContext &Why,
                                const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->unpinnedInProcessContext(F, Why, Ch);
  }
  void sleepInAtomicCallback(const FunctionFacts &T, const FunctionFacts &G, const Registration &R,
                             const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->sleepInAtomicCallback(T, G, R, Ch);
  }
  void sleepInAtomicMethod(const FunctionFacts &T, const FieldStore &S, const std::string &Ctx,
                           const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->sleepInAtomicMethod(T, S, Ctx, Ch);
  }
  void unpinnedInRoot(const FunctionFacts &F, const std::vector<ChainStep> &Ch) override {
    for (auto *H : Hs) H->unpinnedInRoot(F, Ch);
  }
};
} // namespace

std::vector<FactsText> preemptlint::readFactsFiles(const std::vector<std::string> &FactsFiles) {
  std::vector<FactsText> Out;
  for (auto &P : FactsFiles) {
    auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (Buf)
      Out.push_back({P, std::string((*Buf)->getBuffer())});
  }
  return Out;
}

/// Parses every file's facts; an unusable one is an error and is not used.
static std::vector<FileFacts> parseFacts(const std::vector<FactsText> &Facts,
                                         std::vector<std::string> &Errors) {
  std::vector<FileFacts> Files;
  for (auto &T : Facts) {
    FileFacts F;
    std::string Err;
    if (!fromJson(T.Text, F, Err)) {
      Errors.push_back(T.Origin + ": unusable whole-tree facts (" + Err + ")");
      continue;
    }
    Files.push_back(std::move(F));
  }
  return Files;
}

Explanation preemptlint::explainFacts(const LintConfig &C, const std::vector<std::string> &FactsFiles,
                                      const std::string &Name, std::vector<std::string> &Errors) {
  return explainFunction(parseFacts(readFactsFiles(FactsFiles), Errors), *C.Model, Name);
}

TreeResult preemptlint::linkFacts(const LintConfig &C, const std::vector<std::string> &FactsFiles) {
  return linkFacts(C, readFactsFiles(FactsFiles));
}

TreeResult preemptlint::linkFacts(const LintConfig &C, const std::vector<FactsText> &Facts) {
  TreeResult R;
  std::vector<FileFacts> Files = parseFacts(Facts, R.Errors);
  DiagnosticSink Sink;
  std::vector<std::unique_ptr<Check>> Checks = makeEnabledChecks(C.Checks, Sink);
  TreeHandlerList All;
  for (auto &Ch : Checks)
    All.Hs.push_back(Ch.get());
  R.Stats = linkTree(Files, *C.Model, All);
  R.Diags = std::move(Sink.diagnostics());
  return R;
}
