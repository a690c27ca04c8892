//===- Events.cpp - primitives as ordered events on CFG elements ---------===//
#include "Events.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

const VarDecl *preemptlint::globalNamed(ASTContext &Ctx, llvm::StringRef Name) {
  auto It = Ctx.Idents.find(Name);
  if (It == Ctx.Idents.end())
    return nullptr;
  for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(It->getValue()))
    if (auto *VD = dyn_cast<VarDecl>(ND); VD && VD->hasGlobalStorage())
      return VD;
  return nullptr;
}

bool preemptlint::bodySkipped(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (R->hasSkippedBody())
      return true;
  return false;
}
using namespace preemptlint;

//===----------------------------------------------------------------------===//
// Macro recording
//===----------------------------------------------------------------------===//

namespace preemptlint {
class MacroRecorder : public PPCallbacks {
public:
  MacroRecorder(MacroIndex &Idx, Preprocessor &PP) : Idx(Idx), PP(PP) {
    // Resolve model names to identifiers once: the callback runs for every
    // expansion in the translation unit.
    for (auto &P : Idx.Model.primitives())
      if (P.Match != Primitive::Call)
        Prims[PP.getIdentifierInfo(P.Name)] = &P;
    for (auto &C : Idx.Model.contractMacros())
      ContractIds[PP.getIdentifierInfo(C.getKey())] = C.getValue();
  }

  void MacroExpands(const Token &NameTok, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = NameTok.getIdentifierInfo();
    if (!II)
      return;
    auto It = Prims.find(II);
    if (It != Prims.end()) {
      MacroExpansionRec R;
      R.Prim = It->second;
      R.Name = R.Prim->Name;
      R.NameLoc = NameTok.getLocation();
      R.End = Range.getEnd();
      const MacroInfo *MI = MD.getMacroInfo();
      if (Args && MI) {
        for (unsigned I = 0, N = MI->getNumParams(); I < N; ++I) {
          const Token *T = Args->getUnexpArgument(I);
          if (!T || T->is(tok::eof)) {
            R.Args.push_back({});
            continue;
          }
          SourceLocation B = T->getLocation(), E = B;
          for (; T->isNot(tok::eof); ++T)
            E = T->getLocation();
          R.Args.push_back({B, E});
        }
      }
      Idx.ByLoc[R.NameLoc.getRawEncoding()] = Idx.Recs.size();
      Idx.Recs.push_back(std::move(R));
      return;
    }
    auto CI = ContractIds.find(II);
    if (CI == ContractIds.end())
      return;
    MacroIndex::Contract C;
    C.Kind = CI->second;
    C.Loc = NameTok.getLocation();
    const MacroInfo *MI = MD.getMacroInfo();
    if (Args && MI && MI->getNumParams() > 0)
      for (const Token *T = Args->getUnexpArgument(0); T && T->isNot(tok::eof); ++T)
        C.Arg += PP.getSpelling(*T);
    Idx.Contracts.push_back(std::move(C));
  }

private:
  MacroIndex &Idx;
  Preprocessor &PP;
  llvm::DenseMap<const IdentifierInfo *, const Primitive *> Prims;
  llvm::DenseMap<const IdentifierInfo *, ContractKind> ContractIds;
};
} // namespace preemptlint

const std::vector<const MacroExpansionRec *> &
MacroIndex::fileExpansions(const SourceManager &SM, FileID F) const {
  if (!ByFileBuilt) {
    // Top-level expansions are recorded in source order.
    for (auto &R : Recs)
      if (R.NameLoc.isFileID() && ownFile(SM, R.NameLoc))
        ByFile[SM.getFileID(R.NameLoc)].push_back(&R);
    ByFileBuilt = true;
  }
  static const std::vector<const MacroExpansionRec *> None;
  auto It = ByFile.find(F);
  return It == ByFile.end() ? None : It->second;
}

bool preemptlint::ownFile(const SourceManager &SM, SourceLocation L) {
  L = SM.getExpansionLoc(L);
  if (SM.isInMainFile(L))
    return true;
  OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getFileID(L));
  return F && F->getName().ends_with(".c");
}

std::unique_ptr<PPCallbacks> MacroIndex::makeCallbacks(Preprocessor &PP) {
  return std::make_unique<MacroRecorder>(*this, PP);
}

std::vector<MacroIndex::Contract>
MacroIndex::contractsOf(const FunctionDecl *FD, const SourceManager &SM) const {
  std::vector<Contract> Out;
  if (Contracts.empty())
    return Out;
  for (const FunctionDecl *D : FD->redecls()) {
    // Annotations sit between the start of the declaration and its body
    // (or the end of the prototype).
    SourceLocation B = SM.getExpansionLoc(D->getBeginLoc());
    // (hasBody() is true for every redeclaration of a defined function.)
    SourceLocation E = D->doesThisDeclarationHaveABody() && D->getBody()
                           ? SM.getExpansionLoc(D->getBody()->getBeginLoc())
                           : SM.getExpansionLoc(D->getEndLoc());
    if (B.isInvalid() || E.isInvalid())
      continue;
    FileID F = SM.getFileID(B);
    if (F != SM.getFileID(E))
      continue;
    // Contracts by file and offset, built once: this runs for every function.
    if (!ContractsBuilt) {
      for (unsigned I = 0; I < Contracts.size(); ++I) {
        SourceLocation L = SM.getExpansionLoc(Contracts[I].Loc);
        ContractsByFile[SM.getFileID(L).getHashValue()].push_back({SM.getFileOffset(L), I});
      }
      for (auto &Entry : ContractsByFile)
        llvm::sort(Entry.second);
      ContractsBuilt = true;
    }
    auto It = ContractsByFile.find(F.getHashValue());
    if (It == ContractsByFile.end())
      continue;
    unsigned From = SM.getFileOffset(B), To = SM.getFileOffset(E);
    for (auto P = llvm::lower_bound(It->second, std::make_pair(From, 0u));
         P != It->second.end() && P->first <= To; ++P)
      Out.push_back(Contracts[P->second]);
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Extraction
//===----------------------------------------------------------------------===//

namespace {

/// The kernel's DEFINE_CLASS()/DEFINE_GUARD() naming: class_<name>_constructor
/// and class_<name>_destructor. Returns <name> when FD's name has the form
/// with this suffix, else "".
llvm::StringRef guardClass(const FunctionDecl *FD, llvm::StringRef Suffix) {
  if (!FD->getIdentifier())
    return "";
  llvm::StringRef N = FD->getName();
  if (!N.consume_front("class_") || !N.consume_back(Suffix))
    return "";
  return N;
}

const Effect FpuUseEffect = [] {
  Effect E;
  E.Kind = EffectKind::FpuUse;
  return E;
}();

/// Does the inline asm name an FPU/MMX/SSE/AVX register?
bool asmUsesFpu(const GCCAsmStmt *A) {
  auto Names = [](llvm::StringRef T) {
    for (const char *R : {"xmm", "ymm", "zmm", "%st", "%%st", "%mm", "%%mm"})
      if (T.contains(R))
        return true;
    return false;
  };
  if (Names(A->getAsmString()->getString()))
    return true;
  for (unsigned I = 0; I < A->getNumClobbers(); ++I) {
    llvm::StringRef C = A->getClobber(I);
    if (C.starts_with("xmm") || C.starts_with("ymm") || C.starts_with("zmm") ||
        C.starts_with("st") || (C.starts_with("mm") && C.size() <= 3))
      return true;
  }
  for (unsigned I = 0; I < A->getNumOutputs(); ++I)
    if (A->getOutputConstraint(I).contains('x'))
      return true;
  for (unsigned I = 0; I < A->getNumInputs(); ++I)
    if (A->getInputConstraint(I).contains('x'))
      return true;
  return false;
}

bool fpType(QualType T) {
  return !T.isNull() && (T->isRealFloatingType() || T->isVectorType());
}

/// What FPU/SIMD state a statement uses, or null: floating-point or vector
/// arithmetic, conversions and comparisons, or inline asm naming SIMD
/// registers.
const char *fpuUseIn(const Stmt *S) {
  if (auto *A = dyn_cast<GCCAsmStmt>(S))
    return asmUsesFpu(A) ? "inline asm on FPU/SIMD registers" : nullptr;
  if (auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp() && !BO->isCompoundAssignmentOp())
      return nullptr; // a plain copy moves bytes
    if (fpType(BO->getLHS()->getType()) || fpType(BO->getRHS()->getType()))
      return BO->getType()->isVectorType() || BO->getLHS()->getType()->isVectorType()
                 ? "vector arithmetic"
                 : "floating-point arithmetic";
    return nullptr;
  }
  if (auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref &&
        fpType(UO->getSubExpr()->getType()))
      return "floating-point arithmetic";
  if (auto *CE = dyn_cast<CastExpr>(S))
    switch (CE->getCastKind()) {
    case CK_IntegralToFloating:
    case CK_FloatingToIntegral:
    case CK_FloatingCast:
    case CK_FloatingToBoolean:
      return "a floating-point conversion";
    default:
      return nullptr;
    }
  return nullptr;
}

struct ExpansionUse {
  const MacroExpansionRec *Rec;
  // Elements whose statement lies in the body of the expansion.
  llvm::SmallVector<std::pair<unsigned, unsigned>, 4> Body; // (rpo, elem idx)
  llvm::SmallVector<std::pair<unsigned, const Stmt *>, 4> BodyStmts; // (rpo*65536+idx, stmt)
  // Statements covered by the expansion (body or arguments), for argument search.
  llvm::SmallVector<const Stmt *, 8> Covered;
  unsigned AnchorBlock = ~0u, AnchorElem = 0;
};

class Extraction {
public:
  Extraction(ASTContext &Ctx, const KernelApiModel &M, const MacroIndex &Macros,
             FunctionEvents &FE)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Model(M), Macros(Macros), FE(FE) {}

  void run();

private:
  /// Then-branches (expansion ranges) of ifs that test whether a GFP mask
  /// allows sleeping (might_sleep_if(gfpflags_allow_blocking(gfp))), with
  /// the mask: a sleep inside sleeps by that mask, like an allocation.
  struct GfpGuard {
    SourceLocation Begin, End;
    const Expr *Gfp;
  };
  std::vector<GfpGuard> GfpGuards;
  bool GfpGuardsFound = false; // the body is walked on the first sleep that asks
  void findGfpGuards(const Stmt *S);
  const Expr *gfpGuardOf(SourceLocation L);

  /// Calls F for each recognised expansion that covers L (body or argument).
  template <typename Fn> void forEachCovering(SourceLocation L, Fn F) const {
    while (L.isMacroID()) {
      SourceLocation Up = SM.getImmediateExpansionRange(L).getBegin();
      if (!SM.isMacroArgExpansion(L))
        if (auto *R = Macros.find(Up))
          F(R);
      L = Up;
    }
  }
  /// True if L was spelled in argument range [B, E].
  bool fromArg(SourceLocation L, std::pair<SourceLocation, SourceLocation> A) const {
    if (A.first.isInvalid())
      return false;
    unsigned B = A.first.getRawEncoding(), E = A.second.getRawEncoding();
    for (;;) {
      unsigned R = L.getRawEncoding();
      if (R >= B && R <= E && L.isMacroID() == A.first.isMacroID())
        return true;
      if (!L.isMacroID())
        return false;
      if (SM.isMacroArgExpansion(L))
        L = SM.getImmediateSpellingLoc(L);
      else
        L = SM.getImmediateExpansionRange(L).getBegin();
    }
  }
  const Expr *findArg(const ExpansionUse &U, unsigned I) const;
  void addEventsFor(const Primitive &P, SourceLocation Loc, llvm::StringRef Name,
                    const Expr *Result,
                    llvm::function_ref<const Expr *(unsigned)> ArgAt,
                    unsigned Block, unsigned Elem);
  void add(unsigned Block, unsigned Elem, Event E) {
    FE.Events[Block].push_back({Elem, std::move(E)});
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const KernelApiModel &Model;
  const MacroIndex &Macros;
  FunctionEvents &FE;
};

} // namespace

const Expr *Extraction::findArg(const ExpansionUse &U, unsigned I) const {
  if (I >= U.Rec->Args.size())
    return nullptr;
  auto Range = U.Rec->Args[I];
  // The CFG lists subexpressions before their parents (d, d->lock,
  // &d->lock): keep the widest expression spelled entirely in the argument.
  const Expr *Found = nullptr;
  unsigned Width = 0;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (auto *E = dyn_cast<Expr>(S))
      if (fromArg(E->getBeginLoc(), Range) && fromArg(E->getEndLoc(), Range)) {
        SourceLocation B = SM.getSpellingLoc(E->getBeginLoc());
        SourceLocation End = SM.getSpellingLoc(E->getEndLoc());
        unsigned W = SM.getFileID(B) == SM.getFileID(End)
                         ? SM.getFileOffset(End) - SM.getFileOffset(B) + 1
                         : 1;
        if (!Found || W > Width) {
          Found = E;
          Width = W;
        }
        return; // its children are narrower
      }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  for (const Stmt *S : U.Covered)
    Walk(S);
  return Found;
}

void Extraction::addEventsFor(const Primitive &P, SourceLocation Loc,
                              llvm::StringRef Name, const Expr *Result,
                              llvm::function_ref<const Expr *(unsigned)> ArgAt,
                              unsigned Block, unsigned Elem) {
  for (const Effect &Eff : P.Effects) {
    Event E;
    E.K = Event::Primitive;
    E.Eff = &Eff;
    E.Name = Name;
    E.Loc = Loc;
    E.Result = Result;
    E.Cond = P.Cond;
    if (!Eff.LockName.empty()) {
      E.LockKey = Eff.LockName;
      E.LockClassIdx = Eff.LockClassIdx;
    } else if (Eff.LockArg >= 0) {
      const Expr *A = ArgAt(Eff.LockArg);
      E.LockKey = canonicalKey(A);
      E.LockDecl = lockDeclOf(A);
      E.LockClassIdx = Eff.LockClassIdx;
      if (A && Eff.Kind == EffectKind::AssertHeld) {
        QualType T = A->IgnoreParenImpCasts()->getType();
        if (T->isPointerType())
          T = T->getPointeeType();
        E.LockClassIdx = Model.lockClassForType(T.getUnqualifiedType().getAsString());
      }
    }
    if (Eff.FlagsArg >= 0)
      E.FlagsKey = canonicalKey(ArgAt(Eff.FlagsArg));
    if (Eff.Kind == EffectKind::Sleep && Eff.GfpArg >= 0) {
      E.Gfp = ArgAt(Eff.GfpArg);
      if (!E.Gfp)
        continue; // the argument is not visible: say nothing
    } else if (Eff.Kind == EffectKind::Sleep) {
      E.Gfp = gfpGuardOf(Loc); // sleeps only when this mask allows it
    }
    if (Eff.Kind == EffectKind::Register) {
      E.Target = functionOfArg(ArgAt(Eff.FnArg));
      if (!E.Target)
        continue;
      E.Ctx = Eff.Ctx;
      if (auto *CE = dyn_cast_or_null<CallExpr>(Result))
        E.PrimCallee = CE->getDirectCallee();
      if (Eff.CtxArg >= 0)
        if (const Expr *A = ArgAt(Eff.CtxArg))
          if (auto *DR = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
            if (auto *EC = dyn_cast<EnumConstantDecl>(DR->getDecl()))
              for (auto &[Glob, Ctx] : Eff.CtxByArg)
                if (globMatch(Glob, EC->getName())) {
                  E.Ctx = Ctx;
                  break;
                }
    }
    add(Block, Elem, std::move(E));
  }
}

void Extraction::findGfpGuards(const Stmt *S) {
  if (!S || Model.gfpBlockingTests().empty())
    return;
  if (auto *If = dyn_cast<IfStmt>(S); If && If->getThen() && If->getCond()) {
    const Expr *C = If->getCond()->IgnoreParenImpCasts();
    if (auto *CE = dyn_cast<CallExpr>(C);
        CE && CE->getBuiltinCallee() == Builtin::BI__builtin_expect && CE->getNumArgs() == 2)
      C = CE->getArg(0)->IgnoreParenImpCasts();
    if (auto *CE = dyn_cast<CallExpr>(C); CE && CE->getNumArgs() >= 1)
      if (auto *FD = CE->getDirectCallee();
          FD && llvm::is_contained(Model.gfpBlockingTests(), FD->getName())) {
        CharSourceRange R = SM.getExpansionRange(If->getThen()->getSourceRange());
        if (R.getBegin().isValid() && R.getEnd().isValid())
          GfpGuards.push_back({R.getBegin(), R.getEnd(), CE->getArg(0)});
      }
  }
  for (const Stmt *C : S->children())
    findGfpGuards(C);
}

const Expr *Extraction::gfpGuardOf(SourceLocation L) {
  if (!GfpGuardsFound) {
    GfpGuardsFound = true;
    findGfpGuards(FE.FD ? FE.FD->getBody() : nullptr);
  }
  if (GfpGuards.empty() || L.isInvalid())
    return nullptr;
  L = SM.getExpansionLoc(L);
  for (auto &G : GfpGuards)
    if (!SM.isBeforeInTranslationUnit(L, G.Begin) && !SM.isBeforeInTranslationUnit(G.End, L))
      return G.Gfp;
  return nullptr;
}

void Extraction::run() {
  const CFG &G = *FE.Cfg;
  unsigned NB = G.getNumBlockIDs();
  FE.Events.assign(NB, {});
  FE.Rpo.assign(NB, ~0u);
  {
    // Reverse post-order by an explicit DFS: pruned (trivially false) edges
    // are null successors, which LLVM's graph traversal does not expect.
    std::vector<const CFGBlock *> Post;
    std::vector<bool> Seen(NB, false);
    std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
    const CFGBlock *Entry = &G.getEntry();
    Seen[Entry->getBlockID()] = true;
    Stack.push_back({Entry, Entry->succ_begin()});
    while (!Stack.empty()) {
      auto &[B, It] = Stack.back();
      if (It == B->succ_end()) {
        Post.push_back(B);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *S = It->getReachableBlock();
      ++It;
      if (S && !Seen[S->getBlockID()]) {
        Seen[S->getBlockID()] = true;
        Stack.push_back({S, S->succ_begin()});
      }
    }
    unsigned N = 0;
    for (auto It = Post.rbegin(); It != Post.rend(); ++It) {
      FE.Rpo[(*It)->getBlockID()] = N++;
      FE.Order.push_back(*It);
    }
  }

  llvm::DenseMap<const MacroExpansionRec *, ExpansionUse> Uses;

  for (const CFGBlock *B : FE.Order) {
    unsigned BID = B->getBlockID(), R = FE.Rpo[BID];
    unsigned Idx = 0;
    for (const CFGElement &El : *B) {
      unsigned I = Idx++;
      if (auto CF = El.getAs<CFGCleanupFunction>()) {
        const VarDecl *VD = CF->getVarDecl();
        const FunctionDecl *Fn = CF->getFunctionDecl();
        if (!VD || !Fn)
          continue;
        Event E;
        E.K = Event::Call;
        E.Callee = Fn;
        E.Name = Fn->getName();
        E.Loc = VD->getLocation();
        // A guard: the constructor initialised the variable; the destructor
        // undoes exactly that.
        if (const Expr *Init = VD->getInit())
          if (auto *CE = dyn_cast<CallExpr>(Init->IgnoreParenCasts()))
            if (const FunctionDecl *Ctor = CE->getDirectCallee()) {
              llvm::StringRef CN = guardClass(Ctor, "_constructor");
              if (!CN.empty() && CN == guardClass(Fn, "_destructor")) {
                E.K = Event::GuardEnd;
                E.Callee = Ctor;
                E.CtorLoc = CE->getBeginLoc();
                for (const Expr *A : CE->arguments())
                  E.ArgKeys.push_back(canonicalKey(A));
              }
            }
        add(BID, I, std::move(E));
        continue;
      }
      auto CS = El.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      SourceLocation BL = S->getBeginLoc(), EL = S->getEndLoc();

      // Which expansion owns this statement (begin and end in its body)?
      const MacroExpansionRec *Own =
          BL.isMacroID() && EL.isMacroID() ? Macros.outermostOwner(BL, SM) : nullptr;
      if (Own) {
        bool EndInside = false;
        Macros.forEachOwner(EL, SM, [&](const MacroExpansionRec *R, SourceLocation) {
          EndInside = R == Own;
          return !EndInside;
        });
        if (!EndInside)
          Own = nullptr;
      }
      if (Own) {
        auto &U = Uses[Own];
        U.Rec = Own;
        U.Body.push_back({R, I});
        U.BodyStmts.push_back({R * 65536u + I, S});
        if (R < U.AnchorBlock || (R == U.AnchorBlock && I < U.AnchorElem)) {
          U.AnchorBlock = R;
          U.AnchorElem = I;
        }
      }
      if (BL.isMacroID())
        forEachCovering(BL, [&](const MacroExpansionRec *Rec) {
          if (!Rec->Args.empty()) {
            auto &U = Uses[Rec];
            U.Rec = Rec;
            U.Covered.push_back(S);
          }
        });
      if (Own)
        continue; // claimed by a recognised macro

      // Address-taken locals are not tracked by branch facts.
      if (auto *UO = dyn_cast<UnaryOperator>(S))
        if (UO->getOpcode() == UO_AddrOf)
          if (auto *DR = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
            FE.AddressTaken.insert(DR->getDecl());

      if (const char *What = fpuUseIn(S)) {
        Event E;
        E.K = Event::Primitive;
        E.Eff = &FpuUseEffect;
        E.Name = What;
        E.Loc = BL;
        add(BID, I, std::move(E));
        continue;
      }

      auto *CE = dyn_cast<CallExpr>(S);
      if (!CE)
        continue;
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee) {
        // A call through an ops field: only recorded, for the whole-tree
        // link to resolve against what the tree stores in that field.
        if (const FieldDecl *Fld = calledField(CE)) {
          Event E;
          E.K = Event::Call;
          E.Field = Fld;
          E.Name = Fld->getName();
          E.Loc = CE->getBeginLoc();
          add(BID, I, std::move(E));
        }
        continue;
      }
      if (!Callee->getIdentifier())
        continue;
      const Primitive *P = Model.lookup(Callee->getName());
      if (P && P->Match != Primitive::Macro) {
        // Messages name what the user wrote: kmalloc(), not the
        // kmalloc_noprof() it expands to.
        llvm::StringRef Shown = P->Name;
        for (SourceLocation L = CE->getBeginLoc(); L.isMacroID();
             L = SM.getImmediateMacroCallerLoc(L)) {
          llvm::StringRef M = Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
          if (const Primitive *Outer = Model.lookup(M))
            Shown = Outer->Name;
        }
        addEventsFor(*P, CE->getBeginLoc(), Shown, CE,
                     [&](unsigned A) -> const Expr * {
                       return A < CE->getNumArgs() ? CE->getArg(A) : nullptr;
                     },
                     BID, I);
        continue;
      }
      if (!Callee->hasBody() && !bodySkipped(Callee) && Model.isFpuRoutine(Callee->getName())) {
        Event F;
        F.K = Event::Primitive;
        F.Eff = &FpuUseEffect;
        F.Callee = Callee;
        F.Name = Callee->getName();
        F.Loc = CE->getBeginLoc();
        add(BID, I, std::move(F));
      }
      Event E;
      E.K = Event::Call;
      E.Callee = Callee;
      E.GuardCtor = !guardClass(Callee, "_constructor").empty();
      E.Name = Callee->getName();
      E.Loc = CE->getBeginLoc();
      E.Result = CE;
      for (const Expr *A : CE->arguments()) {
        E.ArgKeys.push_back(canonicalKey(A));
        E.ArgExprs.push_back(A);
      }
      add(BID, I, std::move(E));
    }
  }

  // Expansions that own CFG elements: anchor at the first element (RPO).
  llvm::SmallPtrSet<const MacroExpansionRec *, 16> Anchored;
  for (auto &Entry : Uses) {
    const MacroExpansionRec *Rec = Entry.first;
    ExpansionUse &U = Entry.second;
    if (U.Body.empty())
      continue;
    Anchored.insert(Rec);
    const CFGBlock *B = FE.Order[U.AnchorBlock];
    const Expr *Result = nullptr;
    unsigned Best = 0;
    for (auto &[Key, S] : U.BodyStmts)
      if (isa<Expr>(S) && Key >= Best) {
        Best = Key;
        Result = cast<Expr>(S);
      }
    addEventsFor(*Rec->Prim, Rec->NameLoc, Rec->Name, Result,
                 [&](unsigned A) { return findArg(U, A); }, B->getBlockID(),
                 U.AnchorElem);
  }

  // Expansions of recognised macros inside this function that left nothing
  // in the CFG (empty in this configuration): anchor at the next element in
  // source order.
  if (!FE.FD->getBody())
    return;
  SourceRange Body = FE.FD->getBody()->getSourceRange();
  SourceLocation BB = SM.getExpansionLoc(Body.getBegin()), BE = SM.getExpansionLoc(Body.getEnd());
  if (!ownFile(SM, BB) || SM.getFileID(BB) != SM.getFileID(BE))
    return;
  llvm::SmallVector<const MacroExpansionRec *, 4> Empty;
  for (const MacroExpansionRec *Rec : Macros.fileExpansions(SM, SM.getFileID(BB))) {
    unsigned Off = SM.getFileOffset(Rec->NameLoc);
    if (Off < SM.getFileOffset(BB))
      continue;
    if (Off > SM.getFileOffset(BE))
      break;
    if (Anchored.count(Rec) || Rec->Prim->Effects.empty())
      continue;
    auto It = Uses.find(Rec);
    if (It != Uses.end() && !It->second.Covered.empty())
      continue; // it has arguments in the CFG: only its own body was empty
    Empty.push_back(Rec);
  }
  if (Empty.empty())
    return;
  // Elements in source order, built only when an expansion needs an
  // anchor: a long function would hold one entry per element.
  std::vector<std::pair<SourceLocation, std::pair<unsigned, unsigned>>> Positions;
  for (const CFGBlock *B : FE.Order) {
    unsigned Idx = 0;
    for (const CFGElement &El : *B) {
      unsigned I = Idx++;
      if (auto CS = El.getAs<CFGStmt>())
        if (SourceLocation BL = CS->getStmt()->getBeginLoc(); BL.isValid())
          Positions.push_back({SM.getExpansionLoc(BL), {B->getBlockID(), I}});
    }
  }
  llvm::sort(Positions, [&](auto &A, auto &B) {
    return SM.isBeforeInTranslationUnit(A.first, B.first);
  });
  for (const MacroExpansionRec *Rec : Empty) {
    auto It = llvm::lower_bound(Positions, Rec->End, [&](auto &P, SourceLocation L) {
      return SM.isBeforeInTranslationUnit(P.first, L) || P.first == L;
    });
    if (It == Positions.end())
      continue;
    addEventsFor(*Rec->Prim, Rec->NameLoc, Rec->Name, nullptr,
                 [](unsigned) -> const Expr * { return nullptr; },
                 It->second.first, It->second.second);
  }
}

std::unique_ptr<FunctionEvents> EventExtractor::extract(const FunctionDecl *FD) {
  auto FE = std::make_unique<FunctionEvents>();
  FE->FD = FD;
  CFG::BuildOptions BO;
  BO.AddImplicitDtors = true; // emits CFGCleanupFunction for cleanup attributes
  BO.AddInitializers = false;
  BO.setAllAlwaysAdd();
  FE->Cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, BO);
  if (!FE->Cfg) {
    FE->CfgFailed = true;
    return FE;
  }
  Extraction X(Ctx, Model, Macros, *FE);
  X.run();
  for (auto &Evs : FE->Events)
    llvm::stable_sort(Evs, [](auto &A, auto &B) { return A.first < B.first; });
  return FE;
}
