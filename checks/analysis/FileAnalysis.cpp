//===- FileAnalysis.cpp - every function of a file ------------------------===//
//
// What the file tells about its functions (who calls whom, which escape as
// callbacks and in which context), which function answers for a per-CPU
// access, summaries computed on demand, and hand-offs of locks to callbacks.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace preemptlint;

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
  return ownFile(Ctx.getSourceManager(), FD->getLocation());
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
    const FunctionDecl *OldFn = CurFn;
    InFunction = D->doesThisDeclarationHaveABody();
    CurFn = D;
    bool R = RecursiveASTVisitor<FileFactsVisitor>::TraverseFunctionDecl(D);
    InFunction = Old;
    CurFn = OldFn;
    return R;
  }
  bool InFunction = false;
  const FunctionDecl *CurFn = nullptr;

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
    // inside functions they are events of the registering function, except
    // in a function the registering macro writes itself (a module's
    // module_init(fn): `static inline initcall_t __inittest(void) { return fn; }`).
    for (SourceLocation L = DR->getLocation(); L.isMacroID(); L = SM.getImmediateMacroCallerLoc(L))
      if (const Primitive *P = M.lookup(Lexer::getImmediateMacroName(L, SM, LO)))
        for (const Effect &E : P->Effects)
          if (E.Kind == EffectKind::Register &&
              (!InFunction || (CurFn && CurFn->getLocation().isMacroID() &&
                               SM.getExpansionLoc(CurFn->getLocation()) ==
                                   SM.getExpansionLoc(L))) &&
              (!EntryCtx.count(FD->getCanonicalDecl()) || ByField.count(FD->getCanonicalDecl()))) {
            // The registering macro names it better than the field its
            // expansion stores into (DECLARE_WORK() initialises .func).
            if (ByField.erase(FD->getCanonicalDecl()))
              RegisteredAt.erase(FD->getCanonicalDecl());
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
  void field(const FieldDecl *FD, const Expr *Val, llvm::StringRef Index = "") {
    const FunctionDecl *Fn = functionOfArg(Val);
    if (!Fn || !FD)
      return;
    // Every store, for the link (the traversal may see an initialiser in
    // both its syntactic and semantic form: once each pair).
    auto [At, New] = StoreAt.try_emplace({FD, Fn->getCanonicalDecl()}, Stores.size());
    if (New)
      Stores.push_back({FD, Fn, Val->getBeginLoc(), std::nullopt});
    llvm::StringRef Rec, Name = FD->getName();
    namedRecordOf(FD, Rec);
    for (auto &CF : M.callbackFields())
      if (CF.Record == Rec && CF.Field == Name) {
        EntryContext C = CF.Ctx;
        if (!Index.empty())
          for (auto &[Glob, ByIndex] : CF.CtxByIndex)
            if (globMatch(Glob, Index)) {
              C = ByIndex;
              Stores[At->second].Ctx = C; // for the link, in other files
              break;
            }
        // The syntactic form of an element's list knows no index: the
        // semantic one, visited before or after it, decides.
        if (!Index.empty())
          ByIndex.insert(Fn->getCanonicalDecl());
        else if (ByIndex.count(Fn->getCanonicalDecl()))
          continue;
        EntryCtx[Fn->getCanonicalDecl()] = C;
        if (RegisteredAt.try_emplace(Fn->getCanonicalDecl(), Val->getBeginLoc(), CF.Field).second)
          ByField.insert(Fn->getCanonicalDecl());
      }
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        field(dyn_cast<FieldDecl>(ME->getMemberDecl()), BO->getRHS());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *ILE) {
    llvm::StringRef Index = IndexOf.lookup(ILE);
    // The traversal sees the syntactic form; fields are matched on the
    // semantic one (designated initializers resolved).
    if (!ILE->isSemanticForm() && ILE->getSemanticForm()) {
      ILE = ILE->getSemanticForm();
      if (Index.empty())
        Index = IndexOf.lookup(ILE);
    }
    indexArray(ILE);
    fieldsOf(ILE, Index);
    return true;
  }
  /// The members a record's (semantic) list initialises; a member that is
  /// itself a struct or union (.startup.single = f) is looked into.
  void fieldsOf(const InitListExpr *ILE, llvm::StringRef Index) {
    const RecordType *RT = ILE->getType()->getAs<RecordType>();
    if (!RT)
      return;
    auto One = [&](const FieldDecl *FD, const Expr *V) {
      if (auto *Sub = dyn_cast_or_null<InitListExpr>(V ? V->IgnoreImplicit() : nullptr)) {
        if (!Sub->isSemanticForm() && Sub->getSemanticForm())
          Sub = Sub->getSemanticForm();
        fieldsOf(Sub, Index);
        return;
      }
      field(FD, V, Index);
    };
    // A union's list holds the one member it initialises.
    if (RT->getDecl()->isUnion()) {
      if (ILE->getNumInits() == 1)
        One(ILE->getInitializedFieldInUnion(), ILE->getInit(0));
      return;
    }
    unsigned I = 0;
    for (const FieldDecl *FD : RT->getDecl()->fields()) {
      if (I >= ILE->getNumInits())
        break;
      One(FD, ILE->getInit(I++));
    }
  }

  /// A static array of a record some callback field takes its context
  /// from, initialised at indexes named by enumerators
  /// ([CPUHP_TEARDOWN_CPU] = { .teardown.single = takedown_cpu }): each
  /// element's lists, nested ones too, in both forms, learn the enumerator.
  void indexArray(const InitListExpr *ILE) {
    auto *AT = dyn_cast_or_null<ConstantArrayType>(ILE->getType()->getAsArrayTypeUnsafe());
    const RecordType *RT = AT ? AT->getElementType()->getAs<RecordType>() : nullptr;
    if (!RT || !llvm::any_of(M.callbackFields(), [&](const CallbackField &CF) {
          return !CF.CtxByIndex.empty() && CF.Record == RT->getDecl()->getName();
        }))
      return;
    const InitListExpr *Syn = ILE->isSemanticForm() ? ILE->getSyntacticForm() : ILE;
    const EnumDecl *Enum = nullptr;
    for (const Expr *E : Syn ? Syn->inits() : ArrayRef<Expr *>())
      if (auto *D = dyn_cast<DesignatedInitExpr>(E); D && D->getDesignator(0)->isArrayDesignator())
        if (auto *DR = dyn_cast<DeclRefExpr>(D->getArrayIndex(*D->getDesignator(0))->IgnoreParenImpCasts()))
          if (auto *EC = dyn_cast<EnumConstantDecl>(DR->getDecl())) {
            Enum = dyn_cast<EnumDecl>(EC->getDeclContext());
            if (D->size() == 1)
              markIndex(D->getInit(), EC->getName()); // the element as written
          }
    if (!Enum || !ILE->isSemanticForm())
      return;
    llvm::DenseMap<int64_t, llvm::StringRef> Names;
    for (const EnumConstantDecl *EC : Enum->enumerators())
      Names.try_emplace(EC->getInitVal().getSExtValue(), EC->getName());
    for (unsigned I = 0; I < ILE->getNumInits(); ++I) // the element resolved
      if (auto It = Names.find(I); It != Names.end())
        markIndex(ILE->getInit(I), It->second);
  }
  void markIndex(const Expr *E, llvm::StringRef Name) {
    if (auto *D = dyn_cast<DesignatedInitExpr>(E))
      E = D->getInit();
    auto *L = dyn_cast<InitListExpr>(E->IgnoreImplicit());
    if (!L)
      return;
    IndexOf[L] = Name;
    if (!L->isSemanticForm() && L->getSemanticForm())
      IndexOf[L->getSemanticForm()] = Name;
    for (const Expr *X : L->inits())
      markIndex(X, Name);
  }

private:
  const KernelApiModel &M;
  llvm::DenseSet<const FunctionDecl *> &Called, &Taken;
  llvm::DenseMap<const FunctionDecl *, EntryContext> &EntryCtx;
  llvm::DenseMap<const FunctionDecl *, std::pair<SourceLocation, llvm::StringRef>> &RegisteredAt;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs, ArgRefs;
  llvm::DenseMap<std::pair<const FieldDecl *, const FunctionDecl *>, size_t> StoreAt; // into Stores
  llvm::DenseMap<const InitListExpr *, llvm::StringRef> IndexOf; // see indexArray()
  llvm::DenseSet<const FunctionDecl *> ByIndex; // given a context by their index
public:
  llvm::DenseSet<const FunctionDecl *> PassedOnly; // escapes only as call arguments
  llvm::DenseSet<const FunctionDecl *> ByField;     // RegisteredAt says only the field
  std::vector<FieldStoreRec> Stores;  // functions stored into fields
};
} // namespace

void FileAnalysis::collectFileFacts() {
  const SourceManager &SM = Ctx.getSourceManager();
  FileFactsVisitor V(Model, Called, AddressTaken, EntryCtx, RegisteredAt, SM, Ctx.getLangOpts());
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (!ownFile(SM, D->getLocation()))
      continue;
    V.TraverseDecl(D);
    // A function the model says the kernel enters from outside C, in a
    // known context (the idle task, an AP's entry).
    if (auto *FD = dyn_cast<FunctionDecl>(D);
        FD && FD->getIdentifier() && FD->doesThisDeclarationHaveABody())
      if (auto C = Model.entryFunction(FD->getName()))
        EntryCtx.try_emplace(FD->getCanonicalDecl(), *C);
  }
  FieldStores = std::move(V.Stores);
  RegisteredByField = std::move(V.ByField);
  // Registrations written at file scope (module_init(fn), early_initcall(fn))
  // have no registering function; the link takes them as the file's.
  for (auto &[FD, Where] : RegisteredAt)
    if (!RegisteredByField.count(FD))
      if (auto It = EntryCtx.find(FD); It != EntryCtx.end())
        Registrations.push_back({nullptr, FD, It->second, Where.first, Where.second});
  llvm::sort(Registrations, [&](const RegistrationRec &A, const RegistrationRec &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  for (const FunctionDecl *FD : V.PassedOnly)
    if (!AddressTaken.count(FD))
      PassedToCalls.insert(FD);
}

/// See FileAnalysis::run(): a CFG of more blocks is not held between the
/// registration pass and the function's analysis.
static constexpr unsigned LargeCfgBlocks = 2048;

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
  case EntryContext::IpiCallback:
  case EntryContext::IrqsOff: return maskOf(Region::Irq);
  case EntryContext::PercpuThread: return maskOf(Region::Migrate);
  case EntryContext::Boot: return maskOf(Region::Migrate); // one CPU online
  }
  return 0;
}

std::vector<std::string> FileAnalysis::headerFunctionsUsed() const {
  std::vector<std::string> Out;
  for (const FunctionDecl *FD : HeaderUsed)
    Out.push_back(FD->getName().str());
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

/// Outside the unit's own files only inline helpers, and functions static
/// to this translation unit, are looked into: a static function of an
/// included file (rcu_nocb_unlock_irqrestore() of kernel/rcu/tree_nocb.h,
/// which kernel/rcu/tree.c includes) is no function of another file.
static bool lookedIntoOutsideUnit(const FunctionDecl *FD) {
  return !FD->isExternallyVisible() ||
         llvm::any_of(FD->redecls(), [](const FunctionDecl *R) { return R->isInlined(); });
}

const FunctionSummary *FileAnalysis::summaryFor(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def) {
    if (bodySkipped(FD) && lookedIntoOutsideUnit(FD))
      MissedSkippedBody = true;
    return nullptr;
  }
  auto It = Summaries.find(Def);
  if (It != Summaries.end())
    return It->second->Complete ? It->second.get() : nullptr;
  if (InProgress.count(Def))
    return nullptr;
  bool Main = inMainFile(Def);
  if (!Main && !lookedIntoOutsideUnit(Def))
    return nullptr;
  if (!Main)
    HeaderUsed.insert(Def);
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
  bool Booting = CtxIt != EntryCtx.end() && CtxIt->second == EntryContext::Boot;
  FunctionAnalyzer A(*this, *FE, *Sum, /*Report=*/Main, Deferred, Assumed, Booting);
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
    if (!FD || !FD->doesThisDeclarationHaveABody() || !ownFile(SM, FD->getLocation()))
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
          Registrations.push_back({FD, E.Target, E.Ctx, E.Loc, E.Name});
          const FunctionDecl *T = E.Target->getCanonicalDecl();
          EntryCtx[T] = E.Ctx;
          // The registering primitive names it better than the field it
          // stores into (INIT_WORK() assigns work->func).
          if (RegisteredByField.erase(T))
            RegisteredAt.erase(T);
          RegisteredAt.try_emplace(T, E.Loc, E.Name);
        }
    // A very large function's CFG and events are built again when it is
    // analysed rather than held meanwhile: a file of several
    // 131,072-statement functions held all their CFGs at once (905 MB).
    // Real functions stay far below the bound, and pay nothing.
    if (FE->Cfg && FE->Cfg->size() > LargeCfgBlocks)
      Events.erase(FD);
  }
  for (const FunctionDecl *FD : Defs)
    summaryFor(FD);
  findHandOffs(Defs);
}

/// Does From call To, directly or through functions of the file?
bool FileAnalysis::reaches(const FunctionDecl *From, const FunctionDecl *To) const {
  llvm::SmallVector<const FunctionDecl *, 8> Work{From};
  llvm::DenseSet<const FunctionDecl *> Seen{From};
  while (!Work.empty()) {
    auto It = Summaries.find(Work.pop_back_val());
    if (It == Summaries.end())
      continue;
    for (auto &C : It->second->Calls) {
      const FunctionDecl *Def = nullptr;
      if (!C.Callee || C.Modelled || !C.Callee->hasBody(Def) || !Def)
        continue;
      if (Def == To)
        return true;
      if (Seen.insert(Def).second)
        Work.push_back(Def);
    }
  }
  return false;
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
    // F returns with D held, on every exit or on some (a conditional lock
    // helper), so a caller of F holds it after the call.
    auto LeavesHeld = [&](const FunctionDecl *F, const ValueDecl *D) {
      auto It = Summaries.find(F);
      if (It == Summaries.end())
        return false;
      const FunctionSummary &S = *It->second;
      return llvm::any_of(S.Locks, [&](auto &L) { return L.Acquire && L.Lock.Decl == D; }) ||
             llvm::any_of(S.HeldSome, [&](auto &H) { return H.Decl == D; });
    };
    for (auto &Rel : RS.UnheldReleases) {
      // R takes it itself, on some path, through a helper of the file it
      // calls (online_store() and lock_device_hotplug_sysfs()'s trylock,
      // held when it returns 0): its own lock, handed off by no one.
      if (llvm::any_of(Defs, [&](const FunctionDecl *B) {
            return B != R && LeavesHeld(B, Rel.Decl) && reaches(R, B);
          }))
        continue;
      for (const FunctionDecl *A : Order) {
        // A helper R calls itself (perf_read() -> perf_event_ctx_lock()
        // returns the context locked) takes it for R: no hand-off.
        if (A == R || reaches(R, A))
          continue;
        auto AIt = Summaries.find(A);
        if (AIt == Summaries.end())
          continue;
        auto Acq = llvm::find_if(AIt->second->Acquisitions,
                                 [&](auto &X) { return X.Decl == Rel.Decl; });
        if (Acq == AIt->second->Acquisitions.end())
          continue;
        // A function that releases it again itself (posix_clock_open()
        // around its own work) hands nothing off.
        if (!llvm::any_of(AIt->second->Locks, [&](const FunctionSummary::LockEffect &L) {
              return L.Acquire && L.Lock.Decl == Rel.Decl;
            }))
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
}

