// Unit tests for the lattice: join, coarsening, widening, facts.
#include "analysis/PreemptState.h"
#include <gtest/gtest.h>

using namespace preemptlint;

static PathState withDepth(Region R, int D) {
  PathState S;
  S.Depth[unsigned(R)] = int8_t(D);
  return S;
}

TEST(StateSet, IdenticalStatesAreKeptOnce) {
  StateSet Set;
  EXPECT_TRUE(Set.add(withDepth(Region::Preempt, 1), 4, false));
  EXPECT_FALSE(Set.add(withDepth(Region::Preempt, 1), 4, false));
  EXPECT_EQ(Set.states().size(), 1u);
}

TEST(StateSet, DifferentDepthsStaySeparateUnderTheLimit) {
  StateSet Set;
  Set.add(withDepth(Region::Preempt, 1), 4, false);
  Set.add(withDepth(Region::Preempt, 0), 4, false);
  ASSERT_EQ(Set.states().size(), 2u);
  EXPECT_EQ(Set.states()[0].depth(Region::Preempt), 1);
  EXPECT_EQ(Set.states()[1].depth(Region::Preempt), 0);
}

TEST(StateSet, OverTheLimitDepthsBecomeUnknown) {
  StateSet Set;
  Set.add(withDepth(Region::Irq, 0), 1, false);
  EXPECT_TRUE(Set.add(withDepth(Region::Irq, 1), 1, false));
  ASSERT_EQ(Set.states().size(), 1u);
  EXPECT_FALSE(Set.states()[0].known(Region::Irq));
  // Unknown absorbs: adding either value again changes nothing.
  EXPECT_FALSE(Set.add(withDepth(Region::Irq, 2), 1, false));
}

TEST(StateSet, WideningMergesStatesThatDifferOnlyInFacts) {
  StateSet Set;
  PathState A, B;
  Fact F;
  F.Key = "x";
  F.Value = 1;
  A.setFact(F);
  F.Value = 0;
  B.setFact(F);
  Set.add(A, 8, false);
  EXPECT_TRUE(Set.add(B, 8, /*Widen=*/true));
  ASSERT_EQ(Set.states().size(), 1u);
  EXPECT_EQ(Set.states()[0].fact("x"), nullptr);
}

TEST(StateSet, DifferentLockSetsMakeTheMergeImprecise) {
  StateSet Set;
  PathState A, B;
  HeldLock L;
  L.Key = "d.lock";
  A.Locks.push_back(L);
  Set.add(A, 1, false);
  Set.add(B, 1, false);
  ASSERT_EQ(Set.states().size(), 1u);
  EXPECT_TRUE(Set.states()[0].Imprecise);
  EXPECT_TRUE(Set.states()[0].Locks.empty());
}

TEST(PathState, ActiveRegionsIncludeLockImplications) {
  PathState S;
  HeldLock L;
  L.Key = "l";
  L.Implies = maskOf(Region::Preempt) | maskOf(Region::Irq);
  S.Locks.push_back(L);
  EXPECT_TRUE(S.activeRegions() & maskOf(Region::Preempt));
  EXPECT_TRUE(S.activeRegions() & cpuPinningRegions());
  PathState Empty;
  EXPECT_FALSE(Empty.activeRegions() & cpuPinningRegions());
}

TEST(PathState, KillingAVariableKillsItsFields) {
  PathState S;
  Fact F;
  F.Key = "p";
  S.setFact(F);
  F.Key = "p.flag";
  F.Memory = true;
  S.setFact(F);
  F.Key = "q";
  F.Memory = false;
  S.setFact(F);
  S.killFact("p");
  EXPECT_EQ(S.fact("p"), nullptr);
  EXPECT_EQ(S.fact("p.flag"), nullptr);
  EXPECT_NE(S.fact("q"), nullptr);
}

TEST(PathState, MemoryFactsDieAtCalls) {
  PathState S;
  Fact F;
  F.Key = "d.ready";
  F.Memory = true;
  S.setFact(F);
  F.Key = "i";
  F.Memory = false;
  S.setFact(F);
  S.killMemoryFacts();
  EXPECT_EQ(S.fact("d.ready"), nullptr);
  EXPECT_NE(S.fact("i"), nullptr);
}

TEST(PathState, InformationDoesNotChangeIdentity) {
  PathState A, B;
  B.Trail.push_back({clang::SourceLocation(), true});
  EXPECT_TRUE(A.sameAs(B));
  B.Depth[0] = 1;
  EXPECT_FALSE(A.sameAs(B));
}
