//===- TreeExitEffects.cpp - effects left to callers, judged by them -----===//
//
// What a function leaves held, or ends without having begun, on every path
// or on some: a wrapper when its callers in the tree answer for it (they
// release what it returns holding, hold what it releases), a contract says
// so, or the model describes the pair; otherwise a leak or a release of
// nothing, reported at the function (TreeLink.h).
//
//===----------------------------------------------------------------------===//
#include "TreeLinker.h"

using namespace preemptlint;
using namespace preemptlint::treelink;

bool Linker::sameEffect(const ExitEffect &A, const ExitEffect &B) {
  return A.Lock == B.Lock && A.Region == B.Region;
}

bool Linker::hasEffect(const std::vector<ExitEffect> &V, const ExitEffect &E) {
  return llvm::any_of(V, [&](const ExitEffect &X) { return sameEffect(X, E); });
}

bool Linker::endsItself(const FunctionFacts *G, const FunctionFacts *F, const ExitEffect &E) const {
  if (hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E))
    return true;
  // A release G's own analysis matched (G->Released, G->Ends: somewhere,
  // balanced or not) ends F's effect only when that analysis knew F's
  // summary: F in G's file and held on every path. Across files, G's
  // release of what F took was unheld in G's analysis (G->Releases
  // above); a balanced pair of G's own (load_module() around its own
  // module_mutex work) ends nothing of F's. Interrupts stay answered by
  // any restore (the flags' owner is not in the facts).
  bool Known = E.EveryPath && FileOf.lookup(G) == FileOf.lookup(F);
  if (!E.Lock.empty() ? Known && llvm::is_contained(G->Released, E.Lock)
                      : (Known || E.Region == "irq") && llvm::is_contained(G->Ends, E.Region))
    return true;
  // A callee ends it for G only when it releases what it did not take
  // (a release helper); one that takes and releases the lock itself
  // (ring_buffer_iter_peek() around its own work) ends nothing of G's.
  return llvm::any_of(G->Calls, [&](const CallSite &X) {
    const FunctionFacts *T = calleeOf(X);
    return T && T != G && (hasEffect(T->Releases, E) || hasEffect(T->ReleasesSome, E));
  });
}

bool Linker::throughContract(const FunctionFacts *F, const ExitEffect &E) const {
  const FunctionFacts *T = byFunction(F, E);
  return T && T->Contract;
}

bool Linker::lockMayImply(const std::string &RegionName) {
  Region R;
  return parseRegion(RegionName, R) &&
         (R == Region::Preempt || R == Region::Irq || R == Region::Bh);
}

bool Linker::modelBalances(const std::string &Name) const {
  const Primitive *P = Model.lookup(Name);
  return P && llvm::any_of(P->Effects, [](const Effect &X) {
           return X.Kind == EffectKind::Enter || X.Kind == EffectKind::Exit ||
                  X.Kind == EffectKind::Acquire || X.Kind == EffectKind::Release;
         });
}

bool Linker::modelReleases(const std::string &Name, const ExitEffect &E) const {
  const Primitive *P = E.Lock.empty() ? nullptr : Model.lookup(Name);
  return P && llvm::any_of(P->Effects, [&](const Effect &X) {
           return X.Kind == EffectKind::Release && X.LockName == E.Lock;
         });
}

bool Linker::pairInFile(const FunctionFacts *F, const ExitEffect &E, bool Acquires) const {
  return llvm::any_of(sameFile(F), [&](const FunctionFacts *G) {
    return G != F && !Callers.count(G) &&
           (Acquires ? hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E)
                     : hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E));
  });
}

bool Linker::handedOffInFile(const FunctionFacts *F, const ExitEffect &E) const {
  return llvm::any_of(sameFile(F), [&](const FunctionFacts *G) {
    return G != F && !Callers.count(G) && Callbacks.count(G) &&
           (hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E));
  });
}

bool Linker::heldAnswered(const FunctionFacts *F, const ExitEffect &E,
                          std::set<const FunctionFacts *> &Seen) {
  if (!Seen.insert(F).second)
    return true; // recursion: judged where the chain began
  // A conditional lock helper says so by its name, callers or not; a
  // callback nothing in the tree calls is no helper, whatever its name
  // (clocksource_watchdog(), a timer, matches "*lock*").
  bool Callback = Callbacks.count(F) && !Callers.count(F);
  if (!E.EveryPath && !Callback && matchesAny(Model.acquireWrapperPatterns(), F->Name))
    return true;
  if (throughContract(F, E) || handedOffInFile(F, E))
    return true;
  // A callee F calls while holding it ends it (the release is across a
  // file boundary, so F's own analysis did not see it).
  for (auto &C : F->Calls) {
    const FunctionFacts *T = calleeOf(C);
    if (!T)
      continue;
    // A callee that ends the section only inside its own balanced pair
    // (__task_pid_nr_ns() and its rcu_read_lock()), or drops the lock
    // and takes it back (remove_waiter() around lock->wait_lock), ends
    // nothing of F's; a restore of interrupts answers whatever saved
    // them.
    if (hasEffect(T->Releases, E) || hasEffect(T->ReleasesSome, E) ||
        (E.Region == "irq" && llvm::is_contained(T->Ends, E.Region)))
      return true;
  }
  auto It = Callers.find(F);
  if (It == Callers.end())
    return (!Registered.count(F) && matchesAny(Model.acquireWrapperPatterns(), F->Name)) ||
           pairInFile(F, E, /*Acquires=*/false);
  for (auto &[G, C] : It->second) {
    if (G->Contract || endsItself(G, F, E))
      return true;
    // A wrapper of a wrapper: its callers answer.
    if ((hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E)) && heldAnswered(G, E, Seen))
      return true;
  }
  return false;
}

bool Linker::endAnswered(const FunctionFacts *F, const ExitEffect &E,
                         std::set<const FunctionFacts *> &Seen, unsigned Depth) {
  // Visited already (another call site of the same caller, a diamond,
  // recursion): what it could answer, it answered there.
  if (!Seen.insert(F).second)
    return false;
  if (throughContract(F, E))
    return true;
  // The name of a conditional release helper answers for itself, not for
  // the callees of its callers (Depth > 0), nor in a callback nothing in
  // the tree calls (try_to_unmap_one(), an rmap walk's callback).
  bool Callback = Callbacks.count(F) && !Callers.count(F);
  if (!E.EveryPath && Depth == 0 && !Callback &&
      matchesAny(Model.releaseWrapperPatterns(), F->Name))
    return true;
  // F took it itself, through a function of the tree it calls (a
  // conditional lock helper across a file boundary, get_locked_pte()),
  // which its own analysis did not see.
  // An annotated callee (__acquires(RCU) on ieee80211_ibss_finish_sta())
  // answers a section too: its contract says what it leaves held (the
  // facts do not say which lock a contract names).
  if (llvm::any_of(F->Calls, [&](const CallSite &X) {
        const FunctionFacts *T = calleeOf(X);
        return T && T != F &&
               (hasEffect(T->Acquires, E) || hasEffect(T->AcquiresSome, E) ||
                (T->Contract && !E.Region.empty()));
      }))
    return true;
  auto It = Callers.find(F);
  if (It == Callers.end())
    return Depth == 0 && ((!Callback && matchesAny(Model.releaseWrapperPatterns(), F->Name)) ||
                          pairInFile(F, E, /*Acquires=*/true));
  for (auto &[G, C] : It->second) {
    // Annotated, or described by the model as releasing this very lock
    // (do_wait_thread() releases its caller's tasklist_lock when it
    // returns non-zero): its caller is documented to hold it.
    if (G->Contract || modelReleases(G->Name, E))
      return true;
    if (!E.Lock.empty() && llvm::is_contained(C->Held, E.Lock))
      return true;
    // It took it through another function of the tree (get ... put pairs
    // called from one caller).
    if (llvm::any_of(G->Calls, [&](const CallSite &X) {
          const FunctionFacts *T = calleeOf(X);
          return T && T != F && (hasEffect(T->Acquires, E) || hasEffect(T->AcquiresSome, E));
        }))
      return true;
    // A region: the call is made inside that section of the caller, or,
    // for preemption, interrupts and bottom halves, under a lock that
    // may imply it (the call site keeps only the innermost cause).
    if (!E.Region.empty() && C->Atomic &&
        (C->AtomicRegion == E.Region || (!C->AtomicLock.empty() && lockMayImply(E.Region))))
      return true;
    // A region the caller itself began and returns in (its analysis saw
    // the callee as a plain call): the caller acquires it for F.
    if (hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E))
      return true;
    if ((hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E)) && endAnswered(G, E, Seen))
      return true;
    // Held across the caller: the caller's own callers hold it when they
    // call it (wait_consider_task() -> wait_task_stopped(), under its
    // caller's read_lock(&tasklist_lock); _prb_commit() under its
    // callers' saved interrupt state).
    // Not for an RCU read-side section: it nests, so a function that
    // ends one its direct caller did not begin has no reason to (the
    // caller's caller's section is still the caller's business).
    if (Depth < MaxHeldDepth && E.Region != "rcu" && endAnswered(G, E, Seen, Depth + 1))
      return true;
  }
  return false;
}

void Linker::judgeExitEffects() {
  for (auto *F : All) {
    // An annotated function, or one the model describes as taking,
    // releasing, beginning or ending something (its calls are the
    // model's primitive, so the tree records no callers for it:
    // schedule_preempt_disabled()), answers for its effects by its
    // contract. One the model knows only as sleeping (down_timeout()
    // and the semaphore lock it takes inside) is judged by its code.
    if (F->Contract || modelBalances(F->Name))
      continue;
    unsigned N = 0;
    if (auto It = Callers.find(F); It != Callers.end())
      N = It->second.size();
    for (auto *List : {&F->Acquires, &F->AcquiresSome})
      for (auto &E : *List) {
        // A section held on some exits only was judged by the file's
        // own analysis (an inconsistent exit, or one the return value
        // explains); here it is only evidence for the callers.
        if (!E.EveryPath && !E.Region.empty())
          continue;
        std::set<const FunctionFacts *> Seen;
        if (!heldAnswered(F, E, Seen))
          H.heldForNobody(*F, E, N);
      }
    // Every path, or some path of the function: either way the callers
    // must hold it at the call.
    for (auto *List : {&F->Releases, &F->ReleasesSome})
      for (auto &E : *List) {
        std::set<const FunctionFacts *> Seen;
        if (!endAnswered(F, E, Seen))
          H.endedForNobody(*F, E, N);
      }
  }
}
