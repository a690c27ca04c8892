//===- Cache.h - results and summaries of files, keyed by what made them -*- C++ -*-===//
//
// A content-addressed store, one file per analysed source file, written
// atomically (a temporary file renamed into place, as ccache does):
//
//   DIR/v1/ab/abcdef...   the entry of key abcdef...
//
// The key hashes what is known before the parse: the tool (its executable),
// the model files, the options that change results, the base directory,
// the command's directory, its sanitised arguments and the file's name.
// The entry records every file the parse read with the hash of what it
// read; it is fresh only while each of them still has that content. An
// entry carries the file's outcome (findings, counts) and its whole-tree
// facts, and ends with a hash of all that precedes it: a truncated,
// corrupt, foreign-version or half-written entry fails that check and is
// rebuilt, never trusted.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_CACHE_H
#define PREEMPTLINT_TOOL_CACHE_H

#include "Driver.h"
#include <map>
#include <string>
#include <vector>

namespace preemptlint {

struct CacheEntry {
  std::vector<InputFile> Inputs; // absolute paths
  std::string Outcome;           // the worker's reply (Runner.cpp)
  std::string FactsName, Facts;  // the file's whole-tree facts
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
  Status lookup(const std::string &Key, CacheEntry &E);
  /// Writes the entry of Key atomically; false when it could not (a full
  /// disk, a read-only directory): the run goes on without it.
  bool store(const std::string &Key, const CacheEntry &E) const;

private:
  std::string entryPath(const std::string &Key) const;
  const std::string &currentHash(const std::string &Path);
  std::string Root;                        // DIR/v1
  std::map<std::string, std::string> Seen; // path -> hash now ("" unreadable)
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
