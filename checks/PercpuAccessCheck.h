//===- PercpuAccessCheck.h - preempt-percpu-access -------------*- C++ -*-===//
//
// preempt-percpu-access: per-CPU data or the current CPU id used while the
// task may be preempted and migrated.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_PERCPUACCESSCHECK_H
#define PREEMPTLINT_PERCPUACCESSCHECK_H

#include "Check.h"

namespace preemptlint {

class PercpuAccessCheck : public Check {
public:
  static constexpr const char *Summary =
      "Per-CPU data and the current CPU id must only be used while the task "
      "cannot move to another CPU.";
  explicit PercpuAccessCheck(DiagnosticSink &S)
      : Check("preempt-percpu-access", S) {}

  void unpinnedAccess(const FunctionContext &F, const Event &E,
                      const ViaCall &Via, const PathState &S) override;
  void unpinnedThroughCall(const FunctionFacts &Caller, const CallSite &C,
                           const std::vector<ChainStep> &Chain) override;
  void unpinnedInRoot(const FunctionFacts &F, const std::vector<ChainStep> &Chain) override;
  void unpinnedInProcessContext(const FunctionFacts &F, const RootContext &Why,
                                const std::vector<ChainStep> &Chain) override;
};

} // namespace preemptlint

#endif
