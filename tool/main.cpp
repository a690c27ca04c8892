//===- main.cpp - the preemptlint command line ----------------------------===//
//
//   preemptlint [options] [files...] -p <build-dir>
//   preemptlint [options] files... -- <compiler flags>
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input errors (findings,
// if any, are still printed).
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "Output.h"
#include "Runner.h"
#include "Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include <nlohmann/json.hpp>
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace clang::tooling;
using namespace preemptlint;

static cl::OptionCategory Cat("preemptlint options");
static cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"), cl::cat(Cat));
static cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json (or the file itself)"),
                                      cl::value_desc("build-dir"), cl::cat(Cat));
static cl::opt<std::string> ChecksOpt("checks", cl::desc("Checks to run, clang-tidy glob syntax (default: preempt-*)"),
                                      cl::init("preempt-*"), cl::cat(Cat));
static cl::opt<std::string> Format("format", cl::desc("Output format: text or json"),
                                   cl::init("text"), cl::cat(Cat));
static cl::opt<std::string> OutFile("o", cl::desc("Write the report to this file"),
                                    cl::value_desc("file"), cl::cat(Cat));
static cl::list<std::string> ModelFiles("model", cl::desc("Extra API model (JSON) that extends the shipped one; repeatable"),
                                        cl::value_desc("file"), cl::cat(Cat));
static cl::opt<unsigned> Jobs("j", cl::desc("Files analysed in parallel (default: 1; 0 = all cores)"), cl::Prefix,
                              cl::init(1), cl::cat(Cat));
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
static cl::opt<unsigned> PathLimit("path-limit", cl::desc("Path states kept per program point (default 16)"),
                                   cl::init(16), cl::cat(Cat), cl::Hidden);
static cl::opt<unsigned> Budget("budget", cl::desc("Analysis steps per function before giving up on it"),
                                cl::init(300000), cl::cat(Cat));

/// Loads compile_commands.json. Entries are untrusted input: the document
/// must be an array of objects with string "directory" and "file" and a
/// "command" string or "arguments" array. A relative "directory" is taken
/// relative to the database's own directory (a relocatable database).
static std::unique_ptr<CompilationDatabase>
loadDatabase(const std::string &Path, const std::string &Dir, std::string &Err) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Err = Buf.getError().message();
    return nullptr;
  }
  // Fast path: LLVM's own parser, when every "directory" is absolute.
  StringRef Text = (*Buf)->getBuffer();
  bool AllAbsolute = true;
  for (size_t P = Text.find("\"directory\""); P != StringRef::npos && AllAbsolute;
       P = Text.find("\"directory\"", P + 1)) {
    size_t V = Text.find_first_not_of(" \t\r\n:", P + 11);
    AllAbsolute = V + 1 < Text.size() && Text[V] == '"' && Text[V + 1] == '/';
  }
  if (AllAbsolute)
    if (auto DB = JSONCompilationDatabase::loadFromBuffer(Text, Err, JSONCommandLineSyntax::AutoDetect))
      return DB;
  Err.clear();
  nlohmann::json Doc = nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded()) {
    Err = "not valid JSON";
    return nullptr;
  }
  if (!Doc.is_array()) {
    Err = "expected a JSON array of compile commands";
    return nullptr;
  }
  size_t I = 0;
  for (auto &E : Doc) {
    std::string Where = "entry " + std::to_string(I++);
    if (!E.is_object() || !E.contains("directory") || !E["directory"].is_string() ||
        !E.contains("file") || !E["file"].is_string()) {
      Err = Where + " needs string \"directory\" and \"file\"";
      return nullptr;
    }
    bool HasCmd = E.contains("command") && E["command"].is_string();
    bool HasArgs = E.contains("arguments") && E["arguments"].is_array() &&
                   !E["arguments"].empty() &&
                   std::all_of(E["arguments"].begin(), E["arguments"].end(),
                               [](const nlohmann::json &A) { return A.is_string(); });
    if (!HasCmd && !HasArgs) {
      Err = Where + " needs a \"command\" string or an \"arguments\" array of strings";
      return nullptr;
    }
    std::string D = E["directory"].get<std::string>();
    if (sys::path::is_relative(D)) {
      SmallString<256> A(Dir);
      sys::path::append(A, D);
      sys::path::remove_dots(A, true);
      E["directory"] = std::string(A);
    }
  }
  std::string Fixed = Doc.dump();
  auto DB = JSONCompilationDatabase::loadFromBuffer(Fixed, Err, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    Err = StringRef(Err).split('\n').first.str();
  return DB;
}

static int usageError(const Twine &Msg) {
  errs() << "preemptlint: error: " << Msg << "\n";
  return 2;
}

int main(int argc, const char **argv) {
  // Everything after "--" is a compile command for the files given.
  std::string FixedErr;
  int Argc = argc;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(Argc, argv, FixedErr);
  if (!FixedErr.empty())
    return usageError(FixedErr);

  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "preemptlint " PREEMPTLINT_VERSION "\n"; });
  cl::HideUnrelatedOptions(Cat);
  std::string ParseErrs;
  raw_string_ostream ParseOS(ParseErrs);
  if (!cl::ParseCommandLineOptions(Argc, argv,
                                   "preemptlint: finds preemption-safety bugs in Linux kernel C code\n",
                                   &ParseOS)) {
    StringRef First = StringRef(ParseOS.str()).split('\n').first.trim();
    First.consume_front("preemptlint: ");
    return usageError(First.empty() ? "invalid command line" : First);
  }

  if (ListChecks) {
    for (auto &C : allChecks())
      if (checkEnabled(ChecksOpt, C.Name))
        outs() << C.Name << "\n";
    return 0;
  }
  std::string Err;
  if (!validateCheckGlobs(ChecksOpt, Err))
    return usageError(Err);
  if (Format != "text" && Format != "json")
    return usageError("unknown --format '" + Format + "' (expected text or json)");
  PreemptModel PM;
  if (!parsePreemptModel(PreemptModelOpt, PM))
    return usageError("unknown --preempt-model '" + PreemptModelOpt +
                      "' (expected none, voluntary, full or rt)");

  KernelApiModel Model;
  std::string ModelPath = defaultModelPath(argv[0]);
  if (ModelPath.empty() && sys::fs::exists(PREEMPTLINT_SOURCE_MODEL))
    ModelPath = PREEMPTLINT_SOURCE_MODEL;
  if (ModelPath.empty())
    return usageError("the shipped API model kernel-api.json was not found");
  if (!Model.loadFile(ModelPath, Err))
    return usageError(Err);
  for (auto &M : ModelFiles)
    if (!Model.loadFile(M, Err))
      return usageError(Err);

  std::unique_ptr<CompilationDatabase> DB;
  std::string BaseDir;
  if (Fixed) {
    if (!BuildPath.empty())
      return usageError("give either -p or compiler flags after '--', not both");
    if (Files.empty())
      return usageError("no input files (with '--', name the files to check)");
    DB = std::move(Fixed);
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    BaseDir = std::string(Cwd);
  } else {
    if (BuildPath.empty())
      return usageError("no compilation database: use -p <build-dir> or give compiler flags after '--'");
    SmallString<256> P(BuildPath);
    sys::fs::make_absolute(P);
    sys::path::remove_dots(P, true);
    SmallString<256> F(P);
    if (sys::fs::is_directory(P)) {
      sys::path::append(F, "compile_commands.json");
      if (!sys::fs::exists(F))
        return usageError("no compile_commands.json in '" + BuildPath + "'");
      BaseDir = std::string(P);
    } else if (sys::fs::exists(P)) {
      BaseDir = std::string(sys::path::parent_path(P));
    } else {
      return usageError("build directory '" + BuildPath + "' does not exist");
    }
    std::string LoadErr;
    DB = loadDatabase(std::string(F), BaseDir, LoadErr);
    if (!DB)
      return usageError("malformed compilation database '" + std::string(F) + "': " + LoadErr);
  }

  std::vector<std::string> Inputs;
  if (Files.empty()) {
    for (auto &F : DB->getAllFiles())
      if (StringRef(F).ends_with(".c"))
        Inputs.push_back(F);
    std::sort(Inputs.begin(), Inputs.end());
  } else {
    for (auto &F : Files) {
      SmallString<256> P(F);
      sys::fs::make_absolute(P);
      sys::path::remove_dots(P, true);
      Inputs.push_back(std::string(P));
    }
  }

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
  RO.Jobs = Jobs == 0 ? llvm::hardware_concurrency().compute_thread_count() : unsigned(Jobs);
  RO.BaseDir = BaseDir;
  RO.Progress = sys::Process::StandardErrIsDisplayed() && Inputs.size() > 1;

  std::string Dump;
  RunResult R = runFiles(*DB, Inputs, RO, DumpState ? &Dump : nullptr);

  std::error_code EC;
  std::unique_ptr<ToolOutputFile> Out;
  raw_ostream *OS = &outs();
  if (!OutFile.empty()) {
    Out = std::make_unique<ToolOutputFile>(OutFile, EC, sys::fs::OF_Text);
    if (EC)
      return usageError("cannot write '" + OutFile + "': " + EC.message());
    OS = &Out->os();
  }
  if (!Dump.empty())
    (Format == "json" ? errs() : *OS) << Dump;
  if (Format == "json")
    writeJson(*OS, R);
  else
    writeText(*OS, R);
  if (Out)
    Out->keep();
  for (auto &E : R.Errors)
    errs() << "preemptlint: error: " << E.File << ": " << E.Message << "\n";
  if (sys::Process::StandardErrIsDisplayed() || R.Files > 1)
    errs() << "preemptlint: " << R.Files << " files, " << R.Functions << " functions, "
           << R.Diags.size() << " warnings, " << R.Errors.size() << " errors in "
           << format("%.1f", R.Seconds) << " s\n";
  if (!R.Errors.empty())
    return 2;
  return R.Diags.empty() ? 0 : 1;
}
