//===- RunManifest.h - what a run over a database was served ---*- C++ -*-===//
//
// One small file per run of a database with a cache (DIR/v1/runs/KEY, the
// key a hash of the run's salt and of every file's cache key): for each
// file, the outcome its fresh entry gave, its facts' name and hash, and
// which files the parse read, each with its status (device, inode, size,
// modification and change time) once for the whole run. The next run over
// the same files stats each distinct input once and serves every file whose
// inputs all kept their status from the manifest alone, without reading its
// entry: an unchanged tree of 824 files costs a few thousand stat() calls
// instead of reading and hashing every entry. The facts themselves stay in
// the entries; the link reads them only when it cannot be served from the
// cache (WholeTree.h). A file with an input changed too recently to vouch
// for, or none recorded, is left to its entry. The manifest ends with a hash
// of all that precedes it: a truncated or corrupt one is ignored.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_RUNMANIFEST_H
#define PREEMPTLINT_TOOL_RUNMANIFEST_H

#include "Cache.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace preemptlint {

struct ManifestFile {
  std::string Outcome;             // the worker's reply (Runner.cpp)
  std::string FactsName, FactsHash;
  std::vector<uint32_t> Inputs;    // into the manifest's input table
};

class RunManifest {
public:
  /// The key of a run over the files whose cache keys are FileKeys.
  static std::string keyFor(const std::string &Salt, std::vector<std::string> FileKeys);

  /// Reads the manifest of Key; false (and empty) when there is none or it
  /// is not sound.
  bool load(ResultCache &C, const std::string &Key);
  /// The record of the file of cache key K when every input it read still
  /// has its recorded status (each input is stat()ed once per run).
  const ManifestFile *fresh(const std::string &K);

  /// Whether the files served from this manifest should mark their entries
  /// used (ResultCache::touch(), which trim() reads): once an hour, not on
  /// every run (a thousand-file tree costs a thousand utimensat() calls).
  bool touchDue() const;
  /// Starts from the input table of From (the manifest this run loaded),
  /// so that keep() copies a record without looking its inputs up again;
  /// the entries count as marked used now when From's were due.
  void startFrom(const RunManifest &From);
  /// Records the file of cache key K as served from From (startFrom(From)).
  void keep(const std::string &K, const RunManifest &From);
  /// Records the file of cache key K from its fresh cache entry E (with
  /// its inputs), judged fresh by a run that started at RunStartNs; false
  /// when some input changed since (or within the margin before): its
  /// status now may not be the one of the contents that were judged.
  bool add(const std::string &K, const CacheEntry &E, ResultCache &C, int64_t RunStartNs);
  size_t size() const { return Files.size(); }
  bool store(const ResultCache &C, const std::string &Key) const;

private:
  uint32_t input(llvm::StringRef Path, const std::string &Stat);
  ResultCache *Cache = nullptr;  // of load(): for the inputs' status now
  std::vector<std::string> Paths, Stats;
  llvm::StringMap<uint32_t> Index;
  int64_t TouchedNs = 0;         // when its files' entries were last marked used
  std::vector<int8_t> Same;      // load(): -1 not yet stat()ed, 0 changed, 1 kept
  std::map<std::string, ManifestFile> Files;
  llvm::StringMap<std::string> Now; // add(): status now, by path
};

} // namespace preemptlint

#endif
