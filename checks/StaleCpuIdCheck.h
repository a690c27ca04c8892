//===- StaleCpuIdCheck.h - preempt-stale-cpu-id -----------------*- C++ -*-===//
//
// A CPU id or per-CPU pointer obtained under protection must not be used
// to reach per-CPU data after the protection ended.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_STALECPUIDCHECK_H
#define PREEMPTLINT_STALECPUIDCHECK_H

#include "Check.h"

namespace preemptlint {

class StaleCpuIdCheck : public Check {
public:
  static constexpr const char *Summary =
      "A CPU id or per-CPU pointer obtained under protection must not be used "
      "to reach per-CPU data after the protection ended.";
  explicit StaleCpuIdCheck(DiagnosticSink &S) : Check("preempt-stale-cpu-id", S) {}

  void staleCpuValue(const FunctionContext &F, clang::SourceLocation Use, const CpuValue &V,
                     const PathState &S) override;
};

} // namespace preemptlint

#endif
