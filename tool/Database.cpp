//===- Database.cpp - compile_commands.json, read as untrusted input ------===//
#include "Database.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include <nlohmann/json.hpp>

using namespace llvm;
using namespace preemptlint;

std::unique_ptr<MemoryBuffer> preemptlint::readRegularFile(const std::string &Path,
                                                           uint64_t MaxBytes,
                                                           std::string &Err) {
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(Path, St)) {
    Err = EC.message();
    return nullptr;
  }
  if (St.type() != sys::fs::file_type::regular_file) {
    Err = "not a regular file";
    return nullptr;
  }
  if (St.getSize() > MaxBytes) {
    Err = "larger than " + std::to_string(MaxBytes >> 20) + " MiB";
    return nullptr;
  }
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false, /*RequiresNullTerminator=*/true);
  if (!Buf) {
    Err = Buf.getError().message();
    return nullptr;
  }
  return std::move(*Buf);
}

std::string preemptlint::absolutePath(const std::string &Base, const std::string &P) {
  SmallString<256> S(P);
  if (sys::path::is_relative(S)) {
    SmallString<256> A(Base);
    sys::path::append(A, P);
    S = A;
  }
  sys::path::remove_dots(S, /*remove_dot_dot=*/true);
  return std::string(S);
}

std::string preemptlint::relativeTo(const std::string &Base, const std::string &Path) {
  if (Base.empty())
    return Path;
  SmallString<256> P(Path);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  StringRef S = P;
  std::string B = Base;
  if (!B.empty() && B.back() != '/')
    B += '/';
  if (S.starts_with(B))
    return S.drop_front(B.size()).str();
  return Path;
}

std::vector<std::string> CompileEntry::arguments() const {
  if (!Args.empty() || Command.empty())
    return Args;
  // A large database's commands are split only for the files analysed.
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 64> Toks;
  cl::TokenizeGNUCommandLine(Command, Saver, Toks);
  return std::vector<std::string>(Toks.begin(), Toks.end());
}

void CommandDatabase::add(CompileEntry E) {
  Index.emplace(E.AbsFile, Entries.size()); // the first entry for a file wins
  Entries.push_back(std::move(E));
}

const CompileEntry *CommandDatabase::lookup(const std::string &AbsFile) const {
  auto It = Index.find(AbsFile);
  return It == Index.end() ? nullptr : &Entries[It->second];
}

std::vector<std::string> CommandDatabase::files() const {
  std::vector<std::string> F;
  for (auto &KV : Index)
    F.push_back(KV.first);
  return F;
}

bool preemptlint::loadDatabase(const std::string &Path, const std::string &Dir,
                               CommandDatabase &DB, std::string &Err) {
  auto Buf = readRegularFile(Path, MaxDatabaseBytes, Err);
  if (!Buf)
    return false;
  return parseDatabase(Buf->getBuffer(), Dir, DB, Err);
}

namespace {

/// Reads the database as a stream of JSON events (no document tree: a
/// kernel's database is 100 MB), checking the schema entry by entry.
class DatabaseReader {
public:
  using json = nlohmann::json;
  DatabaseReader(const std::string &Dir, CommandDatabase &DB) : Dir(Dir), DB(DB) {}

  bool null() { return value(Kind::Other); }
  bool boolean(bool) { return value(Kind::Other); }
  bool number_integer(json::number_integer_t) { return value(Kind::Other); }
  bool number_unsigned(json::number_unsigned_t) { return value(Kind::Other); }
  bool number_float(json::number_float_t, const std::string &) { return value(Kind::Other); }
  bool binary(json::binary_t &) { return value(Kind::Other); }
  bool string(std::string &S) {
    if (Depth == 3 && Key == "arguments") {
      Cur.Args.push_back(std::move(S));
      return true;
    }
    if (Depth == 2) {
      if (Key == "directory")
        Directory = std::move(S), HasDirectory = true;
      else if (Key == "file")
        Cur.File = std::move(S), HasFile = true;
      else if (Key == "command")
        Cur.Command = std::move(S), HasCommand = true;
      else if (Key == "arguments")
        ArgsOk = false;
      return true;
    }
    return value(Kind::Other);
  }
  bool start_object(std::size_t) {
    if (Depth == 0)
      return fail("expected a JSON array of compile commands");
    if (Depth == 1)
      startEntry();
    else if (!value(Kind::Container))
      return false;
    ++Depth;
    return true;
  }
  bool end_object() {
    if (--Depth == 1)
      return finishEntry();
    return true;
  }
  bool start_array(std::size_t) {
    if (Depth == 1)
      return fail(where() + " needs string \"directory\" and \"file\"");
    if (Depth == 2 && Key == "arguments") {
      HasArgs = true;
      Cur.Args.clear();
      ArgsOk = true;
    } else if (Depth > 0 && !value(Kind::Container)) {
      return false;
    }
    ++Depth;
    return true;
  }
  bool end_array() {
    --Depth;
    return true;
  }
  bool key(std::string &K) {
    if (Depth == 2)
      Key = K;
    return true;
  }
  bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) {
    Syntax = true;
    return false;
  }

  std::string Err;
  bool Syntax = false;
  bool SawArray = false;

private:
  enum class Kind { Other, Container };

  /// A scalar or container value that is not a string.
  bool value(Kind K) {
    if (Depth == 0)
      return fail("expected a JSON array of compile commands");
    if (Depth == 1)
      return fail(where() + " needs string \"directory\" and \"file\"");
    if (Depth == 2) {
      if (Key == "directory")
        HasDirectory = false, BadDirectory = true;
      else if (Key == "file")
        HasFile = false, BadFile = true;
      else if (Key == "command")
        HasCommand = false;
      else if (Key == "arguments")
        ArgsOk = false;
    } else if (Depth == 3 && Key == "arguments") {
      ArgsOk = false;
    }
    (void)K;
    return true;
  }
  std::string where() const { return "entry " + std::to_string(Index); }
  bool fail(const std::string &Why) {
    if (Err.empty())
      Err = Why;
    return false;
  }
  void startEntry() {
    Cur = CompileEntry();
    Directory.clear();
    Key.clear();
    HasDirectory = HasFile = HasCommand = HasArgs = BadDirectory = BadFile = false;
    ArgsOk = false;
  }
  bool finishEntry() {
    if (!HasDirectory || !HasFile || BadDirectory || BadFile)
      return fail(where() + " needs string \"directory\" and \"file\"");
    bool Args = HasArgs && ArgsOk && !Cur.Args.empty();
    if (!HasCommand && !Args)
      return fail(where() + " needs a \"command\" string or an \"arguments\" array of strings");
    if (Args)
      Cur.Command.clear();
    else
      Cur.Args.clear();
    Cur.Directory = absolutePath(Dir, Directory);
    if (Cur.File.empty() || Cur.File.find('\0') != std::string::npos ||
        Cur.Directory.find('\0') != std::string::npos)
      return fail(where() + " has an empty file name or a NUL byte in a name");
    if (Cur.Args.empty() && StringRef(Cur.Command).trim().empty())
      return fail(where() + " has an empty command");
    Cur.AbsFile = absolutePath(Cur.Directory, Cur.File);
    DB.add(std::move(Cur));
    ++Index;
    return true;
  }

  const std::string &Dir;
  CommandDatabase &DB;
  unsigned Depth = 0;
  size_t Index = 0;
  std::string Key, Directory;
  CompileEntry Cur;
  bool HasDirectory = false, HasFile = false, HasCommand = false, HasArgs = false;
  bool BadDirectory = false, BadFile = false, ArgsOk = false;
};

} // namespace

bool preemptlint::parseDatabase(StringRef Text, const std::string &Dir, CommandDatabase &DB,
                                std::string &Err) {
  DatabaseReader R(Dir, DB);
  bool OK = nlohmann::json::sax_parse(Text.begin(), Text.end(), &R);
  if (!OK) {
    // A document that is not JSON at all says so; a schema error found
    // before a later syntax error is reported as the schema error.
    Err = R.Syntax && R.Err.empty() ? "not valid JSON" : R.Err;
    return false;
  }
  if (DB.size() == 0) {
    Err = "no compile commands (the array is empty)";
    return false;
  }
  return true;
}

/// Loads the compilation database Given names (a directory holding
/// compile_commands.json, or the file); BaseDir becomes its directory.
bool preemptlint::loadDatabaseAt(const std::string &Given, const std::string &Cwd, CommandDatabase &DB,
                   std::string &BaseDir, std::string &Err) {
  std::string P = absolutePath(Cwd, Given);
  std::string F = P;
  if (llvm::sys::fs::is_directory(P)) {
    llvm::SmallString<256> J(P);
    llvm::sys::path::append(J, "compile_commands.json");
    F = std::string(J);
    if (!llvm::sys::fs::exists(F)) {
      Err = "no compile_commands.json in '" + Given + "'";
      return false;
    }
    BaseDir = P;
  } else if (llvm::sys::fs::exists(P)) {
    BaseDir = std::string(llvm::sys::path::parent_path(P));
  } else {
    Err = "build directory '" + Given + "' does not exist";
    return false;
  }
  std::string ReadErr;
  if (!readRegularFile(F, MaxDatabaseBytes, ReadErr)) {
    Err = "cannot read compilation database '" + F + "': " + ReadErr;
    return false;
  }
  std::string LoadErr;
  if (!loadDatabase(F, BaseDir, DB, LoadErr)) {
    Err = "malformed compilation database '" + F + "': " + LoadErr;
    return false;
  }
  return true;
}
