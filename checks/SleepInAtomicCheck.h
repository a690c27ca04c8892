//===- SleepInAtomicCheck.h - preempt-sleep-in-atomic ----------*- C++ -*-===//
//
// preempt-sleep-in-atomic: a call that may sleep while the task must not:
// preemption, interrupts or bottom halves disabled, a spinning lock held,
// inside rcu_read_lock(), kmap_atomic() or an FPU section, or in an atomic
// callback context.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_SLEEPINATOMICCHECK_H
#define PREEMPTLINT_SLEEPINATOMICCHECK_H

#include "Check.h"

namespace preemptlint {

class SleepInAtomicCheck : public Check {
public:
  static constexpr const char *Summary =
      "A call that may sleep must not be made in atomic context.";
  explicit SleepInAtomicCheck(DiagnosticSink &S) : Check("preempt-sleep-in-atomic", S) {}

  void sleepInAtomic(const FunctionContext &F, const Event &E, const ViaCall &Via,
                     const PathState &S) override;
  void sleepThroughCall(const FunctionFacts &Caller, const CallSite &C,
                        const std::vector<ChainStep> &Chain) override;
  void sleepInAtomicCallback(const FunctionFacts &T, const FunctionFacts &Registrant,
                             const Registration &R, const std::vector<ChainStep> &Chain) override;
  void sleepInAtomicMethod(const FunctionFacts &T, const FieldStore &S, const std::string &Context,
                           const std::vector<ChainStep> &Chain) override;

private:
  TreeBuilder atomicEntry(const FunctionFacts &T, const std::vector<ChainStep> &Chain,
                          const std::string &RunsIn);
};

} // namespace preemptlint

#endif
