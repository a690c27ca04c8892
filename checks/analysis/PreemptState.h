//===- PreemptState.h - the lattice of the preemption analysis -*- C++ -*-===//
//
// A program point carries a small set of path states (bounded path
// sensitivity). A PathState is what one group of paths agrees on: the depth
// of every region relative to function entry, the locks held, what is known
// about branch conditions (so that correlated branches are not mixed), and
// conditional effects waiting for the branch that tests them (trylock).
//
// Join = union of path states. When a point would hold more than the limit,
// or a loop head keeps changing after the widening threshold, states are
// coarsened: facts that differ are dropped, depths that differ become
// Unknown and differing lock sets mark the state Imprecise.
//
// Which way the join errs: towards silence. An Unknown depth or an
// Imprecise state never produces a diagnostic; it only stops others.
// We would rather miss a bug than report one that a maintainer has to
// argue away (the trade-off Smatch's check_preempt.c states).
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_PREEMPTSTATE_H
#define PREEMPTLINT_ANALYSIS_PREEMPTSTATE_H

#include "KernelApiModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Expr;
class ValueDecl;
}

namespace preemptlint {

struct Event;

constexpr int8_t UnknownDepth = INT8_MIN;

struct HeldLock {
  std::string Key;
  int16_t ClassIdx = -1;
  RegionMask Implies = 0; // regions held while the lock is held
  bool Shared = false;
  std::string FlagsKey;
  bool FromCaller = false; // held on entry, by contract (__must_hold, __releases)
  bool Asserted = false;   // ... as lockdep_assert_held() says
  const clang::ValueDecl *Decl = nullptr; // the lock's field or variable, across functions
  clang::SourceLocation Loc; // info: where it was taken
  llvm::StringRef By;        // info: the primitive that took it
  bool operator==(const HeldLock &O) const {
    return Key == O.Key && ClassIdx == O.ClassIdx && Implies == O.Implies &&
           Shared == O.Shared && FlagsKey == O.FlagsKey && FromCaller == O.FromCaller;
  }
};

/// What is known about the value of a side-effect-free expression.
struct Fact {
  std::string Key;
  bool Memory = false;   // depends on memory (killed by stores it cannot name)
  bool Global = false;   // depends on a global (also killed by calls)
  enum Kind : uint8_t { Exact, NonZero } K = Exact;
  int64_t Value = 0;     // Exact
  bool operator==(const Fact &O) const {
    return Key == O.Key && K == O.K && Value == O.Value && Global == O.Global;
  }
  static Fact exact(std::string Key, bool Memory, bool Global, int64_t Value) {
    Fact F;
    F.Key = std::move(Key);
    F.Memory = Memory;
    F.Global = Global;
    F.Value = Value;
    return F;
  }
  /// Is "value != 0" decided by this fact? Returns nullopt if not.
  std::optional<bool> truth() const {
    if (K == NonZero) return true;
    return Value != 0;
  }
};

/// Effects that happen only if a value tests non-zero / zero.
struct Pending {
  const clang::Expr *Result = nullptr; // the primitive's value
  std::string VarKey;                  // ... or the variable it was stored in
  bool Negated = false;                // stored as !value
  llvm::SmallVector<const Event *, 2> Events;
  bool operator==(const Pending &O) const {
    return Result == O.Result && VarKey == O.VarKey && Negated == O.Negated &&
           Events == O.Events;
  }
};

/// A CPU id or per-CPU pointer kept in a local variable, obtained while
/// the task was pinned; EndedAt is where the pinning ended on this path
/// (invalid while it lasts).
struct CpuValue {
  std::string Var;
  bool Pointer = false;
  clang::SourceLocation At;      // where it was obtained
  llvm::StringRef By;            // ... by this primitive
  clang::SourceLocation EndedAt; // the protection ended here
  llvm::StringRef EndedBy;
  bool operator==(const CpuValue &O) const {
    return Var == O.Var && Pointer == O.Pointer && At == O.At && EndedAt == O.EndedAt;
  }
};

struct PathState {
  std::array<int8_t, NumRegions> Depth{}; // relative to function entry
  RegionMask Assumed = 0;   // asserted active by the context or lockdep_assert_*
  RegionMask Opened = 0;    // regions this path entered in this function
  llvm::SmallVector<HeldLock, 2> Locks;
  llvm::SmallVector<Fact, 2> Facts;
  /// At most this many facts at once (setFact()).
  static constexpr size_t MaxFacts = 64;
  llvm::SmallVector<Pending, 1> Pendings;
  llvm::SmallVector<std::string, 1> IrqFlags; // flags of open irq saves, innermost last
  llvm::SmallVector<std::string, 1> ReleasedOwn;  // locks this path took and released
  llvm::SmallVector<HeldLock, 1> ReleasedEntry;   // locks released that the caller held
  llvm::SmallVector<std::pair<std::string, std::string>, 1> Aliases; // p -> d after p = d
  llvm::SmallVector<CpuValue, 1> CpuVals; // CPU ids / per-CPU pointers in locals
  clang::SourceLocation NoReschedAt;  // preempt_enable_no_resched() with no resched since
  clang::SourceLocation WokenAt;      // a wake-up with only irqs off, no resched since
  clang::SourceLocation IrqOnAt;      // ... and interrupts came back on here
  llvm::StringRef IrqOnBy;
  std::optional<int64_t> ReturnValue; // set by a return of a known constant
  bool Returned = false;
  bool Imprecise = false;

  // Information only (not part of the state's identity): for notes.
  std::array<clang::SourceLocation, NumRegions> LastEnter{}, LastExit{};
  std::array<llvm::StringRef, NumRegions> LastEnterBy{}, LastExitBy{};
  clang::SourceLocation ReturnLoc;
  llvm::SmallVector<std::pair<clang::SourceLocation, bool>, 4> Trail;

  bool sameAs(const PathState &O) const;

  int depth(Region R) const { return Depth[unsigned(R)]; }
  bool known(Region R) const { return Depth[unsigned(R)] != UnknownDepth; }
  /// Regions currently active: opened, asserted, or implied by a held lock.
  RegionMask activeRegions() const;
  /// ... of the path's own sections and locks, without the assumed context.
  RegionMask ownRegions() const;
  /// Any region of Mask has Unknown depth.
  bool unknownIn(RegionMask Mask) const;

  const Fact *fact(llvm::StringRef Key) const;
  void setFact(Fact F);
  void killFact(llvm::StringRef Key);
  void killMemoryFacts();
  void killGlobalFacts();
  void noteBranch(clang::SourceLocation L, bool Taken);
};

/// A bounded set of path states.
class StateSet {
public:
  /// Adds S; returns true if the set changed. Coarsens when full or when
  /// Widen is set (loop head past the threshold).
  bool add(PathState S, unsigned Limit, bool Widen);
  const std::vector<PathState> &states() const { return States; }
  bool empty() const { return States.empty(); }
  /// Gives the states' memory back (a block no path can reach again).
  void release() { std::vector<PathState>().swap(States); }

private:
  static bool coarsenInto(PathState &Into, const PathState &S);
  // On the heap, not inline: a function has a set per CFG block, most of
  // them empty or released at any time.
  std::vector<PathState> States;
};

} // namespace preemptlint

#endif
