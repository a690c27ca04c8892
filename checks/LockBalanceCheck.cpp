//===- LockBalanceCheck.cpp - preempt-lock-balance ------------------------===//
#include "LockBalanceCheck.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

using namespace preemptlint;

static clang::SourceLocation exitLoc(const FunctionContext &F, const PathState &S) {
  return S.ReturnLoc.isValid() ? S.ReturnLoc : F.FD->getBody()->getEndLoc();
}

void LockBalanceCheck::doubleAcquire(const FunctionContext &F, const Event &E,
                                     const HeldLock &Held, const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() acquires '" + Held.Key +
                   "', which this path already holds; the task deadlocks on itself")
                      .str());
  B.note(Held.Loc, "first acquired by " + takenBy(Held) + " here");
  B.trail(S);
}

void LockBalanceCheck::releaseNotHeld(const FunctionContext &F, const Event &E,
                                      const PathState &S, const HeldLock *Held) {
  if (!Held) {
    auto B = report(F, E.Loc,
                    (E.Name + "() releases '" + E.LockKey +
                     "', which this path already released")
                        .str());
    B.trail(S);
    return;
  }
  auto B = report(F, E.Loc,
                  (E.Name + "() releases '" + E.LockKey +
                   "', which this path does not hold; it holds '" + Held->Key + "'")
                      .str());
  B.note(Held->Loc, "'" + Held->Key + "' acquired by " + takenBy(*Held) + " here");
  B.trail(S);
}

void LockBalanceCheck::lockInconsistentExit(const FunctionContext &F, const HeldLock &L,
                                            const PathState &Leaking,
                                            const PathState &Other) {
  auto B = report(F, exitLoc(F, Leaking),
                  ("'" + F.FD->getName() + "' returns with '" + L.Key +
                   "' held on this path but not on others")
                      .str());
  B.note(L.Loc, "acquired by " + takenBy(L) + " here");
  B.trail(Leaking);
  B.note(exitLoc(F, Other), "another path returns here without it");
}

void LockBalanceCheck::releaseInconsistentExit(const FunctionContext &F, const HeldLock &R,
                                               const PathState &Releasing,
                                               const PathState &Other) {
  auto B = report(F, R.Loc,
                  ("'" + F.FD->getName() + "' releases '" + R.Key +
                   "' on this path without having taken it; another path takes and releases it itself")
                      .str());
  B.trail(Releasing);
  B.note(exitLoc(F, Other), "another path returns here, having taken and released it");
}

// Whole tree: the lock is left to callers that do not take it over.
void LockBalanceCheck::heldForNobody(const FunctionFacts &F, const ExitEffect &E,
                                     unsigned Callers) {
  if (E.Lock.empty())
    return;
  auto B = reportAt(F.Name, E.Exit,
                    "'" + F.Name + "' returns with '" + E.Shown + "' held " +
                        (E.EveryPath ? "on every path" : "on this path") + ", and " +
                        (Callers ? "none of its " + std::to_string(Callers) +
                                       " callers in the tree releases it"
                                 : std::string("it has no caller in the tree to release it")));
  B.note(E.Where, "acquired by " + E.By + "() here");
}

void LockBalanceCheck::endedForNobody(const FunctionFacts &F, const ExitEffect &E,
                                      unsigned Callers) {
  if (E.Lock.empty())
    return;
  reportAt(F.Name, E.Where,
           "'" + F.Name + "' releases '" + E.Shown + "', " +
               (E.EveryPath ? "which it never acquires" : "on a path that does not acquire it") +
               ", and " +
               (Callers ? "none of its " + std::to_string(Callers) +
                              " callers in the tree holds it at the call"
                        : std::string("it has no caller in the tree that holds it")));
}
