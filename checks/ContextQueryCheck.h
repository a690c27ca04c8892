//===- ContextQueryCheck.h - preempt-context-query -------------*- C++ -*-===//
//
// preempt-context-query: behaviour chosen by in_atomic(), preempt_count(),
// preemptible(), irqs_disabled(), in_interrupt() outside core kernel code.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_CONTEXTQUERYCHECK_H
#define PREEMPTLINT_CONTEXTQUERYCHECK_H

#include "Check.h"

namespace preemptlint {

class ContextQueryCheck : public Check {
public:
  static constexpr const char *Summary =
      "Code outside the core kernel must not choose its behaviour by querying "
      "the preemption or interrupt context.";
  explicit ContextQueryCheck(DiagnosticSink &S) : Check("preempt-context-query", S) {}

  void contextQuery(const FunctionContext &F, const Event &E,
                    clang::SourceLocation CondLoc) override;
};

} // namespace preemptlint

#endif
