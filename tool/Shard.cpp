//===- Shard.cpp - one run split over machines, and merged ----------------===//
#include "Shard.h"

#include "AtomicWrite.h"
#include "Database.h"
#include "Driver.h"
#include "Version.h"
#include "Wire.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <map>

using namespace preemptlint;

static constexpr const char *Magic = "preemptlint-shard-1";
/// A shard file larger than this is not read (it cannot be one of ours).
static constexpr uint64_t MaxShardBytes = 4ull << 30;

bool preemptlint::parseShard(llvm::StringRef S, ShardSpec &Out) {
  auto [A, B] = S.split('/');
  unsigned K, N;
  if (A.getAsInteger(10, K) || B.getAsInteger(10, N) || K < 1 || K > N || N > 10000)
    return false;
  Out.K = K, Out.N = N;
  return true;
}

bool preemptlint::inShard(llvm::StringRef Name, const ShardSpec &S) {
  return S.N == 0 || llvm::xxh3_64bits(Name) % S.N == S.K - 1;
}

static std::string shardFile(const std::string &Dir, const ShardSpec &S) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "shard-" + std::to_string(S.K) + "-of-" + std::to_string(S.N) +
                                 ".bin");
  return std::string(P);
}

bool preemptlint::writeShard(const std::string &Dir, const ShardSpec &S,
                             const std::string &Identity, const RunResult &R, std::string &Err) {
  WireWriter W;
  W.str(Magic), W.str(PREEMPTLINT_VERSION), W.u32(S.K), W.u32(S.N), W.str(R.BaseDir);
  W.str(Identity);
  W.u32(R.Files), W.u32(R.Functions), W.u32(R.SuppressedNolint), W.u32(R.FromCache);
  W.u32(uint32_t(R.Diags.size()));
  for (auto &D : R.Diags)
    putDiag(W, D);
  W.u32(uint32_t(R.Notes.size()));
  for (auto &D : R.Notes)
    putDiag(W, D);
  W.u32(uint32_t(R.Errors.size()));
  for (auto &E : R.Errors)
    W.str(E.File), W.str(E.Message);
  seal(W);
  std::string Path = shardFile(Dir, S), Why;
  if (writeFileAtomically(Path, W.Buf, &Why))
    return true;
  Err = "cannot write the shard '" + Path + "': " + Why;
  return false;
}

bool preemptlint::readShards(const std::vector<std::string> &Dirs, const std::string &Identity,
                             RunResult &R, std::vector<std::string> &FactsFiles,
                             std::string &Err) {
  std::map<unsigned, std::string> Seen; // K -> directory
  unsigned N = 0;
  std::string Base;
  for (auto &Dir : Dirs) {
    std::vector<std::string> Found;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      if (Name.starts_with("shard-") && Name.ends_with(".bin"))
        Found.push_back(It->path());
    }
    if (EC || Found.size() != 1) {
      Err = "'" + Dir + "' is not the directory of one shard (" +
            (EC ? EC.message() : std::to_string(Found.size()) + " shard files") + ")";
      return false;
    }
    std::string ReadErr;
    auto Buf = readRegularFile(Found[0], MaxShardBytes, ReadErr);
    llvm::StringRef All = Buf ? Buf->getBuffer() : "";
    WireReader In(All);
    bool OK = Buf && In.str() == Magic && In.str() == PREEMPTLINT_VERSION;
    ShardSpec S;
    S.K = In.u32(), S.N = In.u32();
    std::string B = In.str(), Made = In.str();
    RunResult X;
    X.Files = In.u32(), X.Functions = In.u32(), X.SuppressedNolint = In.u32(),
    X.FromCache = In.u32();
    for (uint32_t I = 0, C = In.u32(); I < C && !In.Bad; ++I)
      X.Diags.push_back(getDiag(In));
    for (uint32_t I = 0, C = In.u32(); I < C && !In.Bad; ++I)
      X.Notes.push_back(getDiag(In));
    for (uint32_t I = 0, C = In.u32(); I < C && !In.Bad; ++I) {
      FileError E;
      E.File = In.str(), E.Message = In.str();
      X.Errors.push_back(std::move(E));
    }
    OK = OK && sealed(All, In);
    if (!OK || S.K < 1 || S.K > S.N) {
      Err = "'" + Found[0] + "' is damaged or was written by another version of preemptlint";
      return false;
    }
    if (Made != Identity) {
      Err = "'" + Dir + "' was made by another build of preemptlint, model or options (--checks, "
            "--preempt-model, --model, --budget, --core-paths) than this merge";
      return false;
    }
    if (!N)
      N = S.N, Base = B;
    if (S.N != N || B != Base) {
      Err = "'" + Dir + "' is a shard of another run (another shard count or database)";
      return false;
    }
    if (!Seen.emplace(S.K, Dir).second) {
      Err = "shard " + std::to_string(S.K) + "/" + std::to_string(N) + " is given twice ('" +
            Seen[S.K] + "' and '" + Dir + "')";
      return false;
    }
    R.Files += X.Files, R.Functions += X.Functions, R.SuppressedNolint += X.SuppressedNolint;
    R.FromCache += X.FromCache;
    for (auto *V : {&X.Diags, &X.Notes})
      for (auto &D : *V)
        (V == &X.Diags ? R.Diags : R.Notes).push_back(std::move(D));
    for (auto &E : X.Errors)
      R.Errors.push_back(std::move(E));
    for (auto &F : factsFiles(Dir))
      FactsFiles.push_back(F);
  }
  for (unsigned K = 1; K <= N; ++K)
    if (!Seen.count(K)) {
      Err = "shard " + std::to_string(K) + "/" + std::to_string(N) + " is missing";
      return false;
    }
  R.BaseDir = Base;
  std::sort(R.Diags.begin(), R.Diags.end());
  std::sort(R.Notes.begin(), R.Notes.end());
  std::sort(R.Errors.begin(), R.Errors.end(),
            [](const FileError &A, const FileError &B) { return A.File < B.File; });
  return true;
}
