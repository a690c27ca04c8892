//===- LockBalanceCheck.h - preempt-lock-balance ---------------*- C++ -*-===//
//
// preempt-lock-balance: a lock held at exit on some paths but not on others,
// acquired twice, or released when this path does not hold it.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_LOCKBALANCECHECK_H
#define PREEMPTLINT_LOCKBALANCECHECK_H

#include "Check.h"

namespace preemptlint {

class LockBalanceCheck : public Check {
public:
  static constexpr const char *Summary =
      "A lock must be released on every path that acquired it, never acquired "
      "twice and never released when the path does not hold it.";
  explicit LockBalanceCheck(DiagnosticSink &S) : Check("preempt-lock-balance", S) {}

  void doubleAcquire(const FunctionContext &F, const Event &E, const HeldLock &Held,
                     const PathState &S) override;
  void releaseNotHeld(const FunctionContext &F, const Event &E, const PathState &S,
                      const HeldLock *Held) override;
  void lockInconsistentExit(const FunctionContext &F, const HeldLock &L,
                            const PathState &Leaking, const PathState &Other) override;
  void releaseInconsistentExit(const FunctionContext &F, const HeldLock &R,
                               const PathState &Releasing, const PathState &Other) override;
  void heldForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned Callers) override;
  void endedForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned Callers) override;
};

} // namespace preemptlint

#endif
