//===- AtomicWrite.cpp - a file written whole or not at all ---------------===//
#include "AtomicWrite.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

bool preemptlint::writeFileAtomically(const std::string &Path, llvm::StringRef Data,
                                      std::string *Err) {
  llvm::SmallString<256> Tmp;
  int FD;
  std::error_code EC = llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Tmp);
  if (!EC) {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Data;
    OS.close();
    if (OS.has_error()) {
      EC = OS.error();
      OS.clear_error();
    }
    if (!EC)
      EC = llvm::sys::fs::rename(Tmp, Path);
    if (EC)
      llvm::sys::fs::remove(Tmp);
  }
  if (EC && Err)
    *Err = EC.message();
  return !EC;
}
