//===- Fallback.cpp - what is still decided when the budget runs out ------===//
//
// A function whose path-sensitive analysis ran out of budget is judged once
// more, without paths, in one pass over its CFG and events (linear in its
// size). Only what holds on every path, whatever the branches decide, is
// reported:
//
//   a region that the function enters (a primitive, or a callee whose
//   summary enters it), that nothing in the function may leave, and that
//   some return is reached without entering, returns deeper on every path
//   through an entry than on the path around it.
//
// That is the precise analysis's regionInconsistentExit for the same code:
// with no exit anywhere, branch correlation cannot balance a path that went
// through an entry. Which way it errs: towards silence, as the lattice does
// (PreemptState.h). A region is left alone if anything may leave it (an
// exit, conditional or not; a callee whose effect is unknown because its
// own analysis did not complete), if anything may assert it (an assertion,
// the entry context, a callee's assertion), if an entry is conditional
// (trylock-style), or if the function has a contract. A pair of returns is
// reported only if their values cannot explain the difference the way
// finish() lets them (a deeper path returning a known value >= 0 that
// differs from the other's, or "the object, or NULL"): the deeper return is
// void, a negative constant or the same constant as the other.
//
// Locks are not judged here: the precise analysis reports a held lock only
// against a path that took and released it, and without paths a release
// on a correlated branch cannot be told from one on every path.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

namespace {
/// What a return says of the value the function returns.
struct ReturnSite {
  SourceLocation Loc;           // invalid: the end of the body
  enum { None, Known, Maybe } Value = None;
  int64_t V = 0;
};
} // namespace

void FunctionAnalyzer::judgeWithoutPaths() {
  if (FC.HasContract)
    return;
  const unsigned N = FE.Order.size();
  constexpr RegionMask All = RegionMask((1u << NumRegions) - 1);
  RegionMask MayExit = 0, Unsure = InitialAssumed;
  // Per region, the first entering event of each block (by RPO number).
  std::array<std::vector<std::pair<unsigned, const Event *>>, NumRegions> Enters;

  auto applies = [&](const Effect &Eff) {
    return !((Eff.RTOnly && !rt()) || (Eff.NonRTOnly && rt()));
  };
  // Effects of a primitive (or, Inverse, of a guard's end) on the depths.
  auto primitive = [&](llvm::ArrayRef<Effect> Effs, bool Conditional, bool Inverse, unsigned R,
                       const Event &E) {
    for (const Effect &Eff : Effs) {
      if (!applies(Eff))
        continue;
      RegionMask M = maskOf(Eff.Reg);
      if (Eff.Kind == EffectKind::Assert)
        Unsure |= M;
      else if (Eff.Kind == EffectKind::AssertHeld)
        Unsure |= All; // the lock's class implies regions
      else if (Eff.Kind == EffectKind::Enter || Eff.Kind == EffectKind::Exit) {
        bool Enter = (Eff.Kind == EffectKind::Enter) != Inverse;
        if (!Enter)
          MayExit |= M;
        else if (Conditional || Inverse)
          Unsure |= M;
        else
          Enters[unsigned(Eff.Reg)].push_back({R, &E});
      }
    }
  };
  for (unsigned R = 0; R < N; ++R)
    for (auto &[Idx, E] : FE.Events[FE.Order[R]->getBlockID()]) {
      if (E.K == Event::Primitive) {
        primitive(llvm::ArrayRef<Effect>(*E.Eff), E.Cond != When::Always, false, R, E);
        continue;
      }
      if (!E.Callee)
        continue;
      bool Inverse = E.K == Event::GuardEnd;
      if (const Primitive *P = FA.Model.lookup(E.Callee->getName())) {
        primitive(P->Effects, P->Cond != When::Always, Inverse, R, E);
        continue;
      }
      const FunctionSummary *CS = FA.summaryFor(E.Callee);
      if (!CS) {
        // A body whose effect is unknown (its analysis did not complete,
        // or recursion) may leave anything.
        if (E.Callee->hasBody() || bodySkipped(E.Callee))
          Unsure |= All;
        continue;
      }
      Unsure |= CS->Asserts;
      for (unsigned Reg = 0; Reg < NumRegions; ++Reg) {
        int D = CS->Delta[Reg];
        if (D == 0)
          continue;
        if ((D > 0) == Inverse)
          MayExit |= maskOf(Region(Reg));
        else if (Inverse)
          Unsure |= maskOf(Region(Reg));
        else
          Enters[Reg].push_back({R, &E});
      }
    }

  const CFGBlock &Exit = FE.Cfg->getExit();
  bool ReturnsPointer = FE.FD->getReturnType()->isPointerType();
  // The return a block ends in, if it flows into the exit.
  auto returnOf = [&](const CFGBlock *B, ReturnSite &Out) {
    if (B->hasNoReturnElement() ||
        llvm::none_of(B->succs(), [&](const CFGBlock::AdjacentBlock &S) {
          return S.getReachableBlock() == &Exit;
        }))
      return false;
    Out = ReturnSite();
    for (const CFGElement &El : *B)
      if (auto CS = El.getAs<CFGStmt>())
        if (auto *RS = dyn_cast<ReturnStmt>(CS->getStmt())) {
          Out.Loc = RS->getBeginLoc();
          Out.Value = ReturnSite::None;
          if (const Expr *RV = RS->getRetValue()) {
            Expr::EvalResult Res;
            const Expr *X = RV->IgnoreParenImpCasts();
            if (!X->isValueDependent() && X->EvaluateAsInt(Res, FA.Ctx, Expr::SE_NoSideEffects)) {
              Out.Value = ReturnSite::Known;
              Out.V = Res.Val.getInt().getExtValue();
            } else if (X->getType()->isPointerType() &&
                       X->isNullPointerConstant(FA.Ctx, Expr::NPC_ValueDependentIsNotNull)) {
              Out.Value = ReturnSite::Known;
              Out.V = 0;
            } else {
              Out.Value = ReturnSite::Maybe; // a variable may have a known value
            }
          }
        }
    return true;
  };
  // Could finish() explain a deeper return A by its value against B?
  auto mayExplain = [&](const ReturnSite &A, const ReturnSite &B) {
    bool AKnown = A.Value != ReturnSite::None, BKnown = B.Value != ReturnSite::None;
    bool Differ = A.Value != ReturnSite::Known || B.Value != ReturnSite::Known || A.V != B.V;
    bool ANonNeg = A.Value != ReturnSite::Known || A.V >= 0;
    if (AKnown && BKnown && Differ && ANonNeg)
      return true;
    bool AUnknown = A.Value != ReturnSite::Known;
    bool BZero = B.Value == ReturnSite::Maybe || (B.Value == ReturnSite::Known && B.V == 0);
    return ReturnsPointer && AUnknown && BZero;
  };
  // Blocks reached from Start without passing a block of Stop; Via[X] is
  // the start block X was first reached from.
  auto reach = [&](llvm::ArrayRef<unsigned> Start, const std::vector<bool> &Stop,
                   std::vector<unsigned> &Via) {
    Via.assign(N, ~0u);
    std::vector<unsigned> Stack;
    for (unsigned S : Start)
      if (Via[S] == ~0u) {
        Via[S] = S;
        Stack.push_back(S);
      }
    while (!Stack.empty()) {
      unsigned X = Stack.back();
      Stack.pop_back();
      const CFGBlock *B = FE.Order[X];
      if (B->hasNoReturnElement())
        continue;
      for (const auto &Succ : B->succs()) {
        const CFGBlock *To = Succ.getReachableBlock();
        if (!To)
          continue;
        unsigned T = FE.Rpo[To->getBlockID()];
        if (T == ~0u || Via[T] != ~0u || Stop[T])
          continue;
        Via[T] = Via[X];
        Stack.push_back(T);
      }
    }
  };

  for (unsigned Reg = 0; Reg < NumRegions; ++Reg) {
    RegionMask M = maskOf(Region(Reg));
    if (Enters[Reg].empty() || (MayExit & M) || (Unsure & M))
      continue;
    std::vector<bool> IsEnter(N, false), None(N, false);
    std::vector<unsigned> From;
    llvm::DenseMap<unsigned, const Event *> FirstEnter;
    for (auto &[R, E] : Enters[Reg]) {
      IsEnter[R] = true;
      From.push_back(R);
      FirstEnter.try_emplace(R, E);
    }
    // Returns reached around every entry, and returns reached through one.
    std::vector<unsigned> Around, Through;
    unsigned EntryR = FE.Rpo[FE.Cfg->getEntry().getBlockID()];
    if (IsEnter[EntryR])
      continue;
    reach({EntryR}, IsEnter, Around);
    reach(From, None, Through);
    llvm::SmallVector<ReturnSite, 4> Balanced;
    for (unsigned X = 0; X < N; ++X) {
      ReturnSite RS;
      if (Around[X] != ~0u && returnOf(FE.Order[X], RS))
        Balanced.push_back(RS);
    }
    if (Balanced.empty())
      continue;
    for (unsigned X = 0; X < N; ++X) {
      ReturnSite A;
      if (Through[X] == ~0u || !returnOf(FE.Order[X], A))
        continue;
      auto B = llvm::find_if(Balanced, [&](const ReturnSite &B) { return !mayExplain(A, B); });
      if (B == Balanced.end())
        continue;
      const Event *E = FirstEnter.lookup(Through[X]);
      PathState Leak, Other;
      Leak.Depth[Reg] = 1;
      Leak.Opened = M;
      Leak.LastEnter[Reg] = E->Loc;
      Leak.LastEnterBy[Reg] = E->Name;
      Leak.Returned = Other.Returned = true;
      Leak.ReturnLoc = A.Loc;
      Other.ReturnLoc = B->Loc;
      H.regionInconsistentExit(FC, Region(Reg), Leak, Other);
      break; // once per region, as finish() does
    }
  }
}
