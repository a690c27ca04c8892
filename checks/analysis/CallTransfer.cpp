//===- CallTransfer.cpp - a call applied to a path state ------------------===//
//
// A call: through an ops field (recorded for the link), of a function the
// model describes (its effects), or of a function of this file or an inline
// helper of a header (its summary: needs judged in the caller's state,
// region and lock effects applied, the helper's own calls recorded as the
// caller's).
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

void FunctionAnalyzer::applyCall(PathState &S, const Event &E, bool Inverse) {
  // A call through an ops field: which function it reaches is the tree's
  // to say (the link), so here it is only recorded with the state it is
  // made in; the path state is left as it was.
  if (E.Field) {
    if (!Inverse)
      recordCall(S, {E.Callee, E.Field, E.Loc}, nullptr);
    return;
  }
  S.killGlobalFacts();
  if (!E.Callee)
    return;
  // A callee the model names (a cleanup function, a guard constructor).
  if (const Primitive *P = FA.Model.lookup(E.Callee->getName())) {
    for (const Effect &Eff : P->Effects) {
      std::string Key = Eff.LockName;
      if (Eff.LockArg >= 0 && unsigned(Eff.LockArg) < E.ArgKeys.size())
        Key = E.ArgKeys[Eff.LockArg];
      applyEffect(S, Eff, E, ViaCall(), Key, Inverse);
    }
    return;
  }
  const FunctionSummary *CS = FA.summaryFor(E.Callee);
  if (!Inverse)
    recordCall(S, {E.Callee, E.Field, E.Loc, false, E.ArgExprs}, CS);
  if (!CS)
    return;
  // An inline helper of a header (netdev_start_xmit(), get_locked_pte())
  // is not a function of the tree: the calls it makes through ops fields,
  // and to functions defined elsewhere, are this call's.
  const FunctionDecl *Def = nullptr;
  if (!Inverse && E.Callee->hasBody(Def) && !FA.inMainFile(Def))
    for (auto &Inner : CS->Calls)
      // (A body the parse skipped is still this file's: a static function
      // of a header that is not inline, parsed without its body on an
      // edit, is the same function the whole parse saw.)
      if (Inner.Field ||
          (Inner.Callee && !Inner.Callee->hasBody() && !bodySkipped(Inner.Callee))) {
        if (auto *R = recordCall(S, {Inner.Callee, Inner.Field, E.Loc, Inner.Modelled}, nullptr,
                                 &Inner);
            R && !R->Via)
          R->Via = Inner.Via ? Inner.Via : E.Callee;
      }
  ViaCall Via;
  Via.Callee = E.Callee;
  // The callee's accesses happen in the state its caller calls it in.
  // A need only where a parameter is zero (or non-zero), and the caller
  // passes a constant the other way: none.
  bool NeedRuledOut = false;
  if (CS->Pinned && CS->PinnedWhere.known() &&
      unsigned(CS->PinnedWhere.Param) < E.ArgExprs.size())
    if (auto V = valueOf(S, E.ArgExprs[CS->PinnedWhere.Param]))
      NeedRuledOut = CS->PinnedWhere.ruledOutBy(*V);
  if (CS->Pinned && !Inverse && !NeedRuledOut) {
    ViaCall Need = Via;
    Need.Where = CS->Pinned.At;
    Need.What = CS->Pinned.What;
    checkPinned(S, E, Need);
  }
  if (CS->Fpu && !Inverse) {
    ViaCall FV = Via;
    FV.Where = CS->Fpu.At;
    FV.What = CS->Fpu.What;
    checkFpu(S, E, FV);
  }
  // The callee sleeps in the state its caller calls it in (unless it
  // first drops something the caller holds: checked after its effects).
  // A callee that drops its caller's lock before sleeping (and may take it
  // back) is not judged here: what it drops is not known precisely enough.
  if (!Inverse && (CS->Sleeps || CS->SleepGfpParam >= 0) && !CS->SleepAfterRelease) {
    bool Sleeps = CS->Sleeps.Has &&
                  !(CS->SleepUnlessPagefault && (S.activeRegions() & maskOf(Region::Pagefault)));
    if (!Sleeps && unsigned(CS->SleepGfpParam) < E.ArgExprs.size()) {
      auto G = gfpSleeps(S, E.ArgExprs[CS->SleepGfpParam]);
      Sleeps = G && *G;
    }
    if (Sleeps) {
      ViaCall SV = Via;
      SV.Where = CS->Sleeps.At;
      SV.What = CS->Sleeps.What;
      SV.ByGfpMask = CS->Sleeps.ByGfpMask;
      SV.UnlessPagefault = CS->SleepUnlessPagefault;
      if (!CS->Sleeps) {
        // It sleeps by the GFP mask this call passes, at its allocation
        // (named by the primitive there, else by the callee).
        SV.What = CS->SleepGfp.What.empty() ? E.Name : CS->SleepGfp.What;
        SV.ByGfpMask = true;
        SV.Where = CS->SleepGfp.At;
      }
      checkSleep(S, E, SV);
    }
  }
  for (unsigned R = 0; R < NumRegions; ++R) {
    int D = CS->Delta[R];
    if (D == 0)
      continue;
    Effect Eff;
    Eff.Reg = Region(R);
    Eff.Kind = (D > 0) ? EffectKind::Enter : EffectKind::Exit;
    for (int I = 0, N = D > 0 ? D : -D; I < N; ++I)
      applyEffect(S, Eff, E, Via, "", Inverse);
  }
  for (auto &LE : CS->Locks) {
    std::string Key;
    if (LE.Param >= 0 && unsigned(LE.Param) < E.ArgKeys.size())
      Key = E.ArgKeys[LE.Param] + LE.Suffix;
    else if ((E.GuardCtor || E.K == Event::GuardEnd) && !E.ArgKeys.empty())
      Key = E.ArgKeys[0]; // a lock guard (DEFINE_LOCK_GUARD_1, DEFINE_GUARD) guards its first argument
    else if (auto *VD = dyn_cast_or_null<VarDecl>(LE.Lock.Decl); VD && VD->hasGlobalStorage())
      Key = LE.Lock.Key; // a global lock has the same name everywhere
    else if (LE.Acquire != Inverse)
      // A lock local to the callee (pmd_lock() returns the lock it took):
      // its identity is unknown here. It still implies what it implies,
      // but no lock finding is made about it ("?" keys).
      Key = "?" + LE.Key + "@" + std::to_string((Inverse ? E.CtorLoc : E.Loc).getRawEncoding());
    else {
      // The callee releases a lock we cannot name: the one unnamed lock of
      // its class a callee took (rq_lock() ... rq_unlock()), or else the
      // lock a contract says our caller holds (finish_task_switch() in
      // schedule_tail()).
      auto Anon = [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.ClassIdx == LE.Lock.ClassIdx;
      };
      if (llvm::count_if(S.Locks, Anon) == 1) {
        S.Locks.erase(llvm::find_if(S.Locks, Anon));
        continue;
      }
      releaseCallersLock(S, "", -1, nullptr);
      continue;
    }
    Effect Eff;
    Eff.Kind = LE.Acquire ? EffectKind::Acquire : EffectKind::Release;
    Eff.LockClassIdx = LE.Lock.ClassIdx;
    Eff.Implies = LE.Lock.Implies;
    Eff.Shared = LE.Lock.Shared;
    Event Ev = E;
    Ev.FlagsKey = LE.Lock.FlagsKey;
    Ev.LockKey = Key;
    Ev.LockDecl = LE.Lock.Decl;
    applyEffect(S, Eff, Ev, Via, Key, Inverse);
  }
  // A callee's assertion (lockdep_assert_held() in a helper) is explained
  // when the caller already holds what it asserts. A lock it names through
  // an argument is the caller's from here on, until the caller releases it;
  // the rest is assumed.
  if (!Inverse) {
    for (auto &AL : CS->AssertedLocks) {
      if (unsigned(AL.Param) >= E.ArgKeys.size() || E.ArgKeys[AL.Param].empty()) {
        S.Assumed |= AL.Lock.Implies & ~S.activeRegions();
        continue;
      }
      // Held already, under this name or (what it implies being active)
      // under another: explained.
      std::string Key = resolveAlias(S, E.ArgKeys[AL.Param] + AL.Suffix);
      if (llvm::any_of(S.Locks, [&](const HeldLock &L) { return L.Key == Key; }) ||
          !(AL.Lock.Implies & ~S.activeRegions()))
        continue;
      HeldLock L = AL.Lock;
      L.Key = Key;
      L.FromCaller = true;
      L.Asserted = true;
      L.Loc = E.Loc;
      S.Locks.push_back(std::move(L));
      llvm::sort(S.Locks, [](const HeldLock &A, const HeldLock &B) { return A.Key < B.Key; });
    }
    S.Assumed |= CS->Asserts & ~S.activeRegions();
  }

}
