//===- TreeExport.cpp - a file's summaries as TreeFacts -------------------===//
//
// Turns the summaries of the main file's functions into plain data for the
// whole-tree link: functions by linkage name (statics qualified by their
// file), locks and ops fields by the field or global that identifies them
// in every file.
//
//===----------------------------------------------------------------------===//
#include "Events.h"
#include "PreemptAnalysis.h"
#include "TreeFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace preemptlint;

namespace {

class Exporter {
public:
  Exporter(const ASTContext &Ctx, llvm::StringRef MainFile)
      : SM(Ctx.getSourceManager()), MainFile(MainFile) {}

  SrcPos pos(SourceLocation L) const {
    SrcPos P;
    if (L.isInvalid())
      return P;
    PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(L));
    if (PL.isInvalid())
      return P;
    // Absolute (the analysis runs in the command's directory), so that the
    // link's findings are named like the file's own.
    llvm::SmallString<256> A(PL.getFilename());
    if (!A.empty() && A[0] != '<') {
      llvm::sys::fs::make_absolute(A);
      llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
    }
    P.File = std::string(A);
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
    return P;
  }

  /// Functions: their name when visible to other files, else qualified by
  /// the file that defines them.
  std::string id(const FunctionDecl *FD) const {
    if (FD->isExternallyVisible())
      return FD->getName().str();
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def))
      for (const FunctionDecl *R : FD->redecls())
        if (R->hasSkippedBody())
          Def = R; // the definition, parsed without its body
    SourceLocation L = SM.getExpansionLoc((Def ? Def : FD)->getLocation());
    llvm::StringRef File = SM.isInMainFile(L) ? MainFile : SM.getFilename(L);
    return (File + ":" + FD->getName()).str();
  }

  /// Ops fields: "struct T.field", with T the named record around an
  /// anonymous struct or union member.
  std::string fieldId(const FieldDecl *F) const {
    llvm::StringRef RN;
    const RecordDecl *R = namedRecordOf(F, RN);
    if (!R)
      return "";
    return (llvm::Twine(R->isUnion() ? "union " : "struct ") + RN + "." + F->getName()).str();
  }

  /// Locks: "struct T.field" for a field, the name of a global (qualified by
  /// the file when static). Empty when there is no identity across files.
  std::string lockId(const ValueDecl *D) const {
    if (!D)
      return "";
    if (auto *F = dyn_cast<FieldDecl>(D)) {
      // A field of an anonymous struct or union member is the named
      // record's (struct blk_mq_ctx.lock).
      llvm::StringRef RN;
      const RecordDecl *R = namedRecordOf(F, RN);
      if (!R)
        return "";
      return (llvm::Twine(R->isUnion() ? "union " : "struct ") + RN + "." + F->getName()).str();
    }
    if (auto *V = dyn_cast<VarDecl>(D))
      if (V->hasGlobalStorage()) {
        if (V->isExternallyVisible())
          return V->getName().str();
        return (MainFile + ":" + V->getName()).str();
      }
    return "";
  }

private:
  const SourceManager &SM;
  std::string MainFile;
};

} // namespace

void FileAnalysis::exportFacts(FileFacts &Out) const {
  const SourceManager &SM = Ctx.getSourceManager();
  Exporter X(Ctx, Opts.MainFileName);
  Out.File = Opts.MainFileName;
  std::vector<std::pair<const FunctionDecl *, const FunctionSummary *>> Fns;
  for (auto &[FD, Sum] : Summaries)
    if (ownFile(SM, FD->getLocation()) && Sum->Complete)
      Fns.push_back({FD, Sum.get()});
  // Deterministic order: by position in the file.
  llvm::sort(Fns, [&](auto &A, auto &B) {
    return SM.isBeforeInTranslationUnit(A.first->getLocation(), B.first->getLocation());
  });
  for (auto &[FD, S] : Fns) {
    FunctionFacts F;
    F.Usr = X.id(FD);
    F.Name = FD->getName().str();
    F.At = X.pos(FD->getLocation());
    F.External = FD->isExternallyVisible();
    F.Contract = S->Contract;
    F.TakesLocks = S->TakesLocks;
    F.AnswersPinning = !S->Deferred;
    F.ManagesPinning = S->ManagesPinning;
    for (unsigned R = 0; R < NumRegions; ++R) {
      if (!S->Delta[R] || S->DeltaAt[R].isInvalid())
        continue;
      // Ending a section it began itself is an imbalance its own analysis
      // judges, not a release for its callers; an effect a callee had is
      // the callee's to answer for (it is judged itself).
      if ((S->Delta[R] < 0 && (S->Opened & (1u << R))) || !Model.lookup(S->DeltaBy[R]))
        continue;
      ExitEffect E;
      E.Region = regionName(Region(R)).str();
      E.By = S->DeltaBy[R].str();
      E.Where = X.pos(S->DeltaAt[R]);
      E.Exit = X.pos(S->AnExit);
      (S->Delta[R] > 0 ? F.Acquires : F.Releases).push_back(std::move(E));
    }
    for (auto &LE : S->Locks) {
      std::string Id = X.lockId(LE.Lock.Decl);
      if (Id.empty() || LE.Lock.FromCaller || !Model.lookup(LE.Lock.By))
        continue;
      // Dropped and taken back (the caller's lock around the work): no net
      // effect for the callers.
      if (llvm::any_of(S->Locks, [&](const FunctionSummary::LockEffect &O) {
            return O.Acquire != LE.Acquire && O.Lock.Decl == LE.Lock.Decl;
          }))
        continue;
      ExitEffect E;
      E.Lock = Id;
      E.Shown = LE.Lock.Key;
      E.By = LE.Lock.By.str();
      E.Where = X.pos(LE.Lock.Loc);
      E.Exit = X.pos(S->AnExit);
      if (!LE.Acquire)
        for (auto &U : S->UnheldReleases)
          if (U.Decl == LE.Lock.Decl)
            E.Where = X.pos(U.Loc);
      (LE.Acquire ? F.Acquires : F.Releases).push_back(std::move(E));
    }
    // Released or ended on some path that did not take it, but not on
    // every path (those are Releases): the callers must hold it there. A
    // lock the function also takes somewhere, or a region it also enters,
    // is left out: on those functions such a path is mostly one whose
    // correlated conditions the analysis lost (docs/design.md).
    // Effects on some paths: a lock by its identity, a region by its name.
    auto someEffect = [&](std::string Lock, std::string Region, llvm::StringRef Shown,
                          llvm::StringRef By, SourceLocation Where, SourceLocation Exit) {
      ExitEffect E;
      E.Lock = std::move(Lock);
      E.Region = std::move(Region);
      E.Shown = Shown.str();
      E.By = By.str();
      E.Where = X.pos(Where);
      E.Exit = X.pos(Exit);
      E.EveryPath = false;
      return E;
    };
    auto hasLock = [](const std::vector<ExitEffect> &V, const std::string &Id) {
      return llvm::any_of(V, [&](const ExitEffect &E) { return E.Lock == Id; });
    };
    // A lock reached through a pointer (spinlock_t *ptl) is set by whoever
    // took it, often a helper that returns it locked: not a lock of its own.
    auto throughPointer = [](const ValueDecl *D) {
      return D && D->getType()->isPointerType();
    };
    for (auto &U : S->UnheldReleases) {
      std::string Id = X.lockId(U.Decl);
      if (Id.empty() || !Model.lookup(U.By) || throughPointer(U.Decl) || hasLock(F.Releases, Id) ||
          llvm::any_of(S->Acquisitions, [&](auto &A) { return A.Decl == U.Decl; }))
        continue;
      F.ReleasesSome.push_back(someEffect(Id, "", U.Key, U.By, U.Loc, SourceLocation()));
    }
    for (unsigned R = 0; R < NumRegions; ++R) {
      if (S->UnbegunEndAt[R].isInvalid() || (S->Opened & (1u << R)) ||
          !Model.lookup(S->UnbegunEndBy[R]))
        continue;
      std::string Name = regionName(Region(R)).str();
      if (llvm::any_of(F.Releases, [&](const ExitEffect &E) { return E.Region == Name; }))
        continue;
      F.ReleasesSome.push_back(
          someEffect("", Name, "", S->UnbegunEndBy[R], S->UnbegunEndAt[R], SourceLocation()));
    }
    for (auto &H : S->HeldSome) {
      std::string Id = X.lockId(H.Decl);
      if (Id.empty() || !Model.lookup(H.By) || throughPointer(H.Decl) || hasLock(F.Acquires, Id))
        continue;
      F.AcquiresSome.push_back(someEffect(Id, "", H.Key, H.By, H.Loc, H.Exit));
    }
    for (unsigned R = 0; R < NumRegions; ++R)
      if (S->SomeEnterAt[R].isValid() && Model.lookup(S->SomeEnterBy[R]))
        F.AcquiresSome.push_back(someEffect("", regionName(Region(R)).str(), "",
                                            S->SomeEnterBy[R], S->SomeEnterAt[R],
                                            S->SomeExitAt[R]));
    for (const ValueDecl *D : S->ReleasedDecls) {
      std::string Id = X.lockId(D);
      if (!Id.empty() && !llvm::is_contained(F.Released, Id))
        F.Released.push_back(Id);
    }
    for (unsigned R = 0; R < NumRegions; ++R)
      if (S->Ends & (1u << R))
        F.Ends.push_back(regionName(Region(R)).str());
    auto Param = [](const ParamCond &C) {
      ParamFact P;
      if (!C.known())
        return P;
      P.Param = C.Param;
      P.NonZero = C.NonZero;
      P.HasValue = C.Value.has_value();
      P.Value = C.Value.value_or(0);
      P.Mask = C.Mask;
      return P;
    };
    if (S->Pinned) {
      F.Pinned.Has = true;
      F.Pinned.What = S->Pinned.What.str();
      F.Pinned.Where = X.pos(S->Pinned.At);
      F.Pinned.OnlyWhere = Param(S->PinnedWhere);
    }
    if (S->Sleeps) {
      F.Sleeps.Has = true;
      F.Sleeps.What = S->Sleeps.What.str();
      F.Sleeps.Where = X.pos(S->Sleeps.At);
      F.SleepsAfterRelease = S->SleepAfterRelease;
    }
    for (auto &C : S->Calls) {
      CallSite CS;
      if (C.Field) {
        // Through an ops field: the field is the callee; the link reaches
        // every function the tree stores into it.
        CS.Callee = X.fieldId(C.Field);
        if (CS.Callee.empty())
          continue;
        CS.CalleeName = C.Field->getName().str();
        CS.ThroughField = true;
      } else {
        CS.Callee = X.id(C.Callee);
        CS.CalleeName = C.Callee->getName().str();
      }
      if (C.Via)
        CS.Via = C.Via->getName().str();
      CS.At = X.pos(C.Loc);
      CS.Atomic = C.Atomic;
      // A lock with no name the other files could know ("?pmd_lock:ptl@10772",
      // keyed by its file offset) is exported as taken by its primitive only,
      // without the offset: nothing in the facts moves with the text but
      // positions (the link reuses its findings when only they moved).
      CS.AtomicLock = C.AtomicLock;
      if (llvm::StringRef(CS.AtomicLock).starts_with("?"))
        CS.AtomicLock = "?";
      if (C.Atomic && C.AtomicByRegion)
        CS.AtomicRegion = regionName(C.AtomicRegion).str();
      CS.AtomicBy = C.AtomicBy.str();
      CS.AtomicSince = X.pos(C.AtomicSince);
      CS.Unpinned = C.Unpinned;
      if (C.Unpinned) {
        CS.UnpinnedWhere = Param(C.UnpinnedWhere);
        for (unsigned I = 0; I < C.UnpinnedArgs.size(); ++I)
          if (C.UnpinnedArgs[I])
            CS.UnpinnedArgs.push_back({I, *C.UnpinnedArgs[I]});
      }
      CS.KnownSleeps = C.KnownSleeps;
      CS.KnownPinned = C.KnownPinned;
      CS.Modelled = C.Modelled;
      for (const ValueDecl *D : C.Held) {
        std::string Id = X.lockId(D);
        if (!Id.empty())
          CS.Held.push_back(Id);
      }
      F.Calls.push_back(std::move(CS));
    }
    Out.Functions.push_back(std::move(F));
  }
  // Registrations: the registering function's, or the file's when written
  // at file scope (no registrant).
  llvm::DenseMap<const FunctionDecl *, size_t> Index;
  for (size_t I = 0; I < Fns.size(); ++I)
    Index[Fns[I].first] = I;
  for (auto &R : Registrations) {
    Registration G;
    G.Target = X.id(R.Target);
    G.TargetName = R.Target->getName().str();
    G.Context = contextName(R.Ctx).str();
    G.By = R.By.str();
    G.At = X.pos(R.Loc);
    if (!R.Registrant)
      Out.Registers.push_back(std::move(G));
    else if (auto It = Index.find(R.Registrant); It != Index.end())
      Out.Functions[It->second].Registers.push_back(std::move(G));
  }
  for (auto &St : FieldStores) {
    FieldStore Fs;
    Fs.Field = X.fieldId(St.Field);
    if (Fs.Field.empty())
      continue;
    Fs.Target = X.id(St.Target);
    Fs.TargetName = St.Target->getName().str();
    Fs.At = X.pos(St.Loc);
    if (St.Ctx)
      Fs.Context = contextName(*St.Ctx).str();
    Out.Stores.push_back(std::move(Fs));
  }
}
