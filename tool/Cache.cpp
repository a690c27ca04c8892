//===- Cache.cpp - results and summaries of files, keyed by what made them ===//
#include "Cache.h"

#include "AtomicWrite.h"
#include "Database.h"
#include "Version.h"
#include "Wire.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>

using namespace preemptlint;

static constexpr const char *Magic = "preemptlint-cache-3";
/// An entry larger than this is not read (it cannot be one of ours).
static constexpr uint64_t MaxEntryBytes = 1ull << 30;

std::string preemptlint::defaultCacheDir() {
  llvm::SmallString<256> P;
  if (const char *X = getenv("XDG_CACHE_HOME"); X && *X && llvm::sys::path::is_absolute(X)) {
    P = X;
  } else if (const char *H = getenv("HOME"); H && *H && llvm::sys::path::is_absolute(H)) {
    P = H;
    llvm::sys::path::append(P, ".cache");
  } else {
    return "";
  }
  llvm::sys::path::append(P, "preemptlint");
  return std::string(P);
}

/// The tool is its executable: a rebuilt preemptlint never reads the
/// entries of another build.
static std::string executableHash() {
  std::string Err;
  if (auto Buf = readRegularFile("/proc/self/exe", MaxEntryBytes, Err))
    return contentHash(Buf->getBuffer());
  return PREEMPTLINT_VERSION;
}

std::string preemptlint::keySalt(const std::vector<std::string> &ModelTexts,
                                 const std::string &OptionText, const std::string &BaseDir) {
  WireWriter W;
  W.str(Magic), W.str(PREEMPTLINT_VERSION), W.str(clang::getClangFullVersion());
  W.str(executableHash());
  W.u32(uint32_t(ModelTexts.size()));
  for (auto &T : ModelTexts)
    W.str(T);
  W.str(OptionText), W.str(BaseDir);
  return contentHash(W.Buf);
}

std::string ResultCache::key(const std::string &Salt, const std::string &Directory,
                             const std::vector<std::string> &Args, const std::string &AbsFile) {
  WireWriter W;
  W.str(Salt), W.str(Directory), W.str(AbsFile), W.u32(uint32_t(Args.size()));
  for (auto &A : Args)
    W.str(A);
  return contentHash(W.Buf);
}

bool ResultCache::open(const std::string &Dir, std::string &Err) {
  Root.clear();
  if (Dir.empty())
    return true;
  llvm::SmallString<256> P(Dir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(P)) {
    Err = "cannot use '" + Dir + "' as the cache directory: " + EC.message();
    return false;
  }
  llvm::sys::path::append(P, "v1");
  if (std::error_code EC = llvm::sys::fs::create_directories(P)) {
    Err = "cannot use '" + Dir + "' as the cache directory: " + EC.message();
    return false;
  }
  if (!llvm::sys::fs::is_directory(P) || llvm::sys::fs::access(P, llvm::sys::fs::AccessMode::Write)) {
    Err = "cannot use '" + Dir + "' as the cache directory: not a writable directory";
    return false;
  }
  Root = std::string(P);
  return true;
}

std::string ResultCache::entryPath(const std::string &Key, const std::string &Space) const {
  llvm::SmallString<256> P(Root);
  if (!Space.empty())
    llvm::sys::path::append(P, Space);
  llvm::sys::path::append(P, Key.substr(0, 2), Key);
  return std::string(P);
}

const std::string &ResultCache::currentHash(llvm::StringRef Path) {
  auto [It, New] = Seen.try_emplace(Path);
  if (New) {
    std::string Err;
    if (auto Buf = readRegularFile(Path.str(), MaxEntryBytes, Err))
      It->second = contentHash(Buf->getBuffer());
  }
  return It->second;
}

/// What stampInputs() records and lookups compare: "" when there is no
/// regular file. Also its change time (the later of mtime and ctime).
static std::string statOf(const std::string &Path, int64_t *Changed = nullptr) {
  struct stat St;
  if (::stat(Path.c_str(), &St) != 0 || !S_ISREG(St.st_mode))
    return "";
  int64_t M = int64_t(St.st_mtim.tv_sec) * 1000000000 + St.st_mtim.tv_nsec;
  int64_t C = int64_t(St.st_ctim.tv_sec) * 1000000000 + St.st_ctim.tv_nsec;
  if (Changed)
    *Changed = std::max(M, C);
  return std::to_string(uint64_t(St.st_dev)) + ":" + std::to_string(uint64_t(St.st_ino)) + ":" +
         std::to_string(int64_t(St.st_size)) + ":" + std::to_string(M) + ":" + std::to_string(C);
}

int64_t ResultCache::nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void ResultCache::stampInputs(std::vector<InputFile> &Inputs, int64_t ParseStartNs) {
  // Timestamps are coarse (the file system's clock ticks) and the clock
  // may step: a file changed within this margin of the parse is judged by
  // its contents alone.
  constexpr int64_t MarginNs = 2'000'000'000;
  for (auto &F : Inputs) {
    int64_t Changed = 0;
    std::string S = statOf(F.Path, &Changed);
    F.Stat = !S.empty() && Changed < ParseStartNs - MarginNs ? S : "";
  }
}

const std::string &ResultCache::currentStat(llvm::StringRef Path) {
  auto [It, New] = Stats.try_emplace(Path);
  if (New)
    It->second = statOf(Path.str());
  return It->second;
}

ResultCache::Status ResultCache::lookup(const std::string &Key, CacheEntry &E,
                                       const std::string &Space, bool WantInputs) {
  std::string Path;
  auto Buf = readEntry(Key, Space, Path);
  if (!Buf)
    return Status::Missing;
  // The last field hashes everything before it.
  llvm::StringRef All = Buf->getBuffer();
  WireReader R(All);
  E = CacheEntry();
  std::string M = R.str(), K = R.str();
  bool Sound = !R.Bad && M == Magic && K == Key;
  // The inputs are compared where they lie in the entry (hundreds per
  // entry, the same headers in most: no copies).
  struct InputView {
    llvm::StringRef Path, Hash, Stat;
  };
  std::vector<InputView> Inputs;
  for (uint32_t I = 0, N = Sound ? R.u32() : 0; I < N && !R.Bad; ++I) {
    InputView F;
    F.Path = R.view(), F.Hash = R.view(), F.Stat = R.view();
    Inputs.push_back(F);
  }
  if (Sound) {
    E.Outcome = R.str(), E.FactsName = R.str(), E.Facts = R.str(), E.FactsHash = R.str();
    for (uint32_t I = 0, N = R.u32(); I < N && !R.Bad; ++I)
      E.HeaderFunctions.push_back(R.str());
    Sound = sealed(All, R);
  }
  if (!Sound) {
    E = CacheEntry();
    return Status::Missing;
  }
  for (auto &F : Inputs)
    if ((F.Stat.empty() || currentStat(F.Path) != F.Stat) && currentHash(F.Path) != F.Hash)
      E.Changed.push_back(F.Path.str());
  if (!E.Changed.empty())
    return Status::Stale;
  if (WantInputs)
    for (auto &F : Inputs)
      E.Inputs.push_back({F.Path.str(), F.Hash.str(), F.Stat.str()});
  // Used now: trim() removes the entries used least recently first.
  ::utimensat(AT_FDCWD, Path.c_str(), nullptr, 0);
  return Status::Fresh;
}

std::string ResultCache::trustedStat(llvm::StringRef Path, int64_t Since) {
  constexpr int64_t MarginNs = 2'000'000'000; // as stampInputs()
  int64_t Changed = 0;
  std::string S = statOf(Path.str(), &Changed);
  int64_t Bound = Since ? std::min(Since, nowNs()) : nowNs();
  return !S.empty() && Changed < Bound - MarginNs ? S : "";
}

bool ResultCache::storeBlob(const std::string &Key, const std::string &Space,
                            llvm::StringRef Data) const {
  if (!enabled())
    return false;
  std::string Final = entryPath(Key, Space);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Final)))
    return false;
  // Another run may rename its own complete file for the same key at the
  // same moment: either one is whole.
  return writeFileAtomically(Final, Data);
}

std::unique_ptr<llvm::MemoryBuffer> ResultCache::readEntry(const std::string &Key,
                                                           const std::string &Space,
                                                           std::string &Path) const {
  if (!enabled())
    return nullptr;
  Path = entryPath(Key, Space);
  std::string Err;
  if (!llvm::sys::fs::exists(Path))
    return nullptr;
  return readRegularFile(Path, MaxEntryBytes, Err);
}

std::unique_ptr<llvm::MemoryBuffer> ResultCache::readBlob(const std::string &Key,
                                                          const std::string &Space) const {
  std::string Path;
  auto Buf = readEntry(Key, Space, Path);
  if (Buf)
    ::utimensat(AT_FDCWD, Path.c_str(), nullptr, 0);
  return Buf;
}

void ResultCache::touch(const std::string &Key, const std::string &Space) const {
  if (enabled())
    ::utimensat(AT_FDCWD, entryPath(Key, Space).c_str(), nullptr, 0);
}

uint64_t ResultCache::trim(uint64_t MaxBytes, bool FewStored) const {
  if (!enabled())
    return 0;
  // The size the last walk found, and when (DIR/v1/trimmed): a run that
  // stored a few entries does not walk the cache again within ten minutes
  // of a walk that found it under half its limit.
  llvm::SmallString<256> Stamp(Root);
  llvm::sys::path::append(Stamp, "trimmed");
  constexpr int64_t TenMinutesNs = 600ll * 1000000000;
  if (FewStored && MaxBytes) {
    struct stat St;
    uint64_t Last = 0;
    if (::stat(Stamp.c_str(), &St) == 0 && S_ISREG(St.st_mode)) {
      int64_t M = int64_t(St.st_mtim.tv_sec) * 1000000000 + St.st_mtim.tv_nsec;
      std::string Err;
      auto Buf = readRegularFile(std::string(Stamp), 64, Err);
      if (Buf && !Buf->getBuffer().trim().getAsInteger(10, Last) && nowNs() - M < TenMinutesNs &&
          Last < MaxBytes / 2)
        return 0;
    }
  }
  struct Item {
    int64_t Used;
    uint64_t Size;
    std::string Path;
  };
  std::vector<Item> Items;
  uint64_t Total = 0, Removed = 0;
  int64_t Now = nowNs();
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
       It.increment(EC)) {
    struct stat St;
    if (::lstat(It->path().c_str(), &St) != 0 || !S_ISREG(St.st_mode) || It->path() == Stamp)
      continue;
    int64_t M = int64_t(St.st_mtim.tv_sec) * 1000000000 + St.st_mtim.tv_nsec;
    if (llvm::StringRef(It->path()).contains(".tmp-")) {
      if (Now - M > 3600 * 1000000000ll && !llvm::sys::fs::remove(It->path()))
        Removed += uint64_t(St.st_size);
      continue;
    }
    Total += uint64_t(St.st_size);
    Items.push_back({M, uint64_t(St.st_size), It->path()});
  }
  auto Done = [&] {
    writeFileAtomically(std::string(Stamp), std::to_string(Total) + "\n");
    return Removed;
  };
  if (MaxBytes == 0 || Total <= MaxBytes)
    return Done();
  llvm::sort(Items, [](const Item &A, const Item &B) { return A.Used < B.Used; });
  uint64_t Goal = MaxBytes / 10 * 9;
  for (auto &I : Items) {
    if (Total <= Goal)
      break;
    if (!llvm::sys::fs::remove(I.Path)) {
      Total -= I.Size;
      Removed += I.Size;
    }
  }
  return Done();
}

bool ResultCache::store(const std::string &Key, const CacheEntry &E,
                        const std::string &Space) const {
  if (!enabled())
    return false;
  WireWriter W;
  W.str(Magic), W.str(Key), W.u32(uint32_t(E.Inputs.size()));
  for (auto &F : E.Inputs)
    W.str(F.Path), W.str(F.Hash), W.str(F.Stat);
  W.str(E.Outcome), W.str(E.FactsName), W.str(E.Facts), W.str(contentHash(E.Facts));
  W.u32(uint32_t(E.HeaderFunctions.size()));
  for (auto &H : E.HeaderFunctions)
    W.str(H);
  seal(W);
  return storeBlob(Key, Space, W.Buf);
}
