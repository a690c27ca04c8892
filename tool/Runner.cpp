//===- Runner.cpp - analyse files of a compilation database ---------------===//
//
// Every file is analysed in its own worker process (fork), at most Jobs at a
// time. The worker enters the command's directory, parses and analyses the
// file, filters NOLINT-suppressed findings and sends its outcome back over a
// pipe in a small length-prefixed binary form (file names are arbitrary
// bytes). A worker that dies (crash, assertion, stack overflow) or that
// outlives --timeout is an error for its file only.
//
//===----------------------------------------------------------------------===//
#include "Runner.h"

#include "Cache.h"
#include "CommandMemo.h"
#include "RunManifest.h"
#include "CommandSanitizer.h"
#include "Output.h"
#include "Suppressions.h"
#include "Wire.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace clang;
using namespace preemptlint;

namespace {

/// Keeps the first error of a file; everything else is dropped.
class ErrorCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level L, const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    if (L < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<128> Msg;
    Info.FormatDiagnostic(Msg);
    std::string Where;
    if (Info.getLocation().isValid() && Info.hasSourceManager()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(
          Info.getSourceManager().getExpansionLoc(Info.getLocation()));
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    First = Where + "error: " + std::string(Msg);
  }
  std::string First;
};


struct FileOutcome {
  TUResult TU;
  std::string Error;
  unsigned Suppressed = 0;
  bool FromCache = false;
  bool SkippedBodies = false; // parsed without unused header bodies
};

//===--- the worker's reply ---------------------------------------------===//

std::string serialize(const FileOutcome &O) {
  WireWriter W;
  W.str("preemptlint-worker-1");
  W.str(O.Error);
  W.u32(O.TU.Functions), W.u32(O.TU.Analysed), W.u32(O.Suppressed), W.u32(O.SkippedBodies);
  W.str(O.TU.Dump);
  W.u32(uint32_t(O.TU.Diags.size()));
  for (auto &D : O.TU.Diags)
    putDiag(W, D);
  W.u32(uint32_t(O.TU.Incomplete.size()));
  for (auto &D : O.TU.Incomplete)
    putDiag(W, D);
  W.str("end");
  return W.Buf;
}

bool deserialize(llvm::StringRef Data, FileOutcome &O) {
  WireReader R(Data);
  if (R.str() != "preemptlint-worker-1")
    return false;
  O.Error = R.str();
  O.TU.Functions = R.u32(), O.TU.Analysed = R.u32(), O.Suppressed = R.u32();
  O.SkippedBodies = R.u32();
  O.TU.Dump = R.str();
  for (uint32_t I = 0, N = R.u32(); I < N && !R.Bad; ++I)
    O.TU.Diags.push_back(getDiag(R));
  for (uint32_t I = 0, N = R.u32(); I < N && !R.Bad; ++I)
    O.TU.Incomplete.push_back(getDiag(R));
  return !R.Bad && R.str() == "end" && R.D.empty();
}

//===--- one file, inside the worker ------------------------------------===//

struct Job {
  std::string AbsFile;
  const CompileEntry *Entry = nullptr;
  std::vector<std::string> Args; // sanitised
  std::string Error;             // set when the file cannot even be started
  std::string Key;               // its cache key, when the run has a cache
  bool SkipBodies = false;       // only the file changed since its entry:
  std::vector<std::string> KeepBodies; // the header bodies its analysis used
  std::string PreviousName, PreviousFacts; // of its stale entry
  std::string CachedFactsHash;             // of its fresh entry's facts
  bool FromManifest = false;               // served by the run's manifest
  bool LazyFacts = false;                  // ... its facts left in its entry
  CacheEntry Fresh;                        // its fresh entry, facts left out (for the manifest)
};

/// Test hooks, documented in docs/usage.md: the worker of a file whose name
/// contains PREEMPTLINT_CRASH_ON's value crashes, PREEMPTLINT_HANG_ON's
/// hangs. Whether the variable Var names File:
bool hookNames(const char *Var, const std::string &File) {
  const char *C = getenv(Var);
  return C && *C && File.find(C) != std::string::npos;
}

/// Whether a test hook names File (such a file is never served from the
/// cache: the hook must run).
bool hooked(const std::string &File) {
  return hookNames("PREEMPTLINT_CRASH_ON", File) || hookNames("PREEMPTLINT_HANG_ON", File);
}

void testHooks(const std::string &File) {
  if (hookNames("PREEMPTLINT_CRASH_ON", File))
    raise(SIGSEGV);
  if (hookNames("PREEMPTLINT_HANG_ON", File))
    for (;;)
      pause();
}

FileOutcome analyse(const Job &J, const RunnerOptions &O, bool SkipBodies) {
  FileOutcome Out;
  const CompileEntry &E = *J.Entry;
  if (chdir(E.Directory.c_str()) != 0) {
    Out.Error = "cannot enter the command's directory '" + E.Directory +
                "': " + strerror(errno);
    return Out;
  }
  testHooks(J.AbsFile);
  std::vector<std::string> CL;
  for (auto &A : J.Args)
    if (!llvm::StringRef(A).starts_with("-Werror"))
      CL.push_back(A);
  // Syntax only; no compiler warnings; Clang's own headers from the
  // resource directory preemptlint was built with.
  for (const char *A : {"-fsyntax-only", "-w", "-Wno-error", "-fno-caret-diagnostics",
                        "-resource-dir=" PREEMPTLINT_RESOURCE_DIR})
    CL.push_back(A);

  LintConfig Cfg = O.Lint;
  // The file's name in the kernel tree, which core paths match: relative
  // to the database's directory, else (a database kept outside the tree)
  // to its command's directory, where Kbuild runs the compiler.
  Cfg.Analysis.MainFileName = relativeTo(O.BaseDir, J.AbsFile);
  if (!O.BaseDir.empty() && llvm::sys::path::is_absolute(Cfg.Analysis.MainFileName))
    Cfg.Analysis.MainFileName = relativeTo(J.Entry->Directory, J.AbsFile);
  Cfg.KeepFacts = Cfg.RecordInputs = !J.Key.empty();
  if (SkipBodies)
    Cfg.KeepBodies = &J.KeepBodies;
  // Reference-counted: the compiler instance holds (and drops) a reference.
  auto FM = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(),
                                                   llvm::vfs::getRealFileSystem());
  tooling::ToolInvocation Inv(CL, makeLintAction(Cfg, Out.TU), FM.get());
  ErrorCollector Errors;
  Inv.setDiagnosticConsumer(&Errors);
  bool OK = Inv.run();
  if (!Errors.First.empty())
    Out.Error = Errors.First;
  else if (!OK || !Out.TU.Analysed)
    Out.Error = "the file could not be compiled";

  // Names as clang opened them are relative to the command's directory.
  auto Abs = [&](const std::string &F) {
    return F.empty() || F[0] == '<' ? F : absolutePath(E.Directory, F);
  };
  std::map<std::string, std::unique_ptr<NolintIndex>> Nolint;
  std::vector<preemptlint::Diagnostic> Kept;
  for (auto &D : Out.TU.Diags) {
    std::string A = Abs(D.File);
    auto &Idx = Nolint[A];
    if (!Idx) {
      std::string Err;
      auto Buf = readRegularFile(A, 1ull << 30, Err);
      Idx = std::make_unique<NolintIndex>(Buf ? Buf->getBuffer() : "");
    }
    if (Idx->suppressed(D.Line, D.Check)) {
      ++Out.Suppressed;
      continue;
    }
    Kept.push_back(std::move(D));
  }
  Out.TU.Diags = std::move(Kept);
  auto Fix = [&](preemptlint::Diagnostic &D) {
    D.File = relativeTo(O.BaseDir, Abs(D.File));
    for (auto &N : D.Notes)
      N.File = relativeTo(O.BaseDir, Abs(N.File));
  };
  for (auto &D : Out.TU.Diags)
    Fix(D);
  for (auto &D : Out.TU.Incomplete)
    Fix(D);
  return Out;
}

bool writeAll(int Fd, const std::string &S) {
  size_t Done = 0;
  while (Done < S.size()) {
    ssize_t N = write(Fd, S.data() + Done, S.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Done += size_t(N);
  }
  return true;
}

[[noreturn]] void workerMain(int Fd, const Job &J, const RunnerOptions &O) {
  // The parent's handlers (LLVM removes the -o file on a fatal signal) are
  // not the worker's: a crash here must only end this process.
  for (int Sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGINT, SIGTERM,
                  SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGXFSZ, SIGUSR1, SIGUSR2})
    signal(Sig, SIG_DFL);
  // Nothing a worker prints may reach the report.
  int Null = open("/dev/null", O_WRONLY);
  if (Null >= 0)
    dup2(Null, STDOUT_FILENO);
  int64_t ParseStart = ResultCache::nowNs();
  FileOutcome Out = analyse(J, O, J.SkipBodies);
  // The analysis wanted a header body the parse skipped: parse it whole.
  if (J.SkipBodies && Out.TU.MissedBody)
    Out = analyse(J, O, false);
  else
    Out.SkippedBodies = J.SkipBodies;
  std::string Reply = serialize(Out);
  if (!J.Key.empty() && Out.Error.empty() && O.Cache) {
    CacheEntry E;
    E.Outcome = Reply;
    E.FactsName = std::move(Out.TU.FactsName);
    E.Facts = std::move(Out.TU.Facts);
    for (auto &F : Out.TU.Inputs)
      E.Inputs.push_back({absolutePath(J.Entry->Directory, F.Path), F.Hash, ""});
    ResultCache::stampInputs(E.Inputs, ParseStart);
    E.HeaderFunctions = std::move(Out.TU.HeaderFunctions);
    O.Cache->store(J.Key, E);
  }
  _exit(writeAll(Fd, Reply) ? 0 : 3);
}

//===--- the parent: a pool of workers ----------------------------------===//

struct Running {
  pid_t Pid;
  int Fd;
  size_t Index;
  std::string Data;
  std::chrono::steady_clock::time_point Start;
  bool TimedOut = false;
};

/// Serves a file from its fresh cache entry (its facts filed into FactsDir).
/// When only the file itself changed since its entry, J learns which header
/// bodies its analysis used.
bool fromCache(ResultCache &C, Job &J, const RunnerOptions &Opts, FileOutcome &Out,
               TreeFactsOut *Tree, bool ForManifest) {
  bool FactsInMemory = Tree && Tree->CachedInMemory;
  const std::string &FactsDir = Opts.Lint.FactsDir;
  CacheEntry E;
  ResultCache::Status S = C.lookup(J.Key, E, "", ForManifest);
  if (S == ResultCache::Status::Stale && Opts.SkipUnusedBodies && E.Changed.size() == 1 &&
      E.Changed[0] == J.AbsFile) {
    J.SkipBodies = true;
    J.KeepBodies = std::move(E.HeaderFunctions);
  }
  if (S == ResultCache::Status::Stale && Tree) {
    J.PreviousName = std::move(E.FactsName);
    J.PreviousFacts = std::move(E.Facts);
  }
  if (S != ResultCache::Status::Fresh)
    return false;
  FileOutcome O;
  if (!deserialize(E.Outcome, O) || !O.Error.empty())
    return false;
  if (ForManifest) {
    J.Fresh.Inputs = std::move(E.Inputs);
    J.Fresh.Outcome = E.Outcome, J.Fresh.FactsName = E.FactsName, J.Fresh.FactsHash = E.FactsHash;
  }
  if (!FactsDir.empty() && !E.FactsName.empty() && !FactsInMemory &&
      !writeFactsText(FactsDir, E.FactsName, E.Facts))
    return false;
  Out = std::move(O);
  Out.FromCache = true;
  if (!FactsDir.empty() && FactsInMemory) {
    Out.TU.FactsName = std::move(E.FactsName);
    Out.TU.Facts = std::move(E.Facts);
    J.CachedFactsHash = std::move(E.FactsHash);
  }
  return true;
}

/// Serves a file from the run's manifest: its outcome, and its facts'
/// name and hash (the text stays in its entry, for the link to read only
/// if it must: TreeFactsOut::Lazy).
bool fromManifest(RunManifest &M, ResultCache &C, Job &J, const RunnerOptions &Opts,
                  FileOutcome &Out) {
  const ManifestFile *F = M.fresh(J.Key);
  FileOutcome O;
  if (!F || !deserialize(F->Outcome, O) || !O.Error.empty())
    return false;
  Out = std::move(O);
  Out.FromCache = true;
  J.FromManifest = true;
  if (M.touchDue())
    C.touch(J.Key);
  if (!Opts.Lint.FactsDir.empty() && !F->FactsName.empty()) {
    J.LazyFacts = true;
    Out.TU.FactsName = F->FactsName;
    J.CachedFactsHash = F->FactsHash;
  }
  return true;
}

std::string describeStatus(int Status, const Running &R, unsigned Timeout) {
  if (R.TimedOut)
    return "timed out after " + std::to_string(Timeout) + " s (--timeout)";
  if (WIFSIGNALED(Status)) {
    int Sig = WTERMSIG(Status);
    const char *Name = strsignal(Sig);
    return "internal error: the analysis crashed on this file (signal " +
           std::to_string(Sig) + (Name ? std::string(", ") + Name : std::string()) + ")";
  }
  if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    return "internal error: the analysis worker exited with status " +
           std::to_string(WEXITSTATUS(Status));
  return "internal error: the analysis worker sent an incomplete result";
}

} // namespace

std::string preemptlint::cacheKeyFor(const CompileEntry &E, const std::string &AbsFile,
                                     const RunnerOptions &O) {
  SanitizeResult S = sanitizeCommand(E.arguments(), E.Directory, E.File);
  return ResultCache::key(O.CacheSalt, E.Directory, S.Args, AbsFile);
}

RunResult preemptlint::runFiles(const CommandDatabase &DB,
                                const std::vector<std::string> &Files,
                                const RunnerOptions &O, std::string *DumpOut,
                                TreeFactsOut *Tree) {
  auto Start = std::chrono::steady_clock::now();
  int64_t RunStartNs = ResultCache::nowNs();
  std::vector<Job> Jobs(Files.size());
  std::map<std::string, DropReason> Dropped;
  for (size_t I = 0; I < Files.size(); ++I) {
    Job &J = Jobs[I];
    J.AbsFile = Files[I];
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(J.AbsFile, St)) {
      J.Error = "no such file";
      continue;
    }
    if (St.type() != llvm::sys::fs::file_type::regular_file) {
      J.Error = "not a regular file";
      continue;
    }
    J.Entry = DB.lookup(J.AbsFile);
    if (!J.Entry)
      J.Error = "no compile command for this file in the compilation database";
  }
  // The commands as the last run over them sanitised them (CommandMemo.h):
  // a file served from the cache needs only its key; one to analyse has
  // its command sanitised when its worker starts.
  // Not for a run over a few files (Kbuild's CHECK runs one file at a
  // time): sanitising them costs less than a memo file each.
  constexpr size_t MinMemoFiles = 64;
  bool UseCache = O.Cache && O.Cache->enabled();
  CommandMemo Memo, NewMemo;
  std::string MemoKey;
  bool MemoHit = false;
  std::vector<const CompileEntry *> Entries;
  for (auto &J : Jobs)
    if (J.Entry)
      Entries.push_back(J.Entry);
  bool UseMemo = UseCache && Entries.size() >= MinMemoFiles;
  if (UseMemo) {
    MemoKey = CommandMemo::keyFor(O.CacheSalt, Entries);
    MemoHit = Memo.load(*O.Cache, MemoKey);
  }
  for (Job &J : Jobs) {
    if (!J.Entry)
      continue;
    bool Hooked = hooked(J.AbsFile);
    if (const CommandMemo::File *F = MemoHit && !Hooked ? Memo.find(J.AbsFile) : nullptr) {
      J.Key = F->Key;
      Dropped.insert(F->Dropped.begin(), F->Dropped.end());
      continue;
    }
    SanitizeResult S = sanitizeCommand(J.Entry->arguments(), J.Entry->Directory, J.Entry->File);
    J.Args = std::move(S.Args); // the memo keeps the key, not the arguments
    Dropped.insert(S.Dropped.begin(), S.Dropped.end());
    if (UseCache && !Hooked) {
      J.Key = ResultCache::key(O.CacheSalt, J.Entry->Directory, J.Args, J.AbsFile);
      if (UseMemo)
        NewMemo.add(J.AbsFile, J.Key, S);
    }
  }
  if (UseMemo && !MemoHit)
    NewMemo.store(*O.Cache, MemoKey);
  for (auto &KV : Dropped)
    if (KV.second != DropReason::Routine)
      llvm::errs() << "preemptlint: warning: " << describeDrop(KV.first, KV.second) << "\n";

  // The run's manifest (RunManifest.h): a file whose inputs all kept their
  // status is served from it, its entry not read. Not when the facts of
  // cached files must be written out (--facts-dir, --explain).
  RunManifest In, Kept;
  std::string ManifestKey;
  bool FactsOnDisk = !O.Lint.FactsDir.empty() && !(Tree && Tree->CachedInMemory);
  if (O.Cache && O.Cache->enabled() && !FactsOnDisk &&
      llvm::none_of(Jobs, [](const Job &J) { return J.Key.empty(); })) {
    std::vector<std::string> Keys;
    for (auto &J : Jobs)
      Keys.push_back(J.Key);
    ManifestKey = RunManifest::keyFor(O.CacheSalt, std::move(Keys));
    In.load(*O.Cache, ManifestKey);
  }

  std::vector<FileOutcome> Outcomes(Files.size());
  llvm::outs().flush(); // a worker must not inherit unwritten output
  llvm::errs().flush();
  size_t Done = 0;
  std::vector<Running> Run;
  unsigned Width = std::max(1u, O.Jobs);
  auto progress = [&](size_t I) {
    ++Done;
    if (!O.Progress)
      return;
    llvm::errs() << "\r[" << Done << "/" << Files.size() << "] "
                 << escapeName(relativeTo(O.BaseDir, Files[I])).substr(0, 60) << "\x1b[K";
    if (Done == Files.size())
      llvm::errs() << "\r\x1b[K";
  };
  // Runs the jobs of Queue (indexes into Jobs), UseManifest: serving what
  // the run's manifest can.
  auto runQueue = [&](const std::vector<size_t> &Queue, bool UseManifest) {
    size_t Next = 0;
    while (Next < Queue.size() || !Run.empty()) {
      while (Run.size() < Width && Next < Queue.size()) {
        size_t I = Queue[Next++];
        if (!Jobs[I].Error.empty()) {
          Outcomes[I].Error = Jobs[I].Error;
          progress(I);
          continue;
        }
        if (UseManifest && fromManifest(In, *O.Cache, Jobs[I], O, Outcomes[I])) {
          progress(I);
          continue;
        }
        if (!Jobs[I].Key.empty() &&
            fromCache(*O.Cache, Jobs[I], O, Outcomes[I], Tree, !ManifestKey.empty())) {
          progress(I);
          continue;
        }
        if (Jobs[I].Args.empty()) // its key came from the memo
          Jobs[I].Args = sanitizeCommand(Jobs[I].Entry->arguments(), Jobs[I].Entry->Directory,
                                         Jobs[I].Entry->File).Args;
        int P[2];
        if (pipe(P) != 0) {
          Outcomes[I].Error = std::string("internal error: cannot start a worker: ") + strerror(errno);
          progress(I);
          continue;
        }
        pid_t Pid = fork();
        if (Pid == 0) {
          close(P[0]);
          for (auto &R : Run)
            close(R.Fd);
          workerMain(P[1], Jobs[I], O);
        }
        close(P[1]);
        if (Pid < 0) {
          close(P[0]);
          Outcomes[I].Error = std::string("internal error: cannot start a worker: ") + strerror(errno);
          progress(I);
          continue;
        }
        Run.push_back({Pid, P[0], I, "", std::chrono::steady_clock::now()});
      }
      if (Run.empty())
        continue;
      std::vector<pollfd> Fds;
      for (auto &R : Run)
        Fds.push_back({R.Fd, POLLIN, 0});
      int Wait = O.TimeoutSeconds ? 100 : -1;
      int N = poll(Fds.data(), Fds.size(), Wait);
      if (N < 0 && errno != EINTR)
        break;
      auto Now = std::chrono::steady_clock::now();
      for (size_t K = Run.size(); K-- > 0;) {
        Running &R = Run[K];
        if (O.TimeoutSeconds && !R.TimedOut &&
            Now - R.Start > std::chrono::seconds(O.TimeoutSeconds)) {
          kill(R.Pid, SIGKILL);
          R.TimedOut = true;
        }
        if (N <= 0 || !(Fds[K].revents & (POLLIN | POLLHUP | POLLERR)))
          continue;
        char Buf[65536];
        ssize_t Got = read(R.Fd, Buf, sizeof Buf);
        if (Got < 0 && errno == EINTR)
          continue;
        if (Got > 0) {
          R.Data.append(Buf, size_t(Got));
          continue;
        }
        // End of the reply: collect the worker.
        close(R.Fd);
        int Status = 0;
        while (waitpid(R.Pid, &Status, 0) < 0 && errno == EINTR)
          ;
        FileOutcome &Oc = Outcomes[R.Index];
        bool Clean = !R.TimedOut && WIFEXITED(Status) && WEXITSTATUS(Status) == 0;
        if (!Clean || !deserialize(R.Data, Oc)) {
          Oc = FileOutcome();
          Oc.Error = describeStatus(Status, R, O.TimeoutSeconds);
        }
        progress(R.Index);
        Run.erase(Run.begin() + K);
      }
    }
  };
  std::vector<size_t> Queue(Jobs.size());
  for (size_t I = 0; I < Jobs.size(); ++I)
    Queue[I] = I;
  runQueue(Queue, !ManifestKey.empty());

  if (!ManifestKey.empty()) {
    // The files analysed (or served by their entries) this time, with their
    // fresh entries, for the next manifest. The facts the manifest left in
    // the entries are read by the link only if it must run (WholeTree.h,
    // LazyFacts: a file whose entry cannot give them is analysed again
    // then); a link served by the cache, or moved, reads none.
    for (size_t I = 0; I < Jobs.size(); ++I) {
      Job &J = Jobs[I];
      if (J.FromManifest || !Outcomes[I].Error.empty())
        continue;
      if (!Outcomes[I].FromCache &&
          O.Cache->lookup(J.Key, J.Fresh, "", true) != ResultCache::Status::Fresh)
        J.Fresh = CacheEntry();
      std::string().swap(J.Fresh.Facts);
    }

    // The next run's manifest, unless this one was served by it whole.
    Kept.startFrom(In);
    bool Whole = true;
    for (size_t I = 0; I < Jobs.size(); ++I) {
      Job &J = Jobs[I];
      if (J.FromManifest) {
        Kept.keep(J.Key, In);
        continue;
      }
      Whole = false;
      if (Outcomes[I].Error.empty() && !J.Fresh.FactsName.empty())
        Kept.add(J.Key, J.Fresh, *O.Cache, RunStartNs);
    }
    // Served whole: written again only to record that its entries were
    // marked used now (once an hour).
    if (!Whole || In.touchDue())
      Kept.store(*O.Cache, ManifestKey);
  }

  RunResult R;
  R.BaseDir = O.BaseDir;
  for (size_t I = 0; I < Files.size(); ++I) {
    auto &Oc = Outcomes[I];
    R.FromCache += Oc.FromCache;
    R.FromManifest += Jobs[I].FromManifest;
    if (Tree && Oc.FromCache && Tree->CachedInMemory && !Oc.TU.FactsName.empty()) {
      std::string Path = factsPath(O.Lint.FactsDir, Oc.TU.FactsName);
      if (Jobs[I].LazyFacts) {
        Tree->Lazy[Path] = Jobs[I].Key;
        Tree->LazySource[Path] = Files[I];
      }
      Tree->Cached.push_back({std::move(Path), std::move(Oc.TU.Facts),
                              std::move(Jobs[I].CachedFactsHash)});
    }
    if (Tree && !Oc.FromCache && Oc.Error.empty() && !Jobs[I].PreviousName.empty())
      Tree->Previous.push_back({factsPath(O.Lint.FactsDir, Jobs[I].PreviousName),
                                std::move(Jobs[I].PreviousFacts), ""});
    R.SkippedBodies += Oc.SkippedBodies && !Oc.FromCache;
    std::string Name = relativeTo(O.BaseDir, Files[I]);
    if (!Oc.Error.empty())
      R.Errors.push_back({Name, Oc.Error});
    ++R.Files;
    R.Functions += Oc.TU.Functions;
    R.SuppressedNolint += Oc.Suppressed;
    for (auto &D : Oc.TU.Diags)
      R.Diags.push_back(std::move(D));
    for (auto &D : Oc.TU.Incomplete)
      R.Notes.push_back(std::move(D));
    if (DumpOut && !Oc.TU.Dump.empty())
      *DumpOut += "# " + Name + "\n" + Oc.TU.Dump;
  }
  std::sort(R.Diags.begin(), R.Diags.end());
  std::sort(R.Notes.begin(), R.Notes.end());
  std::sort(R.Errors.begin(), R.Errors.end(),
            [](const FileError &A, const FileError &B) { return A.File < B.File; });
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return R;
}
