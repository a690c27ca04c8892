//===- BalanceCheck.h - preempt-balance ------------------------*- C++ -*-===//
//
// preempt-balance: preempt_disable/enable, get_cpu/put_cpu,
// local_irq_save/restore, local_bh_disable/enable, rcu_read_lock/unlock,
// kmap_atomic/kunmap_atomic and kernel_fpu_begin/end must nest and balance on
// every path.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_BALANCECHECK_H
#define PREEMPTLINT_BALANCECHECK_H

#include "Check.h"

namespace preemptlint {

class BalanceCheck : public Check {
public:
  static constexpr const char *Summary =
      "Regions that disable preemption, interrupts, bottom halves, RCU, "
      "migration, kmap_atomic or FPU use must nest and balance on every path.";
  explicit BalanceCheck(DiagnosticSink &S) : Check("preempt-balance", S) {}

  void regionUnderflow(const FunctionContext &F, Region R, const Event &E,
                       const PathState &S) override;
  void regionInconsistentExit(const FunctionContext &F, Region R,
                              const PathState &Leaking,
                              const PathState &Other) override;
  void flagsMismatch(const FunctionContext &F, const Event &E,
                     llvm::StringRef Expected, const PathState &S) override;
  void flagsOverwritten(const FunctionContext &F, const Event &E, const PathState &S) override;
  void lostPreemption(const FunctionContext &F, const PathState &S) override;
  void heldForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned Callers) override;
  void endedForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned Callers) override;
};

} // namespace preemptlint

#endif
