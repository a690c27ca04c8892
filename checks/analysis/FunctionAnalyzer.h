//===- FunctionAnalyzer.h - the analysis of one function ----------*- C++ -*-===//
//
// Internal to the analysis core: the state of the analysis of one function
// (worklist, per-block state sets) and its parts, which live in
//   Conditions.cpp     branch conditions and facts (refinement)
//   Transfer.cpp       events and statements applied to a path state
//   PreemptAnalysis.cpp the worklist driver and the exit judgement
//   Fallback.cpp       what is still decided without paths when the budget runs out
// FileAnalysis (PreemptAnalysis.h, FileAnalysis.cpp) runs it per function.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_FUNCTIONANALYZER_H
#define PREEMPTLINT_ANALYSIS_FUNCTIONANALYZER_H

#include "PreemptAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <queue>

namespace preemptlint {

using clang::CFGBlock;
using clang::Expr;
using clang::SourceLocation;
using clang::SourceManager;
using clang::Stmt;

class FunctionAnalyzer {
public:
  FunctionAnalyzer(FileAnalysis &FA, FunctionEvents &FE, FunctionSummary &Sum,
                   bool Report, bool Deferred, RegionMask Assumed, bool Booting)
      : FA(FA), FE(FE), Sum(Sum), H(Report ? FA.H : FA.Silent),
        Deferred(Deferred), InitialAssumed(Assumed), Booting(Booting),
        SM(FA.Ctx.getSourceManager()),
        FC{FE.FD, FA.Ctx, FA.Model, false, FA.SchedulerCore, FA.CoreCode} {
    auto Contracts = FA.Macros.contractsOf(FE.FD, SM);
    FC.HasContract = !Contracts.empty() || FE.FD->hasAttr<clang::AcquireCapabilityAttr>() ||
                     FE.FD->hasAttr<clang::ReleaseCapabilityAttr>() ||
                     FE.FD->hasAttr<clang::RequiresCapabilityAttr>() ||
                     FE.FD->hasAttr<clang::TryAcquireCapabilityAttr>();
    // __must_hold(l) / __releases(l): the caller holds l on entry. It is
    // held in the entry state (so releasing it ends what it implies) and
    // marked as the caller's.
    for (auto &C : Contracts)
      if (C.Kind == ContractKind::MustHold || C.Kind == ContractKind::Releases) {
        HeldLock L;
        for (char Ch : C.Arg)
          if (!isspace((unsigned char)Ch) && Ch != '&' && Ch != '(' && Ch != ')' && Ch != '*')
            L.Key += Ch;
        for (size_t P = L.Key.find("->"); P != std::string::npos; P = L.Key.find("->"))
          L.Key.replace(P, 2, ".");
        L.Implies = contractImplies(C.Arg);
        L.FromCaller = true;
        // A global lock (__must_hold(&pci_lock)): its declaration names it
        // for the callers, as its own lock/unlock calls do.
        if (!L.Key.empty() && L.Key.find_first_of(".[") == std::string::npos &&
            llvm::none_of(FE.FD->parameters(),
                          [&](const clang::ParmVarDecl *P) { return P->getName() == L.Key; }))
          L.Decl = globalNamed(FA.Ctx, L.Key);
        L.Loc = C.Loc;
        // L.By stays empty: held on entry, by contract (the checks say so).
        if (!L.Key.empty() && llvm::find(EntryLocks, L) == EntryLocks.end())
          EntryLocks.push_back(L);
      }
    Sum.Contract = FC.HasContract;
    Dump = Report && FA.Opts.DumpState &&
           (FA.Opts.DumpFilter.empty() || FA.Opts.DumpFilter == FE.FD->getName());
  }

  void run();

private:
  bool rt() const { return FA.Opts.Model == PreemptModel::RT; }
  RegionMask contractImplies(llvm::StringRef Text) const;
  /// Releases a lock the caller holds (by contract or assertion): Which,
  /// or the first such lock. Returns false if there is none. The released
  /// lock is recorded under Key (when given) for the summary.
  bool releaseCallersLock(PathState &S, llvm::StringRef Key, int ClassIdx,
                          const clang::ValueDecl *Decl, const HeldLock *Which = nullptr) {
    auto It = Which ? S.Locks.begin() + (Which - S.Locks.data())
                    : llvm::find_if(S.Locks, [](const HeldLock &L) { return L.FromCaller; });
    if (It == S.Locks.end())
      return false;
    HeldLock Gone = *It;
    Gone.FromCaller = Gone.Asserted = false;
    if (!Key.empty())
      Gone.Key = Key.str();
    if (ClassIdx >= 0)
      Gone.ClassIdx = int16_t(ClassIdx);
    if (Decl)
      Gone.Decl = Decl;
    S.Locks.erase(It);
    S.ReleasedEntry.push_back(Gone);
    return true;
  }
  /// The lock key with a local pointer copy replaced by what it copies
  /// ("p.lock" after "p = d" is "d.lock").
  std::string resolveAlias(const PathState &S, llvm::StringRef Key) const {
    for (auto &[From, To] : S.Aliases)
      if (Key.starts_with(From) &&
          (Key.size() == From.size() || Key[From.size()] == '.' || Key[From.size()] == '['))
        return To + Key.drop_front(From.size()).str();
    return Key.str();
  }
  void processBlock(const CFGBlock *B, PathState S);
  void applyEvent(PathState &S, const Event &E);
  void applyEffect(PathState &S, const Effect &Eff, const Event &E,
                   const ViaCall &Via, llvm::StringRef LockKey, bool Inverse);
  void applyCall(PathState &S, const Event &E, bool Inverse);
  void checkPinned(PathState &S, const Event &E, const ViaCall &Via);
  /// Notes under which parameter value the need just recorded lies.
  /// Adds what path S knows of a parameter to C (ParamCond).
  void noteParamCondition(const PathState &S, ParamCond &C);
  /// A call as the summary records it: the callee or the ops field called
  /// through, where, and whether the model describes the callee (a
  /// registering function: FunctionSummary::CallRec::Modelled).
  struct CallKey {
    const clang::FunctionDecl *Callee = nullptr;
    const clang::FieldDecl *Field = nullptr;
    SourceLocation Loc;
    bool Modelled = false;
    llvm::ArrayRef<const clang::Expr *> Args = {}; // of a direct call
  };
  /// Keeps the state a call is made in, for the whole-tree link.
  /// Inner: a call the callee (an inline helper of a header) makes itself,
  /// recorded at the helper's call in the state of both.
  FunctionSummary::CallRec *recordCall(const PathState &S, const CallKey &K,
                                       const FunctionSummary *CS,
                                       const FunctionSummary::CallRec *Inner = nullptr);
  void checkFpu(PathState &S, const Event &E, const ViaCall &Via);
  /// Keeps the first place a need arises (E itself, or inside the callee
  /// Via names); true if this was the first.
  static bool recordNeed(FunctionSummary::Need &N, const Event &E, const ViaCall &Via) {
    if (N.Has)
      return false;
    N.Has = true;
    N.At = Via.Callee ? Via.Where : E.Loc;
    N.What = Via.Callee ? Via.What : E.Name;
    N.ByGfpMask = Via.Callee && Via.ByGfpMask;
    return true;
  }
  void checkSleep(PathState &S, const Event &E, const ViaCall &Via,
                  RegionMask Atomic = atomicRegions());
  /// Does a GFP value let the allocation sleep? nullopt if unknown.
  std::optional<bool> gfpSleeps(const PathState &S, const Expr *Gfp);
  void applyStmt(PathState &S, const Stmt *St);
  /// The CPU-id / per-CPU-pointer primitive whose value RHS is, if any.
  const Primitive *cpuSource(const Expr *RHS, bool &Pointer, llvm::StringRef &Name) const;
  /// Values obtained under pinning go stale when the pinning ends.
  void staleAfter(PathState &S, const Event &E);
  void checkCpuUse(PathState &S, const Stmt *St);
  /// K = RHS: forget K, then learn its value or bind a pending query to it.
  void assignTo(PathState &S, const std::string &K, bool Mem, const Expr *RHS,
                bool Global = false);
  /// Refines S for the edge of a branch on Cond; false if infeasible.
  /// E is the value of a pending primitive that returns 0 when it took
  /// effect and an error code otherwise (its condition is When::Zero).
  bool zeroOrErrorResult(const PathState &S, const clang::Expr *E) const;
  bool refine(PathState &S, const Expr *Cond, bool Branch);
  /// The edge from a switch to the block of `case C:` (the condition is C
  /// there), or to its default (the last successor: none of the cases);
  /// false when the path knows otherwise.
  bool caseEdge(PathState &S, const clang::SwitchStmt *Sw, const clang::CFGBlock *To,
                bool Default);
  bool refineAtom(PathState &S, const Expr *Atom, bool NonZero);
  std::optional<int64_t> valueOf(const PathState &S, const Expr *E) const;
  std::string factKey(const Expr *E, bool &Memory) const;
  std::string factKey(const Expr *E, bool &Memory, bool &Global) const;
  void propagate(const CFGBlock *From, unsigned SuccIdx, const CFGBlock *To,
                 PathState S);
  void finish();
  /// After the budget ran out: the exit judgement that holds on every path.
  void judgeWithoutPaths();
  /// St->getBeginLoc(), without walking a long operator chain again.
  SourceLocation beginOf(const Stmt *St);
  /// Per RPO number: the highest RPO number of a block that reaches it.
  std::vector<unsigned> reachedFromAtMost() const;
  void dumpState(SourceLocation L, const char *What, const PathState &S);

  FileAnalysis &FA;
  FunctionEvents &FE;
  FunctionSummary &Sum;
  Handler &H;
  bool Deferred;
  RegionMask InitialAssumed;
  /// Early boot code (start_kernel()'s own callees): one CPU, and
  /// __might_sleep() is silent about the boot context while the system
  /// boots (SYSTEM_BOOTING): a sleep is judged only inside a section the
  /// function opens itself.
  bool Booting;
  llvm::SmallVector<HeldLock, 1> EntryLocks; // held by the caller, per contract
  const SourceManager &SM;
  FunctionContext FC;
  bool Dump = false;

  std::vector<StateSet> In;
  llvm::DenseMap<const Stmt *, SourceLocation> BeginOf;
  std::vector<unsigned> Visits;
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>> Work;
  std::vector<bool> Queued;
  unsigned Steps = 0;
  bool OutOfBudget = false;
  /// Where each parameter is written: (block, element); an address taken
  /// counts as written everywhere (block null); `p &= C` keeps its mask. A
  /// fact about a parameter is its caller's value only before any write, or
  /// of the caller's value masked after masks in the first block
  /// (noteParamCondition(), entryMask()).
  struct ParamWrite {
    const clang::CFGBlock *B;
    unsigned Elem;
    std::optional<uint64_t> Mask;
  };
  bool ParamWritesFound = false;
  llvm::DenseMap<const clang::ParmVarDecl *, llvm::SmallVector<ParamWrite, 2>> ParamWrites;
  llvm::DenseMap<std::pair<const clang::CFGBlock *, const clang::CFGBlock *>, bool> Reaches;
  void findParamWrites();
  /// What the parameter holds at the element being transferred, in terms
  /// of the caller's value: that value masked so (all ones: the value
  /// itself); none when another write may have happened before.
  std::optional<uint64_t> entryMask(const clang::ParmVarDecl *P);
  /// A fact a branch just taught about a parameter, kept as a fact about
  /// the caller's value (a key no write kills) when it is one.
  void noteEntryFact(PathState &S, const Fact &F);
  bool reaches(const clang::CFGBlock *From, const clang::CFGBlock *To);
  const clang::CFGBlock *CurBlock = nullptr; // the element being transferred
  unsigned CurElem = 0;
  clang::SourceLocation CurCondLoc; // the branch being refined
  bool WasConditional = false;      // applying a trylock's effects
  bool UnlikelyPath = false;        // refining the unlikely side of a branch
};

} // namespace preemptlint

#endif
