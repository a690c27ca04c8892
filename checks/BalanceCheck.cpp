//===- BalanceCheck.cpp - preempt-balance ---------------------------------===//
#include "BalanceCheck.h"
#include "Wording.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

using namespace preemptlint;

static clang::SourceLocation exitLoc(const FunctionContext &F, const PathState &S) {
  if (S.ReturnLoc.isValid())
    return S.ReturnLoc;
  return F.FD->getBody()->getEndLoc();
}

void BalanceCheck::regionInconsistentExit(const FunctionContext &F, Region R,
                                          const PathState &Leaking,
                                          const PathState &Other) {
  unsigned I = unsigned(R);
  int D = Leaking.depth(R), O = Other.depth(R);
  std::string Msg;
  if (D > 0 && O <= 0)
    Msg = ("'" + F.FD->getName() + "' returns with " + regionState(R) +
           " on this path but not on others")
              .str();
  else
    Msg = ("'" + F.FD->getName() + "' leaves " + regionState(R) +
           " unbalanced: this path returns at nesting depth " + std::to_string(D) +
           ", another at depth " + std::to_string(O))
              .str();
  auto B = report(F, exitLoc(F, Leaking), Msg);
  if (Leaking.LastEnter[I].isValid())
    B.note(Leaking.LastEnter[I], ("entered by " + Leaking.LastEnterBy[I] + "() here").str());
  B.trail(Leaking);
  B.note(exitLoc(F, Other), "another path returns here, balanced");
}

void BalanceCheck::regionUnderflow(const FunctionContext &F, Region R,
                                   const Event &E, const PathState &S) {
  unsigned I = unsigned(R);
  auto B = report(F, E.Loc,
                  (E.Name + "() ends a section with " + regionState(R) +
                   " that this path already ended")
                      .str());
  if (S.LastExit[I].isValid())
    B.note(S.LastExit[I], ("already ended by " + S.LastExitBy[I] + "() here").str());
  B.trail(S);
}

void BalanceCheck::flagsMismatch(const FunctionContext &F, const Event &E,
                                 llvm::StringRef Expected, const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() restores '" + E.FlagsKey +
                   "' but the innermost interrupt save stored '" + Expected + "'")
                      .str());
  B.note(S.LastEnter[unsigned(Region::Irq)], "innermost save here");
}

void BalanceCheck::flagsOverwritten(const FunctionContext &F, const Event &E,
                                    const PathState &S) {
  auto B = report(F, E.Loc,
                  (E.Name + "() saves the interrupt state into '" + E.FlagsKey +
                   "', which still holds an earlier save of this path that was never "
                   "restored; that saved state is lost")
                      .str());
  if (!S.IrqFlags.empty() && S.IrqFlags.back() == E.FlagsKey)
    B.note(S.LastEnter[unsigned(Region::Irq)], "earlier save here");
  B.trail(S);
}

void BalanceCheck::lostPreemption(const FunctionContext &F, const PathState &S) {
  auto B = report(F, S.NoReschedAt,
                  "preempt_enable_no_resched() re-enables preemption with no "
                  "reschedule point after it on this path; a pending preemption is lost");
  B.note(exitLoc(F, S), "the path returns here without preempt_check_resched() or schedule()");
  B.trail(S);
}

// Whole tree: a section left open (or ended) for callers that do not end
// (or begin) it.
void BalanceCheck::heldForNobody(const FunctionFacts &F, const ExitEffect &E,
                                 unsigned Callers) {
  Region R;
  if (E.Region.empty() || !parseRegion(E.Region, R))
    return;
  auto B = reportAt(F.Name, E.Exit,
                    "'" + F.Name + "' returns with " + regionState(R) + " on every path, and " +
                        (Callers ? "none of its " + std::to_string(Callers) +
                                       " callers in the tree ends the section"
                                 : std::string("it has no caller in the tree to end it")));
  B.note(E.Where, "entered by " + E.By + "() here");
}

void BalanceCheck::endedForNobody(const FunctionFacts &F, const ExitEffect &E,
                                  unsigned Callers) {
  Region R;
  if (E.Region.empty() || !parseRegion(E.Region, R))
    return;
  reportAt(F.Name, E.Where,
           E.By + "() ends a section with " + regionState(R) + " that '" + F.Name +
               (E.EveryPath ? "' never began" : "' did not begin on this path") + ", and " +
               (Callers ? "none of its " + std::to_string(Callers) +
                              " callers in the tree calls it inside one"
                        : std::string("it has no caller in the tree that begins it")));
}
