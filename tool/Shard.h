//===- Shard.h - one run split over machines, and merged --------*- C++ -*-===//
//
//   preemptlint -p build --shard K/N --facts-dir out/K     (N jobs, anywhere)
//   preemptlint --merge out/1 ... out/N                    (one job)
//
// A shard analyses a stable subset of the database's files (by a hash of
// each file's name), files their whole-tree facts in the facts directory
// and writes its per-file results beside them (shard-K-of-N.bin); it does
// not link. The merge reads every shard, checks that they are the N parts
// of one run, links all their facts and reports as one run would.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_SHARD_H
#define PREEMPTLINT_TOOL_SHARD_H

#include "Output.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace preemptlint {

struct ShardSpec {
  unsigned K = 0, N = 0; // 1 <= K <= N; N = 0: no sharding
};

/// Parses "K/N"; false when it is not two numbers with 1 <= K <= N <= 10000.
bool parseShard(llvm::StringRef S, ShardSpec &Out);
/// Whether the file named Name (relative to the database directory) is in
/// shard S: the same answer on every machine and in every run.
bool inShard(llvm::StringRef Name, const ShardSpec &S);

/// Writes R (per-file results, before any link) as shard S into Dir;
/// Identity says how the run was made (the tool, model and options).
bool writeShard(const std::string &Dir, const ShardSpec &S, const std::string &Identity,
                const RunResult &R, std::string &Err);
/// Reads the shards in Dirs into R (results concatenated and sorted) and
/// lists their facts files. Fails (Err) on a directory without a shard, a
/// damaged or foreign shard file, shards of different runs (N, the base
/// directory), shards made otherwise than the merge would make them (another
/// tool, model or result-changing option than Identity), a shard given twice
/// or a missing part.
bool readShards(const std::vector<std::string> &Dirs, const std::string &Identity, RunResult &R,
                std::vector<std::string> &FactsFiles, std::string &Err);

} // namespace preemptlint

#endif
