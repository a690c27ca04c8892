//===- IrqProtectionCheck.cpp - preempt-irq-protection --------------------===//
#include "IrqProtectionCheck.h"

using namespace preemptlint;

void IrqProtectionCheck::irqEnableInSave(const FunctionContext &F, const Event &E,
                                         clang::SourceLocation SaveLoc,
                                         const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() turns interrupts on inside a region that saved the "
                            "interrupt state; whoever disabled them loses that protection "
                            "(restore the saved flags instead)")
                      .str());
  if (SaveLoc.isValid())
    B.note(SaveLoc, "interrupt state saved here");
  B.trail(S);
}

void IrqProtectionCheck::irqOnlyReschedule(const FunctionContext &F, const PathState &S) {
  auto B = report(F, S.IrqOnAt,
                  (S.IrqOnBy + "() turns interrupts back on after a wake-up made with "
                               "only interrupts disabled, and no reschedule point follows; "
                               "the reschedule it requested waits for the next preemption "
                               "point (hold a spinlock or preempt_disable() around it, or call "
                               "preempt_check_resched())")
                      .str());
  B.note(S.WokenAt, "wake-up here, with interrupts off and preemption enabled");
  B.trail(S);
}
