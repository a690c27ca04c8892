//===- SleepInAtomicCheck.cpp - preempt-sleep-in-atomic -------------------===//
#include "SleepInAtomicCheck.h"

#include "Wording.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

using namespace preemptlint;

void SleepInAtomicCheck::sleepInAtomic(const FunctionContext &F, const Event &E,
                                       const ViaCall &Via, const PathState &S) {
  // Why it is atomic: the innermost cause we can point at.
  const clang::SourceManager &SM = F.Ctx.getSourceManager();
  std::string Why;
  clang::SourceLocation WhyLoc;
  for (auto &L : S.Locks)
    if (L.Implies && (WhyLoc.isInvalid() || SM.isBeforeInTranslationUnit(WhyLoc, L.Loc))) {
      Why = "'" + L.Key + "' is held (taken by " + takenBy(L) + ")";
      if (!L.Key.empty() && L.Key[0] == '?')
        Why = "a lock taken by " + takenBy(L) + " is held";
      WhyLoc = L.Loc;
    }
  const RegionMask Atomic = atomicRegions();
  for (unsigned R = 0; R < NumRegions; ++R)
    if ((Atomic & (1u << R)) && S.Depth[R] > 0 && S.LastEnter[R].isValid() &&
        (WhyLoc.isInvalid() || SM.isBeforeInTranslationUnit(WhyLoc, S.LastEnter[R]))) {
      Why = (regionState(Region(R)) + " by " + S.LastEnterBy[R] + "()").str();
      WhyLoc = S.LastEnter[R];
    }
  if (Why.empty())
    Why = "it runs in atomic context (a callback of an atomic context, or an "
          "assertion says so)";
  std::string Msg;
  if (Via.Callee)
    Msg = ("call to '" + Via.Callee->getName() + "', which may sleep (" + sleepCause(Via) +
           "), in atomic context")
              .str();
  else
    Msg = (E.Name + "() may sleep, but this is atomic context").str();
  auto B = report(F, E.Loc, Msg);
  if (Via.Callee && Via.Where.isValid())
    B.note(Via.Where, "it may sleep here: " + sleepCause(Via));
  if (WhyLoc.isValid())
    B.note(WhyLoc, "atomic since here: " + Why);
  else
    B.note(F.FD->getLocation(), Why);
  B.trail(S);
}

// Whole tree: a callee in another file (or reached through one) may sleep.
void SleepInAtomicCheck::sleepThroughCall(const FunctionFacts &Caller, const CallSite &C,
                                          const std::vector<ChainStep> &Chain) {
  const std::string &What = Chain.back().What;
  // Through an ops field, the chain begins in the function it reached.
  auto B = reportAt(Caller.Name, C.At,
                    C.ThroughField
                        ? "call through '" + C.Callee + "' to '" + Chain.front().Function +
                              "', which may sleep (" + What + "), in atomic context"
                        : "call to '" + (C.Via.empty() ? C.CalleeName : C.Via + "', which calls '" + C.CalleeName) +
                              "', which may sleep (" + What + "), in atomic context");
  B.chain(Chain, "it may sleep here: " + What);
  std::string Why;
  if (C.AtomicLock == "?")
    Why = "a lock taken by " + C.AtomicBy + "() is held";
  else if (!C.AtomicLock.empty())
    Why = "'" + C.AtomicLock + "' is held (taken by " + C.AtomicBy + "())";
  else if (Region R; !C.AtomicRegion.empty() && parseRegion(C.AtomicRegion, R))
    Why = (regionState(R) + " by " + C.AtomicBy + "()").str();
  if (!Why.empty())
    B.note(C.AtomicSince, "atomic since here: " + Why);
}

// Whole tree: a callback defined in one file, registered in another to run in
// atomic context.
void SleepInAtomicCheck::sleepInAtomicCallback(const FunctionFacts &T,
                                               const FunctionFacts &Registrant,
                                               const Registration &R,
                                               const std::vector<ChainStep> &Chain) {
  std::string Why = "' runs in " + R.Context + " context (registered by " + R.By + "() in '" +
                    Registrant.Name + "')";
  auto B = atomicEntry(T, Chain, Why);
  B.note(R.At, "registered here as a " + R.Context + " callback");
}

// Whole tree: a method defined in one file, stored in another into an ops
// field whose calls run in atomic context.
void SleepInAtomicCheck::sleepInAtomicMethod(const FunctionFacts &T, const FieldStore &S,
                                             const std::string &Context,
                                             const std::vector<ChainStep> &Chain) {
  auto B = atomicEntry(T, Chain, "' runs in " + Context + " context (as '" + S.Field + "')");
  B.note(S.At, "stored here into '" + S.Field + "', called in " + Context + " context");
}

// T sleeps itself (at the end of a one-step chain), or calls a function
// that does: reported where T does it.
Check::TreeBuilder SleepInAtomicCheck::atomicEntry(const FunctionFacts &T,
                                                   const std::vector<ChainStep> &Chain,
                                                   const std::string &RunsIn) {
  const ChainStep &Last = Chain.back();
  if (Chain.size() == 1)
    return reportAt(T.Name, Last.Where, Last.What + "() may sleep, but '" + T.Name + RunsIn);
  auto B = reportAt(T.Name, Chain.front().Where,
                    "call to '" + Chain.front().What + "', which may sleep (" + Last.What +
                        "), but '" + T.Name + RunsIn);
  B.chain(std::vector<ChainStep>(Chain.begin() + 1, Chain.end()),
          "it may sleep here: " + Last.What);
  return B;
}
