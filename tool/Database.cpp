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

bool preemptlint::parseDatabase(StringRef Text, const std::string &Dir, CommandDatabase &DB,
                                std::string &Err) {
  nlohmann::json Doc = nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded()) {
    Err = "not valid JSON";
    return false;
  }
  if (!Doc.is_array()) {
    Err = "expected a JSON array of compile commands";
    return false;
  }
  size_t I = 0;
  for (auto &E : Doc) {
    std::string Where = "entry " + std::to_string(I++);
    if (!E.is_object() || !E.contains("directory") || !E["directory"].is_string() ||
        !E.contains("file") || !E["file"].is_string()) {
      Err = Where + " needs string \"directory\" and \"file\"";
      return false;
    }
    bool HasCmd = E.contains("command") && E["command"].is_string();
    bool HasArgs = E.contains("arguments") && E["arguments"].is_array() &&
                   !E["arguments"].empty() &&
                   std::all_of(E["arguments"].begin(), E["arguments"].end(),
                               [](const nlohmann::json &A) { return A.is_string(); });
    if (!HasCmd && !HasArgs) {
      Err = Where + " needs a \"command\" string or an \"arguments\" array of strings";
      return false;
    }
    CompileEntry C;
    C.Directory = absolutePath(Dir, E["directory"].get<std::string>());
    C.File = E["file"].get<std::string>();
    if (C.File.empty() || C.File.find('\0') != std::string::npos ||
        C.Directory.find('\0') != std::string::npos) {
      Err = Where + " has an empty file name or a NUL byte in a name";
      return false;
    }
    C.AbsFile = absolutePath(C.Directory, C.File);
    if (HasArgs) {
      for (auto &A : E["arguments"])
        C.Args.push_back(A.get<std::string>());
    } else {
      BumpPtrAllocator Alloc;
      StringSaver Saver(Alloc);
      SmallVector<const char *, 64> Toks;
      std::string Cmd = E["command"].get<std::string>();
      cl::TokenizeGNUCommandLine(Cmd, Saver, Toks);
      C.Args.assign(Toks.begin(), Toks.end());
    }
    if (C.Args.empty()) {
      Err = Where + " has an empty command";
      return false;
    }
    DB.add(std::move(C));
  }
  if (DB.size() == 0) {
    Err = "no compile commands (the array is empty)";
    return false;
  }
  return true;
}
