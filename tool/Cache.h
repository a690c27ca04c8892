//===- Cache.h - results and summaries of files, keyed by what made them -*- C++ -*-===//
//
// A content-addressed store, one file per analysed source file, written
// atomically (a temporary file renamed into place, as ccache does):
//
//   DIR/v1/ab/abcdef...        the entry of key abcdef...
//   DIR/v1/link/ab/abcdef...   the findings of a whole-tree link
//
// The key hashes what is known before the parse: the tool (its executable),
// the model files, the options that change results, the base directory,
// the command's directory, its sanitised arguments and the file's name.
// The entry records every file the parse read with the hash of what it
// read; it is fresh only while each of them still has that content (a
// file whose status -- device, inode, size, modification and change time
// -- is as recorded is not read again, as git's index does). An
// entry carries the file's outcome (findings, counts) and its whole-tree
// facts, and ends with a hash of all that precedes it: a truncated,
// corrupt, foreign-version or half-written entry fails that check and is
// rebuilt, never trusted.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_CACHE_H
#define PREEMPTLINT_TOOL_CACHE_H

#include "Driver.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace preemptlint {

struct CacheEntry {
  std::vector<InputFile> Inputs; // absolute paths (store(); lookup() leaves it empty)
  std::string Outcome;           // the worker's reply (Runner.cpp)
  std::string FactsName, Facts;  // the file's whole-tree facts
  std::string FactsHash;         // contentHash(Facts), kept by store()
  std::vector<std::string> HeaderFunctions; // TUResult::HeaderFunctions
  std::vector<std::string> Changed;         // lookup(): inputs that changed since
};

class ResultCache {
public:
  enum class Status { Missing, Stale, Fresh };

  /// Dir empty: disabled. Creates DIR/v1; false (Err set) when it cannot.
  bool open(const std::string &Dir, std::string &Err);
  bool enabled() const { return !Root.empty(); }

  /// Salt: what every key of the run shares (see keySalt).
  static std::string key(const std::string &Salt, const std::string &Directory,
                         const std::vector<std::string> &Args, const std::string &AbsFile);

  /// Reads the entry of Key. Fresh when every input still hashes as
  /// recorded; Stale when some input changed or vanished (E is filled
  /// either way); Missing when there is no entry or it is not sound.
  /// Space: a subdirectory of the cache for keys of another kind ("link").
  /// WantInputs: E.Inputs gets the entry's inputs (path, hash, status).
  Status lookup(const std::string &Key, CacheEntry &E, const std::string &Space = "",
                bool WantInputs = false);
  /// Writes the entry of Key atomically; false when it could not (a full
  /// disk, a read-only directory): the run goes on without it.
  bool store(const std::string &Key, const CacheEntry &E, const std::string &Space = "") const;

  /// A blob of the run's own format (RunManifest.h) under Space/Key,
  /// written atomically; its soundness is the caller's to check.
  bool storeBlob(const std::string &Key, const std::string &Space, llvm::StringRef Data) const;
  std::unique_ptr<llvm::MemoryBuffer> readBlob(const std::string &Key,
                                               const std::string &Space) const;
  /// Marks the entry of Key used now (trim() keeps it longer).
  void touch(const std::string &Key, const std::string &Space = "") const;
  /// Path's status now (InputFile::Stat), "" when it is no regular file or
  /// changed too recently to vouch for its contents (stampInputs()): within
  /// the margin before now, or before Since when given (a run's start: what
  /// the run judged by contents must not have changed since).
  std::string trustedStat(llvm::StringRef Path, int64_t Since = 0);

  /// Keeps the cache within MaxBytes (0: no limit): removes the entries
  /// used least recently (a lookup that serves an entry marks it used)
  /// until the cache holds at most 90% of MaxBytes, and temporary files
  /// older than an hour (left by a killed run). Another run may use the
  /// cache meanwhile: a removed entry is rebuilt by whoever needs it.
  /// FewStored: the run stored a few entries (an edit's re-run); then the
  /// walk is skipped within ten minutes of one that found the cache under
  /// half of MaxBytes. Returns the bytes removed.
  uint64_t trim(uint64_t MaxBytes, bool FewStored = false) const;

  /// Records the file status of each input (InputFile::Stat), so that a
  /// later lookup trusts an input whose status is unchanged without
  /// reading it. An input changed (by its modification or change time)
  /// after ParseStart minus a margin is left without: it may have changed
  /// while it was read, so only its contents can vouch for it.
  static void stampInputs(std::vector<InputFile> &Inputs, int64_t ParseStartNs);
  /// The wall clock, in the nanoseconds stampInputs() takes.
  static int64_t nowNs();

private:
  std::string entryPath(const std::string &Key, const std::string &Space) const;
  /// The file under Space/Key (Path: its name), if it is a regular file.
  std::unique_ptr<llvm::MemoryBuffer> readEntry(const std::string &Key, const std::string &Space,
                                                std::string &Path) const;
  const std::string &currentHash(llvm::StringRef Path);
  const std::string &currentStat(llvm::StringRef Path);
  std::string Root;                        // DIR/v1
  llvm::StringMap<std::string> Seen;  // path -> hash now ("" unreadable)
  llvm::StringMap<std::string> Stats; // path -> status now ("" none)
};

/// What every key of a run shares: the cache format, the tool's
/// executable, the model texts and the options that change results
/// (OptionText), the base directory.
std::string keySalt(const std::vector<std::string> &ModelTexts, const std::string &OptionText,
                    const std::string &BaseDir);

/// $XDG_CACHE_HOME/preemptlint, else $HOME/.cache/preemptlint; empty when
/// neither is set.
std::string defaultCacheDir();

} // namespace preemptlint

#endif
