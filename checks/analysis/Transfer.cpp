//===- Transfer.cpp - events and statements applied to a path state -------===//
//
// The transfer functions: model effects (regions, locks, sleeps, per-CPU
// and FPU uses), assignments and returns, CPU values kept in locals. Calls
// resolved against summaries are CallTransfer.cpp's.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

//===----------------------------------------------------------------------===//
// Transfer
//===----------------------------------------------------------------------===//

FunctionSummary::CallRec *FunctionAnalyzer::recordCall(const PathState &S, const CallKey &K,
                                                       const FunctionSummary *CS,
                                                       const FunctionSummary::CallRec *Inner) {
  if (Sum.Calls.size() >= 512)
    return nullptr;
  auto It = llvm::find_if(Sum.Calls, [&](const FunctionSummary::CallRec &C) {
    return C.Callee == K.Callee && C.Field == K.Field && C.Loc == K.Loc &&
           C.Modelled == K.Modelled;
  });
  if (It == Sum.Calls.end()) {
    Sum.Calls.emplace_back();
    It = Sum.Calls.end() - 1;
    It->Callee = K.Callee;
    It->Field = K.Field;
    It->Loc = K.Loc;
    It->Modelled = K.Modelled;
    It->KnownSleeps = CS && (CS->Sleeps || CS->SleepGfpParam >= 0);
    It->KnownPinned = CS && CS->Pinned;
  }
  auto &C = *It;
  // On a path the analysis made imprecise the call is still an edge of
  // the tree (its callers), with the locks that path certainly holds, but
  // says nothing of the state it is made in.
  if (S.Imprecise) {
    for (auto &L : S.Locks)
      if (L.Decl && C.Held.size() < 8 && !llvm::is_contained(C.Held, L.Decl))
        C.Held.push_back(L.Decl);
    return &C;
  }
  RegionMask A = Booting ? S.ownRegions() : S.activeRegions(); // see checkSleep()
  if ((A & atomicRegions()) && !C.Atomic) {
    // The innermost cause: the lock or region entered last.
    C.Atomic = true;
    for (auto &L : S.Locks)
      if ((L.Implies & atomicRegions()) &&
          (C.AtomicSince.isInvalid() || SM.isBeforeInTranslationUnit(C.AtomicSince, L.Loc))) {
        C.AtomicLock = L.Key;
        C.AtomicByRegion = false;
        C.AtomicBy = L.By;
        C.AtomicSince = L.Loc;
      }
    for (unsigned R = 0; R < NumRegions; ++R)
      if ((atomicRegions() & (1u << R)) && S.Depth[R] > 0 && S.LastEnter[R].isValid() &&
          (C.AtomicSince.isInvalid() || SM.isBeforeInTranslationUnit(C.AtomicSince, S.LastEnter[R]))) {
        C.AtomicLock.clear();
        C.AtomicByRegion = true;
        C.AtomicRegion = Region(R);
        C.AtomicBy = S.LastEnterBy[R];
        C.AtomicSince = S.LastEnter[R];
      }
  }
  if (Inner && Inner->Atomic && !C.Atomic) {
    // Atomic inside the helper itself.
    C.Atomic = true;
    C.AtomicLock = Inner->AtomicLock;
    C.AtomicByRegion = Inner->AtomicByRegion;
    C.AtomicRegion = Inner->AtomicRegion;
    C.AtomicBy = Inner->AtomicBy;
    C.AtomicSince = Inner->AtomicSince;
  }
  if (!(A & cpuPinningRegions()) && !S.unknownIn(cpuPinningRegions()) &&
      (!Inner || Inner->Unpinned)) {
    C.Unpinned = true;
    // Where such paths make it, and the values they pass: the link rules
    // out the callee's need by them (ParamCond).
    noteParamCondition(S, C.UnpinnedWhere);
    constexpr unsigned MaxArgs = 6;
    bool Left = !C.UnpinnedArgsSet ||
                llvm::any_of(C.UnpinnedArgs, [](auto &V) { return V.has_value(); });
    if (Left) { // some value still common to the paths so far
      llvm::SmallVector<std::optional<int64_t>, 4> Vals;
      if (Inner)
        Vals = Inner->UnpinnedArgs; // the helper's own call, in its own terms
      else
        for (unsigned I = 0; I < K.Args.size() && I < MaxArgs; ++I)
          Vals.push_back(valueOf(S, K.Args[I]));
      if (!C.UnpinnedArgsSet) {
        C.UnpinnedArgs = std::move(Vals);
        C.UnpinnedArgsSet = true;
      } else {
        for (unsigned I = 0; I < C.UnpinnedArgs.size(); ++I)
          if (I >= Vals.size() || Vals[I] != C.UnpinnedArgs[I])
            C.UnpinnedArgs[I].reset();
      }
    }
  }
  for (auto &L : S.Locks)
    if (L.Decl && C.Held.size() < 8 && !llvm::is_contained(C.Held, L.Decl))
      C.Held.push_back(L.Decl);
  if (Inner)
    for (const ValueDecl *D : Inner->Held)
      if (C.Held.size() < 8 && !llvm::is_contained(C.Held, D))
        C.Held.push_back(D);
  return &C;
}

void FunctionAnalyzer::checkPinned(PathState &S, const Event &E, const ViaCall &Via) {
  if (S.activeRegions() & cpuPinningRegions())
    return;
  if (S.Imprecise || S.unknownIn(cpuPinningRegions()))
    return; // errs towards silence
  if (Deferred) {
    // A static helper: its callers answer for it (the summary carries the need).
    recordNeed(Sum.Pinned, E, Via);
    noteParamCondition(S, Sum.PinnedWhere);
    return;
  }
  H.unpinnedAccess(FC, E, Via, S);
}

void FunctionAnalyzer::checkSleep(PathState &S, const Event &E, const ViaCall &Via,
                                  RegionMask Atomic) {
  // While the system boots, might_sleep() is silent about the boot
  // context (interrupts off, inherited or asserted); a section the
  // function opens itself is judged as anywhere.
  if ((Booting ? S.ownRegions() : S.activeRegions()) & Atomic) {
    if (!S.Imprecise) {
      H.sleepInAtomic(FC, E, Via, S);
      if (S.activeRegions() & maskOf(Region::Fpu))
        H.fpuSleep(FC, E, Via, S);
    }
    return;
  }
  if (S.Imprecise || S.unknownIn(Atomic))
    return;
  // Not atomic here: callers that are atomic at the call answer for it.
  if (recordNeed(Sum.Sleeps, E, Via)) {
    Sum.SleepUnlessPagefault = Via.Callee ? Via.UnlessPagefault
                                          : (E.K == Event::Primitive && E.Eff && E.Eff->UnlessPagefault);
    // Did the function drop something its caller held before sleeping
    // (__down_common() releases sem->lock around schedule_timeout())?
    Sum.SleepAfterRelease = !S.ReleasedEntry.empty() ||
                            llvm::any_of(S.Depth, [](int8_t D) { return D < 0 && D != UnknownDepth; });
  }
}

void FunctionAnalyzer::checkFpu(PathState &S, const Event &E, const ViaCall &Via) {
  if (S.activeRegions() & maskOf(Region::Fpu))
    return;
  if (S.Imprecise || S.unknownIn(maskOf(Region::Fpu)))
    return;
  // FPU sections do not nest: once this path ended its caller's section
  // (kernel_fpu_end() below the entry depth) and did not begin another,
  // no caller can be holding one (the drop around skcipher_walk_done()
  // with its kernel_fpu_begin() deleted).
  bool EndedCallers = S.Depth[unsigned(Region::Fpu)] < 0;
  if (Deferred && !EndedCallers) {
    // An FPU routine its callers call inside their sections.
    recordNeed(Sum.Fpu, E, Via);
    return;
  }
  H.fpuOutsideRegion(FC, E, Via, S);
}

std::optional<bool> FunctionAnalyzer::gfpSleeps(const PathState &S, const Expr *Gfp) {
  if (!Gfp)
    return std::nullopt;
  if (auto V = valueOf(S, Gfp))
    return (uint64_t(*V) & FA.Model.gfpSleepMask()) != 0;
  // A parameter: the summary says "sleeps if the caller's GFP allows it".
  if (auto *DR = dyn_cast<DeclRefExpr>(Gfp->IgnoreParenCasts()))
    if (auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()))
      if (Sum.SleepGfpParam < 0)
        Sum.SleepGfpParam = int(P->getFunctionScopeIndex());
  return std::nullopt;
}

void FunctionAnalyzer::applyEffect(PathState &S, const Effect &Eff, const Event &E,
                                   const ViaCall &Via, llvm::StringRef LockKey,
                                   bool Inverse) {
  if ((Eff.RTOnly && !rt()) || (Eff.NonRTOnly && rt()))
    return;
  EffectKind K = Eff.Kind;
  if (Inverse) {
    if (K == EffectKind::Enter) K = EffectKind::Exit;
    else if (K == EffectKind::Exit) K = EffectKind::Enter;
    else if (K == EffectKind::Acquire) K = EffectKind::Release;
    else if (K == EffectKind::Release) K = EffectKind::Acquire;
    else return;
  }
  unsigned R = unsigned(Eff.Reg);
  switch (K) {
  case EffectKind::Enter:
    if (Eff.Reg == Region::Fpu && S.Depth[R] > 0 && !S.Imprecise && E.K == Event::Primitive)
      H.fpuNested(FC, E, S);
    if (Eff.Reg == Region::Irq && !E.FlagsKey.empty() && !S.Imprecise && !Via.Callee &&
        !Inverse && llvm::is_contained(S.IrqFlags, E.FlagsKey))
      H.flagsOverwritten(FC, E, S);
    // Re-taking a section the caller held (a drop/re-take loop) is not an
    // own open: only an open from the entry level or above counts.
    if (S.Depth[R] != UnknownDepth && S.Depth[R] >= 0)
      S.Opened |= maskOf(Eff.Reg);
    if (S.Depth[R] != UnknownDepth && S.Depth[R] < 100)
      ++S.Depth[R];
    S.LastEnter[R] = E.Loc;
    S.LastEnterBy[R] = E.Name;
    if (Eff.Reg == Region::Irq)
      S.IrqFlags.push_back(E.FlagsKey);
    break;
  case EffectKind::Exit: {
    Sum.Ends |= maskOf(Eff.Reg);
    if (S.Depth[R] != UnknownDepth && S.Depth[R] <= 0 && !(S.Opened & maskOf(Eff.Reg)) &&
        !S.Imprecise && !Via.Callee && !Inverse && Sum.UnbegunEndAt[R].isInvalid() &&
        (Eff.Reg != Region::Irq || !E.FlagsKey.empty())) {
      Sum.UnbegunEndAt[R] = E.Loc;
      Sum.UnbegunEndBy[R] = E.Name;
    }
    if (S.Depth[R] != UnknownDepth) {
      if (S.Depth[R] <= 0 && (S.Opened & maskOf(Eff.Reg)) && !S.Imprecise && !FC.HasContract)
        H.regionUnderflow(FC, Eff.Reg, E, S);
      if (S.Depth[R] > -100)
        --S.Depth[R];
    }
    S.LastExit[R] = E.Loc;
    S.LastExitBy[R] = E.Name;
    if (Eff.Reg == Region::Irq && E.K == Event::Primitive && E.FlagsKey.empty() && !S.Imprecise &&
        llvm::any_of(S.IrqFlags, [](const std::string &F) { return !F.empty(); }))
      H.irqEnableInSave(FC, E, S.LastEnter[R], S);
    if (Eff.Reg == Region::Irq && !S.IrqFlags.empty()) {
      // A restore pairs with the save of the same flags; if that is not the
      // innermost one, report once and drop the save it pairs with, so the
      // next restore is judged on its own.
      std::string Open = S.IrqFlags.back();
      auto Match = S.IrqFlags.end();
      if (!E.FlagsKey.empty())
        for (auto It = S.IrqFlags.begin(); It != S.IrqFlags.end(); ++It)
          if (*It == E.FlagsKey)
            Match = It;
      if (!E.FlagsKey.empty() && !Open.empty() && Open != E.FlagsKey && !S.Imprecise)
        H.flagsMismatch(FC, E, Open, S);
      S.IrqFlags.erase(Match != S.IrqFlags.end() ? Match : S.IrqFlags.end() - 1);
    }
    if (Eff.Reg == Region::Irq && S.WokenAt.isValid() && S.Depth[R] == 0 &&
        S.IrqOnAt.isInvalid() && E.K == Event::Primitive) {
      S.IrqOnAt = E.Loc;
      S.IrqOnBy = E.Name;
    }
    if (Eff.Reg == Region::Preempt) {
      if (!Eff.NoResched) {
        S.WokenAt = SourceLocation(); // preempt_enable() checks need_resched
        S.IrqOnAt = SourceLocation();
      }
      if (Eff.NoResched && S.Depth[R] == 0 &&
          !(S.activeRegions() & (maskOf(Region::Preempt) | maskOf(Region::Irq))))
        S.NoReschedAt = E.Loc;
      else if (!Eff.NoResched)
        S.NoReschedAt = SourceLocation();
    }
    break;
  }
  case EffectKind::Acquire: {
    HeldLock L;
    L.Key = resolveAlias(S, LockKey);
    L.ClassIdx = int16_t(Eff.LockClassIdx);
    L.Shared = Eff.Shared;
    L.FlagsKey = E.FlagsKey;
    L.Loc = E.Loc;
    L.By = E.Name;
    L.Decl = E.LockDecl;
    if (Eff.LockClassIdx >= 0) {
      const LockClass &C = FA.Model.lockClasses()[Eff.LockClassIdx];
      L.Implies = C.Implies[rt()];
      // On RT a sleeping lock's _irq/_irqsave variants leave irqs on.
      RegionMask V = Eff.Implies;
      if (rt() && C.Sleeps[1])
        V &= maskOf(Region::Bh);
      L.Implies |= V;
    } else {
      L.Implies = Eff.Implies;
    }
    // (A trylock never waits: its effects are conditional, so E.Cond was set.)
    if (Eff.LockClassIdx >= 0 && FA.Model.lockClasses()[Eff.LockClassIdx].Sleeps[rt()] &&
        !Inverse && E.Cond == When::Always && !WasConditional) {
      // mutex_lock(); and spin_lock() on PREEMPT_RT, where RCU readers and
      // bottom-half sections are preemptible and may take sleeping spinlocks.
      RegionMask Atomic = atomicRegions();
      if (rt() && !FA.Model.lockClasses()[Eff.LockClassIdx].Sleeps[0])
        Atomic &= ~(maskOf(Region::Rcu) | maskOf(Region::Bh));
      checkSleep(S, E, Via, Atomic);
    }
    for (auto &Held : S.Locks)
      if (Held.Key == L.Key && !L.Key.empty() && L.Key[0] != '?' &&
          !(Held.Shared && L.Shared)) {
        if (!S.Imprecise && !FC.HasContract)
          H.doubleAcquire(FC, E, Held, S);
        // The task deadlocks here: nothing after it on this path is worth
        // reporting.
        S.Imprecise = true;
        return;
      }
    Sum.TakesLocks = true;
    if (Sum.Acquisitions.size() < 64 && L.Decl &&
        llvm::none_of(Sum.Acquisitions, [&](auto &A) { return A.Decl == L.Decl; }))
      Sum.Acquisitions.push_back({L.Decl, L.Key, E.Loc, E.Name});
    llvm::erase(S.ReleasedOwn, L.Key);
    S.Locks.push_back(std::move(L));
    llvm::sort(S.Locks, [](const HeldLock &A, const HeldLock &B) { return A.Key < B.Key; });
    break;
  }
  case EffectKind::Release: {
    std::string Key = resolveAlias(S, LockKey);
    if (E.LockDecl && Sum.ReleasedDecls.size() < 16 && !llvm::is_contained(Sum.ReleasedDecls, E.LockDecl))
      Sum.ReleasedDecls.push_back(E.LockDecl);
    auto It = llvm::find_if(S.Locks, [&](const HeldLock &L) { return L.Key == Key; });
    // A lock a callee took without a name we can see (base =
    // lock_timer_base(...); ... raw_spin_unlock(&base->lock)): the same
    // field of the same class is that lock.
    if (It == S.Locks.end() && E.LockDecl)
      It = llvm::find_if(S.Locks, [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.Decl == E.LockDecl &&
               L.ClassIdx == Eff.LockClassIdx;
      });
    // ptl = pte_lockptr(...) / huge_pte_lock(...); spin_unlock(ptl): a local
    // holding a lock a callee took. With one such lock of the class held,
    // that is the one.
    if (It == S.Locks.end() && !E.LockDecl) {
      auto Anon = [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.ClassIdx == Eff.LockClassIdx;
      };
      if (llvm::count_if(S.Locks, Anon) == 1)
        It = llvm::find_if(S.Locks, Anon);
    }
    if (It != S.Locks.end()) {
      if (It->FromCaller) {
        releaseCallersLock(S, It->Key, Eff.LockClassIdx, It->Decl, &*It);
        break;
      }
      S.Locks.erase(It);
      S.ReleasedOwn.push_back(Key);
      break;
    }
    if (Key.empty())
      break;
    // A lock a contract says the caller holds (__releases(rq->lock)) is
    // named as the contract writes it; the release names it as the code
    // does. Releasing a lock we do not hold releases that one.
    if (releaseCallersLock(S, Key, Eff.LockClassIdx, E.LockDecl))
      break;
    // Not held on this path. A lock this path took and released already is
    // a double unlock; a lock of the same class still held is the wrong
    // lock; anything else is the caller's lock (a release wrapper, also
    // when a contract says so: its summary must carry the release).
    bool Judge = !S.Imprecise && !FC.HasContract;
    if (Judge && llvm::is_contained(S.ReleasedOwn, Key)) {
      H.releaseNotHeld(FC, E, S, nullptr);
      break;
    }
    // A global lock of the caller's, released already on this path by a
    // primitive and not taken back (wait_task_zombie() drops its caller's
    // read_lock(&tasklist_lock); a write_unlock_irq() of it without the
    // write_lock_irq() is a second release). Only globals, and only
    // primitives written here: a lock reached through a local or a
    // pointer, or released inside a callee's summary, may be another
    // object's or another path's (measured on the core corpus: 54 false
    // positives without these limits).
    auto *Global = dyn_cast_or_null<VarDecl>(E.LockDecl);
    if (Judge && !Via.Callee && E.K == Event::Primitive && Global && Global->hasGlobalStorage() &&
        llvm::any_of(S.ReleasedEntry, [&](const HeldLock &R) {
          return R.Key == Key && FA.Model.lookup(R.By);
        })) {
      H.releaseNotHeld(FC, E, S, nullptr);
      break;
    }
    // The wrong lock: the same lock field of another object, or another
    // lock of the same object, is held.
    auto baseOf = [](llvm::StringRef K) { return K.rsplit('.').first; };
    for (auto &Held : S.Locks)
      if (Judge && Held.ClassIdx == Eff.LockClassIdx && Held.Key[0] != '?' &&
          ((Held.Decl && Held.Decl == E.LockDecl) ||
           (Key.find('.') != std::string::npos && baseOf(Held.Key) == baseOf(Key)) ||
           (Key.find_first_of(".[") == std::string::npos &&
            Held.Key.find_first_of(".[?") == std::string::npos))) {
        H.releaseNotHeld(FC, E, S, &Held);
        // Reported once; the path goes on as the code meant it (the held
        // lock released), so nothing downstream repeats the finding.
        S.ReleasedOwn.push_back(Held.Key);
        S.Locks.erase(S.Locks.begin() + (&Held - S.Locks.data()));
        return;
      }
    HeldLock Gone;
    Gone.Key = Key;
    Gone.ClassIdx = int16_t(Eff.LockClassIdx);
    Gone.Decl = E.LockDecl;
    Gone.Loc = E.Loc;
    Gone.By = E.Name;
    if (llvm::find(S.ReleasedEntry, Gone) == S.ReleasedEntry.end())
      S.ReleasedEntry.push_back(Gone);
    if (Sum.UnheldReleases.size() < 64 && E.LockDecl &&
        llvm::none_of(Sum.UnheldReleases, [&](auto &A) { return A.Decl == E.LockDecl; }))
      Sum.UnheldReleases.push_back({E.LockDecl, Key, E.Loc, E.Name});
    break;
  }
  case EffectKind::CpuId:
  case EffectKind::Percpu:
    if (Eff.Needs == Need::Pinned)
      checkPinned(S, E, Via);
    break;
  case EffectKind::Assert:
    // Asserted inside the path's own section of that region, it tells
    // nothing of the caller's context: once the section ends, the
    // caller's state is back (rcutree_migrate_callbacks() asserts
    // interrupts off between its local_irq_save() and _restore()).
    S.Assumed |= maskOf(Eff.Reg) & ~S.activeRegions();
    break;
  case EffectKind::AssertHeld: {
    // The lock's class tells what holding it implies; the class comes from
    // the lock expression's type. A lock this path does not hold is the
    // caller's: held from here, until the path releases it.
    if (E.LockClassIdx < 0)
      break;
    std::string Key = resolveAlias(S, LockKey);
    if (Key.empty()) {
      S.Assumed |= FA.Model.lockClasses()[E.LockClassIdx].Implies[rt()];
      break;
    }
    if (llvm::any_of(S.Locks, [&](const HeldLock &L) { return L.Key == Key; }))
      break;
    HeldLock L;
    L.Key = Key;
    L.ClassIdx = int16_t(E.LockClassIdx);
    L.Implies = FA.Model.lockClasses()[E.LockClassIdx].Implies[rt()];
    L.FromCaller = true;
    L.Asserted = true;
    L.Decl = E.LockDecl;
    L.Loc = E.Loc;
    L.By = E.Name;
    S.Locks.push_back(std::move(L));
    llvm::sort(S.Locks, [](const HeldLock &A, const HeldLock &B) { return A.Key < B.Key; });
    break;
  }
  case EffectKind::Resched:
    S.NoReschedAt = SourceLocation();
    S.WokenAt = SourceLocation();
    S.IrqOnAt = SourceLocation();
    break;
  case EffectKind::Sleep: {
    // copy_from_user() and friends fail instead of faulting in pages when
    // page faults are disabled.
    if (Eff.UnlessPagefault && (S.activeRegions() & maskOf(Region::Pagefault)))
      break;
    if (Eff.GfpArg < 0 && !E.Gfp) {
      checkSleep(S, E, Via);
      break;
    }
    auto G = gfpSleeps(S, E.Gfp);
    if (!G && Sum.SleepGfpParam >= 0)
      recordNeed(Sum.SleepGfp, E, Via); // where, for the callers' notes
    if (G && *G)
      checkSleep(S, E, Via);
    else if (rt())
      // On RT even an atomic allocation takes sleeping spinlocks: wrong
      // where preemption or interrupts are really off.
      checkSleep(S, E, Via, atomicRegions() & ~(maskOf(Region::Rcu) | maskOf(Region::Bh)));
    break;
  }
  case EffectKind::Deprecated:
    H.deprecatedPrimitive(FC, E);
    break;
  case EffectKind::FpuUse:
    checkFpu(S, E, Via);
    break;
  case EffectKind::FpuRestore:
    if (!(S.activeRegions() & (maskOf(Region::Preempt) | maskOf(Region::Irq) |
                               maskOf(Region::Fpu))) &&
        !S.Imprecise && !S.unknownIn(maskOf(Region::Preempt)) && !Deferred)
      H.fpuRestoreUnpinned(FC, E, S);
    break;
  case EffectKind::Wakes: {
    // Only interrupts off hold preemption back: nothing will act on the
    // need_resched this may set when they come back on.
    RegionMask A = S.activeRegions();
    if ((A & maskOf(Region::Irq)) && S.depth(Region::Irq) > 0 &&
        !(A & (maskOf(Region::Preempt) | maskOf(Region::Bh))) && S.WokenAt.isInvalid())
      S.WokenAt = E.Loc;
    break;
  }
  case EffectKind::Register:
    // The registering function is itself code of the tree (smp_call_function_single(),
    // call_rcu()): its call is an edge for the per-CPU needs of its body.
    if (E.PrimCallee)
      recordCall(S, {E.PrimCallee, nullptr, E.Loc, /*Modelled=*/true}, nullptr);
    break;
  }
}

void FunctionAnalyzer::applyEvent(PathState &S, const Event &E) {
  if (E.Cond != When::Always && E.Result) {
    for (auto &P : S.Pendings)
      if (P.Result == E.Result) {
        P.Events.push_back(&E);
        return;
      }
    Pending P;
    P.Result = E.Result;
    P.Events.push_back(&E);
    S.Pendings.push_back(std::move(P));
    return;
  }
  switch (E.K) {
  case Event::Primitive:
    applyEffect(S, *E.Eff, E, ViaCall(), E.LockKey, false);
    break;
  case Event::Call:
    applyCall(S, E, false);
    break;
  case Event::GuardEnd:
    applyCall(S, E, true);
    break;
  }
}

void FunctionAnalyzer::assignTo(PathState &S, const std::string &K, bool Mem,
                                const Expr *RHS, bool Global) {
    S.killFact(K);
    llvm::erase_if(S.Aliases, [&](auto &A) { return A.first == K; });
    llvm::erase_if(S.CpuVals, [&](const CpuValue &V) { return V.Var == K; });
    bool Pointer = false;
    llvm::StringRef By;
    if (!Mem && RHS && cpuSource(RHS, Pointer, By) && !S.Imprecise &&
        (S.activeRegions() & cpuPinningRegions()) && S.CpuVals.size() < 4) {
      CpuValue V;
      V.Var = K;
      V.Pointer = Pointer;
      V.At = RHS->getBeginLoc();
      V.By = By;
      S.CpuVals.push_back(std::move(V));
    }
    // A local pointer that copies another (struct x *p = d;): locks through
    // it are the same locks.
    if (!Mem && RHS && RHS->getType()->isPointerType()) {
      const Expr *R = RHS->IgnoreParenCasts();
      if (auto *UO = dyn_cast<UnaryOperator>(R); UO && UO->getOpcode() == UO_AddrOf)
        R = UO->getSubExpr()->IgnoreParenCasts();
      if (isa<DeclRefExpr>(R) || isa<MemberExpr>(R)) {
        std::string To = resolveAlias(S, canonicalKey(R));
        if (!To.empty() && To != K && S.Aliases.size() < 8)
          S.Aliases.push_back({K, To});
      }
    }
    if (Mem)
      S.killMemoryFacts();
    for (auto &P : S.Pendings)
      if (P.VarKey == K)
        P.VarKey.clear();
    if (!RHS)
      return;
    // x = !!q(), x = !q(): the variable carries the query's value.
    bool Neg = false;
    const Expr *R = RHS->IgnoreParenImpCasts();
    while (auto *UO = dyn_cast<UnaryOperator>(R)) {
      if (UO->getOpcode() != UO_LNot)
        break;
      Neg = !Neg;
      R = UO->getSubExpr()->IgnoreParenImpCasts();
    }
    for (auto &P : S.Pendings)
      if (P.Result && P.Result->IgnoreParenImpCasts() == R) {
        P.VarKey = K;
        P.Negated = Neg;
        return;
      }
    if (auto V = valueOf(S, RHS))
      S.setFact(Fact::exact(K, Mem, Global, *V));
}

const Primitive *FunctionAnalyzer::cpuSource(const Expr *RHS, bool &Pointer,
                                             llvm::StringRef &Name) const {
  const Expr *R = RHS->IgnoreParenImpCasts();
  const Primitive *P = nullptr;
  if (R->getBeginLoc().isMacroID()) {
    if (const MacroExpansionRec *Rec = FA.Macros.outermostOwner(R->getBeginLoc(), SM)) {
      P = Rec->Prim;
      Name = Rec->Name;
    }
  } else if (auto *CE = dyn_cast<CallExpr>(R)) {
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      P = FA.Model.lookup(FD->getName());
      Name = FD->getName();
    }
  }
  if (!P)
    return nullptr;
  for (const Effect &Eff : P->Effects) {
    if (Eff.Needs != Need::Pinned)
      continue;
    if (Eff.Kind == EffectKind::CpuId && R->getType()->isIntegerType()) {
      Pointer = false;
      return P;
    }
    if (Eff.Kind == EffectKind::Percpu && R->getType()->isPointerType()) {
      Pointer = true;
      return P;
    }
  }
  return nullptr;
}

void FunctionAnalyzer::staleAfter(PathState &S, const Event &E) {
  if ((S.activeRegions() & cpuPinningRegions()) || S.unknownIn(cpuPinningRegions()))
    return;
  for (auto &V : S.CpuVals)
    if (V.EndedAt.isInvalid()) {
      V.EndedAt = E.Loc;
      V.EndedBy = E.Name;
    }
}

void FunctionAnalyzer::checkCpuUse(PathState &S, const Stmt *St) {
  const Expr *Var = nullptr;
  bool AsPointer = false;
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(St))
    Var = AS->getIdx()->IgnoreParenImpCasts();
  else if (auto *UO = dyn_cast<UnaryOperator>(St); UO && UO->getOpcode() == UO_Deref) {
    Var = UO->getSubExpr()->IgnoreParenImpCasts();
    AsPointer = true;
  } else if (auto *ME = dyn_cast<MemberExpr>(St); ME && ME->isArrow()) {
    Var = ME->getBase()->IgnoreParenImpCasts();
    AsPointer = true;
  }
  auto *DR = dyn_cast_or_null<DeclRefExpr>(Var);
  if (!DR || S.Imprecise)
    return;
  llvm::StringRef Name = DR->getDecl()->getName();
  for (auto It = S.CpuVals.begin(); It != S.CpuVals.end(); ++It)
    if (It->Var == Name && It->Pointer == AsPointer && It->EndedAt.isValid()) {
      H.staleCpuValue(FC, St->getBeginLoc(), *It, S);
      S.CpuVals.erase(It); // once per value and path
      return;
    }
}

void FunctionAnalyzer::applyStmt(PathState &S, const Stmt *St) {
  if (!S.CpuVals.empty())
    checkCpuUse(S, St);
  auto assign = [&](const Expr *LHS, const Expr *RHS) {
    bool Mem = false, Glob = false;
    std::string K = factKey(LHS, Mem, Glob);
    if (K.empty()) {
      // A store we cannot name: memory facts may be stale.
      S.killMemoryFacts();
      return;
    }
    assignTo(S, K, Mem, RHS, Glob);
  };
  if (auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->getOpcode() == BO_Assign)
      assign(BO->getLHS(), BO->getRHS());
    else if (BO->isCompoundAssignmentOp())
      assign(BO->getLHS(), nullptr);
    return;
  }
  if (auto *UO = dyn_cast<UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp())
      assign(UO->getSubExpr(), nullptr);
    return;
  }
  if (auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D))
        if (!VD->hasGlobalStorage() && !FE.AddressTaken.count(VD) &&
            (VD->getLocation().isFileID() ||
             !FA.Macros.insidePrimitive(VD->getLocation(), FA.Ctx.getSourceManager()))) {
          if (const Expr *Init = VD->getInit())
            assignTo(S, VD->getName().str(), /*Mem=*/false, Init);
          else
            S.killFact(VD->getName());
        }
    return;
  }
  if (isa<CallExpr>(St))
    S.killGlobalFacts(); // a callee may change globals; fields of locals are kept
  if (auto *RS = dyn_cast<ReturnStmt>(St)) {
    S.Returned = true;
    S.ReturnLoc = RS->getBeginLoc();
    if (const Expr *RV = RS->getRetValue())
      S.ReturnValue = valueOf(S, RV);
    return;
  }

}

