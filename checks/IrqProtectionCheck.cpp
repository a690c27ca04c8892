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
