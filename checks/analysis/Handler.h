//===- Handler.h - what the analysis reports, one virtual per event -*- C++ -*-===//
//
// The analysis never formats text: it calls a Handler (like Clang's
// ThreadSafetyHandler). Rules subscribe by overriding the events they care
// about; the default implementations ignore everything.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_HANDLER_H
#define PREEMPTLINT_ANALYSIS_HANDLER_H

#include "Events.h"
#include "PreemptState.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace preemptlint {

class KernelApiModel;

/// What a handler may want to know about the function being analysed.
struct FunctionContext {
  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  const KernelApiModel &Model;
  bool HasContract;      // __acquires/__releases/__must_hold on a declaration
  bool SchedulerCore;    // the file is part of the scheduler core
  bool CoreCode = true;  // the file is core kernel code (context queries allowed)
};

/// A CPU id or per-CPU access made through a call of a function of the
/// same file (the summary carried it to the call site).
struct ViaCall {
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Where; // the access inside the callee
  llvm::StringRef What;        // the primitive used there
  bool UnlessPagefault = false; // (sleeps) only by faulting in user memory
  bool ByGfpMask = false;       // (sleeps) by the GFP mask the call passes, at Where
};

class Handler {
public:
  virtual ~Handler() = default;

  /// E needs the task pinned to its CPU; on path S nothing pins it.
  virtual void unpinnedAccess(const FunctionContext &F, const Event &E,
                              const ViaCall &Via, const PathState &S) {}
  /// E ends region R on a path that had already ended everything it began.
  virtual void regionUnderflow(const FunctionContext &F, Region R,
                               const Event &E, const PathState &S) {}
  /// The function's exits disagree on region R: Leaking returns with R at
  /// a greater depth than Other, and their return values do not explain it.
  virtual void regionInconsistentExit(const FunctionContext &F, Region R,
                                      const PathState &Leaking,
                                      const PathState &Other) {}
  /// An irq restore whose flags are not those of the innermost save.
  virtual void flagsMismatch(const FunctionContext &F, const Event &E,
                             llvm::StringRef Expected, const PathState &S) {}
  /// An irq save into flags that still hold an open save of this path
  /// (S is the state before it): the state saved first is lost.
  virtual void flagsOverwritten(const FunctionContext &F, const Event &E, const PathState &S) {}
  /// preempt_enable_no_resched() made preemption possible again and the
  /// path returned without a reschedule point.
  virtual void lostPreemption(const FunctionContext &F, const PathState &S) {}
  /// A lock acquired while already held.
  virtual void doubleAcquire(const FunctionContext &F, const Event &E,
                             const HeldLock &Held, const PathState &S) {}
  /// A lock released that this path does not hold: released twice
  /// (Held == null), or while it holds another lock of the same class
  /// (Held: the lock it probably meant).
  virtual void releaseNotHeld(const FunctionContext &F, const Event &E,
                              const PathState &S, const HeldLock *Held) {}
  /// The function's exits disagree on lock L.
  virtual void lockInconsistentExit(const FunctionContext &F, const HeldLock &L,
                                    const PathState &Leaking,
                                    const PathState &Other) {}
  /// Path Releasing released R (at R.Loc) without having taken it, while
  /// path Other took and released it itself.
  virtual void releaseInconsistentExit(const FunctionContext &F, const HeldLock &R,
                                       const PathState &Releasing, const PathState &Other) {}
  /// F releases a lock it did not take, and F runs as a separate task or
  /// context (a work item, kthread, timer, irq handler, RCU callback); the
  /// lock is taken elsewhere in the file.
  struct HandOff {
    std::string LockKey;
    clang::SourceLocation ReleaseLoc;
    const clang::FunctionDecl *Acquirer = nullptr;
    clang::SourceLocation AcquireLoc;
    clang::SourceLocation RegisteredAt;
    llvm::StringRef RegisteredBy; // the registering primitive
  };
  virtual void releasedByOtherTask(const FunctionContext &F, const HandOff &HO) {}
  /// E may sleep while S is atomic (preemption, irqs or bottom halves off,
  /// a spinning lock held, inside RCU, kmap_atomic or an FPU section, or
  /// an atomic callback context).
  virtual void sleepInAtomic(const FunctionContext &F, const Event &E,
                             const ViaCall &Via, const PathState &S) {}
  /// E turns interrupts back on while an interrupt save (SaveLoc) is open.
  virtual void irqEnableInSave(const FunctionContext &F, const Event &E,
                               clang::SourceLocation SaveLoc, const PathState &S) {}
  /// Interrupts came back on (S.IrqOnAt, by S.IrqOnBy) after a wake-up
  /// (S.WokenAt) made while disabled interrupts were the only thing holding
  /// off preemption, and the path returned with no reschedule point: the
  /// reschedule the wake-up requested waits for the next preemption point.
  virtual void irqOnlyReschedule(const FunctionContext &F, const PathState &S) {}
  /// A branch at CondLoc chooses behaviour by a context query E
  /// (in_atomic(), irqs_disabled(), ...).
  virtual void contextQuery(const FunctionContext &F, const Event &E,
                            clang::SourceLocation CondLoc) {}
  /// E is a primitive with a preferred replacement.
  virtual void deprecatedPrimitive(const FunctionContext &F, const Event &E) {}
  /// E uses FPU/SIMD state with no FPU section open (kernel_fpu_begin()).
  virtual void fpuOutsideRegion(const FunctionContext &F, const Event &E,
                                const ViaCall &Via, const PathState &S) {}
  /// E begins an FPU section inside another (not reentrant).
  virtual void fpuNested(const FunctionContext &F, const Event &E, const PathState &S) {}
  /// E may sleep inside an FPU section.
  virtual void fpuSleep(const FunctionContext &F, const Event &E, const ViaCall &Via,
                        const PathState &S) {}
  /// E restores FPU registers with preemption enabled.
  virtual void fpuRestoreUnpinned(const FunctionContext &F, const Event &E,
                                  const PathState &S) {}
  /// A CPU id or per-CPU pointer V, obtained while the task was pinned, is
  /// used at Use (as an index, or dereferenced) after that ended on path S.
  virtual void staleCpuValue(const FunctionContext &F, clang::SourceLocation Use,
                             const CpuValue &V, const PathState &S) {}
  /// The per-function budget ran out; results for F are partial.
  virtual void budgetExhausted(const FunctionContext &F, unsigned Steps) {}
};

} // namespace preemptlint

#endif
