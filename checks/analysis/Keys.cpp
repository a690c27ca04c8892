//===- Keys.cpp - what names a lock, a field, a callback across the AST -===//
//
// Canonical text keys for lock and flag expressions (d->lock is "d.lock"),
// the declaration a lock expression names, the function an argument
// passes, the named record of a field and the field a call goes through.
//
//===----------------------------------------------------------------------===//
#include "Events.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

static void keyOf(const Expr *E, std::string &Out) {
  E = E->IgnoreParenCasts();
  if (auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      return keyOf(UO->getSubExpr(), Out);
  }
  if (auto *DR = dyn_cast<DeclRefExpr>(E)) {
    Out += DR->getDecl()->getName();
    return;
  }
  if (auto *ME = dyn_cast<MemberExpr>(E)) {
    keyOf(ME->getBase(), Out);
    // The unnamed member of an anonymous struct or union (ctx->lock inside
    // struct { ... } ____cacheline_aligned) adds nothing to the path.
    if (ME->getMemberDecl()->getName().empty())
      return;
    Out += '.';
    Out += ME->getMemberDecl()->getName();
    return;
  }
  if (auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    keyOf(AS->getBase(), Out);
    Out += '[';
    keyOf(AS->getIdx(), Out);
    Out += ']';
    return;
  }
  if (auto *IL = dyn_cast<IntegerLiteral>(E)) {
    Out += std::to_string(IL->getValue().getLimitedValue());
    return;
  }
  if (auto *CE = dyn_cast<CallExpr>(E)) {
    if (auto *FD = CE->getDirectCallee()) {
      Out += FD->getName();
      Out += '(';
      for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
        if (I) Out += ',';
        keyOf(CE->getArg(I), Out);
      }
      Out += ')';
      return;
    }
  }
  if (auto *BO = dyn_cast<BinaryOperator>(E)) {
    keyOf(BO->getLHS(), Out);
    Out += BO->getOpcodeStr();
    keyOf(BO->getRHS(), Out);
    return;
  }
  // Anything else is its own, unique lock.
  Out += "<expr@" + std::to_string(E->getBeginLoc().getRawEncoding()) + ">";
}

std::string preemptlint::canonicalKey(const Expr *E) {
  std::string S;
  if (E)
    keyOf(E, S);
  return S;
}

/// E without parens, casts and a leading &.
static const Expr *stripAddrOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  return E;
}

const ValueDecl *preemptlint::lockDeclOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripAddrOf(E);
  if (auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  if (auto *DR = dyn_cast<DeclRefExpr>(E))
    if (auto *VD = dyn_cast<VarDecl>(DR->getDecl()); VD && VD->hasGlobalStorage())
      return VD;
  return nullptr;
}

const FunctionDecl *preemptlint::functionOfArg(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripAddrOf(E);
  if (auto *DR = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DR->getDecl());
  return nullptr;
}

const RecordDecl *preemptlint::namedRecordOf(const FieldDecl *F, llvm::StringRef &Name) {
  // Up through anonymous members and through unnamed types of named
  // members (struct cpuhp_step { union { ... } startup; }: cpuhp_step).
  const RecordDecl *R = F->getParent();
  while (R && (R->isAnonymousStructOrUnion() ||
               (R->getName().empty() && !R->getTypedefNameForAnonDecl() &&
                isa<RecordDecl>(R->getParent()))))
    R = dyn_cast<RecordDecl>(R->getParent());
  if (!R)
    return nullptr;
  Name = R->getName();
  if (Name.empty())
    if (auto *TD = R->getTypedefNameForAnonDecl())
      Name = TD->getName();
  return Name.empty() ? nullptr : R;
}

const FieldDecl *preemptlint::calledField(const CallExpr *CE) {
  const Expr *C = CE->getCallee()->IgnoreParenImpCasts();
  if (auto *UO = dyn_cast<UnaryOperator>(C); UO && UO->getOpcode() == UO_Deref)
    C = UO->getSubExpr()->IgnoreParenImpCasts();
  auto *ME = dyn_cast<MemberExpr>(C);
  if (!ME)
    return nullptr;
  auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || !FD->getType()->isFunctionPointerType())
    return nullptr;
  return FD;
}

