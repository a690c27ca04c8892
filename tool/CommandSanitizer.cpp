//===- CommandSanitizer.cpp - compile commands as untrusted input ---------===//
#include "CommandSanitizer.h"

#include "Database.h"
#include "clang/Driver/Options.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

using namespace llvm;
using namespace preemptlint;

namespace {

enum class Verdict { Keep, Drop };

struct Decision {
  Verdict V;
  DropReason Why = DropReason::NotNeeded;
};

Decision keep() { return {Verdict::Keep}; }
Decision drop(DropReason W) { return {Verdict::Drop, W}; }

/// -f options that take a value and only change how the language is parsed
/// or what the predefined macros say. Value-less -f flags are kept unless
/// their name says they touch files or plugins (below).
const StringSet<> &fValueAllowlist() {
  static const StringSet<> S = {
      "-fmacro-prefix-map=", "-ffile-prefix-map=", "-fcf-protection=",
      "-fpatchable-function-entry=", "-ftrivial-auto-var-init=",
      "-fzero-call-used-regs=", "-fstrict-flex-arrays=", "-fvisibility=",
      "-fsanitize=", "-fno-sanitize=", "-fsanitize-recover=", "-fno-sanitize-recover=",
      "-fsanitize-trap=", "-fno-sanitize-trap=", "-fms-compatibility-version=",
      "-fmessage-length=", "-fmacro-backtrace-limit=", "-ftemplate-depth=",
      "-fbracket-depth=", "-fconstexpr-depth=", "-fconstexpr-steps=", "-ffp-contract=",
      "-ffp-model=", "-ffp-exception-behavior=", "-fdenormal-fp-math=",
      "-fextend-arguments=", "-fpack-struct=", "-fmax-type-align=", "-ferror-limit=",
      "-fno-builtin-", "-fbuiltin-", "-finline-limit=", "-flto=", "-fwchar-type=",
      "-fexec-charset=", "-finput-charset=", "-fgnuc-version=", "-falign-functions=",
      "-falign-loops=", "-falign-jumps=", "-falign-labels=", "-fdiagnostics-color=",
      "-fdiagnostics-format=", "-ftls-model=", "-fdebug-default-version=",
      "-fstack-protector-strong", "-fopenmp=", "-fsanitize-address-use-after-return=",
      "-fms-compatibility", "-fexperimental-new-constant-interpreter",
      "-ftrapv-handler=", "-fwarn-stack-size=", "-fshort-enums", "-fsigned-char",
      "-funsigned-char",
  };
  return S;
}

/// The words of an option's name after its family letter ("-fno-" and
/// "-f", "-mno-" and "-m" stripped), split at '-' and '='.
SmallVector<StringRef, 8> nameWords(StringRef Name) {
  StringRef N = Name;
  for (StringRef P : {"-fno-", "-mno-", "-f", "-m"})
    if (N.consume_front(P))
      break;
  SmallVector<StringRef, 8> W;
  while (!N.empty()) {
    auto [Head, Rest] = N.split('-');
    SmallVector<StringRef, 2> Eq;
    Head.split(Eq, '=');
    for (StringRef X : Eq)
      if (!X.empty())
        W.push_back(X);
    N = Rest;
  }
  return W;
}

bool hasWord(StringRef Name, std::initializer_list<StringRef> Words) {
  for (StringRef W : nameWords(Name))
    for (StringRef X : Words)
      if (W == X)
        return true;
  return false;
}

/// Words that mark an -f option as one that reads or writes files, loads
/// code, or runs something.
bool touchesFilesOrCode(StringRef Name) {
  return hasWord(Name, {"plugin", "profile", "crash", "trace", "record", "report",
                        "modules", "module", "file", "dir", "path", "save", "cache", "load",
                        "output", "list", "ignorelist", "blacklist", "index", "stats", "dump",
                        "embed", "depfile", "session", "prebuilt", "pch", "coverage", "xray",
                        "llvm", "serialize", "driver", "remarks", "remark", "print"});
}

/// The same for -m options: codegen-only words are harmless there.
bool mTouchesFilesOrCode(StringRef Name) {
  return hasWord(Name, {"file", "path", "dir", "plugin", "llvm", "load"});
}

/// Options kept as they are: what the parse needs, or flags that are
/// harmless in a syntax-only run (debug info, -pg, linking options of the
/// driver itself).
const StringSet<> &keepExact() {
  static const StringSet<> S = {
      "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-iprefix",
      "-iwithprefix", "-iwithprefixbefore", "-isystem-after", "-cxx-isystem", "-isysroot",
      "--sysroot=", "--sysroot", "-D", "-U", "-std=", "-nostdinc", "-nostdlibinc",
      "-nostdinc++", "-nobuiltininc", "-ansi", "-undef", "-trigraphs", "-target",
      "--target=", "-w", "-pedantic", "-pedantic-errors", "-pg", "-pipe",
      "-Qunused-arguments", "-nostdlib", "-nodefaultlibs", "-nostartfiles", "-static",
      "-shared", "-pthread", "-pie", "-no-pie", "-integrated-as", "-no-integrated-as",
      "--gcc-toolchain=", "-gcc-toolchain", "-I-", "-x",
  };
  return S;
}

/// Build flags every command has, which the syntax-only run drops anyway.
const StringSet<> &routineExact() {
  static const StringSet<> S = {"-o", "-c", "-MD", "-MMD", "-MF", "-MT", "-MQ", "-MP",
                                "-MG", "-M", "-MM", "-S", "-E", "-Wl,", "-Wa,",
                                "-Xassembler", "-Xlinker", "-l", "-L", "-s", "-v",
                                "--param", "--param=", "-emit-llvm", "-###"};
  return S;
}

const StringSet<> &writesFiles() {
  static const StringSet<> S = {"--serialize-diagnostics", "-serialize-diagnostics", "-MJ", "-save-temps",
                                "-save-temps=", "-dependency-file", "-header-include-file",
                                "-stats-file=", "-ftime-trace", "-ftime-trace=",
                                "-ftime-trace-granularity=", "-module-dependency-dir",
                                "-fcrash-diagnostics-dir=", "-fproc-stat-report=",
                                "-fsave-optimization-record", "-foptimization-record-file=",
                                "-fmodules-cache-path="};
  return S;
}

const StringSet<> &loadsCode() {
  static const StringSet<> S = {"-Xclang", "-Xpreprocessor", "-Xanalyzer", "-mllvm",
                                "-fplugin=", "-fpass-plugin=", "-load", "-B", "--config",
                                "--config=", "-include-pch", "--driver-mode=",
                                "-ivfsoverlay", "-Xarch_", "-Xarch_device", "-Xarch_host",
                                "-Xopenmp-target", "-Xopenmp-target=", "-Xcuda-ptxas",
                                "-Xcuda-fatbinary", "-fmodule-file=", "-fplugin-arg-",
                                "-Xoffload-linker", "--ld-path=", "-fuse-ld="};
  return S;
}

Decision classify(const opt::Arg &A) {
  const opt::Option &O = A.getOption();
  StringRef Name = O.getPrefixedName();
  if (writesFiles().contains(Name))
    return drop(DropReason::WritesFiles);
  if (loadsCode().contains(Name))
    return drop(DropReason::LoadsCode);
  if (routineExact().contains(Name))
    return drop(DropReason::Routine);
  if (Name == "-x") {
    StringRef L = A.getValue();
    if (L == "c" || L == "c-header" || L == "cpp-output" || L == "c++" ||
        L == "c++-header" || L == "c++-cpp-output" || L == "none")
      return keep();
    return drop(DropReason::NotNeeded);
  }
  if (keepExact().contains(Name))
    return keep();
  if (Name.starts_with("-O"))
    return keep();
  if (Name.starts_with("-g") && !Name.contains("file"))
    return keep();
  if (Name.starts_with("-W") && !Name.starts_with("-Wp,"))
    return keep(); // warning switches; -w makes them moot anyway
  if (Name.starts_with("-m") && !mTouchesFilesOrCode(Name))
    return keep();
  if (Name.starts_with("-f")) {
    if (fValueAllowlist().contains(Name))
      return keep();
    if (O.getKind() == opt::Option::FlagClass && !touchesFilesOrCode(Name))
      return keep();
    return drop(touchesFilesOrCode(Name) ? DropReason::LoadsCode : DropReason::NotNeeded);
  }
  return drop(DropReason::NotNeeded);
}

/// Reads an @file's arguments (GNU quoting), recursively, into Out.
/// Returns false when a response file cannot be used.
bool expandResponseFiles(ArrayRef<std::string> In, StringRef Directory, unsigned Depth,
                         std::vector<std::string> &Out,
                         std::map<std::string, DropReason> &Dropped) {
  for (const std::string &Arg : In) {
    if (Arg.size() < 2 || Arg[0] != '@') {
      Out.push_back(Arg);
      continue;
    }
    SmallString<256> Path(StringRef(Arg).drop_front());
    if (sys::path::is_relative(Path)) {
      SmallString<256> Abs(Directory);
      sys::path::append(Abs, Path);
      Path = Abs;
    }
    std::string Err;
    std::unique_ptr<MemoryBuffer> Buf;
    if (Depth >= MaxResponseFileDepth ||
        !(Buf = readRegularFile(std::string(Path), MaxResponseFileBytes, Err))) {
      Dropped.emplace("@file", DropReason::BadResponseFile);
      continue;
    }
    BumpPtrAllocator Alloc;
    StringSaver Saver(Alloc);
    SmallVector<const char *, 32> Toks;
    cl::TokenizeGNUCommandLine(Buf->getBuffer(), Saver, Toks);
    std::vector<std::string> Nested(Toks.begin(), Toks.end());
    if (!expandResponseFiles(Nested, Directory, Depth + 1, Out, Dropped))
      return false;
  }
  return true;
}


/// The compiler name decides the driver mode (clang-cl reads MSVC-style
/// flags, which this allowlist does not know): keep only GCC/Clang-style
/// names, possibly with a target prefix and a version suffix.
std::string driverName(StringRef Argv0) {
  StringRef Base = sys::path::filename(Argv0);
  StringRef Core = Base;
  size_t Dash = Core.rfind('-');
  // Strip a version suffix: clang-19, gcc-12.
  if (Dash != StringRef::npos &&
      Core.drop_front(Dash + 1).find_first_not_of("0123456789.") == StringRef::npos)
    Core = Core.take_front(Dash);
  StringRef Tool = Core.rsplit('-').second.empty() ? Core : Core.rsplit('-').second;
  if (Tool == "clang" || Tool == "gcc" || Tool == "cc" || Tool == "clang++" ||
      Tool == "g++" || Tool == "c++") {
    bool Clean = Base.find_first_not_of(
                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-") ==
                 StringRef::npos;
    if (Clean)
      return Base.str();
  }
  return "clang";
}

} // namespace

SanitizeResult preemptlint::sanitizeCommand(const std::vector<std::string> &Args,
                                            StringRef Directory, StringRef File) {
  SanitizeResult R;
  if (Args.empty())
    return R;
  std::vector<std::string> Flat;
  R.ReadResponseFile = llvm::any_of(ArrayRef<std::string>(Args).drop_front(),
                                    [](const std::string &A) { return A.size() > 1 && A[0] == '@'; });
  expandResponseFiles(ArrayRef<std::string>(Args).drop_front(), Directory, 0, Flat,
                      R.Dropped);

  R.Args.push_back(driverName(Args[0]));
  // No configuration file: neither a default one nor one named by --config.
  R.Args.push_back("--no-default-config");

  SmallVector<const char *, 64> Argv;
  for (auto &S : Flat)
    Argv.push_back(S.c_str());
  const opt::OptTable &T = clang::driver::getDriverOptTable();
  unsigned MissingIdx = 0, MissingCount = 0;
  opt::InputArgList List =
      T.ParseArgs(Argv, MissingIdx, MissingCount,
                  llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::string AbsFile = absolutePath(Directory.str(), File.str());
  // Each argument spans the argv elements from its index to the next one's.
  std::vector<const opt::Arg *> Parsed(List.begin(), List.end());
  for (size_t I = 0; I < Parsed.size(); ++I) {
    const opt::Arg &A = *Parsed[I];
    unsigned Begin = A.getIndex();
    unsigned End = I + 1 < Parsed.size() ? Parsed[I + 1]->getIndex() : unsigned(Flat.size());
    const opt::Option &O = A.getOption();
    if (O.getKind() == opt::Option::InputClass) {
      if (absolutePath(Directory.str(), A.getValue()) == AbsFile)
        R.Args.push_back(A.getValue());
      else
        R.Dropped.emplace("input other than the analysed file", DropReason::NotNeeded);
      continue;
    }
    if (O.getKind() == opt::Option::UnknownClass) {
      R.Dropped.emplace("unknown option", DropReason::NotNeeded);
      continue;
    }
    if (O.getPrefixedName() == "-Wp,") {
      // The preprocessor's own options: keep macro definitions only.
      std::vector<std::string> Kept;
      bool Other = false, RoutineOnly = true;
      const auto &Values = A.getValues();
      for (size_t V = 0; V < Values.size(); ++V) {
        StringRef P = Values[V];
        if ((P.starts_with("-D") || P.starts_with("-U")) && P.size() > 2) {
          Kept.push_back(P.str());
        } else if (P == "-MD" || P == "-MMD" || P == "-MF" || P == "-MT" || P == "-MQ") {
          Other = true;
          if (P != "-MD" && P != "-MMD")
            ++V; // their file operand
          else if (V + 1 < Values.size() && !StringRef(Values[V + 1]).starts_with("-"))
            ++V; // -MD,file as the kernel writes it
        } else {
          Other = true;
          RoutineOnly = false;
        }
      }
      if (Other)
        R.Dropped.emplace(RoutineOnly ? "-Wp,-MD" : "-Wp,",
                          RoutineOnly ? DropReason::Routine : DropReason::NotNeeded);
      if (!Kept.empty()) {
        std::string J = "-Wp";
        for (auto &K : Kept)
          J += "," + K;
        R.Args.push_back(J);
      }
      continue;
    }
    Decision D = classify(A);
    // A forced include must be a regular file: a FIFO or a device would
    // block the parse or never end.
    StringRef OptName = O.getPrefixedName();
    if (D.V == Verdict::Keep && (OptName == "-include" || OptName == "-imacros")) {
      sys::fs::file_status St;
      std::string P = absolutePath(Directory.str(), A.getValue());
      bool Irregular = !sys::fs::status(P, St) && St.type() != sys::fs::file_type::regular_file;
      R.ForcedIncludes.push_back({P, !Irregular});
      if (Irregular) {
        R.Dropped.emplace(OptName.str(), DropReason::NotRegularFile);
        continue;
      }
    }
    if (D.V == Verdict::Keep) {
      for (unsigned J = Begin; J < End && J < Flat.size(); ++J)
        R.Args.push_back(Flat[J]);
      continue;
    }
    // Named as written (an alias such as --serialize-diagnostics stays so).
    const opt::Arg &Written = A.getAlias() ? *A.getAlias() : A;
    R.Dropped.emplace(Written.getSpelling().str(), D.Why);
  }
  if (MissingCount)
    R.Dropped.emplace("option missing its value", DropReason::NotNeeded);
  return R;
}

std::string preemptlint::describeDrop(const std::string &Kind, DropReason Why) {
  std::string S = "compile commands: dropped '" + Kind + "'";
  switch (Why) {
  case DropReason::Routine:
    return S + " (build output, not needed for analysis)";
  case DropReason::WritesFiles:
    return S + " (it writes files)";
  case DropReason::LoadsCode:
    return S + " (it loads code, reads compiler-internal input or passes raw options to the compiler)";
  case DropReason::NotNeeded:
    return S + " (not on the allowlist of flags needed for parsing)";
  case DropReason::NotRegularFile:
    return S + " of a file that is not a regular file (a FIFO or a device could block the "
               "parse or never end)";
  case DropReason::BadResponseFile:
    return "compile commands: dropped a response file '@file' that is missing, not a "
           "regular file, larger than 1 MiB or nested more than 8 deep";
  }
  return S;
}
