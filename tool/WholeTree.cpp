//===- WholeTree.cpp - link the files of a run across functions -----------===//
#include "WholeTree.h"

#include "Database.h"
#include "Suppressions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <memory>

using namespace preemptlint;

std::string preemptlint::makeFactsDir(std::string &Err) {
  llvm::SmallString<128> P;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("preemptlint-facts", P)) {
    Err = "cannot create a directory for whole-tree facts: " + EC.message();
    return "";
  }
  return std::string(P);
}

void preemptlint::removeFactsDir(const std::string &Dir) {
  if (!Dir.empty())
    llvm::sys::fs::remove_directories(Dir, /*IgnoreErrors=*/true);
}

void preemptlint::linkWholeTree(const LintConfig &C, const std::string &Dir, RunResult &R) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".facts.json"))
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  TreeResult T = linkFacts(C, Files);

  std::string Base = R.BaseDir;
  if (!Base.empty() && Base.back() != '/')
    Base += '/';
  auto Relative = [&](std::string &F) {
    if (!Base.empty() && llvm::StringRef(F).starts_with(Base))
      F = F.substr(Base.size());
  };
  std::map<std::string, std::unique_ptr<NolintIndex>> Nolint;
  for (auto &D : T.Diags) {
    auto &Idx = Nolint[D.File];
    if (!Idx) {
      std::string Err;
      auto Buf = readRegularFile(D.File, 1ull << 30, Err);
      Idx = std::make_unique<NolintIndex>(Buf ? Buf->getBuffer() : "");
    }
    if (Idx->suppressed(D.Line, D.Check)) {
      ++R.SuppressedNolint;
      continue;
    }
    Relative(D.File);
    for (auto &N : D.Notes)
      Relative(N.File);
    R.Diags.push_back(std::move(D));
  }
  for (auto &E : T.Errors)
    R.Errors.push_back({Dir, E});
  std::sort(R.Diags.begin(), R.Diags.end());
}
