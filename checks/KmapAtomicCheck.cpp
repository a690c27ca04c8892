//===- KmapAtomicCheck.cpp - preempt-kmap-atomic --------------------------===//
#include "KmapAtomicCheck.h"

using namespace preemptlint;

void KmapAtomicCheck::deprecatedPrimitive(const FunctionContext &F, const Event &E) {
  if (!E.Eff)
    return;
  report(F, E.Loc,
         (E.Name + "() is deprecated; use " + E.Eff->Replacement +
          "() (it does not disable preemption or page faults: add "
          "preempt_disable() or pagefault_disable() only where the code relies on them)")
             .str());
}
