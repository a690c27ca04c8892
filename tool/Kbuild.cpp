//===- Kbuild.cpp - preemptlint as Kbuild's source checker ----------------===//
#include "Kbuild.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>

using namespace llvm;

namespace {

/// Sparse's own flags (CHECKFLAGS and the common CF choices) that mean
/// nothing, or something else, to clang.
bool isSparseOnly(StringRef A) {
  static const char *const Exact[] = {
      "-Wbitwise", "-Wno-bitwise", "-Wreturn-void", "-Wno-return-void",
      "-Wunknown-attribute", "-Wno-unknown-attribute", "-Wcontext", "-Wno-context",
      "-Waddress-space", "-Wno-address-space", "-Wcast-to-as", "-Wno-cast-to-as",
      "-Wptr-subtraction-blows", "-Wdefault-bitfield-sign", "-Wone-bit-signed-bitfield",
      "-Wtransparent-union", "-Wtypesign", "-Wdecl", "-Wno-decl", "-Wflexible-array-array",
      "-Wenum-mismatch", "-Wno-enum-mismatch", "-Wdo-while", "-Wnon-pointer-null",
      "-Wno-non-pointer-null", "-Wconstexpr-not-const", "-Wshadow-all",
      "-mlittle-endian", "-mbig-endian", "-D__CHECKER__", "-D__CHECK_ENDIAN__",
      "-Wcast-truncate", "-Wno-cast-truncate", "-Wuninitialized-sparse",
  };
  for (const char *E : Exact)
    if (A == E)
      return true;
  return A.starts_with("--arch=") || A.starts_with("-Wsparse") ||
         A.starts_with("-Wno-sparse") || A.starts_with("-D__CHECKER__=") ||
         A.starts_with("-gcc-base-dir") || A.starts_with("-multiarch-dir");
}

/// preemptlint options that may come in through CF.
bool isToolOption(StringRef A) {
  static const char *const Prefixes[] = {"--checks=", "--preempt-model=", "--model=",
                                         "--core-paths=", "--format=", "--budget=",
                                         "--tree-db=", "--cache-dir="};
  if (A == "--no-cache")
    return true;
  for (const char *P : Prefixes)
    if (A.starts_with(P))
      return true;
  return false;
}

} // namespace

bool preemptlint::rewriteKbuildInvocation(std::vector<std::string> &Args, bool *Werror) {
  if (Args.size() < 3)
    return false;
  StringRef File = Args.back();
  if (!File.ends_with(".c"))
    return false;
  bool Kernelish = false;
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--" || A == "-p" || A.starts_with("-p=") || A == "--list-checks")
      return false; // the tool's own command lines
    if (A == "-D__KERNEL__" || A.starts_with("--arch=") || A == "-Wbitwise")
      Kernelish = true;
  }
  if (!Kernelish)
    return false;

  std::vector<std::string> Opts, Flags;
  bool WantWerror = false;
  for (size_t I = 1; I + 1 < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--kbuild-werror")
      WantWerror = true;
    else if (isToolOption(A))
      Opts.push_back(A.str());
    else if (isSparseOnly(A))
      continue;
    else if (A.starts_with("-Wp,-MD") || A.starts_with("-Wp,-MMD"))
      continue; // the compiler's dependency file is not ours to write
    else
      Flags.push_back(A.str());
  }
  std::vector<std::string> Out;
  Out.push_back(Args[0]);
  Out.insert(Out.end(), Opts.begin(), Opts.end());
  Out.push_back(File.str());
  Out.push_back("--");
  Out.insert(Out.end(), Flags.begin(), Flags.end());
  Args = std::move(Out);
  if (Werror)
    *Werror = WantWerror;
  return true;
}

int preemptlint::runKbuildInvocation(int argc, const char **argv) {
  std::vector<std::string> Args(argv, argv + argc);
  bool Werror = false;
  if (!rewriteKbuildInvocation(Args, &Werror))
    return -1;
  if (const char *E = std::getenv("PREEMPTLINT_KBUILD_WERROR"))
    Werror = Werror || (*E && StringRef(E) != "0");
  std::string Exe = sys::fs::getMainExecutable(argv[0], (void *)&runKbuildInvocation);
  std::vector<StringRef> Argv(Args.begin(), Args.end());
  // The child's stderr goes through a file so that the per-file summary
  // line, noise in a build log, is left out.
  SmallString<128> ErrFile;
  int FD;
  if (sys::fs::createTemporaryFile("preemptlint-kbuild", "err", FD, ErrFile)) {
    errs() << "preemptlint: error: cannot create a temporary file\n";
    return Werror ? 2 : 0;
  }
  sys::Process::SafelyCloseFileDescriptor(FD);
  std::optional<StringRef> Redirects[] = {std::nullopt, std::nullopt, StringRef(ErrFile)};
  std::string ErrMsg;
  int RC = sys::ExecuteAndWait(Exe, Argv, std::nullopt, Redirects, 0, 0, &ErrMsg);
  if (auto Buf = MemoryBuffer::getFile(ErrFile)) {
    SmallVector<StringRef, 8> Lines;
    (*Buf)->getBuffer().split(Lines, '\n', -1, false);
    for (StringRef L : Lines) {
      if (L.starts_with("preemptlint: ") && L.contains(" files, ") && L.contains(" functions, "))
        continue;
      errs() << L << "\n";
    }
  }
  sys::fs::remove(ErrFile);
  if (RC < 0) {
    errs() << "preemptlint: error: " << ErrMsg << "\n";
    RC = 2;
  }
  return Werror ? RC : 0;
}
