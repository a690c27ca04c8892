//===- KmapAtomicCheck.h - preempt-kmap-atomic -----------------*- C++ -*-===//
//
// preempt-kmap-atomic: kmap_atomic() where kmap_local_page() serves.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_KMAPATOMICCHECK_H
#define PREEMPTLINT_KMAPATOMICCHECK_H

#include "Check.h"

namespace preemptlint {

class KmapAtomicCheck : public Check {
public:
  static constexpr const char *Summary =
      "kmap_atomic() is deprecated: use kmap_local_page(), and disable "
      "preemption or page faults explicitly only where the code needs it.";
  explicit KmapAtomicCheck(DiagnosticSink &S) : Check("preempt-kmap-atomic", S) {}

  void deprecatedPrimitive(const FunctionContext &F, const Event &E) override;
  void unpinnedAccess(const FunctionContext &F, const Event &E, const ViaCall &Via,
                      const PathState &S) override;
};

} // namespace preemptlint

#endif
