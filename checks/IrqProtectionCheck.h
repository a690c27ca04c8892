//===- IrqProtectionCheck.h - preempt-irq-protection -----------*- C++ -*-===//
//
// preempt-irq-protection: interrupts turned back on inside a region that
// saved their state, so the saver's protection silently ends; and disabled
// interrupts used as the only guard around a wake-up, whose reschedule then
// waits for the next preemption point.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_IRQPROTECTIONCHECK_H
#define PREEMPTLINT_IRQPROTECTIONCHECK_H

#include "Check.h"

namespace preemptlint {

class IrqProtectionCheck : public Check {
public:
  static constexpr const char *Summary =
      "Interrupts must not be re-enabled unconditionally inside a region that "
      "saved the interrupt state.";
  explicit IrqProtectionCheck(DiagnosticSink &S) : Check("preempt-irq-protection", S) {}

  void irqEnableInSave(const FunctionContext &F, const Event &E,
                       clang::SourceLocation SaveLoc, const PathState &S) override;
  void irqOnlyReschedule(const FunctionContext &F, const PathState &S) override;
};

} // namespace preemptlint

#endif
