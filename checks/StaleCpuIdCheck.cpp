//===- StaleCpuIdCheck.cpp - preempt-stale-cpu-id -------------------------===//
#include "StaleCpuIdCheck.h"

using namespace preemptlint;

void StaleCpuIdCheck::staleCpuValue(const FunctionContext &F, clang::SourceLocation Use,
                                    const CpuValue &V, const PathState &S) {
  std::string Msg =
      V.Pointer
          ? "per-CPU pointer '" + V.Var + "' (from " + V.By.str() +
                "()) dereferenced after the protection it was obtained under ended; the task "
                "may have moved to another CPU"
          : "CPU id '" + V.Var + "' (from " + V.By.str() +
                "()) used as an index after the protection it was obtained under ended; the "
                "task may have moved to another CPU";
  auto B = report(F, Use, Msg);
  B.note(V.At, "obtained here by " + V.By + "()");
  B.note(V.EndedAt, "protection ended here by " + V.EndedBy + "()");
  B.trail(S);
}
