//===- WholeTree.h - link the files of a run across functions -*- C++ -*-===//
//
// Each file's worker writes its TreeFacts into a directory private to the
// run; after every file is done the facts are linked (checks/Driver.h,
// linkFacts) and the cross-function findings join the run's, named and
// suppressed (NOLINT) like the files' own.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_WHOLETREE_H
#define PREEMPTLINT_TOOL_WHOLETREE_H

#include "Driver.h"
#include "Output.h"
#include "Runner.h"
#include <functional>
#include <map>
#include <set>
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace preemptlint {

/// A new private directory for a run's facts; empty (and Err set) on failure.
std::string makeFactsDir(std::string &Err);
void removeFactsDir(const std::string &Dir);

/// Facts a run's manifest served by name and hash only (Text empty): the
/// cache key of the entry that holds each, by Origin, and what to do for
/// those whose entry cannot give them (Reanalyse: analyses their source
/// files again, given by Origin, and returns their new facts).
struct LazyFacts {
  std::map<std::string, std::string> Keys;
  std::function<std::vector<FactsText>(const std::vector<std::string> &Origins)> Reanalyse;
};

/// Links the facts files Facts and adds the findings to R (sorted); a
/// facts file that cannot be read is an error of Where. A finding in one of
/// NotReported (files known only from the cache in a run over some files of
/// a database) is left out. With a cache, the link's findings are kept
/// under a key of Salt and the exact facts it read: a run whose facts are
/// all as before (an unchanged tree) reuses them instead of linking again,
/// and so does a run whose files analysed again (Previous: their earlier
/// facts) only moved their positions (LinkReuse.h).
void linkWholeTree(const LintConfig &C, std::vector<FactsText> Facts,
                   const std::string &Where, RunResult &R,
                   const std::set<std::string> &NotReported = {},
                   ResultCache *Cache = nullptr, const std::string &Salt = "",
                   const std::vector<FactsText> &Previous = {},
                   const LazyFacts *Lazy = nullptr);

/// A run over some files of a database: adds the cached facts of Others
/// (the database's other files) to Facts and counts in R what was fresh,
/// stale or missing.
void takeCachedFacts(const CommandDatabase &DB, const std::vector<std::string> &Others,
                     const RunnerOptions &O, RunResult &R, std::vector<FactsText> &Facts);

/// Prints why the tree sees function Name as it does (--explain): its
/// definitions, may-sleep and per-CPU chains, exit effects and callers.
/// Returns false when no file of the run defines it.
bool explainWholeTree(const LintConfig &C, const std::string &Dir, const std::string &Name,
                      const std::string &BaseDir, llvm::raw_ostream &OS);

} // namespace preemptlint

#endif
