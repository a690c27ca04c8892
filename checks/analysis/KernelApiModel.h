//===- KernelApiModel.h - what each kernel primitive does -------*- C++ -*-===//
//
// The kernel API model: a table, loaded from JSON (checks/model/kernel-api.json
// plus any --model files), that says what every primitive the analysis knows
// does to the preemption state. Primitives are matched by name, both as a
// called function and as a macro expansion. The schema is documented in
// docs/model.md.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_KERNELAPIMODEL_H
#define PREEMPTLINT_ANALYSIS_KERNELAPIMODEL_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace preemptlint {

/// The regions the state tracks a nesting depth for.
enum class Region : uint8_t {
  Preempt,   // preempt_disable
  Irq,       // local_irq_disable / local_irq_save
  Bh,        // local_bh_disable
  Rcu,       // rcu_read_lock
  Migrate,   // migrate_disable
  Kmap,      // kmap_atomic
  Fpu,       // kernel_fpu_begin
  Pagefault, // pagefault_disable
  KmapLocal, // kmap_local_page (pins nothing: only tracked for balance and kmap checks)
};
constexpr unsigned NumRegions = 9;
using RegionMask = uint16_t;
inline RegionMask maskOf(Region R) { return RegionMask(1u << unsigned(R)); }
llvm::StringRef regionName(Region R);
bool parseRegion(llvm::StringRef S, Region &R);

/// Regions that keep the current task on its CPU (what
/// lib/smp_processor_id.c:check_preemption_disabled accepts).
RegionMask cpuPinningRegions();

/// Regions in which sleeping is a bug (atomic context).
RegionMask atomicRegions();

/// The preemption model a primitive's effect is read under.
enum class PreemptModel : uint8_t { None, Voluntary, Full, RT };
bool parsePreemptModel(llvm::StringRef S, PreemptModel &M);

/// The execution context a callback is registered to run in.
/// IrqsOff: called with local interrupts disabled, but not from an interrupt
/// (cpuidle_state.enter, which the idle loop calls with interrupts off).
enum class EntryContext : uint8_t { Process, Softirq, Hardirq, IpiCallback, PercpuThread, IrqsOff, Boot };
/// The model's name of a context ("softirq", ...), and whether it is atomic.
llvm::StringRef contextName(EntryContext C);
bool parseContext(llvm::StringRef S, EntryContext &C);
bool atomicContext(EntryContext C);

enum class EffectKind : uint8_t {
  Enter,      // a region begins (depth + 1)
  Exit,       // a region ends (depth - 1)
  Acquire,    // a lock is taken
  Release,    // a lock is released
  CpuId,      // yields the current CPU id
  Percpu,     // touches this CPU's per-CPU data
  Assert,     // asserts that a region is active (lockdep_assert_*)
  AssertHeld, // asserts that a lock (argument) is held
  Register,   // registers a function argument as a callback of a context
  Resched,    // a reschedule point (preempt_check_resched, schedule)
  Sleep,      // may sleep (always, or when its GFP argument allows reclaim)
  Deprecated, // has a preferred replacement (kmap_atomic -> kmap_local_page)
  Wakes,      // may set need_resched (wake_up_process(), complete())
  FpuUse,     // uses FPU/SIMD state (an FPU routine)
  FpuRestore, // restores FPU registers: needs preemption disabled
};

/// Whether a CPU id / per-CPU access needs the task pinned to its CPU.
enum class Need : uint8_t { Pinned, None };

struct LockClass {
  std::string Name;                 // "spinlock", "mutex", ...
  std::vector<std::string> Types;   // C types whose address names such a lock
  RegionMask Implies[2] = {0, 0};   // [0] non-RT models, [1] RT
  bool Sleeps[2] = {false, false};  // acquiring may sleep
};

struct Effect {
  EffectKind Kind = EffectKind::Enter;
  Region Reg = Region::Preempt;     // Enter/Exit/Assert
  int FlagsArg = -1;                // irq save/restore flags argument
  int LockArg = -1;                 // Acquire/Release/AssertHeld
  std::string LockName;             // ... or a fixed, global lock (rtnl_lock())
  int LockClassIdx = -1;            // index into KernelApiModel::lockClasses()
  RegionMask Implies = 0;           // extra regions a lock variant holds (irq, bh)
  bool Shared = false;              // read side of a rw lock
  bool NoResched = false;           // preempt_enable_no_resched
  Need Needs = Need::Pinned;        // CpuId/Percpu
  int FnArg = -1;                   // Register
  int GfpArg = -1;                  // Sleep: only if this GFP argument allows direct reclaim
  std::string Replacement;          // Deprecated
  bool UnlessPagefault = false;     // Sleep: not with page faults disabled (user access)
  EntryContext Ctx = EntryContext::Process;
  /// Register: the context chosen by the enumerator written in argument
  /// CtxArg (the first glob that matches its name); Ctx when none does,
  /// or when the argument is not an enumerator (cpuhp_setup_state() by
  /// its state: CPUHP_AP_*_STARTING callbacks run with interrupts off).
  int CtxArg = -1;
  std::vector<std::pair<std::string, EntryContext>> CtxByArg;
  bool RTOnly = false, NonRTOnly = false;
};

/// When a primitive's effects happen.
enum class When : uint8_t { Always, NonZero, Zero };

struct Primitive {
  std::string Name;
  enum MatchKind : uint8_t { Any, Call, Macro } Match = Any;
  When Cond = When::Always;
  std::vector<Effect> Effects;
};

/// Sparse-style contract annotations on declarations (__acquires(x) ...).
enum class ContractKind : uint8_t { Acquires, Releases, MustHold, CondAcquires };

/// A struct field that holds a callback run in an atomic context
/// (timer_list.function, hrtimer.function, ...).
struct CallbackField {
  std::string Record, Field;
  EntryContext Ctx;
  /// For an element of a static array of the record initialised at an
  /// index named by an enumerator ([CPUHP_TEARDOWN_CPU] = { ... }): the
  /// context of the first glob the enumerator matches (else Ctx).
  std::vector<std::pair<std::string, EntryContext>> CtxByIndex;
};

class KernelApiModel {
public:
  /// Loads a model document; on failure returns false and sets Err to a
  /// one-line message. Later documents extend and override earlier ones
  /// (a primitive of the same name replaces the earlier entry).
  bool loadFile(const std::string &Path, std::string &Err);
  bool loadString(llvm::StringRef Text, llvm::StringRef Origin, std::string &Err);

  const Primitive *lookup(llvm::StringRef Name) const {
    auto It = Index.find(Name);
    return It == Index.end() ? nullptr : &Prims[It->second];
  }
  const std::vector<Primitive> &primitives() const { return Prims; }
  const std::vector<LockClass> &lockClasses() const { return Classes; }
  const std::vector<CallbackField> &callbackFields() const { return Fields; }
  /// The lock class whose type list names this (pointee) type, or -1.
  int lockClassForType(llvm::StringRef TypeName) const;
  const std::vector<std::string> &schedulerPaths() const { return SchedPaths; }
  const llvm::StringMap<ContractKind> &contractMacros() const { return Contracts; }
  /// GFP bits that let an allocation sleep (__GFP_DIRECT_RECLAIM).
  uint64_t gfpSleepMask() const { return GfpSleepMask; }
  /// Callee names (globs) of routines that use FPU/SIMD state
  /// ("*_avx2", "aesni_*"): calls to such functions without a body are FPU use.
  const std::vector<std::string> &fpuRoutinePatterns() const { return FpuPatterns; }
  bool isFpuRoutine(llvm::StringRef Name) const;
  /// Directories of core kernel code, where context queries are allowed.
  const std::vector<std::string> &corePaths() const { return CorePaths; }
  /// Names that say a function returns holding what it took (an acquire
  /// wrapper) or ends what its caller began (a release wrapper), for
  /// functions with no caller in the tree to tell.
  const std::vector<std::string> &acquireWrapperPatterns() const { return AcquirePatterns; }
  const std::vector<std::string> &releaseWrapperPatterns() const { return ReleasePatterns; }
  /// Functions that run in preemptible process context by their name
  /// (system calls: SYSCALL_DEFINE's __do_sys_*).
  const std::vector<std::string> &processRootPatterns() const { return ProcessRootPatterns; }
  /// The context a function the kernel enters from outside C runs in
  /// (entry_functions: the idle task's cpu_startup_entry()), if listed.
  std::optional<EntryContext> entryFunction(llvm::StringRef Name) const {
    auto It = EntryFunctions.find(Name);
    return It == EntryFunctions.end() ? std::nullopt : std::optional<EntryContext>(It->second);
  }
  /// Functions that return non-zero when their first argument, a GFP
  /// mask, lets an allocation sleep (gfpflags_allow_blocking()).
  const std::vector<std::string> &gfpBlockingTests() const { return GfpBlockingTests; }
  /// Macros whose use of a function's address is not an escape
  /// (EXPORT_SYMBOL, NOKPROBE_SYMBOL, ...).
  const std::vector<std::string> &nonEscapingMacros() const { return NonEscaping; }

private:
  std::vector<Primitive> Prims;
  llvm::StringMap<unsigned> Index;
  std::vector<LockClass> Classes;
  llvm::StringMap<unsigned> ClassIndex;
  std::vector<CallbackField> Fields;
  std::vector<std::string> SchedPaths;
  llvm::StringMap<ContractKind> Contracts;
  std::vector<std::string> NonEscaping;
  uint64_t GfpSleepMask = 0x400;
  std::vector<std::string> CorePaths;
  std::vector<std::string> AcquirePatterns, ReleasePatterns, ProcessRootPatterns, GfpBlockingTests;
  llvm::StringMap<EntryContext> EntryFunctions;
  std::vector<std::string> FpuPatterns;
};

/// Shell-style match with '*' only.
bool globMatch(llvm::StringRef Pattern, llvm::StringRef S);

/// The model shipped with the tool (kernel-api.json next to the binary, or
/// the source tree's copy). Empty string when not found.
std::string defaultModelPath(const char *Argv0);

} // namespace preemptlint

#endif
