//===- RunManifest.cpp - what a run over a database was served ------------===//
#include "RunManifest.h"

#include "Wire.h"
#include "llvm/ADT/STLExtras.h"

using namespace preemptlint;

static constexpr const char *Magic = "preemptlint-manifest-2";

std::string RunManifest::keyFor(const std::string &Salt, std::vector<std::string> FileKeys) {
  llvm::sort(FileKeys);
  WireWriter W;
  W.str(Magic), W.str(Salt), W.u32(uint32_t(FileKeys.size()));
  for (auto &K : FileKeys)
    W.str(K);
  return contentHash(W.Buf);
}

bool RunManifest::load(ResultCache &C, const std::string &Key) {
  auto Blob = C.readBlob(Key, "runs");
  if (!Blob)
    return false;
  llvm::StringRef All = Blob->getBuffer();
  WireReader R(All);
  bool Sound = R.str() == Magic && R.str() == Key;
  Sound = Sound && !llvm::StringRef(R.str()).getAsInteger(10, TouchedNs);
  for (uint32_t I = 0, N = Sound ? R.u32() : 0; I < N && !R.Bad; ++I) {
    std::string P = R.str(), S = R.str();
    Index.try_emplace(P, uint32_t(Paths.size()));
    Paths.push_back(std::move(P));
    Stats.push_back(std::move(S));
  }
  for (uint32_t I = 0, N = Sound && !R.Bad ? R.u32() : 0; I < N && !R.Bad; ++I) {
    std::string K = R.str();
    ManifestFile F;
    F.Outcome = R.str(), F.FactsName = R.str(), F.FactsHash = R.str();
    for (uint32_t J = 0, M = R.u32(); J < M && !R.Bad; ++J) {
      uint32_t X = R.u32();
      if (X >= Paths.size())
        R.Bad = true;
      F.Inputs.push_back(X);
    }
    Files.emplace(std::move(K), std::move(F));
  }
  if (Sound) {
    Sound = sealed(All, R);
  }
  if (!Sound) {
    *this = RunManifest();
    return false;
  }
  Same.assign(Paths.size(), -1);
  Cache = &C;
  return true;
}

const ManifestFile *RunManifest::fresh(const std::string &K) {
  auto It = Files.find(K);
  if (It == Files.end())
    return nullptr;
  for (uint32_t X : It->second.Inputs) {
    if (Same[X] < 0)
      Same[X] = !Stats[X].empty() && Cache->trustedStat(Paths[X]) == Stats[X];
    if (!Same[X])
      return nullptr;
  }
  return &It->second;
}

uint32_t RunManifest::input(llvm::StringRef Path, const std::string &Stat) {
  auto [It, New] = Index.try_emplace(Path, uint32_t(Paths.size()));
  if (!New && Stats[It->second] != Stat) {
    // Another status than a kept file recorded: a slot of its own, so that
    // no record is tied to a status it was not judged with.
    It->second = uint32_t(Paths.size());
    New = true;
  }
  if (New) {
    Paths.push_back(Path.str());
    Stats.push_back(Stat);
  }
  return It->second;
}

bool RunManifest::touchDue() const {
  constexpr int64_t HourNs = 3600ll * 1000000000;
  return ResultCache::nowNs() - TouchedNs > HourNs;
}

void RunManifest::startFrom(const RunManifest &From) {
  TouchedNs = From.touchDue() ? ResultCache::nowNs() : From.TouchedNs;
  Paths = From.Paths;
  Stats = From.Stats;
  Index = From.Index;
}

void RunManifest::keep(const std::string &K, const RunManifest &From) {
  auto It = From.Files.find(K);
  if (It != From.Files.end())
    Files[K] = It->second; // the same input table (startFrom())
}

bool RunManifest::add(const std::string &K, const CacheEntry &E, ResultCache &C,
                      int64_t RunStartNs) {
  ManifestFile F;
  for (auto &In : E.Inputs) {
    auto [It, New] = Now.try_emplace(In.Path);
    if (New)
      It->second = C.trustedStat(In.Path, RunStartNs);
    if (It->second.empty())
      return false;
  }
  for (auto &In : E.Inputs)
    F.Inputs.push_back(input(In.Path, Now[In.Path]));
  F.Outcome = E.Outcome, F.FactsName = E.FactsName, F.FactsHash = E.FactsHash;
  Files[K] = std::move(F);
  return true;
}

bool RunManifest::store(const ResultCache &C, const std::string &Key) const {
  // Only the inputs some file read (the table started from the earlier
  // manifest keeps those of files analysed again or gone).
  constexpr uint32_t Unused = ~0u;
  std::vector<uint32_t> NewIndex(Paths.size(), Unused);
  uint32_t Used = 0;
  for (auto &[K, F] : Files)
    for (uint32_t X : F.Inputs)
      if (NewIndex[X] == Unused)
        NewIndex[X] = Used++;
  std::vector<uint32_t> Order(Used);
  for (uint32_t X = 0; X < NewIndex.size(); ++X)
    if (NewIndex[X] != Unused)
      Order[NewIndex[X]] = X;
  WireWriter W;
  W.str(Magic), W.str(Key), W.str(std::to_string(TouchedNs)), W.u32(Used);
  for (uint32_t X : Order)
    W.str(Paths[X]), W.str(Stats[X]);
  W.u32(uint32_t(Files.size()));
  for (auto &[K, F] : Files) {
    W.str(K), W.str(F.Outcome), W.str(F.FactsName), W.str(F.FactsHash);
    W.u32(uint32_t(F.Inputs.size()));
    for (uint32_t X : F.Inputs)
      W.u32(NewIndex[X]);
  }
  seal(W);
  return C.storeBlob(Key, "runs", W.Buf);
}
