//===- main.cpp - the preemptlint command line ----------------------------===//
//
//   preemptlint [options] [files...] -p <build-dir>
//   preemptlint [options] files... -- <compiler flags>
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input errors (findings,
// if any, are still printed).
//
//===----------------------------------------------------------------------===//
#include "AtomicWrite.h"
#include "Baseline.h"
#include "Cache.h"
#include "Check.h"
#include "Kbuild.h"
#include "Database.h"
#include "Output.h"
#include "Runner.h"
#include "WholeTree.h"
#include "Report.h"
#include "Sarif.h"
#include "Shard.h"
#include "Version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace llvm;
using namespace preemptlint;

static cl::OptionCategory Cat("preemptlint options");
static cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"), cl::cat(Cat));
static cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json (or the file itself)"),
                                      cl::value_desc("build-dir"), cl::cat(Cat));
static cl::opt<std::string> ChecksOpt("checks", cl::desc("Checks to run, clang-tidy glob syntax (default: preempt-*)"),
                                      cl::init("preempt-*"), cl::cat(Cat));
static cl::opt<std::string> Format("format", cl::desc("Output format: text, json or sarif"),
                                   cl::init("text"), cl::cat(Cat));
static cl::opt<std::string> OutFile("o", cl::desc("Write the report to this file"),
                                    cl::value_desc("file"), cl::cat(Cat));
static cl::list<std::string> ModelFiles("model", cl::desc("Extra API model (JSON) that extends the shipped one; repeatable"),
                                        cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> Jobs("j", cl::desc("Files analysed in parallel (default: 1; 0 = all cores; at most 1024)"), cl::Prefix,
                                 cl::value_desc("N"), cl::init("1"), cl::cat(Cat));
static cl::opt<unsigned> Timeout("timeout", cl::desc("Give up on a file after this many seconds (default: 0, no limit)"),
                                 cl::value_desc("seconds"), cl::init(0), cl::cat(Cat));
static cl::opt<std::string> BaselineFile("baseline", cl::desc("Report only findings that this baseline does not accept"),
                                         cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> WriteBaselineFile("write-baseline", cl::desc("Write every finding of this run to a baseline file"),
                                              cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> PreemptModelOpt("preempt-model",
                                            cl::desc("Preemption model: none, voluntary, full (default) or rt"),
                                            cl::init("full"), cl::cat(Cat));
static cl::opt<bool> DumpState("dump-state", cl::desc("Debug: print the analysis state after each statement with an event"),
                               cl::cat(Cat));
static cl::opt<std::string> DumpFunction("dump-function", cl::desc("Debug: restrict --dump-state to one function"),
                                         cl::cat(Cat));
static cl::list<std::string> CorePaths("core-paths", cl::CommaSeparated,
                                      cl::desc("Path prefixes of core kernel code, where context queries are allowed (default: the model's core_paths)"),
                                      cl::value_desc("prefix,..."), cl::cat(Cat));
static cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"), cl::cat(Cat));
static cl::opt<bool> WholeTree("whole-tree",
                               cl::desc("Link the analysed files across functions (default on; "
                                        "--whole-tree=false judges each file alone)"),
                               cl::init(true), cl::cat(Cat));
static cl::opt<std::string> Explain("explain",
                                   cl::desc("Print why the whole tree sees this function as it does "
                                            "(may sleep, per-CPU need, exit effects, callers) instead "
                                            "of the report; NAME or FILE:NAME for a static function"),
                                   cl::value_desc("function"), cl::cat(Cat));
static cl::opt<std::string> FactsDirOpt("facts-dir",
                                        cl::desc("Keep each file's whole-tree facts in this directory "
                                                 "(default: a private directory removed after the run)"),
                                        cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<std::string> CacheDirOpt("cache-dir",
                                        cl::desc("Keep each file's results and whole-tree facts in this "
                                                 "cache (default: $XDG_CACHE_HOME/preemptlint or "
                                                 "~/.cache/preemptlint)"),
                                        cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<std::string> CacheMaxSizeOpt(
    "cache-max-size",
    cl::desc("Keep the cache within this size (K, M, G suffixes; 0: no limit), removing the "
             "entries used least recently (default: 5G)"),
    cl::value_desc("size"), cl::init("5G"), cl::cat(Cat));
static cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the result cache"),
                             cl::cat(Cat));
static cl::opt<std::string> TreeDbOpt("tree-db",
                                      cl::desc("With compiler flags after '--' (Kbuild's CHECK): the "
                                               "compilation database of the tree the files belong to; "
                                               "the link uses the cached facts of its other files"),
                                      cl::value_desc("build-dir"), cl::cat(Cat));
static cl::opt<std::string> ShardOpt("shard",
                                     cl::desc("Analyse only part K of N of the database and write it, "
                                              "unlinked, into --facts-dir for --merge"),
                                     cl::value_desc("K/N"), cl::cat(Cat));
static cl::opt<bool> Merge("merge",
                           cl::desc("Link and report the shards whose --facts-dir directories are "
                                    "named as the arguments, as one run"),
                           cl::cat(Cat));
static cl::opt<bool> SkipBodies("skip-unused-header-bodies",
                                cl::desc("When only a file itself changed since its cache entry, "
                                         "skip the header function bodies its analysis did not use "
                                         "(default on)"),
                                cl::init(true), cl::cat(Cat), cl::Hidden);
static cl::opt<unsigned> PathLimit("path-limit", cl::desc("Path states kept per program point (default 16)"),
                                   cl::init(16), cl::cat(Cat), cl::Hidden);
static cl::opt<unsigned> Budget("budget", cl::desc("Analysis steps per function before giving up on it"),
                                cl::init(300000), cl::cat(Cat));

/// What makes two runs' results comparable: the tool, the model texts and
/// the options that change results, and BaseDir (keySalt).
/// A run that analysed at most this many files stored a few entries.
static constexpr size_t FewStoredFiles = 16;

static std::string runSalt(const std::string &ModelPath, const std::string &BaseDir) {
  std::string Err;
  std::vector<std::string> ModelTexts;
  for (auto &M : ModelFiles) // the shipped model is part of the executable's identity too
    if (auto Buf = readRegularFile(M, MaxModelBytes, Err))
      ModelTexts.push_back(std::string(Buf->getBuffer()));
  if (auto Buf = readRegularFile(ModelPath, MaxModelBytes, Err))
    ModelTexts.push_back(std::string(Buf->getBuffer()));
  std::string Options = "checks=" + ChecksOpt + "\npreempt-model=" + PreemptModelOpt +
                        "\npath-limit=" + std::to_string(std::max(1u, unsigned(PathLimit))) +
                        "\nbudget=" + std::to_string(Budget) + "\ncore-paths=";
  for (auto &C : CorePaths)
    Options += C + ",";
  return keySalt(ModelTexts, Options, BaseDir);
}

/// "5G", "500M", "64K", "1000" (bytes); false when it is none of these.
static bool parseSize(StringRef S, uint64_t &Bytes) {
  uint64_t Unit = 1;
  if (S.consume_back("K") || S.consume_back("k"))
    Unit = 1ull << 10;
  else if (S.consume_back("M") || S.consume_back("m"))
    Unit = 1ull << 20;
  else if (S.consume_back("G") || S.consume_back("g"))
    Unit = 1ull << 30;
  uint64_t N;
  if (S.empty() || S.getAsInteger(10, N) || N > (~0ull) / Unit)
    return false;
  Bytes = N * Unit;
  return true;
}

static ReportOptions reportOptions() {
  return {Format, OutFile, BaselineFile, WriteBaselineFile};
}

static int usageError(const Twine &Msg) {
  errs() << "preemptlint: error: " << Msg << "\n";
  return 2;
}

int main(int argc, const char **argv) {
  if (int KbuildRC = preemptlint::runKbuildInvocation(argc, argv); KbuildRC >= 0) return KbuildRC;
  // A closed standard descriptor would be reused by the next open() and a
  // report or a source file would land on it: point it at /dev/null, and
  // remember that stdout was closed.
  bool StdoutClosed = false;
  for (int Fd = 0; Fd <= 2; ++Fd)
    if (fcntl(Fd, F_GETFD) < 0) {
      int N = open("/dev/null", Fd == 0 ? O_RDONLY : O_WRONLY);
      if (N >= 0 && N != Fd) {
        dup2(N, Fd);
        close(N);
      }
      StdoutClosed |= Fd == 1;
    }

  // Everything after "--" is a compile command for the files given.
  int Argc = argc;
  std::vector<std::string> FixedFlags;
  bool HasFixed = false;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      HasFixed = true;
      Argc = I;
      FixedFlags.assign(argv + I + 1, argv + argc);
      break;
    }

  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "preemptlint " PREEMPTLINT_VERSION "\n"; });
  cl::HideUnrelatedOptions(Cat);
  std::string ParseErrs;
  raw_string_ostream ParseOS(ParseErrs);
  // Some of cl's messages (an option's bad value) go straight to stderr:
  // catch them too, so that a bad command line is one line.
  std::string Direct;
  FILE *Caught = tmpfile();
  int SavedErr = Caught ? dup(STDERR_FILENO) : -1;
  if (SavedErr >= 0) {
    errs().flush();
    dup2(fileno(Caught), STDERR_FILENO);
  }
  bool Parsed = cl::ParseCommandLineOptions(
      Argc, argv, "preemptlint: finds preemption-safety bugs in Linux kernel C code\n", &ParseOS);
  if (SavedErr >= 0) {
    errs().flush();
    dup2(SavedErr, STDERR_FILENO);
    close(SavedErr);
    rewind(Caught);
    char Buf[4096];
    for (size_t N; (N = fread(Buf, 1, sizeof Buf, Caught)) > 0;)
      Direct.append(Buf, N);
  }
  if (Caught)
    fclose(Caught);
  if (!Parsed) {
    std::string All = Direct + ParseOS.str();
    StringRef First = StringRef(All).split('\n').first.trim();
    First.consume_front("preemptlint: ");
    return usageError(First.empty() ? "invalid command line" : First);
  }
  errs() << Direct;

  if (ListChecks) {
    for (auto &C : allChecks())
      if (checkEnabled(ChecksOpt, C.Name))
        outs() << C.Name << "\n";
    return 0;
  }
  std::string Err;
  if (!validateCheckGlobs(ChecksOpt, Err))
    return usageError(Err);
  if (!DumpState && DumpFunction.empty() && std::none_of(allChecks().begin(), allChecks().end(),
                   [](const CheckInfo &C) { return checkEnabled(ChecksOpt, C.Name); }))
    return usageError("--checks '" + ChecksOpt + "' enables no check (--list-checks prints the names)");
  if (Format != "text" && Format != "json" && Format != "sarif")
    return usageError("unknown --format '" + Format + "' (expected text, json or sarif)");
  unsigned JobCount = 0;
  if (StringRef(Jobs).getAsInteger(10, JobCount) || StringRef(Jobs).starts_with("+") ||
      JobCount > MaxJobs)
    return usageError("-j '" + Jobs + "' is not a number of jobs from 0 to " + Twine(MaxJobs) +
                      " (0 uses every core)");
  PreemptModel PM;
  if (!parsePreemptModel(PreemptModelOpt, PM))
    return usageError("unknown --preempt-model '" + PreemptModelOpt +
                      "' (expected none, voluntary, full or rt)");
  if (StdoutClosed && OutFile.empty())
    return usageError("standard output is closed (use -o to name a report file)");

  KernelApiModel Model;
  std::string ModelPath = defaultModelPath(argv[0]);
  if (ModelPath.empty() && sys::fs::exists(PREEMPTLINT_SOURCE_MODEL))
    ModelPath = PREEMPTLINT_SOURCE_MODEL;
  if (ModelPath.empty())
    return usageError("the shipped API model kernel-api.json was not found");
  if (!Model.loadFile(ModelPath, Err))
    return usageError(Err);
  for (auto &M : ModelFiles) {
    // A FIFO or a device would block or never end: only a regular file.
    if (sys::fs::exists(M) && !readRegularFile(M, MaxModelBytes, Err))
      return usageError("cannot read model file '" + M + "': " + Err);
    if (!Model.loadFile(M, Err))
      return usageError(Err);
  }

  Baseline Accepted;
  if (!BaselineFile.empty() && !Accepted.load(BaselineFile, Err))
    return usageError(Err);

  ShardSpec Shard;
  if (!ShardOpt.empty() && !parseShard(ShardOpt, Shard))
    return usageError("--shard '" + ShardOpt + "' is not K/N with 1 <= K <= N <= 10000");
  if (!ShardOpt.empty() && (FactsDirOpt.empty() || Merge || !Explain.empty()))
    return usageError("--shard writes its part into --facts-dir DIR, for --merge (and not with "
                      "--merge or --explain)");
  if (Merge) {
    if (Files.empty() || !BuildPath.empty() || HasFixed || !Explain.empty() || DumpState)
      return usageError("--merge takes the shards' directories as its arguments, and neither -p, "
                        "compiler flags, --explain nor --dump-state");
    std::unique_ptr<ToolOutputFile> Out, BaselineOut;
    if (!OutFile.empty() && !(Out = openOutput(OutFile, Err)))
      return usageError(Err);
    if (!WriteBaselineFile.empty() && !(BaselineOut = openOutput(WriteBaselineFile, Err)))
      return usageError(Err);
    auto Start = std::chrono::steady_clock::now();
    RunResult R;
    std::vector<std::string> Facts;
    if (!readShards(std::vector<std::string>(Files.begin(), Files.end()), runSalt(ModelPath, ""),
                    R, Facts, Err))
      return usageError(Err);
    LintConfig LC;
    LC.Model = &Model;
    LC.Checks = ChecksOpt;
    LC.Analysis.Model = PM;
    if (WholeTree)
      linkWholeTree(LC, readFactsFiles(Facts), "--merge", R);
    R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    return report(R, reportOptions(), Out.get(), BaselineOut.get(), Accepted, "", 0);
  }

  CommandDatabase DB;
  std::string BaseDir;
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  if (HasFixed) {
    if (!BuildPath.empty())
      return usageError("give either -p or compiler flags after '--', not both");
    if (Files.empty())
      return usageError("no input files (with '--', name the files to check)");
    BaseDir = std::string(Cwd);
  } else {
    if (BuildPath.empty())
      return usageError("no compilation database: use -p <build-dir> or give compiler flags after '--'");
    if (!TreeDbOpt.empty())
      return usageError("--tree-db is for compiler flags after '--' (with -p, the database is the tree)");
    if (!loadDatabaseAt(BuildPath, std::string(Cwd), DB, BaseDir, Err))
      return usageError(Err);
  }
  // Files checked with flags after '--' (Kbuild's CHECK): the tree they
  // belong to, for the cached facts of its other files.
  CommandDatabase TreeDB;
  if (HasFixed && !TreeDbOpt.empty() && !loadDatabaseAt(TreeDbOpt, std::string(Cwd), TreeDB, BaseDir, Err))
    return usageError(Err);

  std::vector<std::string> Inputs;
  if (Files.empty()) {
    for (auto &F : DB.files())
      if (StringRef(F).ends_with(".c"))
        Inputs.push_back(F);
    if (Inputs.empty())
      return usageError("the compilation database has no .c files to analyse");
  } else {
    for (auto &F : Files)
      Inputs.push_back(absolutePath(std::string(Cwd), F));
  }
  if (Shard.N)
    llvm::erase_if(Inputs, [&](const std::string &F) { return !inShard(relativeTo(BaseDir, F), Shard); });
  // The same file named twice (or as a/../a.c) is analysed once.
  std::sort(Inputs.begin(), Inputs.end());
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
  if (HasFixed)
    for (auto &F : Inputs) {
      CompileEntry E;
      E.Directory = std::string(Cwd);
      E.File = E.AbsFile = F;
      E.Args.push_back("clang");
      E.Args.insert(E.Args.end(), FixedFlags.begin(), FixedFlags.end());
      E.Args.push_back(F);
      DB.add(std::move(E));
    }

  // The report files are opened before the analysis: an unwritable path
  // fails now, not after minutes of work.
  std::unique_ptr<ToolOutputFile> Out, BaselineOut;
  if (!OutFile.empty() && !(Out = openOutput(OutFile, Err)))
    return usageError(Err);
  if (!WriteBaselineFile.empty() && !(BaselineOut = openOutput(WriteBaselineFile, Err)))
    return usageError(Err);

  RunnerOptions RO;
  RO.Lint.Model = &Model;
  RO.Lint.Checks = ChecksOpt;
  RO.Lint.Analysis.Model = PM;
  RO.Lint.Analysis.PathLimit = std::max(1u, unsigned(PathLimit));
  RO.Lint.Analysis.Budget = Budget;
  RO.Lint.Analysis.DumpFilter = DumpFunction;
  RO.Lint.Analysis.CorePaths.assign(CorePaths.begin(), CorePaths.end());
  if (DumpState)
    RO.Lint.Analysis.DumpState = &nulls(); // replaced per file by a buffer
  unsigned J = JobCount == 0 ? llvm::hardware_concurrency().compute_thread_count() : JobCount;
  // Each running job holds a pipe: stay well inside the descriptor limit.
  struct rlimit RL;
  if (getrlimit(RLIMIT_NOFILE, &RL) == 0 && RL.rlim_cur != RLIM_INFINITY)
    J = std::min<unsigned>(J, std::max<rlim_t>(1, RL.rlim_cur / 2 > 16 ? RL.rlim_cur / 2 - 16 : 1));
  RO.Jobs = std::max(1u, std::min<unsigned>(J, Inputs.size()));
  RO.TimeoutSeconds = Timeout;
  RO.BaseDir = BaseDir;
  RO.Progress = sys::Process::StandardErrIsDisplayed() && Inputs.size() > 1;

  // The cache: explicit, it must work; by default, a run without one is
  // still a run. --dump-state output is never cached.
  ResultCache Cache;
  if (!NoCache && !DumpState) {
    bool Explicit = !CacheDirOpt.empty();
    std::string Dir = Explicit ? std::string(CacheDirOpt) : defaultCacheDir();
    if (!Cache.open(Dir, Err)) {
      if (Explicit)
        return usageError(Err);
      Cache.open("", Err);
    }
  }
  uint64_t CacheMax = 0;
  if (!parseSize(CacheMaxSizeOpt, CacheMax))
    return usageError("--cache-max-size: '" + std::string(CacheMaxSizeOpt) + "' is not a size (a number, "
                      "optionally followed by K, M or G)");
  if (Cache.enabled()) {
    RO.Cache = &Cache;
    RO.SkipUnusedBodies = SkipBodies;
    RO.CacheSalt = runSalt(ModelPath, BaseDir);
  }

  std::string Dump;
  std::string FactsDir = FactsDirOpt;
  bool KeepFacts = !FactsDir.empty();
  if (KeepFacts) {
    // Absolute: each file is analysed in its command's directory.
    SmallString<256> Abs(FactsDir);
    if (sys::fs::create_directories(Abs) || !sys::fs::is_directory(Abs) ||
        sys::fs::make_absolute(Abs))
      return usageError("cannot use '" + FactsDir + "' as the facts directory");
    FactsDir = std::string(Abs);
  }
  if ((WholeTree || !Explain.empty()) && !KeepFacts && (FactsDir = makeFactsDir(Err)).empty())
    return usageError(Err);
  if (WholeTree || KeepFacts || !Explain.empty())
    RO.Lint.FactsDir = FactsDir;
  // The facts of files served by the cache stay in memory for the link
  // (unless the user keeps a facts directory, or --explain reads one).
  TreeFactsOut TreeFacts;
  TreeFacts.CachedInMemory = WholeTree && !KeepFacts && Explain.empty();
  RunResult R = runFiles(DB, Inputs, RO, DumpState ? &Dump : nullptr, &TreeFacts);
  std::vector<FactsText> &CachedFacts = TreeFacts.Cached;
  bool InMemory = TreeFacts.CachedInMemory;
  // Some files of a database: the others are known from the cache.
  std::set<std::string> Others;
  if (Shard.N) {
    // Unlinked: the merge links every shard's facts.
    if (!writeShard(FactsDir, Shard, runSalt(ModelPath, ""), R, Err))
      return usageError(Err);
    for (auto &E : R.Errors)
      errs() << "preemptlint: error: " << escapeName(E.File) << ": " << escapeName(E.Message) << "\n";
    if (Cache.enabled() && R.FromCache < R.Files)
      Cache.trim(CacheMax);
    errs() << "preemptlint: shard " << Shard.K << "/" << Shard.N << ": " << R.Files << " files, "
           << R.Functions << " functions, " << R.Diags.size() << " warnings before the link, "
           << R.Errors.size() << " errors; written to " << FactsDir << "\n";
    return 0;
  }
  const CommandDatabase &Tree = HasFixed ? TreeDB : DB;
  if (!Files.empty() && (!HasFixed || !TreeDbOpt.empty()) && WholeTree && Cache.enabled()) {
    for (auto &F : Tree.files())
      if (StringRef(F).ends_with(".c") && !std::binary_search(Inputs.begin(), Inputs.end(), F))
        Others.insert(F);
    takeCachedFacts(Tree, std::vector<std::string>(Others.begin(), Others.end()), RO, R,
                    CachedFacts);
    if (!InMemory) { // --facts-dir, --explain: the directory is the tree
      for (auto &F : CachedFacts)
        writeFileAtomically(F.Origin, F.Text);
      CachedFacts.clear();
    }
  }
  if (!Explain.empty()) {
    bool Found = explainWholeTree(RO.Lint, FactsDir, Explain, BaseDir, outs());
    if (!KeepFacts)
      removeFactsDir(FactsDir);
    if (!Found)
      errs() << "preemptlint: error: no analysed file defines '" << escapeName(Explain) << "'\n";
    return Found && R.Errors.empty() ? 0 : 2;
  }
  if (WholeTree) {
    std::vector<FactsText> Facts = readFactsFiles(factsFiles(FactsDir));
    for (auto &F : CachedFacts)
      Facts.push_back(std::move(F));
    // Facts the manifest left in entries that cannot give them now: their
    // files are analysed again (facts into FactsDir; their findings came
    // with the manifest already).
    LazyFacts Lazy;
    Lazy.Keys = TreeFacts.Lazy;
    Lazy.Reanalyse = [&](const std::vector<std::string> &Origins) {
      std::vector<std::string> Sources;
      for (auto &O : Origins)
        Sources.push_back(TreeFacts.LazySource[O]);
      RunResult Again = runFiles(DB, Sources, RO, nullptr);
      R.Errors.insert(R.Errors.end(), Again.Errors.begin(), Again.Errors.end());
      // Their findings came with the manifest, their facts from analysing
      // them again: not counted as served from the cache.
      size_t Redone = Sources.size() - std::min<size_t>(Sources.size(), Again.FromCache);
      R.FromCache -= std::min<size_t>(R.FromCache, Redone);
      R.FromManifest -= std::min<size_t>(R.FromManifest, Redone);
      return readFactsFiles(Origins);
    };
    linkWholeTree(RO.Lint, std::move(Facts), FactsDir, R, Others, RO.Cache, RO.CacheSalt,
                  TreeFacts.Previous, &Lazy);
  }
  if (!KeepFacts)
    removeFactsDir(FactsDir);

  // Something was stored: keep the cache within its size (an edit's re-run,
  // a few files, need not walk it each time).
  if (Cache.enabled() && (R.FromCache < R.Files || (WholeTree && R.Link != RunResult::LinkFromCache)))
    Cache.trim(CacheMax, /*FewStored=*/R.Files - R.FromCache <= FewStoredFiles);
  return report(R, reportOptions(), Out.get(), BaselineOut.get(), Accepted, Dump, Others.size());
}
