//===- Runner.cpp - analyse files of a compilation database ---------------===//
#include "Runner.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/TextDiagnosticBuffer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <mutex>

using namespace clang;
using namespace clang::tooling;
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

/// The kernel's flags, made fit for a syntax-only run: no dependency files
/// written into the tree, no -Werror turning our parse into a failure.
ArgumentsAdjuster kernelAdjuster() {
  return [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out;
    for (size_t I = 0; I < Args.size(); ++I) {
      StringRef A = Args[I];
      if (A.starts_with("-Wp,-MD") || A.starts_with("-Wp,-MMD") || A == "-Werror" ||
          A.starts_with("-Werror=") || A.starts_with("-fplugin"))
        continue;
      Out.push_back(Args[I]);
    }
    Out.push_back("-w");
    Out.push_back("-fno-caret-diagnostics"); // also silences "N errors generated."
    Out.push_back("-Wno-error");
    Out.push_back("-resource-dir=" PREEMPTLINT_RESOURCE_DIR);
    return Out;
  };
}

std::string relativeTo(const std::string &Base, const std::string &Path) {
  if (Base.empty())
    return Path;
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  StringRef S = P;
  std::string B = Base;
  if (!B.empty() && B.back() != '/')
    B += '/';
  if (S.starts_with(B))
    return S.drop_front(B.size()).str();
  return Path;
}

struct FileOutcome {
  TUResult TU;
  std::string Error;
};

FileOutcome runOne(const CompilationDatabase &DB, const std::string &File,
                   const RunnerOptions &O) {
  FileOutcome Out;
  if (!llvm::sys::fs::exists(File)) {
    Out.Error = "no such file";
    return Out;
  }
  if (DB.getCompileCommands(File).empty()) {
    Out.Error = "no compile command for this file in the compilation database";
    return Out;
  }
  LintConfig Cfg = O.Lint;
  Cfg.Analysis.MainFileName = relativeTo(O.BaseDir, File);
  // Each file gets its own physical file system: its working directory is
  // the command's directory without touching the process's (jobs run in
  // parallel threads).
  ClangTool Tool(DB, {File}, std::make_shared<PCHContainerOperations>(),
                 llvm::vfs::createPhysicalFileSystem());
  Tool.appendArgumentsAdjuster(kernelAdjuster());
  ErrorCollector Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  struct Factory : FrontendActionFactory {
    const LintConfig &C;
    TUResult &R;
    Factory(const LintConfig &C, TUResult &R) : C(C), R(R) {}
    std::unique_ptr<FrontendAction> create() override { return makeLintAction(C, R); }
  } F(Cfg, Out.TU);
  int RC = 0;
  llvm::CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] { RC = Tool.run(&F); })) {
    Out.Error = "internal error: the analysis crashed on this file";
    return Out;
  }
  if (!Errors.First.empty())
    Out.Error = Errors.First;
  else if (RC != 0 || !Out.TU.Analysed)
    Out.Error = "the file could not be compiled";
  return Out;
}

} // namespace

RunResult preemptlint::runFiles(const CompilationDatabase &DB,
                                const std::vector<std::string> &Files,
                                const RunnerOptions &O, std::string *DumpOut) {
  auto Start = std::chrono::steady_clock::now();
  llvm::CrashRecoveryContext::Enable();
  std::vector<FileOutcome> Outcomes(Files.size());
  std::atomic<unsigned> Done{0};
  std::mutex ProgressLock;
  auto Work = [&](size_t I) {
    Outcomes[I] = runOne(DB, Files[I], O);
    unsigned N = ++Done;
    if (O.Progress) {
      std::lock_guard<std::mutex> G(ProgressLock);
      llvm::errs() << "\r[" << N << "/" << Files.size() << "] "
                   << relativeTo(O.BaseDir, Files[I]).substr(0, 60) << "\x1b[K";
      if (N == Files.size())
        llvm::errs() << "\r\x1b[K";
    }
  };
  if (O.Jobs <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      Work(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(O.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { Work(I); });
    Pool.wait();
  }

  RunResult R;
  for (size_t I = 0; I < Files.size(); ++I) {
    auto &Oc = Outcomes[I];
    std::string Name = relativeTo(O.BaseDir, Files[I]);
    if (!Oc.Error.empty())
      R.Errors.push_back({Name, Oc.Error});
    ++R.Files;
    R.Functions += Oc.TU.Functions;
    auto fix = [&](Diagnostic &D) {
      D.File = relativeTo(O.BaseDir, D.File);
      for (auto &N : D.Notes)
        N.File = relativeTo(O.BaseDir, N.File);
    };
    for (auto &D : Oc.TU.Diags) {
      fix(D);
      R.Diags.push_back(std::move(D));
    }
    for (auto &D : Oc.TU.Incomplete) {
      fix(D);
      R.Notes.push_back(std::move(D));
    }
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
