//===- Conditions.cpp - branch conditions and what they tell --------------===//
//
// What a path knows about values (facts), how a branch condition refines a
// path state on each edge (correlated branches, pending trylock effects),
// and what a contract annotation's lock text implies.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;


/// A variable named Name declared in the function (its block-scope
/// declarations are in its declaration context).
static const VarDecl *localNamed(const FunctionDecl *FD, llvm::StringRef Name) {
  for (const Decl *D : FD->decls())
    if (auto *VD = dyn_cast<VarDecl>(D); VD && VD->getName() == Name)
      return VD;
  return nullptr;
}

/// What holding the lock a contract names implies. The text ("&p->lock",
/// "rq->lock") is resolved through the types of the parameters, the
/// function's own variables (a contract may name a local:
/// `__must_hold(&port_dev->status_lock)` in usb/core/hub.c) and the file's
/// globals; a lock that cannot be resolved is taken to be a spinning lock
/// unless its name says it sleeps.
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
  if (Ty.isNull() && !Parts.empty() && !Parts.front().empty()) {
    if (const VarDecl *VD = localNamed(FE.FD, Parts.front()))
      Ty = VD->getType();
    else
      if (const VarDecl *G = globalNamed(FA.Ctx, Parts.front()))
        Ty = G->getType();
  }
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
  noteEntryFact(S, F);
  S.setFact(std::move(F));
  return true;
}

bool FunctionAnalyzer::zeroOrErrorResult(const PathState &S, const Expr *E) const {
  E = stripExpect(E, S);
  bool Mem = false, Glob = false;
  std::string K = factKey(E, Mem, Glob);
  return llvm::any_of(S.Pendings, [&](const Pending &P) {
    bool Match = (P.Result && P.Result->IgnoreParenImpCasts() == E) || (!K.empty() && P.VarKey == K);
    return Match && !P.Negated && !P.Events.empty() && P.Events.front()->Cond == When::Zero;
  });
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
      // x >= 0 of a primitive that returns 0 or an error code
      // (mutex_lock_interruptible(), down_read_killable()): zero.
      if (*RV == 0 && ((Op == BO_LT && !Branch) || (Op == BO_GE && Branch)) &&
          zeroOrErrorResult(S, L))
        return refineAtom(S, L, false);
      if (Op == BO_EQ || Op == BO_NE) {
        bool Equal = (Op == BO_EQ) == Branch;
        bool Mem, Glob;
        std::string K = factKey(L, Mem, Glob);
        if (!K.empty() && Equal) {
          Fact F = Fact::exact(K, Mem, Glob, *RV);
          noteEntryFact(S, F);
          S.setFact(std::move(F));
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

