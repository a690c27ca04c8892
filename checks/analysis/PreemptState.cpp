//===- PreemptState.cpp - the lattice of the preemption analysis ---------===//
#include "PreemptState.h"

using namespace preemptlint;

bool PathState::sameAs(const PathState &O) const {
  return Depth == O.Depth && Assumed == O.Assumed && Opened == O.Opened &&
         Locks == O.Locks && Facts == O.Facts && Pendings == O.Pendings &&
         IrqFlags == O.IrqFlags && ReleasedOwn == O.ReleasedOwn &&
         ReleasedEntry == O.ReleasedEntry && Aliases == O.Aliases && CpuVals == O.CpuVals &&
         NoReschedAt == O.NoReschedAt && WokenAt == O.WokenAt && IrqOnAt == O.IrqOnAt &&
         ReturnValue == O.ReturnValue && Returned == O.Returned &&
         Imprecise == O.Imprecise;
}

RegionMask PathState::activeRegions() const { return Assumed | ownRegions(); }

RegionMask PathState::ownRegions() const {
  RegionMask M = 0;
  for (unsigned I = 0; I < NumRegions; ++I)
    if (Depth[I] > 0)
      M |= RegionMask(1u << I);
  for (auto &L : Locks)
    M |= L.Implies;
  return M;
}

bool PathState::unknownIn(RegionMask Mask) const {
  for (unsigned I = 0; I < NumRegions; ++I)
    if ((Mask & (1u << I)) && Depth[I] == UnknownDepth)
      return true;
  return false;
}

const Fact *PathState::fact(llvm::StringRef Key) const {
  for (auto &F : Facts)
    if (F.Key == Key)
      return &F;
  return nullptr;
}

void PathState::setFact(Fact F) {
  for (auto &G : Facts)
    if (G.Key == F.Key) {
      G = std::move(F);
      return;
    }
  // Bounded: a state is copied at every block, so facts without bound make a
  // chain of N conditions cost N^2 (10,000 `&&` terms: 3.4 s). Past the
  // bound a new condition is not remembered (its branches are not
  // correlated with later ones); real functions stay far below it.
  if (Facts.size() >= MaxFacts)
    return;
  // Keep facts sorted so that equal states compare equal.
  auto It = Facts.begin();
  while (It != Facts.end() && It->Key < F.Key)
    ++It;
  Facts.insert(It, std::move(F));
}

void PathState::killFact(llvm::StringRef Key) {
  // A fact about x also dies with facts about x.field.
  llvm::erase_if(Facts, [&](const Fact &F) {
    llvm::StringRef K = F.Key;
    return K == Key || (K.starts_with(Key) && K.size() > Key.size() &&
                        (K[Key.size()] == '.' || K[Key.size()] == '['));
  });
}

void PathState::killMemoryFacts() {
  llvm::erase_if(Facts, [](const Fact &F) { return F.Memory; });
}

void PathState::killGlobalFacts() {
  // Keys of globals start with the global's name; facts on locals and their
  // fields never do (a local shadowing a global is rare enough).
  llvm::erase_if(Facts, [](const Fact &F) { return F.Global; });
}

void PathState::noteBranch(clang::SourceLocation L, bool Taken) {
  if (Trail.size() == 4)
    Trail.erase(Trail.begin());
  Trail.push_back({L, Taken});
}

bool StateSet::coarsenInto(PathState &Into, const PathState &S) {
  PathState Old = Into;
  for (unsigned I = 0; I < NumRegions; ++I)
    if (Into.Depth[I] != S.Depth[I])
      Into.Depth[I] = UnknownDepth;
  Into.Assumed &= S.Assumed;
  Into.Opened |= S.Opened;
  if (!(Into.Locks == S.Locks)) {
    llvm::erase_if(Into.Locks, [&](const HeldLock &L) {
      return llvm::find(S.Locks, L) == S.Locks.end();
    });
    Into.Imprecise = true;
  }
  llvm::erase_if(Into.Facts, [&](const Fact &F) {
    return llvm::find(S.Facts, F) == S.Facts.end();
  });
  llvm::erase_if(Into.Pendings, [&](const Pending &P) {
    return llvm::find(S.Pendings, P) == S.Pendings.end();
  });
  if (Into.IrqFlags != S.IrqFlags) {
    Into.IrqFlags.clear();
    Into.Imprecise = true;
  }
  llvm::erase_if(Into.ReleasedOwn, [&](const std::string &K) {
    return !llvm::is_contained(S.ReleasedOwn, K);
  });
  llvm::erase_if(Into.Aliases, [&](const auto &A) {
    return !llvm::is_contained(S.Aliases, A);
  });
  // A CPU value is kept only where both agree on it (errs towards silence).
  llvm::erase_if(Into.CpuVals, [&](const CpuValue &V) {
    return !llvm::is_contained(S.CpuVals, V);
  });
  if (!(Into.ReleasedEntry == S.ReleasedEntry)) {
    Into.ReleasedEntry.clear();
    Into.Imprecise = true;
  }
  if (Into.WokenAt != S.WokenAt || Into.IrqOnAt != S.IrqOnAt) {
    Into.WokenAt = clang::SourceLocation(); // errs towards silence
    Into.IrqOnAt = clang::SourceLocation();
  }
  if (Into.NoReschedAt != S.NoReschedAt && S.NoReschedAt.isValid())
    Into.NoReschedAt = clang::SourceLocation(); // errs towards silence
  if (Into.ReturnValue != S.ReturnValue)
    Into.ReturnValue.reset();
  Into.Returned = Into.Returned && S.Returned;
  Into.Imprecise |= S.Imprecise;
  return !Into.sameAs(Old);
}

/// Same shape: the states differ at most in what they know of values
/// (facts, pendings, aliases), so merging them keeps every "held" fact.
static bool sameShape(const PathState &A, const PathState &B) {
  return A.Depth == B.Depth && A.Assumed == B.Assumed && A.Opened == B.Opened &&
         A.Locks == B.Locks && A.IrqFlags == B.IrqFlags && A.ReleasedOwn == B.ReleasedOwn &&
         A.ReleasedEntry == B.ReleasedEntry && A.Returned == B.Returned &&
         A.NoReschedAt == B.NoReschedAt && A.WokenAt == B.WokenAt &&
         A.IrqOnAt == B.IrqOnAt && A.ReturnValue == B.ReturnValue &&
         A.Imprecise == B.Imprecise;
}

bool StateSet::add(PathState S, unsigned Limit, bool Widen) {
  for (auto &T : States)
    if (T.sameAs(S))
      return false;
  if (!Widen && States.size() < Limit) {
    States.push_back(std::move(S));
    return true;
  }
  // Merging a state of the same shape loses only what is known of values.
  for (auto &T : States)
    if (sameShape(T, S))
      return coarsenInto(T, S);
  if (!Widen) {
    // Full of distinct shapes and value variants: make room by merging two
    // states of one shape before anything that is held is given up.
    for (unsigned I = 0; I < States.size(); ++I)
      for (unsigned J = I + 1; J < States.size(); ++J)
        if (sameShape(States[I], States[J])) {
          coarsenInto(States[I], States[J]);
          States.erase(States.begin() + J);
          States.push_back(std::move(S));
          return true;
        }
  }
  // Prefer a state that holds the same: merging it loses the least.
  PathState *Best = nullptr;
  for (auto &T : States)
    if (T.Depth == S.Depth && T.Locks == S.Locks && T.Returned == S.Returned) {
      Best = &T;
      break;
    }
  if (!Best) {
    if (States.size() < Limit) {
      // Widening at a loop head: a new shape may still be added while there
      // is room, but its depths are not trusted.
      for (auto &T : States)
        if (T.Returned == S.Returned) {
          Best = &T;
          break;
        }
      if (!Best) {
        States.push_back(std::move(S));
        return true;
      }
    } else {
      Best = &States.front();
    }
  }
  return coarsenInto(*Best, S);
}
