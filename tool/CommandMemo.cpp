//===- CommandMemo.cpp - sanitised commands kept between runs -------------===//
#include "CommandMemo.h"

#include "Wire.h"
#include "llvm/Support/FileSystem.h"

using namespace preemptlint;

static constexpr const char *Magic = "preemptlint-commands-1";

/// What the sanitiser decides from a forced include: drop it only when it
/// exists and is not a regular file (CommandSanitizer.cpp).
static bool notIrregular(const std::string &Path) {
  llvm::sys::fs::file_status St;
  return llvm::sys::fs::status(Path, St) ||
         St.type() == llvm::sys::fs::file_type::regular_file;
}

std::string CommandMemo::keyFor(const std::string &Salt,
                                const std::vector<const CompileEntry *> &Entries) {
  WireWriter W;
  W.str(Magic), W.str(Salt), W.u32(uint32_t(Entries.size()));
  for (const CompileEntry *E : Entries) {
    W.str(E->AbsFile), W.str(E->Directory), W.str(E->File), W.str(E->Command);
    W.u32(uint32_t(E->Args.size()));
    for (auto &A : E->Args)
      W.str(A);
  }
  return contentHash(W.Buf);
}

bool CommandMemo::load(const ResultCache &C, const std::string &Key) {
  auto Blob = C.readBlob(Key, "commands");
  if (!Blob)
    return false;
  llvm::StringRef All = Blob->getBuffer();
  WireReader R(All);
  bool Sound = R.str() == Magic && R.str() == Key;
  for (uint32_t I = 0, N = Sound ? R.u32() : 0; I < N && !R.Bad; ++I) {
    std::string P = R.str();
    Forced[P] = R.u32() != 0;
  }
  for (uint32_t I = 0, N = Sound && !R.Bad ? R.u32() : 0; I < N && !R.Bad; ++I) {
    std::string F = R.str();
    File &X = Files[F];
    X.Key = R.str();
    for (uint32_t J = 0, M = R.u32(); J < M && !R.Bad; ++J) {
      std::string Kind = R.str();
      uint32_t Why = R.u32();
      if (Why > uint32_t(DropReason::NotRegularFile))
        R.Bad = true;
      X.Dropped.emplace(std::move(Kind), DropReason(Why));
    }
  }
  if (Sound) {
    Sound = sealed(All, R);
  }
  for (auto &[P, Regular] : Forced)
    Sound = Sound && notIrregular(P) == Regular;
  if (!Sound) {
    *this = CommandMemo();
    return false;
  }
  return true;
}

const CommandMemo::File *CommandMemo::find(const std::string &AbsFile) const {
  auto It = Files.find(AbsFile);
  return It == Files.end() ? nullptr : &It->second;
}

void CommandMemo::add(const std::string &AbsFile, const std::string &Key,
                      const SanitizeResult &S) {
  Unkept |= S.ReadResponseFile;
  for (auto &[P, Regular] : S.ForcedIncludes)
    Forced[P] = Regular;
  File &X = Files[AbsFile];
  X.Key = Key;
  X.Dropped = S.Dropped;
}

bool CommandMemo::store(const ResultCache &C, const std::string &Key) const {
  if (Unkept || Files.empty())
    return false;
  WireWriter W;
  W.str(Magic), W.str(Key), W.u32(uint32_t(Forced.size()));
  for (auto &[P, Regular] : Forced)
    W.str(P), W.u32(Regular);
  W.u32(uint32_t(Files.size()));
  for (auto &F : Files) {
    W.str(F.getKey()), W.str(F.second.Key), W.u32(uint32_t(F.second.Dropped.size()));
    for (auto &[Kind, Why] : F.second.Dropped)
      W.str(Kind), W.u32(uint32_t(Why));
  }
  seal(W);
  return C.storeBlob(Key, "commands", W.Buf);
}
