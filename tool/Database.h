//===- Database.h - compile_commands.json, read as untrusted input -*- C++ -*-===//
#ifndef PREEMPTLINT_TOOL_DATABASE_H
#define PREEMPTLINT_TOOL_DATABASE_H

#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace preemptlint {

/// Reads Path if it is a regular file of at most MaxBytes (FIFOs, devices
/// and directories are refused: they can block or never end). On failure
/// returns null and sets Err to a one-line reason.
std::unique_ptr<llvm::MemoryBuffer> readRegularFile(const std::string &Path,
                                                    uint64_t MaxBytes, std::string &Err);

/// Caps on the inputs that are read whole.
constexpr uint64_t MaxDatabaseBytes = 1ull << 30; // 1 GiB
constexpr uint64_t MaxModelBytes = 64ull << 20;   // 64 MiB

struct CompileEntry {
  std::string Directory;          // absolute
  std::string File;               // as the entry names it
  std::string AbsFile;            // absolute, '.' and '..' removed
  std::vector<std::string> Args;  // argv[0] first, not yet sanitised ("arguments")
  std::string Command;            // or the "command" string, split when needed

  /// The command line, argv[0] first, not yet sanitised.
  std::vector<std::string> arguments() const;
};

/// The entries of a compilation database, indexed by absolute file name.
/// File names are used byte for byte: no separator conversion, so a
/// backslash stays part of the name.
class CommandDatabase {
public:
  void add(CompileEntry E);
  /// The first entry for an absolute, dot-free file name, or null.
  const CompileEntry *lookup(const std::string &AbsFile) const;
  /// Every distinct file, sorted.
  std::vector<std::string> files() const;
  size_t size() const { return Entries.size(); }

private:
  std::vector<CompileEntry> Entries;
  std::map<std::string, size_t> Index;
};

/// Loads compile_commands.json. The document must be an array of objects
/// with string "directory" and "file" and a "command" string or an
/// "arguments" array of strings. A relative "directory" is taken relative
/// to Dir, the database's own directory. Err is one line.
bool loadDatabase(const std::string &Path, const std::string &Dir, CommandDatabase &DB,
                  std::string &Err);
/// The same, from the document's text.
bool parseDatabase(llvm::StringRef Text, const std::string &Dir, CommandDatabase &DB,
                   std::string &Err);

/// An absolute, dot-free version of P (relative to Base when relative).
std::string absolutePath(const std::string &Base, const std::string &P);
/// Path relative to Base when it lies below it (the names findings carry),
/// else Path unchanged.
std::string relativeTo(const std::string &Base, const std::string &Path);

/// Loads the compilation database Given names (a directory holding
/// compile_commands.json, or the file itself; relative to Cwd); BaseDir
/// becomes its directory. False with a one-line Err.
bool loadDatabaseAt(const std::string &Given, const std::string &Cwd, CommandDatabase &DB,
                    std::string &BaseDir, std::string &Err);

} // namespace preemptlint

#endif
