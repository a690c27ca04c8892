//===- FpuRegionCheck.cpp - preempt-fpu-region ----------------------------===//
#include "FpuRegionCheck.h"

#include "Wording.h"

#include "clang/AST/Decl.h"

using namespace preemptlint;

void FpuRegionCheck::fpuOutsideRegion(const FunctionContext &F, const Event &E,
                                      const ViaCall &Via, const PathState &S) {
  // The first use on a path out of its section says it; the rest of the
  // same function's arithmetic would only repeat it.
  if (!ReportedOutside.insert(F.FD).second)
    return;
  // FPU routines are named by the callee; other uses are described.
  bool Routine = E.Callee != nullptr;
  std::string What = Via.Callee ? "call to '" + Via.Callee->getName().str() +
                                      "', which uses FPU state (" + Via.What.str() + "),"
                     : Routine ? "call to FPU routine '" + E.Name.str() + "'"
                               : E.Name.str();
  auto B = report(F, E.Loc,
                  What + " outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does "
                         "not save FPU registers for kernel code");
  if (Via.Callee && Via.Where.isValid())
    B.note(Via.Where, (Via.What + " here").str());
  unsigned R = unsigned(Region::Fpu);
  if (S.LastExit[R].isValid())
    B.note(S.LastExit[R], ("the FPU section ended here (" + S.LastExitBy[R] + "())").str());
  B.trail(S);
}

void FpuRegionCheck::fpuNested(const FunctionContext &F, const Event &E, const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() begins an FPU section inside another; FPU sections do "
                            "not nest")
                      .str());
  unsigned R = unsigned(Region::Fpu);
  if (S.LastEnter[R].isValid())
    B.note(S.LastEnter[R], ("outer section begun here (" + S.LastEnterBy[R] + "())").str());
  B.trail(S);
}

void FpuRegionCheck::fpuSleep(const FunctionContext &F, const Event &E, const ViaCall &Via,
                              const PathState &S) {
  std::string What = Via.Callee ? "call to '" + Via.Callee->getName().str() +
                                      "', which may sleep (" + sleepCause(Via) + "),"
                                : E.Name.str() + "(), which may sleep,";
  auto B = report(F, E.Loc, What + " inside an FPU section; kernel_fpu_begin() disabled preemption");
  unsigned R = unsigned(Region::Fpu);
  if (S.LastEnter[R].isValid())
    B.note(S.LastEnter[R], ("FPU section begun here (" + S.LastEnterBy[R] + "())").str());
}

void FpuRegionCheck::fpuRestoreUnpinned(const FunctionContext &F, const Event &E,
                                        const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() restores FPU registers with preemption enabled; a "
                            "preemption in between loses or corrupts them")
                      .str());
  B.trail(S);
}
