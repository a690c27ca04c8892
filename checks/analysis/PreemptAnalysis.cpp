//===- PreemptAnalysis.cpp - worklist dataflow over clang::CFG -----------===//
//
// Forward analysis, one function at a time, over the events of Events.h and
// the lattice of PreemptState.h (see there for which way the join errs).
// Blocks are visited in reverse post-order from a priority worklist; each
// block holds a bounded StateSet; branches refine path states with what the
// condition says (correlated branches, trylock results) and drop infeasible
// ones. Loops converge by widening after AnalysisOptions::WidenAfter visits;
// AnalysisOptions::Budget bounds the work per function.
//
//===----------------------------------------------------------------------===//
#include "PreemptAnalysis.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <queue>

using namespace clang;
using namespace preemptlint;

namespace preemptlint {

class FunctionAnalyzer {
public:
  FunctionAnalyzer(FileAnalysis &FA, FunctionEvents &FE, FunctionSummary &Sum,
                   bool Report, bool Deferred, RegionMask Assumed)
      : FA(FA), FE(FE), Sum(Sum), H(Report ? FA.H : FA.Silent),
        Deferred(Deferred), InitialAssumed(Assumed),
        SM(FA.Ctx.getSourceManager()),
        FC{FE.FD, FA.Ctx, FA.Model, false, FA.SchedulerCore, FA.CoreCode} {
    auto Contracts = FA.Macros.contractsOf(FE.FD, SM);
    FC.HasContract = !Contracts.empty() || FE.FD->hasAttr<AcquireCapabilityAttr>() ||
                     FE.FD->hasAttr<ReleaseCapabilityAttr>() ||
                     FE.FD->hasAttr<RequiresCapabilityAttr>() ||
                     FE.FD->hasAttr<TryAcquireCapabilityAttr>();
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
        L.Loc = C.Loc;
        L.By = "the caller";
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
  /// Keeps the state a call is made in, for the whole-tree link.
  void recordCall(const PathState &S, const Event &E, const FunctionSummary *CS);
  void checkFpu(PathState &S, const Event &E, const ViaCall &Via);
  /// Keeps the first place a need arises (E itself, or inside the callee
  /// Via names); true if this was the first.
  static bool recordNeed(FunctionSummary::Need &N, const Event &E, const ViaCall &Via) {
    if (N.Has)
      return false;
    N.Has = true;
    N.At = Via.Callee ? Via.Where : E.Loc;
    N.What = Via.Callee ? Via.What : E.Name;
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
  bool refine(PathState &S, const Expr *Cond, bool Branch);
  bool refineAtom(PathState &S, const Expr *Atom, bool NonZero);
  std::optional<int64_t> valueOf(const PathState &S, const Expr *E) const;
  std::string factKey(const Expr *E, bool &Memory) const;
  std::string factKey(const Expr *E, bool &Memory, bool &Global) const;
  void propagate(const CFGBlock *From, unsigned SuccIdx, const CFGBlock *To,
                 PathState S);
  void finish();
  void dumpState(SourceLocation L, const char *What, const PathState &S);

  FileAnalysis &FA;
  FunctionEvents &FE;
  FunctionSummary &Sum;
  Handler &H;
  bool Deferred;
  RegionMask InitialAssumed;
  llvm::SmallVector<HeldLock, 1> EntryLocks; // held by the caller, per contract
  const SourceManager &SM;
  FunctionContext FC;
  bool Dump = false;

  std::vector<StateSet> In;
  std::vector<unsigned> Visits;
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>> Work;
  std::vector<bool> Queued;
  unsigned Steps = 0;
  bool OutOfBudget = false;
  clang::SourceLocation CurCondLoc; // the branch being refined
  bool WasConditional = false;      // applying a trylock's effects
  bool UnlikelyPath = false;        // refining the unlikely side of a branch
  bool FpuReported = false;         // an FPU use outside a section was reported
};

} // namespace preemptlint

/// What holding the lock a contract names implies. The text ("&p->lock",
/// "rq->lock") is resolved through the parameters' types; a lock that cannot
/// be resolved is taken to be a spinning lock unless its name says it sleeps.
RegionMask FunctionAnalyzer::contractImplies(llvm::StringRef Text) const {
  std::string T;
  for (char C : Text)
    if (!isspace((unsigned char)C) && C != '&' && C != '(' && C != ')' && C != '*')
      T += C;
  llvm::StringRef Rest(T);
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  while (!Rest.empty()) {
    size_t Arrow = Rest.find("->"), Dot = Rest.find('.');
    size_t Cut = std::min(Arrow, Dot);
    Parts.push_back(Rest.substr(0, Cut));
    if (Cut == llvm::StringRef::npos)
      break;
    Rest = Rest.drop_front(Cut + (Cut == Arrow ? 2 : 1));
  }
  QualType Ty;
  if (!Parts.empty())
    for (const ParmVarDecl *P : FE.FD->parameters())
      if (P->getName() == Parts.front())
        Ty = P->getType();
  for (size_t I = 1; I < Parts.size() && !Ty.isNull(); ++I) {
    if (Ty->isPointerType())
      Ty = Ty->getPointeeType();
    const RecordType *RT = Ty->getAsStructureType();
    QualType Next;
    if (RT)
      for (const FieldDecl *F : RT->getDecl()->fields())
        if (F->getName() == Parts[I])
          Next = F->getType();
    Ty = Next;
  }
  if (!Ty.isNull()) {
    if (Ty->isPointerType())
      Ty = Ty->getPointeeType();
    int Cls = FA.Model.lockClassForType(Ty.getUnqualifiedType().getAsString());
    if (Cls >= 0)
      return FA.Model.lockClasses()[Cls].Implies[rt()];
  }
  llvm::StringRef Lower = Text;
  if (Lower.contains_insensitive("mutex") || Lower.contains_insensitive("sem"))
    return 0;
  return maskOf(Region::Preempt);
}

//===----------------------------------------------------------------------===//
// Conditions and facts
//===----------------------------------------------------------------------===//

std::string FunctionAnalyzer::factKey(const Expr *E, bool &Memory) const {
  bool Global;
  return factKey(E, Memory, Global);
}

std::string FunctionAnalyzer::factKey(const Expr *E, bool &Memory, bool &Global) const {
  E = E->IgnoreParenImpCasts();
  Memory = Global = false;
  // Only side-effect-free lvalue paths are tracked.
  const Expr *Base = E;
  for (;;) {
    Base = Base->IgnoreParenImpCasts();
    if (auto *ME = dyn_cast<MemberExpr>(Base)) {
      Memory = true;
      Base = ME->getBase();
      continue;
    }
    if (auto *UO = dyn_cast<UnaryOperator>(Base); UO && UO->getOpcode() == UO_Deref) {
      Memory = true;
      Base = UO->getSubExpr();
      continue;
    }
    break;
  }
  auto *DR = dyn_cast<DeclRefExpr>(Base);
  if (!DR)
    return "";
  auto *VD = dyn_cast<VarDecl>(DR->getDecl());
  if (!VD)
    return "";
  // Variables a macro declared for itself (typecheck dummies, statement
  // expression temporaries) only multiply path states.
  if (VD->getLocation().isMacroID() &&
      FA.Macros.insidePrimitive(VD->getLocation(), FA.Ctx.getSourceManager()))
    return "";
  if (VD->hasGlobalStorage() || VD->getType().isVolatileQualified())
    Memory = Global = true;
  if (!Memory && FE.AddressTaken.count(VD))
    return "";
  return canonicalKey(E);
}

std::optional<int64_t> FunctionAnalyzer::valueOf(const PathState &S, const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, FA.Ctx, Expr::SE_NoSideEffects))
    return R.Val.getInt().getExtValue();
  if (E->getType()->isPointerType() &&
      E->isNullPointerConstant(FA.Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0; // NULL
  bool Mem;
  std::string K = factKey(E, Mem);
  if (!K.empty())
    if (const Fact *F = S.fact(K); F && F->K == Fact::Exact)
      return F->Value;
  return std::nullopt;
}

static const Expr *stripExpect(const Expr *E, const PathState &S) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    // Stop at a conditional primitive's value (irqs_disabled() is itself a
    // statement expression).
    for (auto &P : S.Pendings)
      if (P.Result && P.Result->IgnoreParenImpCasts() == E)
        return E;
    // ({ ...; value; }): the value of a statement expression.
    if (auto *SE = dyn_cast<StmtExpr>(E))
      if (const CompoundStmt *CS = SE->getSubStmt(); CS && !CS->body_empty())
        if (auto *Last = dyn_cast<Expr>(CS->body_back())) {
          E = Last;
          continue;
        }
    if (auto *CE = dyn_cast<CallExpr>(E))
      if (CE->getBuiltinCallee() == Builtin::BI__builtin_expect && CE->getNumArgs() == 2) {
        E = CE->getArg(0);
        continue;
      }
    // !!x
    if (auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot)
      if (auto *UO2 = dyn_cast<UnaryOperator>(UO->getSubExpr()->IgnoreParenImpCasts());
          UO2 && UO2->getOpcode() == UO_LNot) {
        E = UO2->getSubExpr();
        continue;
      }
    return E;
  }
}

bool FunctionAnalyzer::refineAtom(PathState &S, const Expr *Atom, bool NonZero) {
  Atom = stripExpect(Atom, S);
  // A conditional primitive's result, directly or through a variable.
  bool Mem = false, Glob = false;
  std::string K = factKey(Atom, Mem, Glob);
  for (unsigned I = 0; I < S.Pendings.size(); ++I) {
    Pending &P = S.Pendings[I];
    bool Match = (P.Result && P.Result->IgnoreParenImpCasts() == Atom) ||
                 (!K.empty() && P.VarKey == K);
    if (!Match)
      continue;
    Pending Taken = P;
    S.Pendings.erase(S.Pendings.begin() + I);
    When W = Taken.Events.front()->Cond;
    // Behaviour chosen by a context query, in a branch the user wrote.
    if (!FC.CoreCode && CurCondLoc.isValid() &&
        llvm::any_of(Taken.Events, [](const Event *X) {
          return X->K == Event::Primitive && X->Eff->Kind == EffectKind::Assert;
        }))
      H.contextQuery(FC, *Taken.Events.front(), CurCondLoc);
    bool ValueNonZero = NonZero;
    if (!(P.Result && P.Result->IgnoreParenImpCasts() == Atom) && Taken.Negated)
      ValueNonZero = !ValueNonZero; // tested through x = !q()
    if ((W == When::NonZero) == ValueNonZero)
      for (const Event *E : Taken.Events) {
        if (UnlikelyPath && E->K == Event::Primitive && E->Eff->Kind == EffectKind::Assert)
          continue;
        Event Now = *E;
        Now.Cond = When::Always;
        // A trylock ("held when non-zero") never waited for its lock.
        WasConditional = E->Cond == When::NonZero;
        applyEvent(S, Now);
        WasConditional = false;
      }
    break;
  }
  if (K.empty())
    return true;
  if (const Fact *F = S.fact(K)) {
    auto T = F->truth();
    if (T && *T != NonZero)
      return false;
    if (NonZero || F->K == Fact::Exact)
      return true;
  }
  Fact F;
  F.Key = K;
  F.Memory = Mem;
  F.Global = Glob;
  F.K = NonZero ? Fact::NonZero : Fact::Exact;
  F.Value = 0;
  S.setFact(F);
  return true;
}

bool FunctionAnalyzer::refine(PathState &S, const Expr *Cond, bool Branch) {
  // The unlikely side of WARN_ON(in_interrupt()) or unlikely(!irqs_disabled())
  // is the error path: a query answered there asserts nothing.
  if (auto *CE = dyn_cast<CallExpr>(Cond->IgnoreParenImpCasts()))
    if (CE->getBuiltinCallee() == Builtin::BI__builtin_expect && CE->getNumArgs() == 2)
      if (auto V = valueOf(S, CE->getArg(1)))
        UnlikelyPath = (*V == 0) == Branch;
  Cond = stripExpect(Cond, S);
  // The whole condition may be a query's value (in_atomic() is
  // "(preempt_count() != 0)"): resolve it before taking it apart.
  for (auto &P : S.Pendings)
    if (P.Result && P.Result->IgnoreParenImpCasts() == Cond)
      return refineAtom(S, Cond, Branch);
  if (auto *UO = dyn_cast<UnaryOperator>(Cond); UO && UO->getOpcode() == UO_LNot)
    return refine(S, UO->getSubExpr(), !Branch);
  if (auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = BO->getOpcode();
    if (Op == BO_LAnd && Branch)
      return refine(S, BO->getLHS(), true) && refine(S, BO->getRHS(), true);
    if (Op == BO_LOr && !Branch)
      return refine(S, BO->getLHS(), false) && refine(S, BO->getRHS(), false);
    if (Op == BO_LAnd || Op == BO_LOr)
      return true;
    if (BO->isComparisonOp()) {
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      auto LV = valueOf(S, L), RV = valueOf(S, R);
      if (LV && RV) {
        bool Res;
        switch (Op) {
        case BO_EQ: Res = *LV == *RV; break;
        case BO_NE: Res = *LV != *RV; break;
        case BO_LT: Res = *LV < *RV; break;
        case BO_GT: Res = *LV > *RV; break;
        case BO_LE: Res = *LV <= *RV; break;
        case BO_GE: Res = *LV >= *RV; break;
        default: return true;
        }
        return Res == Branch;
      }
      if (LV && !RV) {
        std::swap(L, R);
        std::swap(LV, RV);
        switch (Op) {
        case BO_LT: Op = BO_GT; break;
        case BO_GT: Op = BO_LT; break;
        case BO_LE: Op = BO_GE; break;
        case BO_GE: Op = BO_LE; break;
        default: break;
        }
      }
      if (!RV)
        return true;
      // x == 0, x != 0: the truth of x. x < 0 (an error code): non-zero.
      if (*RV == 0 && (Op == BO_EQ || Op == BO_NE))
        return refineAtom(S, L, (Op == BO_NE) == Branch);
      if (*RV == 0 && Op == BO_LT && Branch)
        return refineAtom(S, L, true);
      if (*RV == 0 && (Op == BO_GE) && !Branch)
        return refineAtom(S, L, true);
      if (Op == BO_EQ || Op == BO_NE) {
        bool Equal = (Op == BO_EQ) == Branch;
        bool Mem, Glob;
        std::string K = factKey(L, Mem, Glob);
        if (!K.empty() && Equal) {
          Fact F;
          F.Key = K;
          F.Memory = Mem;
          F.Global = Glob;
          F.Value = *RV;
          S.setFact(F);
        }
        if (Equal && *RV != 0)
          return refineAtom(S, L, true);
      }
      return true;
    }
    return true;
  }
  return refineAtom(S, Cond, Branch);
}

//===----------------------------------------------------------------------===//
// Transfer
//===----------------------------------------------------------------------===//

void FunctionAnalyzer::recordCall(const PathState &S, const Event &E,
                                  const FunctionSummary *CS) {
  if (S.Imprecise || Sum.Calls.size() >= 512)
    return;
  auto It = llvm::find_if(Sum.Calls, [&](const FunctionSummary::CallRec &C) {
    return C.Callee == E.Callee && C.Loc == E.Loc;
  });
  if (It == Sum.Calls.end()) {
    Sum.Calls.emplace_back();
    It = Sum.Calls.end() - 1;
    It->Callee = E.Callee;
    It->Loc = E.Loc;
    It->KnownSleeps = CS && (CS->Sleeps || CS->SleepGfpParam >= 0);
    It->KnownPinned = CS && CS->Pinned;
  }
  auto &C = *It;
  RegionMask A = S.activeRegions();
  if ((A & atomicRegions()) && !C.Atomic) {
    // The innermost cause: the lock or region entered last.
    C.Atomic = true;
    for (auto &L : S.Locks)
      if ((L.Implies & atomicRegions()) &&
          (C.AtomicSince.isInvalid() || SM.isBeforeInTranslationUnit(C.AtomicSince, L.Loc))) {
        C.AtomicLock = L.Key;
        C.AtomicByRegion = false;
        C.AtomicBy = L.By;
        C.AtomicSince = L.Loc;
      }
    for (unsigned R = 0; R < NumRegions; ++R)
      if ((atomicRegions() & (1u << R)) && S.Depth[R] > 0 && S.LastEnter[R].isValid() &&
          (C.AtomicSince.isInvalid() || SM.isBeforeInTranslationUnit(C.AtomicSince, S.LastEnter[R]))) {
        C.AtomicLock.clear();
        C.AtomicByRegion = true;
        C.AtomicRegion = Region(R);
        C.AtomicBy = S.LastEnterBy[R];
        C.AtomicSince = S.LastEnter[R];
      }
  }
  if (!(A & cpuPinningRegions()) && !S.unknownIn(cpuPinningRegions()))
    C.Unpinned = true;
  for (auto &L : S.Locks)
    if (L.Decl && C.Held.size() < 8 && !llvm::is_contained(C.Held, L.Decl))
      C.Held.push_back(L.Decl);
}

void FunctionAnalyzer::checkPinned(PathState &S, const Event &E, const ViaCall &Via) {
  if (S.activeRegions() & cpuPinningRegions())
    return;
  if (S.Imprecise || S.unknownIn(cpuPinningRegions()))
    return; // errs towards silence
  if (Deferred) {
    // A static helper: its callers answer for it (the summary carries the need).
    recordNeed(Sum.Pinned, E, Via);
    return;
  }
  H.unpinnedAccess(FC, E, Via, S);
}

void FunctionAnalyzer::checkSleep(PathState &S, const Event &E, const ViaCall &Via,
                                  RegionMask Atomic) {
  if (S.activeRegions() & Atomic) {
    if (!S.Imprecise) {
      H.sleepInAtomic(FC, E, Via, S);
      if (S.activeRegions() & maskOf(Region::Fpu))
        H.fpuSleep(FC, E, Via, S);
    }
    return;
  }
  if (S.Imprecise || S.unknownIn(Atomic))
    return;
  // Not atomic here: callers that are atomic at the call answer for it.
  if (recordNeed(Sum.Sleeps, E, Via)) {
    Sum.SleepUnlessPagefault = Via.Callee ? Via.UnlessPagefault
                                          : (E.K == Event::Primitive && E.Eff && E.Eff->UnlessPagefault);
    // Did the function drop something its caller held before sleeping
    // (__down_common() releases sem->lock around schedule_timeout())?
    Sum.SleepAfterRelease = !S.ReleasedEntry.empty() ||
                            llvm::any_of(S.Depth, [](int8_t D) { return D < 0 && D != UnknownDepth; });
  }
}

void FunctionAnalyzer::checkFpu(PathState &S, const Event &E, const ViaCall &Via) {
  if (S.activeRegions() & maskOf(Region::Fpu))
    return;
  if (S.Imprecise || S.unknownIn(maskOf(Region::Fpu)))
    return;
  if (Deferred) {
    // An FPU routine its callers call inside their sections.
    recordNeed(Sum.Fpu, E, Via);
    return;
  }
  // The first use on a path out of its section says it; the rest of the
  // same function's arithmetic would only repeat it.
  if (!FpuReported)
    H.fpuOutsideRegion(FC, E, Via, S);
  FpuReported = true;
}

std::optional<bool> FunctionAnalyzer::gfpSleeps(const PathState &S, const Expr *Gfp) {
  if (!Gfp)
    return std::nullopt;
  if (auto V = valueOf(S, Gfp))
    return (uint64_t(*V) & FA.Model.gfpSleepMask()) != 0;
  // A parameter: the summary says "sleeps if the caller's GFP allows it".
  if (auto *DR = dyn_cast<DeclRefExpr>(Gfp->IgnoreParenCasts()))
    if (auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()))
      if (Sum.SleepGfpParam < 0)
        Sum.SleepGfpParam = int(P->getFunctionScopeIndex());
  return std::nullopt;
}

void FunctionAnalyzer::applyEffect(PathState &S, const Effect &Eff, const Event &E,
                                   const ViaCall &Via, llvm::StringRef LockKey,
                                   bool Inverse) {
  if ((Eff.RTOnly && !rt()) || (Eff.NonRTOnly && rt()))
    return;
  EffectKind K = Eff.Kind;
  if (Inverse) {
    if (K == EffectKind::Enter) K = EffectKind::Exit;
    else if (K == EffectKind::Exit) K = EffectKind::Enter;
    else if (K == EffectKind::Acquire) K = EffectKind::Release;
    else if (K == EffectKind::Release) K = EffectKind::Acquire;
    else return;
  }
  unsigned R = unsigned(Eff.Reg);
  switch (K) {
  case EffectKind::Enter:
    if (Eff.Reg == Region::Fpu && S.Depth[R] > 0 && !S.Imprecise && E.K == Event::Primitive)
      H.fpuNested(FC, E, S);
    // Re-taking a section the caller held (a drop/re-take loop) is not an
    // own open: only an open from the entry level or above counts.
    if (S.Depth[R] != UnknownDepth && S.Depth[R] >= 0)
      S.Opened |= maskOf(Eff.Reg);
    if (S.Depth[R] != UnknownDepth && S.Depth[R] < 100)
      ++S.Depth[R];
    S.LastEnter[R] = E.Loc;
    S.LastEnterBy[R] = E.Name;
    if (Eff.Reg == Region::Irq)
      S.IrqFlags.push_back(E.FlagsKey);
    break;
  case EffectKind::Exit: {
    Sum.Ends |= maskOf(Eff.Reg);
    if (S.Depth[R] != UnknownDepth) {
      if (S.Depth[R] <= 0 && (S.Opened & maskOf(Eff.Reg)) && !S.Imprecise && !FC.HasContract)
        H.regionUnderflow(FC, Eff.Reg, E, S);
      if (S.Depth[R] > -100)
        --S.Depth[R];
    }
    S.LastExit[R] = E.Loc;
    S.LastExitBy[R] = E.Name;
    if (Eff.Reg == Region::Irq && E.K == Event::Primitive && E.FlagsKey.empty() && !S.Imprecise &&
        llvm::any_of(S.IrqFlags, [](const std::string &F) { return !F.empty(); }))
      H.irqEnableInSave(FC, E, S.LastEnter[R], S);
    if (Eff.Reg == Region::Irq && !S.IrqFlags.empty()) {
      // A restore pairs with the save of the same flags; if that is not the
      // innermost one, report once and drop the save it pairs with, so the
      // next restore is judged on its own.
      std::string Open = S.IrqFlags.back();
      auto Match = S.IrqFlags.end();
      if (!E.FlagsKey.empty())
        for (auto It = S.IrqFlags.begin(); It != S.IrqFlags.end(); ++It)
          if (*It == E.FlagsKey)
            Match = It;
      if (!E.FlagsKey.empty() && !Open.empty() && Open != E.FlagsKey && !S.Imprecise)
        H.flagsMismatch(FC, E, Open, S);
      S.IrqFlags.erase(Match != S.IrqFlags.end() ? Match : S.IrqFlags.end() - 1);
    }
    if (Eff.Reg == Region::Irq && S.WokenAt.isValid() && S.Depth[R] == 0 &&
        S.IrqOnAt.isInvalid() && E.K == Event::Primitive) {
      S.IrqOnAt = E.Loc;
      S.IrqOnBy = E.Name;
    }
    if (Eff.Reg == Region::Preempt) {
      if (!Eff.NoResched) {
        S.WokenAt = SourceLocation(); // preempt_enable() checks need_resched
        S.IrqOnAt = SourceLocation();
      }
      if (Eff.NoResched && S.Depth[R] == 0 &&
          !(S.activeRegions() & (maskOf(Region::Preempt) | maskOf(Region::Irq))))
        S.NoReschedAt = E.Loc;
      else if (!Eff.NoResched)
        S.NoReschedAt = SourceLocation();
    }
    break;
  }
  case EffectKind::Acquire: {
    HeldLock L;
    L.Key = resolveAlias(S, LockKey);
    L.ClassIdx = int16_t(Eff.LockClassIdx);
    L.Shared = Eff.Shared;
    L.FlagsKey = E.FlagsKey;
    L.Loc = E.Loc;
    L.By = E.Name;
    L.Decl = E.LockDecl;
    if (Eff.LockClassIdx >= 0) {
      const LockClass &C = FA.Model.lockClasses()[Eff.LockClassIdx];
      L.Implies = C.Implies[rt()];
      // On RT a sleeping lock's _irq/_irqsave variants leave irqs on.
      RegionMask V = Eff.Implies;
      if (rt() && C.Sleeps[1])
        V &= maskOf(Region::Bh);
      L.Implies |= V;
    } else {
      L.Implies = Eff.Implies;
    }
    // (A trylock never waits: its effects are conditional, so E.Cond was set.)
    if (Eff.LockClassIdx >= 0 && FA.Model.lockClasses()[Eff.LockClassIdx].Sleeps[rt()] &&
        !Inverse && E.Cond == When::Always && !WasConditional) {
      // mutex_lock(); and spin_lock() on PREEMPT_RT, where RCU readers and
      // bottom-half sections are preemptible and may take sleeping spinlocks.
      RegionMask Atomic = atomicRegions();
      if (rt() && !FA.Model.lockClasses()[Eff.LockClassIdx].Sleeps[0])
        Atomic &= ~(maskOf(Region::Rcu) | maskOf(Region::Bh));
      checkSleep(S, E, Via, Atomic);
    }
    for (auto &Held : S.Locks)
      if (Held.Key == L.Key && !L.Key.empty() && L.Key[0] != '?' &&
          !(Held.Shared && L.Shared)) {
        if (!S.Imprecise && !FC.HasContract)
          H.doubleAcquire(FC, E, Held, S);
        // The task deadlocks here: nothing after it on this path is worth
        // reporting.
        S.Imprecise = true;
        return;
      }
    Sum.TakesLocks = true;
    if (Sum.Acquisitions.size() < 64 && L.Decl &&
        llvm::none_of(Sum.Acquisitions, [&](auto &A) { return A.Decl == L.Decl; }))
      Sum.Acquisitions.push_back({L.Decl, L.Key, E.Loc});
    llvm::erase(S.ReleasedOwn, L.Key);
    S.Locks.push_back(std::move(L));
    llvm::sort(S.Locks, [](const HeldLock &A, const HeldLock &B) { return A.Key < B.Key; });
    break;
  }
  case EffectKind::Release: {
    std::string Key = resolveAlias(S, LockKey);
    if (E.LockDecl && Sum.ReleasedDecls.size() < 16 && !llvm::is_contained(Sum.ReleasedDecls, E.LockDecl))
      Sum.ReleasedDecls.push_back(E.LockDecl);
    auto It = llvm::find_if(S.Locks, [&](const HeldLock &L) { return L.Key == Key; });
    // A lock a callee took without a name we can see (base =
    // lock_timer_base(...); ... raw_spin_unlock(&base->lock)): the same
    // field of the same class is that lock.
    if (It == S.Locks.end() && E.LockDecl)
      It = llvm::find_if(S.Locks, [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.Decl == E.LockDecl &&
               L.ClassIdx == Eff.LockClassIdx;
      });
    // ptl = pte_lockptr(...) / huge_pte_lock(...); spin_unlock(ptl): a local
    // holding a lock a callee took. With one such lock of the class held,
    // that is the one.
    if (It == S.Locks.end() && !E.LockDecl) {
      auto Anon = [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.ClassIdx == Eff.LockClassIdx;
      };
      if (llvm::count_if(S.Locks, Anon) == 1)
        It = llvm::find_if(S.Locks, Anon);
    }
    if (It != S.Locks.end()) {
      if (It->FromCaller) {
        releaseCallersLock(S, It->Key, Eff.LockClassIdx, It->Decl, &*It);
        break;
      }
      S.Locks.erase(It);
      S.ReleasedOwn.push_back(Key);
      break;
    }
    if (Key.empty())
      break;
    // A lock a contract says the caller holds (__releases(rq->lock)) is
    // named as the contract writes it; the release names it as the code
    // does. Releasing a lock we do not hold releases that one.
    if (releaseCallersLock(S, Key, Eff.LockClassIdx, E.LockDecl))
      break;
    // Not held on this path. A lock this path took and released already is
    // a double unlock; a lock of the same class still held is the wrong
    // lock; anything else is the caller's lock (a release wrapper, also
    // when a contract says so: its summary must carry the release).
    bool Judge = !S.Imprecise && !FC.HasContract;
    if (Judge && llvm::is_contained(S.ReleasedOwn, Key)) {
      H.releaseNotHeld(FC, E, S, nullptr);
      break;
    }
    // The wrong lock: the same lock field of another object, or another
    // lock of the same object, is held.
    auto baseOf = [](llvm::StringRef K) { return K.rsplit('.').first; };
    for (auto &Held : S.Locks)
      if (Judge && Held.ClassIdx == Eff.LockClassIdx && Held.Key[0] != '?' &&
          ((Held.Decl && Held.Decl == E.LockDecl) ||
           (Key.find('.') != std::string::npos && baseOf(Held.Key) == baseOf(Key)) ||
           (Key.find_first_of(".[") == std::string::npos &&
            Held.Key.find_first_of(".[?") == std::string::npos))) {
        H.releaseNotHeld(FC, E, S, &Held);
        // Reported once; the path goes on as the code meant it (the held
        // lock released), so nothing downstream repeats the finding.
        S.ReleasedOwn.push_back(Held.Key);
        S.Locks.erase(S.Locks.begin() + (&Held - S.Locks.data()));
        return;
      }
    HeldLock Gone;
    Gone.Key = Key;
    Gone.ClassIdx = int16_t(Eff.LockClassIdx);
    Gone.Decl = E.LockDecl;
    Gone.Loc = E.Loc;
    Gone.By = E.Name;
    if (llvm::find(S.ReleasedEntry, Gone) == S.ReleasedEntry.end())
      S.ReleasedEntry.push_back(Gone);
    if (Sum.UnheldReleases.size() < 64 && E.LockDecl &&
        llvm::none_of(Sum.UnheldReleases, [&](auto &A) { return A.Decl == E.LockDecl; }))
      Sum.UnheldReleases.push_back({E.LockDecl, Key, E.Loc});
    break;
  }
  case EffectKind::CpuId:
  case EffectKind::Percpu:
    if (Eff.Needs == Need::Pinned)
      checkPinned(S, E, Via);
    break;
  case EffectKind::Assert:
    S.Assumed |= maskOf(Eff.Reg);
    break;
  case EffectKind::AssertHeld: {
    // The lock's class tells what holding it implies; the class comes from
    // the lock expression's type. A lock this path does not hold is the
    // caller's: held from here, until the path releases it.
    if (E.LockClassIdx < 0)
      break;
    std::string Key = resolveAlias(S, LockKey);
    if (Key.empty()) {
      S.Assumed |= FA.Model.lockClasses()[E.LockClassIdx].Implies[rt()];
      break;
    }
    if (llvm::any_of(S.Locks, [&](const HeldLock &L) { return L.Key == Key; }))
      break;
    HeldLock L;
    L.Key = Key;
    L.ClassIdx = int16_t(E.LockClassIdx);
    L.Implies = FA.Model.lockClasses()[E.LockClassIdx].Implies[rt()];
    L.FromCaller = true;
    L.Asserted = true;
    L.Decl = E.LockDecl;
    L.Loc = E.Loc;
    L.By = E.Name;
    S.Locks.push_back(std::move(L));
    llvm::sort(S.Locks, [](const HeldLock &A, const HeldLock &B) { return A.Key < B.Key; });
    break;
  }
  case EffectKind::Resched:
    S.NoReschedAt = SourceLocation();
    S.WokenAt = SourceLocation();
    S.IrqOnAt = SourceLocation();
    break;
  case EffectKind::Sleep: {
    // copy_from_user() and friends fail instead of faulting in pages when
    // page faults are disabled.
    if (Eff.UnlessPagefault && (S.activeRegions() & maskOf(Region::Pagefault)))
      break;
    if (Eff.GfpArg < 0) {
      checkSleep(S, E, Via);
      break;
    }
    auto G = gfpSleeps(S, E.Gfp);
    if (G && *G)
      checkSleep(S, E, Via);
    else if (rt())
      // On RT even an atomic allocation takes sleeping spinlocks: wrong
      // where preemption or interrupts are really off.
      checkSleep(S, E, Via, atomicRegions() & ~(maskOf(Region::Rcu) | maskOf(Region::Bh)));
    break;
  }
  case EffectKind::Deprecated:
    H.deprecatedPrimitive(FC, E);
    break;
  case EffectKind::FpuUse:
    checkFpu(S, E, Via);
    break;
  case EffectKind::FpuRestore:
    if (!(S.activeRegions() & (maskOf(Region::Preempt) | maskOf(Region::Irq) |
                               maskOf(Region::Fpu))) &&
        !S.Imprecise && !S.unknownIn(maskOf(Region::Preempt)) && !Deferred)
      H.fpuRestoreUnpinned(FC, E, S);
    break;
  case EffectKind::Wakes: {
    // Only interrupts off hold preemption back: nothing will act on the
    // need_resched this may set when they come back on.
    RegionMask A = S.activeRegions();
    if ((A & maskOf(Region::Irq)) && S.depth(Region::Irq) > 0 &&
        !(A & (maskOf(Region::Preempt) | maskOf(Region::Bh))) && S.WokenAt.isInvalid())
      S.WokenAt = E.Loc;
    break;
  }
  case EffectKind::Register:
    break;
  }
}

void FunctionAnalyzer::applyCall(PathState &S, const Event &E, bool Inverse) {
  S.killGlobalFacts();
  if (!E.Callee)
    return;
  // A callee the model names (a cleanup function, a guard constructor).
  if (const Primitive *P = FA.Model.lookup(E.Callee->getName())) {
    for (const Effect &Eff : P->Effects) {
      std::string Key = Eff.LockName;
      if (Eff.LockArg >= 0 && unsigned(Eff.LockArg) < E.ArgKeys.size())
        Key = E.ArgKeys[Eff.LockArg];
      applyEffect(S, Eff, E, ViaCall(), Key, Inverse);
    }
    return;
  }
  const FunctionSummary *CS = FA.summaryFor(E.Callee);
  if (!Inverse)
    recordCall(S, E, CS);
  if (!CS)
    return;
  ViaCall Via;
  Via.Callee = E.Callee;
  // The callee's accesses happen in the state its caller calls it in.
  if (CS->Pinned && !Inverse) {
    ViaCall Need = Via;
    Need.Where = CS->Pinned.At;
    Need.What = CS->Pinned.What;
    checkPinned(S, E, Need);
  }
  if (CS->Fpu && !Inverse) {
    ViaCall FV = Via;
    FV.Where = CS->Fpu.At;
    FV.What = CS->Fpu.What;
    checkFpu(S, E, FV);
  }
  // The callee sleeps in the state its caller calls it in (unless it
  // first drops something the caller holds: checked after its effects).
  // A callee that drops its caller's lock before sleeping (and may take it
  // back) is not judged here: what it drops is not known precisely enough.
  if (!Inverse && (CS->Sleeps || CS->SleepGfpParam >= 0) && !CS->SleepAfterRelease) {
    bool Sleeps = CS->Sleeps.Has &&
                  !(CS->SleepUnlessPagefault && (S.activeRegions() & maskOf(Region::Pagefault)));
    if (!Sleeps && unsigned(CS->SleepGfpParam) < E.ArgExprs.size()) {
      auto G = gfpSleeps(S, E.ArgExprs[CS->SleepGfpParam]);
      Sleeps = G && *G;
    }
    if (Sleeps) {
      ViaCall SV = Via;
      SV.Where = CS->Sleeps.At;
      SV.What = CS->Sleeps.What;
      SV.UnlessPagefault = CS->SleepUnlessPagefault;
      if (!CS->Sleeps)
        SV.What = "an allocation that may sleep";
      checkSleep(S, E, SV);
    }
  }
  for (unsigned R = 0; R < NumRegions; ++R) {
    int D = CS->Delta[R];
    if (D == 0)
      continue;
    Effect Eff;
    Eff.Reg = Region(R);
    Eff.Kind = (D > 0) ? EffectKind::Enter : EffectKind::Exit;
    for (int I = 0, N = D > 0 ? D : -D; I < N; ++I)
      applyEffect(S, Eff, E, Via, "", Inverse);
  }
  for (auto &LE : CS->Locks) {
    std::string Key;
    if (LE.Param >= 0 && unsigned(LE.Param) < E.ArgKeys.size())
      Key = E.ArgKeys[LE.Param] + LE.Suffix;
    else if ((E.GuardCtor || E.K == Event::GuardEnd) && !E.ArgKeys.empty())
      Key = E.ArgKeys[0]; // a lock guard (DEFINE_LOCK_GUARD_1, DEFINE_GUARD) guards its first argument
    else if (auto *VD = dyn_cast_or_null<VarDecl>(LE.Lock.Decl); VD && VD->hasGlobalStorage())
      Key = LE.Lock.Key; // a global lock has the same name everywhere
    else if (LE.Acquire != Inverse)
      // A lock local to the callee (pmd_lock() returns the lock it took):
      // its identity is unknown here. It still implies what it implies,
      // but no lock finding is made about it ("?" keys).
      Key = "?" + LE.Key + "@" + std::to_string((Inverse ? E.CtorLoc : E.Loc).getRawEncoding());
    else {
      // The callee releases a lock we cannot name: the one unnamed lock of
      // its class a callee took (rq_lock() ... rq_unlock()), or else the
      // lock a contract says our caller holds (finish_task_switch() in
      // schedule_tail()).
      auto Anon = [&](const HeldLock &L) {
        return !L.Key.empty() && L.Key[0] == '?' && L.ClassIdx == LE.Lock.ClassIdx;
      };
      if (llvm::count_if(S.Locks, Anon) == 1) {
        S.Locks.erase(llvm::find_if(S.Locks, Anon));
        continue;
      }
      releaseCallersLock(S, "", -1, nullptr);
      continue;
    }
    Effect Eff;
    Eff.Kind = LE.Acquire ? EffectKind::Acquire : EffectKind::Release;
    Eff.LockClassIdx = LE.Lock.ClassIdx;
    Eff.Implies = LE.Lock.Implies;
    Eff.Shared = LE.Lock.Shared;
    Event Ev = E;
    Ev.FlagsKey = LE.Lock.FlagsKey;
    Ev.LockKey = Key;
    Ev.LockDecl = LE.Lock.Decl;
    applyEffect(S, Eff, Ev, Via, Key, Inverse);
  }
  // A callee's assertion (lockdep_assert_held() in a helper) is explained
  // when the caller already holds what it asserts; only the rest is assumed.
  if (!Inverse)
    S.Assumed |= CS->Asserts & ~S.activeRegions();

}

void FunctionAnalyzer::applyEvent(PathState &S, const Event &E) {
  if (E.Cond != When::Always && E.Result) {
    for (auto &P : S.Pendings)
      if (P.Result == E.Result) {
        P.Events.push_back(&E);
        return;
      }
    Pending P;
    P.Result = E.Result;
    P.Events.push_back(&E);
    S.Pendings.push_back(std::move(P));
    return;
  }
  switch (E.K) {
  case Event::Primitive:
    applyEffect(S, *E.Eff, E, ViaCall(), E.LockKey, false);
    break;
  case Event::Call:
    applyCall(S, E, false);
    break;
  case Event::GuardEnd:
    applyCall(S, E, true);
    break;
  }
}

void FunctionAnalyzer::assignTo(PathState &S, const std::string &K, bool Mem,
                                const Expr *RHS, bool Global) {
    S.killFact(K);
    llvm::erase_if(S.Aliases, [&](auto &A) { return A.first == K; });
    llvm::erase_if(S.CpuVals, [&](const CpuValue &V) { return V.Var == K; });
    bool Pointer = false;
    llvm::StringRef By;
    if (!Mem && RHS && cpuSource(RHS, Pointer, By) && !S.Imprecise &&
        (S.activeRegions() & cpuPinningRegions()) && S.CpuVals.size() < 4) {
      CpuValue V;
      V.Var = K;
      V.Pointer = Pointer;
      V.At = RHS->getBeginLoc();
      V.By = By;
      S.CpuVals.push_back(std::move(V));
    }
    // A local pointer that copies another (struct x *p = d;): locks through
    // it are the same locks.
    if (!Mem && RHS && RHS->getType()->isPointerType()) {
      const Expr *R = RHS->IgnoreParenCasts();
      if (auto *UO = dyn_cast<UnaryOperator>(R); UO && UO->getOpcode() == UO_AddrOf)
        R = UO->getSubExpr()->IgnoreParenCasts();
      if (isa<DeclRefExpr>(R) || isa<MemberExpr>(R)) {
        std::string To = resolveAlias(S, canonicalKey(R));
        if (!To.empty() && To != K && S.Aliases.size() < 8)
          S.Aliases.push_back({K, To});
      }
    }
    if (Mem)
      S.killMemoryFacts();
    for (auto &P : S.Pendings)
      if (P.VarKey == K)
        P.VarKey.clear();
    if (!RHS)
      return;
    // x = !!q(), x = !q(): the variable carries the query's value.
    bool Neg = false;
    const Expr *R = RHS->IgnoreParenImpCasts();
    while (auto *UO = dyn_cast<UnaryOperator>(R)) {
      if (UO->getOpcode() != UO_LNot)
        break;
      Neg = !Neg;
      R = UO->getSubExpr()->IgnoreParenImpCasts();
    }
    for (auto &P : S.Pendings)
      if (P.Result && P.Result->IgnoreParenImpCasts() == R) {
        P.VarKey = K;
        P.Negated = Neg;
        return;
      }
    if (auto V = valueOf(S, RHS)) {
      Fact F;
      F.Key = K;
      F.Memory = Mem;
      F.Global = Global;
      F.Value = *V;
      S.setFact(F);
    }
}

const Primitive *FunctionAnalyzer::cpuSource(const Expr *RHS, bool &Pointer,
                                             llvm::StringRef &Name) const {
  const Expr *R = RHS->IgnoreParenImpCasts();
  const Primitive *P = nullptr;
  if (R->getBeginLoc().isMacroID()) {
    if (const MacroExpansionRec *Rec = FA.Macros.outermostOwner(R->getBeginLoc(), SM)) {
      P = Rec->Prim;
      Name = Rec->Name;
    }
  } else if (auto *CE = dyn_cast<CallExpr>(R)) {
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      P = FA.Model.lookup(FD->getName());
      Name = FD->getName();
    }
  }
  if (!P)
    return nullptr;
  for (const Effect &Eff : P->Effects) {
    if (Eff.Needs != Need::Pinned)
      continue;
    if (Eff.Kind == EffectKind::CpuId && R->getType()->isIntegerType()) {
      Pointer = false;
      return P;
    }
    if (Eff.Kind == EffectKind::Percpu && R->getType()->isPointerType()) {
      Pointer = true;
      return P;
    }
  }
  return nullptr;
}

void FunctionAnalyzer::staleAfter(PathState &S, const Event &E) {
  if ((S.activeRegions() & cpuPinningRegions()) || S.unknownIn(cpuPinningRegions()))
    return;
  for (auto &V : S.CpuVals)
    if (V.EndedAt.isInvalid()) {
      V.EndedAt = E.Loc;
      V.EndedBy = E.Name;
    }
}

void FunctionAnalyzer::checkCpuUse(PathState &S, const Stmt *St) {
  const Expr *Var = nullptr;
  bool AsPointer = false;
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(St))
    Var = AS->getIdx()->IgnoreParenImpCasts();
  else if (auto *UO = dyn_cast<UnaryOperator>(St); UO && UO->getOpcode() == UO_Deref) {
    Var = UO->getSubExpr()->IgnoreParenImpCasts();
    AsPointer = true;
  } else if (auto *ME = dyn_cast<MemberExpr>(St); ME && ME->isArrow()) {
    Var = ME->getBase()->IgnoreParenImpCasts();
    AsPointer = true;
  }
  auto *DR = dyn_cast_or_null<DeclRefExpr>(Var);
  if (!DR || S.Imprecise)
    return;
  llvm::StringRef Name = DR->getDecl()->getName();
  for (auto It = S.CpuVals.begin(); It != S.CpuVals.end(); ++It)
    if (It->Var == Name && It->Pointer == AsPointer && It->EndedAt.isValid()) {
      H.staleCpuValue(FC, St->getBeginLoc(), *It, S);
      S.CpuVals.erase(It); // once per value and path
      return;
    }
}

void FunctionAnalyzer::applyStmt(PathState &S, const Stmt *St) {
  if (!S.CpuVals.empty())
    checkCpuUse(S, St);
  auto assign = [&](const Expr *LHS, const Expr *RHS) {
    bool Mem = false, Glob = false;
    std::string K = factKey(LHS, Mem, Glob);
    if (K.empty()) {
      // A store we cannot name: memory facts may be stale.
      S.killMemoryFacts();
      return;
    }
    assignTo(S, K, Mem, RHS, Glob);
  };
  if (auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->getOpcode() == BO_Assign)
      assign(BO->getLHS(), BO->getRHS());
    else if (BO->isCompoundAssignmentOp())
      assign(BO->getLHS(), nullptr);
    return;
  }
  if (auto *UO = dyn_cast<UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp())
      assign(UO->getSubExpr(), nullptr);
    return;
  }
  if (auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D))
        if (!VD->hasGlobalStorage() && !FE.AddressTaken.count(VD) &&
            (VD->getLocation().isFileID() ||
             !FA.Macros.insidePrimitive(VD->getLocation(), FA.Ctx.getSourceManager()))) {
          if (const Expr *Init = VD->getInit())
            assignTo(S, VD->getName().str(), /*Mem=*/false, Init);
          else
            S.killFact(VD->getName());
        }
    return;
  }
  if (isa<CallExpr>(St))
    S.killGlobalFacts(); // a callee may change globals; fields of locals are kept
  if (auto *RS = dyn_cast<ReturnStmt>(St)) {
    S.Returned = true;
    S.ReturnLoc = RS->getBeginLoc();
    if (const Expr *RV = RS->getRetValue())
      S.ReturnValue = valueOf(S, RV);
    return;
  }

}

//===----------------------------------------------------------------------===//
// The worklist
//===----------------------------------------------------------------------===//

void FunctionAnalyzer::dumpState(SourceLocation L, const char *What, const PathState &S) {
  llvm::raw_ostream &OS = *FA.Opts.DumpState;
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isValid())
    OS << P.getLine() << ":" << P.getColumn();
  else
    OS << "?";
  OS << ": " << FE.FD->getName() << ": " << What << ":";
  for (unsigned R = 0; R < NumRegions; ++R) {
    if (S.Depth[R] == UnknownDepth)
      OS << " " << regionName(Region(R)) << "=?";
    else if (S.Depth[R] != 0)
      OS << " " << regionName(Region(R)) << "=" << int(S.Depth[R]);
  }
  if (S.Assumed) {
    OS << " assumed=";
    bool First = true;
    for (unsigned R = 0; R < NumRegions; ++R)
      if (S.Assumed & (1u << R)) {
        OS << (First ? "" : ",") << regionName(Region(R));
        First = false;
      }
  }
  if (!S.Locks.empty()) {
    OS << " locks={";
    for (unsigned I = 0; I < S.Locks.size(); ++I)
      OS << (I ? "," : "") << S.Locks[I].Key;
    OS << "}";
  }
  for (auto &F : S.Facts) {
    OS << " " << F.Key;
    if (F.K == Fact::NonZero) OS << "!=0";
    else OS << "==" << F.Value;
  }
  for (auto &P : S.Pendings)
    OS << " pending(" << P.Events.front()->Name << (P.VarKey.empty() ? "" : "->" + P.VarKey) << ")";
  if (S.Imprecise)
    OS << " imprecise";
  if (S.Depth == std::array<int8_t, NumRegions>{} && S.Locks.empty() && !S.Assumed)
    OS << " (nothing held)";
  OS << "\n";
}

void FunctionAnalyzer::processBlock(const CFGBlock *B, PathState S) {
  unsigned BID = B->getBlockID();
  auto &Evs = FE.Events[BID];
  size_t Next = 0;
  unsigned Idx = 0;
  for (const CFGElement &El : *B) {
    unsigned I = Idx++;
    if (++Steps > FA.Opts.Budget) {
      OutOfBudget = true;
      return;
    }
    bool HadEvent = false;
    while (Next < Evs.size() && Evs[Next].first == I) {
      applyEvent(S, Evs[Next].second);
      if (!S.CpuVals.empty())
        staleAfter(S, Evs[Next].second);
      ++Next;
      HadEvent = true;
    }
    if (auto CS = El.getAs<CFGStmt>()) {
      applyStmt(S, CS->getStmt());
      if (Dump && (HadEvent || isa<ReturnStmt>(CS->getStmt())))
        dumpState(CS->getStmt()->getBeginLoc(), "after", S);
    } else if (Dump && HadEvent) {
      if (auto CF = El.getAs<CFGCleanupFunction>())
        dumpState(CF->getVarDecl()->getLocation(), "scope exit", S);
    }
  }
  // Events anchored past the last element (none expected) are applied here.
  for (; Next < Evs.size(); ++Next)
    applyEvent(S, Evs[Next].second);

  // A block that ends in a noreturn call (BUG(), panic()) has an edge to
  // the exit block in Clang's CFG; it is not a return.
  if (B->hasNoReturnElement())
    return;

  const Stmt *Cond = B->getTerminatorCondition();
  unsigned SI = 0;
  for (auto It = B->succ_begin(); It != B->succ_end(); ++It, ++SI) {
    const CFGBlock *To = It->getReachableBlock();
    if (!To)
      continue;
    PathState T = S;
    if (Cond && B->succ_size() == 2 && isa<Expr>(Cond) &&
        !isa<SwitchStmt>(B->getTerminatorStmt())) {
      bool Branch = SI == 0;
      // A query decides behaviour when the branch is the user's own, not
      // one inside WARN_ON()/BUG_ON().
      CurCondLoc = SourceLocation();
      UnlikelyPath = false;
      if (const Stmt *TS = B->getTerminatorStmt()) {
        // in_atomic() ? a : b begins inside the query's own expansion.
        SourceLocation L = TS->getBeginLoc();
        bool UserBranch = L.isFileID();
        if (!UserBranch) {
          // The branch may begin inside a recognised primitive (the query
          // itself) that the user wrote, possibly as an argument of other
          // macros (kmalloc(n, in_atomic() ? ... : ...)).
          SourceLocation X;
          FA.Macros.forEachOwner(L, SM, [&](const MacroExpansionRec *, SourceLocation NameLoc) {
            X = NameLoc;
            return false; // the innermost one
          });
          if (X.isValid()) {
            while (X.isMacroID() && SM.isMacroArgExpansion(X))
              X = SM.getImmediateSpellingLoc(X);
            UserBranch = X.isFileID();
          }
        }
        if (UserBranch)
          CurCondLoc = Cond->getBeginLoc();
      }
      if (!refine(T, cast<Expr>(Cond), Branch))
        continue; // infeasible on this path
      // Only branches the user wrote are worth a note on the path.
      if (Cond->getBeginLoc().isFileID())
        T.noteBranch(Cond->getBeginLoc(), Branch);
    }
    propagate(B, SI, To, std::move(T));
  }
}

void FunctionAnalyzer::propagate(const CFGBlock *From, unsigned, const CFGBlock *To,
                                 PathState S) {
  unsigned ID = To->getBlockID();
  bool Widen = Visits[ID] >= FA.Opts.WidenAfter;
  unsigned Limit = FA.Opts.PathLimit;
  if (To == &FE.Cfg->getExit()) {
    // Every return is judged on its own path: the exit keeps each distinct
    // exit state up to ExitLimit, and when full it gives up what is known
    // of values (StateSet::add) before what is held.
    Limit = FA.Opts.ExitLimit;
    Widen = false;
  }
  if (In[ID].add(std::move(S), Limit, Widen)) {
    unsigned R = FE.Rpo[ID];
    if (R != ~0u && !Queued[R]) {
      Queued[R] = true;
      Work.push(R);
    }
  }
}

void FunctionAnalyzer::run() {
  const CFG &G = *FE.Cfg;
  unsigned NB = G.getNumBlockIDs();
  In.assign(NB, StateSet());
  Visits.assign(NB, 0);
  Queued.assign(FE.Order.size(), false);

  PathState Init;
  Init.Assumed = InitialAssumed;
  Init.Locks.append(EntryLocks.begin(), EntryLocks.end());
  if (Dump && InitialAssumed)
    dumpState(FE.FD->getLocation(), "entry", Init);
  const CFGBlock &Entry = G.getEntry();
  In[Entry.getBlockID()].add(Init, FA.Opts.PathLimit, false);
  Work.push(FE.Rpo[Entry.getBlockID()]);
  Queued[FE.Rpo[Entry.getBlockID()]] = true;

  while (!Work.empty() && !OutOfBudget) {
    unsigned R = Work.top();
    Work.pop();
    Queued[R] = false;
    const CFGBlock *B = FE.Order[R];
    ++Visits[B->getBlockID()];
    // Copy: processing may add to this block's own set (self loops).
    auto States = In[B->getBlockID()].states();
    for (auto &S : States) {
      processBlock(B, S);
      if (OutOfBudget)
        break;
    }
  }
  if (OutOfBudget) {
    Sum.Complete = false;
    H.budgetExhausted(FC, Steps);
    return;
  }
  finish();
}

void FunctionAnalyzer::finish() {
  const CFGBlock &Exit = FE.Cfg->getExit();
  auto &Exits = In[Exit.getBlockID()].states();
  llvm::SmallVector<const PathState *, 8> Precise;
  for (auto &S : Exits) {
    if (Dump)
      dumpState(S.ReturnLoc.isValid() ? S.ReturnLoc : FE.FD->getBody()->getEndLoc(),
                "exit", S);
    if (!S.Imprecise)
      Precise.push_back(&S);
  }
  if (Precise.empty()) {
    Sum.Complete = Exits.empty(); // a function that never returns has no effect
    return;
  }
  for (auto *S : Precise)
    Sum.Opened |= S->Opened;
  Sum.AnExit = Precise.front()->ReturnLoc.isValid() ? Precise.front()->ReturnLoc
                                                     : FE.FD->getBody()->getEndLoc();
  // Different return values explain different exit states when the path
  // that holds more reports success (the trylock / "returns 0 with the lock
  // held" convention). A path that holds more and returns an error code is
  // the classic leak on an error path.
  bool ReturnsPointer = FE.FD->getReturnType()->isPointerType();
  auto explained = [&](const PathState *A, const PathState *B) {
    if (A->ReturnValue && B->ReturnValue && *A->ReturnValue != *B->ReturnValue &&
        *A->ReturnValue >= 0)
      return true;
    // "Returns the object with its lock held, or NULL".
    return ReturnsPointer && !A->ReturnValue && B->ReturnValue && *B->ReturnValue == 0;
  };
  // Regions: consistent exits give the summary; inconsistent ones are reported.
  for (unsigned R = 0; R < NumRegions; ++R) {
    bool Known = llvm::all_of(Precise, [&](const PathState *S) { return S->Depth[R] != UnknownDepth; });
    if (!Known)
      continue;
    int D0 = Precise.front()->Depth[R];
    bool Consistent = llvm::all_of(Precise, [&](const PathState *S) { return S->Depth[R] == D0; });
    if (Consistent) {
      Sum.Delta[R] = int8_t(D0);
      if (D0 > 0) {
        Sum.DeltaAt[R] = Precise.front()->LastEnter[R];
        Sum.DeltaBy[R] = Precise.front()->LastEnterBy[R];
      } else if (D0 < 0) {
        Sum.DeltaAt[R] = Precise.front()->LastExit[R];
        Sum.DeltaBy[R] = Precise.front()->LastExitBy[R];
      }
      continue;
    }
    if (FC.HasContract)
      continue;
    // Report the deepest path against a balanced one (depth 0) if there is
    // one, else against the shallowest.
    const PathState *Leak = nullptr, *Other = nullptr;
    auto better = [&](const PathState *A, const PathState *B) {
      if (!Leak)
        return true;
      if (A->Depth[R] != Leak->Depth[R])
        return A->Depth[R] > Leak->Depth[R];
      return B->Depth[R] == 0 && Other->Depth[R] != 0;
    };
    for (auto *A : Precise)
      for (auto *B : Precise)
        // Only a path that holds a section it began itself leaks; the
        // other path may not have it active by an assertion either
        // (WARN_ON(!irqs_disabled()) local_irq_disable(); re-establishes it).
        if (A->Depth[R] > 0 && A->Depth[R] > B->Depth[R] && !explained(A, B) &&
            !(B->Assumed & maskOf(Region(R))) && better(A, B)) {
          Leak = A;
          Other = B;
        }
    if (Leak)
      H.regionInconsistentExit(FC, Region(R), *Leak, *Other);
  }
  // Locks held at exit on every path are acquired for the caller.
  auto paramOf = [&](llvm::StringRef Key, std::string &Suffix) -> int {
    for (unsigned I = 0; I < FE.FD->getNumParams(); ++I) {
      llvm::StringRef N = FE.FD->getParamDecl(I)->getName();
      if (N.empty() || !Key.starts_with(N))
        continue;
      llvm::StringRef Rest = Key.drop_front(N.size());
      if (Rest.empty() || Rest.front() == '.' || Rest.front() == '[') {
        Suffix = Rest.str();
        return int(I);
      }
    }
    return -1;
  };
  // What the function asserts on every path holds for its callers too
  // (lockdep_assert_rq_held() wrappers).
  RegionMask Asserted = ~RegionMask(0);
  for (auto *S : Precise) {
    RegionMask M = S->Assumed;
    for (auto &L : S->Locks)
      if (L.FromCaller && L.Asserted)
        M |= L.Implies;
    Asserted &= M;
  }
  Sum.Asserts = Asserted & ~InitialAssumed;
  const PathState &F = *Precise.front();
  // Locks held at exit on some paths only: the error-path leak.
  if (!FC.HasContract) {
    llvm::SmallVector<std::string, 4> Reported;
    // The leak is a path that keeps a lock another path of the same function
    // takes and releases itself. A lock no path releases is taken for the
    // caller on some paths (a conditional lock helper); a lock some path
    // releases on the caller's behalf is the caller's lock, re-taken.
    auto callersLock = [&](const HeldLock &L) {
      return llvm::any_of(Precise, [&](const PathState *S) {
        return llvm::any_of(S->ReleasedEntry, [&](const HeldLock &R) { return R.Key == L.Key; });
      });
    };
    for (auto *A : Precise)
      for (auto &L : A->Locks) {
        if (llvm::is_contained(Reported, L.Key) || L.Key.empty() || L.Key[0] == '?' ||
            L.FromCaller || callersLock(L))
          continue;
        for (auto *B : Precise)
          if (llvm::find(B->Locks, L) == B->Locks.end() && !explained(A, B) &&
              llvm::is_contained(B->ReleasedOwn, L.Key)) {
            H.lockInconsistentExit(FC, L, *A, *B);
            Reported.push_back(L.Key);
            break;
          }
      }
  }
  // A lock effect for the callers, when every path agrees on it.
  auto summarise = [&](const HeldLock &L, bool Acquire, auto PathState::*Set) {
    if (!llvm::all_of(Precise, [&](const PathState *S) {
          return llvm::find(S->*Set, L) != (S->*Set).end();
        }))
      return;
    FunctionSummary::LockEffect LE;
    LE.Acquire = Acquire;
    LE.Param = paramOf(L.Key, LE.Suffix);
    if (LE.Param < 0)
      LE.Key = FE.FD->getName().str() + ":" + L.Key;
    LE.Lock = L;
    Sum.Locks.push_back(LE);
  };
  // Releases first: a function that drops and re-takes its caller's lock
  // (__releases(l) __acquires(l)) leaves it held.
  for (auto &L : F.ReleasedEntry)
    summarise(L, /*Acquire=*/false, &PathState::ReleasedEntry);
  for (auto &L : F.Locks)
    if (!(!L.Key.empty() && L.Key[0] == '?') && !L.FromCaller)
      summarise(L, /*Acquire=*/true, &PathState::Locks);
  for (auto *S : Precise)
    if (S->IrqOnAt.isValid() && S->WokenAt.isValid()) {
      H.irqOnlyReschedule(FC, *S);
      break;
    }
  for (auto *S : Precise)
    if (S->NoReschedAt.isValid() && !FC.SchedulerCore) {
      H.lostPreemption(FC, *S);
      break;
    }
}

//===----------------------------------------------------------------------===//
// The file
//===----------------------------------------------------------------------===//

FileAnalysis::FileAnalysis(ASTContext &Ctx, const KernelApiModel &Model,
                           const MacroIndex &Macros, const AnalysisOptions &Opts,
                           Handler &H)
    : Ctx(Ctx), Model(Model), Macros(Macros), Opts(Opts), H(H),
      Extractor(Ctx, Model, Macros) {
  for (auto &P : Model.schedulerPaths())
    if (llvm::StringRef(Opts.MainFileName).contains(P))
      SchedulerCore = true;
  // Core kernel code may choose behaviour by context; "arch/*/kernel/"
  // style prefixes, matched at the start of the database's file name.
  const auto &Core = Opts.CorePaths.empty() ? Model.corePaths() : Opts.CorePaths;
  for (auto &P : Core) {
    llvm::StringRef Name(Opts.MainFileName), Pat(P);
    bool Match = true;
    while (!Pat.empty() && Match) {
      if (Pat.front() == '*') {
        Pat = Pat.drop_front();
        size_t Slash = Name.find('/');
        Name = Slash == llvm::StringRef::npos ? "" : Name.drop_front(Slash);
        continue;
      }
      Match = !Name.empty() && Name.front() == Pat.front();
      Name = Name.drop_front();
      Pat = Pat.drop_front();
    }
    if (Match)
      CoreCode = true;
  }
}

FileAnalysis::~FileAnalysis() = default;

bool FileAnalysis::inMainFile(const FunctionDecl *FD) const {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
}

namespace {
/// Who calls whom in the main file, which functions escape as pointers, and
/// which are stored in callback fields of atomic contexts.
class FileFactsVisitor : public RecursiveASTVisitor<FileFactsVisitor> {
public:
  FileFactsVisitor(const KernelApiModel &M, llvm::DenseSet<const FunctionDecl *> &Called,
            llvm::DenseSet<const FunctionDecl *> &Taken,
            llvm::DenseMap<const FunctionDecl *, EntryContext> &Ctx,
            llvm::DenseMap<const FunctionDecl *, std::pair<SourceLocation, llvm::StringRef>> &Reg,
            const SourceManager &SM, const LangOptions &LO)
      : SM(SM), LO(LO), M(M), Called(Called), Taken(Taken), EntryCtx(Ctx), RegisteredAt(Reg) {}

  bool TraverseFunctionDecl(FunctionDecl *D) {
    bool Old = InFunction;
    InFunction = D->doesThisDeclarationHaveABody();
    bool R = RecursiveASTVisitor<FileFactsVisitor>::TraverseFunctionDecl(D);
    InFunction = Old;
    return R;
  }
  bool InFunction = false;

  bool VisitCallExpr(CallExpr *CE) {
    if (auto *FD = CE->getDirectCallee()) {
      Called.insert(FD->getCanonicalDecl());
      if (auto *DR = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
        CalleeRefs.insert(DR);
    }
    // A function passed to a call (xts_crypt(req, aesni_xts_encrypt)) runs
    // in whatever state that callee gives it.
    for (const Expr *A : CE->arguments()) {
      const Expr *X = A->IgnoreParenCasts();
      if (auto *UO = dyn_cast<UnaryOperator>(X); UO && UO->getOpcode() == UO_AddrOf)
        X = UO->getSubExpr()->IgnoreParenCasts();
      if (auto *DR = dyn_cast<DeclRefExpr>(X))
        if (isa<FunctionDecl>(DR->getDecl()))
          ArgRefs.insert(DR);
    }
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DR) {
    auto *FD = dyn_cast<FunctionDecl>(DR->getDecl());
    if (!FD || CalleeRefs.count(DR))
      return true;
    if (ArgRefs.count(DR))
      PassedOnly.insert(FD->getCanonicalDecl());
    else if (!fromNonEscapingMacro(DR->getLocation()))
      Taken.insert(FD->getCanonicalDecl());
    // Registrations written at file scope (early_initcall(fn), __setup(s, fn));
    // inside functions they are events of the registering function.
    if (InFunction)
      return true;
    for (SourceLocation L = DR->getLocation(); L.isMacroID(); L = SM.getImmediateMacroCallerLoc(L))
      if (const Primitive *P = M.lookup(Lexer::getImmediateMacroName(L, SM, LO)))
        for (const Effect &E : P->Effects)
          if (E.Kind == EffectKind::Register && !EntryCtx.count(FD->getCanonicalDecl())) {
            EntryCtx[FD->getCanonicalDecl()] = E.Ctx;
            RegisteredAt.try_emplace(FD->getCanonicalDecl(), SM.getExpansionLoc(L), P->Name);
          }
    return true;
  }
  /// EXPORT_SYMBOL(f), NOKPROBE_SYMBOL(f), ... take f's address for a
  /// table, not for a caller in another context.
  bool fromNonEscapingMacro(SourceLocation L) const {
    while (L.isMacroID()) {
      llvm::StringRef Name = Lexer::getImmediateMacroName(L, SM, LO);
      if (llvm::is_contained(M.nonEscapingMacros(), Name))
        return true;
      L = SM.getImmediateMacroCallerLoc(L);
    }
    return false;
  }
  const SourceManager &SM;
  const LangOptions &LO;
  void field(const FieldDecl *FD, const Expr *Val) {
    const FunctionDecl *Fn = functionOfArg(Val);
    if (!Fn || !FD)
      return;
    llvm::StringRef Rec = FD->getParent()->getName(), Name = FD->getName();
    for (auto &CF : M.callbackFields())
      if (CF.Record == Rec && CF.Field == Name) {
        EntryCtx[Fn->getCanonicalDecl()] = CF.Ctx;
        RegisteredAt.try_emplace(Fn->getCanonicalDecl(), Val->getBeginLoc(), CF.Field);
      }
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        field(dyn_cast<FieldDecl>(ME->getMemberDecl()), BO->getRHS());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *ILE) {
    // The traversal sees the syntactic form; fields are matched on the
    // semantic one (designated initializers resolved).
    if (!ILE->isSemanticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordType *RT = ILE->getType()->getAsStructureType();
    if (!RT)
      return true;
    unsigned I = 0;
    for (const FieldDecl *FD : RT->getDecl()->fields()) {
      if (I >= ILE->getNumInits())
        break;
      field(FD, ILE->getInit(I++));
    }
    return true;
  }

private:
  const KernelApiModel &M;
  llvm::DenseSet<const FunctionDecl *> &Called, &Taken;
  llvm::DenseMap<const FunctionDecl *, EntryContext> &EntryCtx;
  llvm::DenseMap<const FunctionDecl *, std::pair<SourceLocation, llvm::StringRef>> &RegisteredAt;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs, ArgRefs;
public:
  llvm::DenseSet<const FunctionDecl *> PassedOnly; // escapes only as call arguments
};
} // namespace

void FileAnalysis::collectFileFacts() {
  const SourceManager &SM = Ctx.getSourceManager();
  FileFactsVisitor V(Model, Called, AddressTaken, EntryCtx, RegisteredAt, SM, Ctx.getLangOpts());
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      V.TraverseDecl(D);
  for (const FunctionDecl *FD : V.PassedOnly)
    if (!AddressTaken.count(FD))
      PassedToCalls.insert(FD);
}

FunctionEvents *FileAnalysis::eventsFor(const FunctionDecl *FD) {
  auto &Slot = Events[FD];
  if (!Slot)
    Slot = Extractor.extract(FD);
  return Slot.get();
}

/// Does the function itself begin or end a region that pins the task? Then
/// it answers for its own per-CPU accesses.
static bool managesPinning(const FunctionEvents &FE, const KernelApiModel &M) {
  for (auto &Blk : FE.Events)
    for (auto &[Idx, E] : Blk) {
      if (E.K != Event::Primitive)
        continue;
      // spin_lock_irqsave() enters the irq region for its lock, not to pin.
      if (const Primitive *P = M.lookup(E.Name))
        if (llvm::any_of(P->Effects, [](const Effect &X) {
              return X.Kind == EffectKind::Acquire || X.Kind == EffectKind::Release;
            }))
          continue;
      const Effect &Eff = *E.Eff;
      // Locks do not count: a function that takes a lock for its own data
      // still relies on its callers for the CPU it runs on.
      if ((Eff.Kind == EffectKind::Enter || Eff.Kind == EffectKind::Exit) &&
          (cpuPinningRegions() & maskOf(Eff.Reg)))
        return true;
    }
  return false;
}

static RegionMask assumedFor(EntryContext C) {
  switch (C) {
  case EntryContext::Process: return 0;
  case EntryContext::Softirq: return maskOf(Region::Bh);
  case EntryContext::Hardirq:
  case EntryContext::IpiCallback: return maskOf(Region::Irq);
  case EntryContext::PercpuThread: return maskOf(Region::Migrate);
  }
  return 0;
}

const FunctionSummary *FileAnalysis::summaryFor(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return nullptr;
  auto It = Summaries.find(Def);
  if (It != Summaries.end())
    return It->second->Complete ? It->second.get() : nullptr;
  if (InProgress.count(Def))
    return nullptr;
  bool Main = inMainFile(Def);
  // Outside the main file only inline helpers are looked into.
  if (!Main && !Def->isInlined())
    return nullptr;
  FunctionEvents *FE = eventsFor(Def);
  auto Sum = std::make_unique<FunctionSummary>();
  if (FE->CfgFailed) {
    Sum->Complete = false;
    Summaries[Def] = std::move(Sum);
    return nullptr;
  }
  InProgress.insert(Def);
  const FunctionDecl *Canon = Def->getCanonicalDecl();
  RegionMask Assumed = 0;
  auto CtxIt = EntryCtx.find(Canon);
  if (CtxIt != EntryCtx.end())
    Assumed = assumedFor(CtxIt->second);
  // Who answers for an unpinned per-CPU access in this function: the
  // function itself, or its callers (then the summary carries the need to
  // every call site). See docs/design.md, "Who answers for an access".
  bool Entry = CtxIt != EntryCtx.end() || AddressTaken.count(Canon);
  bool Deferred;
  if (!Main)
    Deferred = true;                       // header helpers: their callers
  else if (Entry)
    Deferred = false;                      // callbacks: the function
  else if (PassedToCalls.count(Canon))
    Deferred = true;                       // handed to a call that runs it: unknown state
  else if (!Def->isExternallyVisible())
    Deferred = Called.count(Canon) != 0;   // static helpers: their callers
  else
    Deferred = !managesPinning(*FE, Model);       // exported: callers, unless it pins itself
  Sum->Deferred = Deferred;
  Sum->ManagesPinning = managesPinning(*FE, Model);
  FunctionAnalyzer A(*this, *FE, *Sum, /*Report=*/Main, Deferred, Assumed);
  A.run();
  if (Main)
    ++NumAnalysed;
  InProgress.erase(Def);
  auto *Ret = Sum.get();
  Summaries[Def] = std::move(Sum);
  // The CFG is no longer needed once the summary exists.
  Events.erase(Def);
  return Ret->Complete ? Ret : nullptr;
}

void FileAnalysis::run() {
  collectFileFacts();
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const FunctionDecl *> Defs;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      continue;
    Defs.push_back(FD);
  }
  // Registrations (timer_setup(), request_irq(), ...) are events of the
  // registering function; find them before any function is analysed.
  for (const FunctionDecl *FD : Defs) {
    FunctionEvents *FE = eventsFor(FD);
    for (auto &Blk : FE->Events)
      for (auto &[Idx, E] : Blk)
        if (E.K == Event::Primitive && E.Eff->Kind == EffectKind::Register && E.Target) {
          Registrations.push_back({FD, E.Target, E.Eff->Ctx, E.Loc, E.Name});
          EntryCtx[E.Target->getCanonicalDecl()] = E.Eff->Ctx;
          RegisteredAt.try_emplace(E.Target->getCanonicalDecl(), E.Loc, E.Name);
        }
  }
  for (const FunctionDecl *FD : Defs)
    summaryFor(FD);
  findHandOffs(Defs);
}

void FileAnalysis::findHandOffs(const std::vector<const FunctionDecl *> &Defs) {
  // A lock released in a function that runs as a task or context of its
  // own, without a contract, while another function of the file takes it.
  for (const FunctionDecl *R : Defs) {
    auto Reg = RegisteredAt.find(R->getCanonicalDecl());
    auto SIt = Summaries.find(R);
    if (Reg == RegisteredAt.end() || SIt == Summaries.end())
      continue;
    const FunctionSummary &RS = *SIt->second;
    if (RS.UnheldReleases.empty() ||
        !Macros.contractsOf(R, Ctx.getSourceManager()).empty())
      continue;
    // Prefer the function that hands R off (the registration is in it).
    std::vector<const FunctionDecl *> Order(Defs.begin(), Defs.end());
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation RegLoc = SM.getExpansionLoc(Reg->second.first);
    std::stable_partition(Order.begin(), Order.end(), [&](const FunctionDecl *A) {
      SourceRange B = A->getBody()->getSourceRange();
      return !SM.isBeforeInTranslationUnit(RegLoc, SM.getExpansionLoc(B.getBegin())) &&
             !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(B.getEnd()), RegLoc);
    });
    for (auto &Rel : RS.UnheldReleases)
      for (const FunctionDecl *A : Order) {
        if (A == R)
          continue;
        auto AIt = Summaries.find(A);
        if (AIt == Summaries.end())
          continue;
        auto Acq = llvm::find_if(AIt->second->Acquisitions,
                                 [&](auto &X) { return X.Decl == Rel.Decl; });
        if (Acq == AIt->second->Acquisitions.end())
          continue;
        FunctionContext FC{R, Ctx, Model, false, SchedulerCore, CoreCode};
        Handler::HandOff HO;
        HO.LockKey = Rel.Key;
        HO.ReleaseLoc = Rel.Loc;
        HO.Acquirer = A;
        HO.AcquireLoc = Acq->Loc;
        HO.RegisteredAt = Reg->second.first;
        HO.RegisteredBy = Reg->second.second;
        H.releasedByOtherTask(FC, HO);
        break;
      }
  }
}
