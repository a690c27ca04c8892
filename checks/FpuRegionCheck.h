//===- FpuRegionCheck.h - preempt-fpu-region -------------------*- C++ -*-===//
//
// preempt-fpu-region: FPU/SIMD state used outside kernel_fpu_begin() /
// kernel_fpu_end() (and the arch variants), FPU sections begun inside one
// another, sleeping inside one, and FPU register restores with preemption on.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_FPUREGIONCHECK_H
#define PREEMPTLINT_FPUREGIONCHECK_H

#include "Check.h"
#include "llvm/ADT/DenseSet.h"

namespace preemptlint {

class FpuRegionCheck : public Check {
public:
  static constexpr const char *Summary =
      "FPU and SIMD state must only be used inside kernel_fpu_begin()/"
      "kernel_fpu_end(), which must not nest or sleep.";
  explicit FpuRegionCheck(DiagnosticSink &S) : Check("preempt-fpu-region", S) {}

  void fpuOutsideRegion(const FunctionContext &F, const Event &E, const ViaCall &Via,
                        const PathState &S) override;
  void fpuNested(const FunctionContext &F, const Event &E, const PathState &S) override;
  void fpuSleep(const FunctionContext &F, const Event &E, const ViaCall &Via,
                const PathState &S) override;
  void fpuRestoreUnpinned(const FunctionContext &F, const Event &E,
                          const PathState &S) override;

private:
  /// Functions with an FPU use outside a section already reported.
  llvm::DenseSet<const clang::FunctionDecl *> ReportedOutside;
};

} // namespace preemptlint

#endif
