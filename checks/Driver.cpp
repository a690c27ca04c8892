//===- Driver.cpp - run the analysis and the enabled checks on a TU -------===//
#include "Driver.h"

#include "Check.h"
#include "analysis/Events.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"

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
                " steps (per-function budget); findings in it may be incomplete";
    resolveLocation(F.Ctx.getSourceManager(), F.FD->getLocation(), D.File, D.Line, D.Column);
    R.Incomplete.push_back(std::move(D));
  }

private:
  TUResult &R;
};

class LintConsumer : public ASTConsumer {
public:
  LintConsumer(const LintConfig &C, TUResult &R, CompilerInstance &CI,
               std::unique_ptr<MacroIndex> Macros)
      : C(C), R(R), CI(CI), Macros(std::move(Macros)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return; // reported as an input error by the front end
    DiagnosticSink Sink;
    std::vector<std::unique_ptr<Check>> Checks;
    HandlerList All;
    for (auto &Info : allChecks())
      if (checkEnabled(C.Checks, Info.Name)) {
        Checks.push_back(Info.Make(Sink));
        All.add(Checks.back().get());
      }
    BudgetNotes Budget(R);
    All.add(&Budget);
    AnalysisOptions Opts = C.Analysis;
    std::string DumpBuf;
    llvm::raw_string_ostream DumpOS(DumpBuf);
    if (Opts.DumpState)
      Opts.DumpState = &DumpOS;
    FileAnalysis FA(Ctx, *C.Model, *Macros, Opts, All);
    FA.run();
    R.Functions = FA.functionsAnalysed();
    R.Diags = std::move(Sink.diagnostics());
    R.Analysed = true;
    R.Dump = DumpOS.str();
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
