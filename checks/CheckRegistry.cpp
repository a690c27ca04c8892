//===- CheckRegistry.cpp - the check list, finding builder, glob lists ----===//
#include "Check.h"

#include "BalanceCheck.h"
#include "ContextQueryCheck.h"
#include "FpuRegionCheck.h"
#include "IrqProtectionCheck.h"
#include "KmapAtomicCheck.h"
#include "SleepInAtomicCheck.h"
#include "StaleCpuIdCheck.h"
#include "LockBalanceCheck.h"
#include "LockOwnerCheck.h"
#include "PercpuAccessCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

using namespace preemptlint;

Check::Builder::Builder(Check &C, const FunctionContext &F, clang::SourceLocation L,
                        const llvm::Twine &Msg)
    : C(C), SM(F.Ctx.getSourceManager()) {
  D.Check = C.Name.str();
  D.Message = Msg.str();
  D.Function = F.FD->getNameAsString();
  resolveLocation(SM, L, D.File, D.Line, D.Column);
}

Check::Builder::~Builder() {
  if (Live)
    C.Sink.add(std::move(D));
}

Check::Builder &Check::Builder::note(clang::SourceLocation L, const llvm::Twine &Msg) {
  DiagNote N;
  N.Message = Msg.str();
  resolveLocation(SM, L, N.File, N.Line, N.Column);
  if (!N.File.empty())
    D.Notes.push_back(std::move(N));
  return *this;
}

Check::Builder &Check::Builder::trail(const PathState &S) {
  for (auto &[L, Taken] : S.Trail)
    note(L, Taken ? "assuming this condition is true" : "assuming this condition is false");
  return *this;
}

Check::TreeBuilder::TreeBuilder(Check &C, const std::string &Function, const SrcPos &P,
                                const llvm::Twine &Msg)
    : C(C) {
  D.Check = C.Name.str();
  D.Message = Msg.str();
  D.Function = Function;
  D.File = P.File;
  D.Line = P.Line;
  D.Column = P.Column;
}

Check::TreeBuilder::~TreeBuilder() {
  if (D.Line)
    C.Sink.add(std::move(D));
}

Check::TreeBuilder &Check::TreeBuilder::note(const SrcPos &P, const llvm::Twine &Msg) {
  if (P.valid())
    D.Notes.push_back({P.File, P.Line, P.Column, Msg.str()});
  return *this;
}

Check::TreeBuilder &Check::TreeBuilder::chain(const std::vector<ChainStep> &Steps,
                                              const llvm::Twine &Last) {
  for (size_t I = 0; I < Steps.size(); ++I) {
    if (I + 1 < Steps.size())
      note(Steps[I].Where, "'" + Steps[I].Function + "' calls '" + Steps[I].What + "' here");
    else
      note(Steps[I].Where, Last);
  }
  return *this;
}

std::vector<std::unique_ptr<Check>> preemptlint::makeEnabledChecks(llvm::StringRef Globs,
                                                                   DiagnosticSink &Sink) {
  std::vector<std::unique_ptr<Check>> Checks;
  for (auto &Info : allChecks())
    if (checkEnabled(Globs, Info.Name))
      Checks.push_back(Info.Make(Sink));
  return Checks;
}

const std::vector<CheckInfo> &preemptlint::allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {"preempt-balance", BalanceCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<BalanceCheck>(S); }},
      {"preempt-context-query", ContextQueryCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<ContextQueryCheck>(S); }},
      {"preempt-fpu-region", FpuRegionCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<FpuRegionCheck>(S); }},
      {"preempt-irq-protection", IrqProtectionCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<IrqProtectionCheck>(S); }},
      {"preempt-kmap-atomic", KmapAtomicCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<KmapAtomicCheck>(S); }},
      {"preempt-lock-balance", LockBalanceCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<LockBalanceCheck>(S); }},
      {"preempt-lock-owner", LockOwnerCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<LockOwnerCheck>(S); }},
      {"preempt-percpu-access", PercpuAccessCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<PercpuAccessCheck>(S); }},
      {"preempt-sleep-in-atomic", SleepInAtomicCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<SleepInAtomicCheck>(S); }},
      {"preempt-stale-cpu-id", StaleCpuIdCheck::Summary,
       [](DiagnosticSink &S) { return std::make_unique<StaleCpuIdCheck>(S); }},
  };
  return Checks;
}

bool preemptlint::validateCheckGlobs(llvm::StringRef Globs, std::string &Err) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (auto P : Parts) {
    P = P.trim();
    if (P.consume_front("-"))
      P = P.trim();
    if (P.empty() || P.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.*") != llvm::StringRef::npos) {
      Err = "invalid check glob '" + P.str() + "' in --checks";
      return false;
    }
  }
  return true;
}

bool preemptlint::checkEnabled(llvm::StringRef Globs, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  bool On = false;
  for (auto P : Parts) {
    P = P.trim();
    bool Neg = P.consume_front("-");
    if (globMatch(P.trim(), Name))
      On = !Neg;
  }
  return On;
}
