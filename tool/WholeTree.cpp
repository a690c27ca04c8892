//===- WholeTree.cpp - link the files of a run across functions -----------===//
#include "WholeTree.h"

#include "Cache.h"
#include "LinkReuse.h"
#include "Database.h"
#include "Suppressions.h"
#include "Wire.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <memory>

using namespace preemptlint;

std::string preemptlint::makeFactsDir(std::string &Err) {
  llvm::SmallString<128> P;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("preemptlint-facts", P)) {
    Err = "cannot create a directory for whole-tree facts: " + EC.message();
    return "";
  }
  return std::string(P);
}

void preemptlint::removeFactsDir(const std::string &Dir) {
  if (!Dir.empty())
    llvm::sys::fs::remove_directories(Dir, /*IgnoreErrors=*/true);
}

void preemptlint::takeCachedFacts(const CommandDatabase &DB,
                                  const std::vector<std::string> &Others,
                                  const RunnerOptions &O, RunResult &R,
                                  std::vector<FactsText> &Facts) {
  R.Partial = true;
  for (auto &F : Others) {
    const CompileEntry *E = DB.lookup(F);
    CacheEntry Entry;
    ResultCache::Status S = E && O.Cache ? O.Cache->lookup(cacheKeyFor(*E, F, O), Entry)
                                         : ResultCache::Status::Missing;
    if (S == ResultCache::Status::Missing || Entry.FactsName.empty()) {
      ++R.TreeMissing;
      continue;
    }
    Facts.push_back({factsPath(O.Lint.FactsDir, Entry.FactsName), std::move(Entry.Facts),
                     std::move(Entry.FactsHash)});
    ++(S == ResultCache::Status::Fresh ? R.TreeCached : R.TreeStale);
  }
}

/// The key of a link: the run's salt and the facts of every file, by name
/// and content hash (in the order of their names).
static std::string linkKey(const std::string &Salt, const std::vector<FactsText> &Facts,
                           const std::vector<std::string> &Hashes) {
  WireWriter W;
  W.str("preemptlint-link-1"), W.str(Salt), W.u32(uint32_t(Facts.size()));
  for (size_t I = 0; I < Facts.size(); ++I)
    W.str(llvm::sys::path::filename(Facts[I].Origin)), W.str(Hashes[I]);
  return contentHash(W.Buf);
}

static std::string putTreeDiags(const std::vector<Diagnostic> &Diags) {
  WireWriter W;
  W.u32(uint32_t(Diags.size()));
  for (auto &D : Diags)
    putDiag(W, D);
  return std::move(W.Buf);
}

static bool getTreeDiags(llvm::StringRef Blob, std::vector<Diagnostic> &Diags) {
  WireReader R(Blob);
  for (uint32_t I = 0, N = R.u32(); I < N && !R.Bad; ++I)
    Diags.push_back(getDiag(R));
  return !R.Bad && R.D.empty();
}

/// The findings of an earlier link kept under Key, if any.
static bool keptLink(ResultCache &Cache, const std::string &Key, std::vector<Diagnostic> &Diags) {
  CacheEntry Kept;
  Diags.clear();
  return Cache.lookup(Key, Kept, "link") == ResultCache::Status::Fresh &&
         getTreeDiags(Kept.Outcome, Diags);
}

/// The findings of the link of the tree as it was before the files of
/// Previous (their earlier facts) were analysed again, with positions
/// moved, when those files' facts only moved (LinkReuse.h).
static bool movedLink(ResultCache &Cache, const std::string &Salt,
                      const std::vector<FactsText> &Facts, std::vector<std::string> Hashes,
                      const std::vector<FactsText> &Previous, std::vector<Diagnostic> &Diags) {
  std::map<std::string, size_t> Index;
  for (size_t I = 0; I < Facts.size(); ++I)
    Index[Facts[I].Origin] = I;
  PositionMap Map;
  for (auto &P : Previous) {
    auto It = Index.find(P.Origin);
    if (It == Index.end() || !Map.add(shapeOf(P.Text), shapeOf(Facts[It->second].Text)))
      return false;
    Hashes[It->second] = contentHash(P.Text);
  }
  if (!Map.ordered() || !keptLink(Cache, linkKey(Salt, Facts, Hashes), Diags))
    return false;
  for (auto &D : Diags)
    if (!Map.move(D))
      return false;
  std::sort(Diags.begin(), Diags.end());
  return true;
}

void preemptlint::linkWholeTree(const LintConfig &C, std::vector<FactsText> Facts,
                                const std::string &Where, RunResult &R,
                                const std::set<std::string> &NotReported, ResultCache *Cache,
                                const std::string &Salt, const std::vector<FactsText> &Previous,
                                const LazyFacts *Lazy) {
  llvm::sort(Facts, [](const FactsText &A, const FactsText &B) { return A.Origin < B.Origin; });
  TreeResult T;
  std::string Key;
  std::vector<std::string> Hashes;
  if (Cache && Cache->enabled()) {
    for (auto &F : Facts)
      Hashes.push_back(F.Hash.empty() ? contentHash(F.Text) : F.Hash);
    Key = linkKey(Salt, Facts, Hashes);
    if (keptLink(*Cache, Key, T.Diags))
      R.Link = RunResult::LinkFromCache;
    else if (!Previous.empty() && movedLink(*Cache, Salt, Facts, Hashes, Previous, T.Diags))
      R.Link = RunResult::LinkMoved;
  }
  // Facts a manifest served by name and hash only: read from their
  // entries now, each checked as any lookup. A file whose entry cannot give
  // them (removed by another run's trim, corrupt) is analysed again.
  bool Whole = true;
  if (R.Link == RunResult::Linked && Lazy && Cache) {
    std::vector<std::string> Again;
    for (size_t I = Facts.size(); I-- > 0;) {
      auto It = Facts[I].Text.empty() ? Lazy->Keys.find(Facts[I].Origin) : Lazy->Keys.end();
      if (It == Lazy->Keys.end())
        continue;
      CacheEntry E;
      if (Cache->lookup(It->second, E) == ResultCache::Status::Fresh &&
          E.FactsHash == Facts[I].Hash) {
        Facts[I].Text = std::move(E.Facts);
        continue;
      }
      Again.push_back(Facts[I].Origin);
      Facts.erase(Facts.begin() + I);
    }
    if (!Again.empty()) {
      // Their new facts may differ from the hashes the link's key was made
      // of: this link is not kept.
      std::vector<FactsText> New = Lazy->Reanalyse(Again);
      Whole = false;
      for (auto &F : New)
        Facts.push_back(std::move(F));
      llvm::sort(Facts, [](const FactsText &A, const FactsText &B) { return A.Origin < B.Origin; });
    }
  }
  if (R.Link == RunResult::Linked)
    T = linkFacts(C, Facts);
  if (!Key.empty() && R.Link != RunResult::LinkFromCache && T.Errors.empty() && Whole) {
    CacheEntry E;
    E.Outcome = putTreeDiags(T.Diags);
    Cache->store(Key, E, "link");
  }
  auto Relative = [&](std::string &F) { F = relativeTo(R.BaseDir, F); };
  std::map<std::string, std::unique_ptr<NolintIndex>> Nolint;
  for (auto &D : T.Diags) {
    if (NotReported.count(D.File))
      continue;
    auto &Idx = Nolint[D.File];
    if (!Idx) {
      std::string Err;
      auto Buf = readRegularFile(D.File, 1ull << 30, Err);
      Idx = std::make_unique<NolintIndex>(Buf ? Buf->getBuffer() : "");
    }
    if (Idx->suppressed(D.Line, D.Check)) {
      ++R.SuppressedNolint;
      continue;
    }
    Relative(D.File);
    for (auto &N : D.Notes)
      Relative(N.File);
    R.Diags.push_back(std::move(D));
  }
  for (auto &E : T.Errors)
    R.Errors.push_back({Where, E});
  std::sort(R.Diags.begin(), R.Diags.end());
}

bool preemptlint::explainWholeTree(const LintConfig &C, const std::string &Dir,
                                   const std::string &Name, const std::string &BaseDir,
                                   llvm::raw_ostream &OS) {
  std::vector<std::string> Errors;
  Explanation X = explainFacts(C, factsFiles(Dir), Name, Errors);
  for (auto &E : Errors)
    OS << "preemptlint: error: " << escapeName(E) << "\n";
  auto Pos = [&](const SrcPos &P) {
    return escapeName(relativeTo(BaseDir, P.File)) + ":" + std::to_string(P.Line) + ":" +
           std::to_string(P.Column);
  };
  auto Chain = [&](const char *What, const std::vector<ChainStep> &Steps) {
    if (Steps.empty()) {
      OS << "  " << What << ": no\n";
      return;
    }
    OS << "  " << What << ": yes, through\n";
    for (size_t I = 0; I < Steps.size(); ++I)
      OS << "    " << Pos(Steps[I].Where) << ": '" << Steps[I].Function << "' "
         << (I + 1 < Steps.size() ? "calls '" + Steps[I].What + "'" : "uses " + Steps[I].What + "()")
         << "\n";
  };
  auto Effects = [&](const char *What, const std::vector<ExitEffect> &V) {
    for (auto &E : V)
      OS << "  " << What << " " << (E.Lock.empty() ? E.Region : "'" + E.Shown + "' (" + E.Lock + ")")
         << " by " << E.By << "() at " << Pos(E.Where) << "\n";
  };
  for (auto &D : X.Definitions) {
    const FunctionFacts &F = D.F;
    OS << F.Name << " (" << Pos(F.At) << ")" << (F.External ? "" : ", static")
       << (F.Contract ? ", annotated (__acquires/__releases/__must_hold)" : "") << "\n";
    Chain("may sleep", D.Sleeps);
    Chain("needs its callers to pin the task (per-CPU data)", D.Needs);
    OS << "  answers for its own pinning: " << (F.AnswersPinning ? "yes" : "no, its callers do")
       << "\n";
    Effects("returns holding", F.Acquires);
    Effects("returns holding, on some paths,", F.AcquiresSome);
    Effects("ends without taking", F.Releases);
    Effects("ends without taking, on some paths,", F.ReleasesSome);
    OS << "  callers in the tree: " << D.Callers.size() << "\n";
    for (auto &Cl : D.Callers) {
      OS << "    " << Pos(Cl.Site.At) << ": '" << Cl.Function << "'";
      if (Cl.Site.ThroughField)
        OS << ", through '" << Cl.Site.Callee << "'";
      if (Cl.Site.Modelled)
        OS << ", a call the model describes (an edge for per-CPU needs only)";
      if (Cl.Site.Atomic)
        OS << ", atomic (" << (Cl.Site.AtomicLock.empty() ? Cl.Site.AtomicRegion
                               : Cl.Site.AtomicLock == "?" ? std::string("a lock")
                                                           : "'" + Cl.Site.AtomicLock + "' held")
           << (Cl.Site.AtomicBy.empty() ? "" : " by " + Cl.Site.AtomicBy + "()") << " since "
           << Pos(Cl.Site.AtomicSince) << ")";
      if (!Cl.Site.Via.empty())
        OS << ", inside '" << Cl.Site.Via << "'";
      if (Cl.Site.Unpinned)
        OS << ", with nothing pinning the task";
      OS << "\n";
    }
  }
  return !X.Definitions.empty();
}
