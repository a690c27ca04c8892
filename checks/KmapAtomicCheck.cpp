//===- KmapAtomicCheck.cpp - preempt-kmap-atomic --------------------------===//
#include "KmapAtomicCheck.h"

#include "clang/AST/Decl.h"

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

void KmapAtomicCheck::unpinnedAccess(const FunctionContext &F, const Event &E,
                                     const ViaCall &Via, const PathState &S) {
  // A conversion from kmap_atomic() that kept relying on what it implied.
  if (S.depth(Region::KmapLocal) <= 0)
    return;
  std::string What = Via.Callee ? "call to '" + Via.Callee->getName().str() +
                                     "', which uses " + Via.What.str() + "()"
                               : E.Name.str() + "()";
  auto B = report(F, E.Loc,
                  What + " on per-CPU data inside a kmap_local_page() section; unlike "
                         "kmap_atomic(), kmap_local_page() does not disable preemption");
  B.note(S.LastEnter[unsigned(Region::KmapLocal)], "kmap_local_page() section begins here");
}
