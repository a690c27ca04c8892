//===- Runner.h - analyse files of a compilation database ------*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_RUNNER_H
#define PREEMPTLINT_TOOL_RUNNER_H

#include "Database.h"
#include "Driver.h"
#include "Output.h"
#include <map>

namespace preemptlint {
class ResultCache;
}

namespace preemptlint {

/// -j above this is a usage error: each job is a process and a pipe.
constexpr unsigned MaxJobs = 1024;

struct RunnerOptions {
  LintConfig Lint;
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0; // per file; 0 = none
  std::string BaseDir;         // file names below it are printed relative to it
  bool Progress = false;
  /// When set (and enabled), a file whose entry is fresh is not analysed
  /// again, and every analysed file stores its entry. Owned by the caller.
  ResultCache *Cache = nullptr;
  std::string CacheSalt; // keySalt() of the run
  /// A file whose entry is stale only because the file itself changed is
  /// parsed without the bodies of header functions its analysis did not
  /// look into last time (LintConfig::KeepBodies).
  bool SkipUnusedBodies = true;
};

/// The cache key of File's compile command E under O (Cache.h).
std::string cacheKeyFor(const CompileEntry &E, const std::string &AbsFile, const RunnerOptions &O);

/// Analyses Files (absolute, distinct), each with its entry in DB, in
/// worker processes (at most O.Jobs at a time), and collects sorted
/// results. A crash, a stack overflow or a timeout in one file's worker is
/// an error for that file; the run goes on. Compile commands are
/// sanitised first (CommandSanitizer.h); each dropped flag kind is warned
/// about once on stderr. With Tree, what the whole-tree link needs beside
/// O.Lint.FactsDir goes there.
struct TreeFactsOut {
  /// Set: the facts of files served by the cache go to Cached instead of
  /// into O.Lint.FactsDir (analysed files still write theirs there).
  bool CachedInMemory = false;
  std::vector<FactsText> Cached;
  /// Facts of Cached left empty, served by the run's manifest: the cache
  /// key of the entry that holds each (by Origin), read only if the link
  /// must run (linkWholeTree()).
  std::map<std::string, std::string> Lazy;
  std::map<std::string, std::string> LazySource; // ... and the source file of each
  /// The earlier facts of files analysed again because their entries were
  /// stale (named as the new facts files are).
  std::vector<FactsText> Previous;
};
RunResult runFiles(const CommandDatabase &DB, const std::vector<std::string> &Files,
                   const RunnerOptions &O, std::string *DumpOut, TreeFactsOut *Tree = nullptr);

} // namespace preemptlint

#endif
