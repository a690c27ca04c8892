//===- Output.h - text and JSON renderings of a run --------------*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_OUTPUT_H
#define PREEMPTLINT_TOOL_OUTPUT_H

#include "Diagnostic.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace preemptlint {

struct FileError {
  std::string File;
  std::string Message;
};

struct RunResult {
  std::vector<Diagnostic> Diags; // warnings, sorted
  std::vector<Diagnostic> Notes; // budget notes, sorted
  std::vector<FileError> Errors;
  unsigned Files = 0, Functions = 0;
  unsigned SuppressedNolint = 0;   // findings hidden by NOLINT comments
  unsigned SuppressedBaseline = 0; // findings hidden by --baseline
  unsigned FromCache = 0;           // files served by the result cache
  unsigned FromManifest = 0;        // ... of which by the run's manifest (RunManifest.h)
  unsigned SkippedBodies = 0;       // files parsed without unused header bodies
  /// Where the whole-tree link's findings came from: a link, the cache
  /// (the same facts), or the cache with positions moved (LinkReuse.h).
  enum LinkSource { Linked, LinkFromCache, LinkMoved } Link = Linked;
  /// A run over some files of a database: what the whole-tree link knew
  /// of the others, from the cache (Stale: changed since) or not at all.
  bool Partial = false;
  unsigned TreeCached = 0, TreeStale = 0, TreeMissing = 0;
  double Seconds = 0;
  std::string BaseDir; // file names are relative to it
};

void writeText(llvm::raw_ostream &OS, const RunResult &R);
/// Strings that are not valid UTF-8 (file names are bytes) have each
/// invalid byte replaced by U+FFFD, so the document is always valid JSON.
void writeJson(llvm::raw_ostream &OS, const RunResult &R);

/// A file name or message made safe for a terminal and for line-oriented
/// parsing: control characters (newline, escape, ...) and DEL become \xNN.
std::string escapeName(llvm::StringRef S);

} // namespace preemptlint

#endif
