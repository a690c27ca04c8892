//===- CommandMemo.h - sanitised commands kept between runs -----*- C++ -*-===//
//
// What sanitising a database's commands gave (CommandSanitizer.h): each
// file's cache key and the kinds of flags dropped, kept in the cache
// (DIR/v1/commands/KEY) under a key that hashes the run's salt and every
// command as the database wrote it. The next run over the same commands
// reads it instead of parsing every command line again; a file that must
// be analysed has its command sanitised then. The sanitiser's answer also
// depends on the type of the forced includes it looked at: each is
// recorded and looked at again, and a change leaves the memo unused. A
// database whose commands read response files is not kept. The memo ends
// with a hash of all that precedes it: a truncated or corrupt one is
// ignored.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_COMMANDMEMO_H
#define PREEMPTLINT_TOOL_COMMANDMEMO_H

#include "Cache.h"
#include "CommandSanitizer.h"
#include "Database.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <string>
#include <vector>

namespace preemptlint {

class CommandMemo {
public:
  struct File {
    std::string Key;                          // the file's cache key
    std::map<std::string, DropReason> Dropped; // as SanitizeResult::Dropped
  };

  /// The key of the commands of Entries (one per file, in the run's order).
  static std::string keyFor(const std::string &Salt,
                            const std::vector<const CompileEntry *> &Entries);

  /// Reads the memo of Key; false (and empty) when there is none, it is not
  /// sound, or a forced include it recorded changed type.
  bool load(const ResultCache &C, const std::string &Key);
  const File *find(const std::string &AbsFile) const;

  /// Records a file's sanitised command (before store()).
  void add(const std::string &AbsFile, const std::string &Key, const SanitizeResult &S);
  /// Writes the memo of Key, unless a command read a response file.
  bool store(const ResultCache &C, const std::string &Key) const;

private:
  llvm::StringMap<File> Files;
  std::map<std::string, bool> Forced; // forced include -> regular (or missing)
  bool Unkept = false;
};

} // namespace preemptlint

#endif
