//===- LockOwnerCheck.h - preempt-lock-owner -------------------*- C++ -*-===//
//
// preempt-lock-owner: a lock released by a task or context other than the one
// that acquired it.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_LOCKOWNERCHECK_H
#define PREEMPTLINT_LOCKOWNERCHECK_H

#include "Check.h"

namespace preemptlint {

class LockOwnerCheck : public Check {
public:
  static constexpr const char *Summary =
      "A lock acquired by one task must be released by the same task, not "
      "handed to a work item, kthread, timer or other callback.";
  explicit LockOwnerCheck(DiagnosticSink &S) : Check("preempt-lock-owner", S) {}

  void releasedByOtherTask(const FunctionContext &F, const HandOff &HO) override;
};

} // namespace preemptlint

#endif
