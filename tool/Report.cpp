//===- Report.cpp - the end of a run: baseline, report, status ------------===//
#include "Report.h"

#include "Sarif.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace preemptlint;

std::unique_ptr<ToolOutputFile> preemptlint::openOutput(const std::string &Path, std::string &Err) {
  std::error_code EC;
  auto F = std::make_unique<ToolOutputFile>(Path, EC, sys::fs::OF_Text);
  if (EC) {
    Err = "cannot write '" + Path + "': " + EC.message();
    return nullptr;
  }
  return F;
}

/// Flushes OS and reports a lost write as one line; clears the error so
/// that the stream's destructor does not abort.
static bool finishOutput(raw_fd_ostream &OS, const std::string &What) {
  OS.flush();
  if (!OS.has_error())
    return true;
  errs() << "preemptlint: error: cannot write " << What << ": " << OS.error().message() << "\n";
  OS.clear_error();
  return false;
}

/// Writes the baseline and the report of R, and says how the run went.
int preemptlint::report(RunResult &R, const ReportOptions &RO, ToolOutputFile *Out,
                        ToolOutputFile *BaselineOut, const Baseline &Accepted,
                        const std::string &Dump, size_t OtherFiles) {
  const std::string &Format = RO.Format, &OutFile = RO.OutFile;
  const std::string &BaselineFile = RO.BaselineFile, &WriteBaselineFile = RO.WriteBaselineFile;
  bool WriteFailed = false;
  if (BaselineOut) {
    writeBaseline(BaselineOut->os(), R.Diags);
    if (finishOutput(BaselineOut->os(), "baseline '" + WriteBaselineFile + "'"))
      BaselineOut->keep();
    else
      WriteFailed = true;
  }
  if (!BaselineFile.empty())
    R.SuppressedBaseline = Accepted.filter(R.Diags);

  raw_fd_ostream &OS = Out ? Out->os() : outs();
  if (!Dump.empty())
    (Format == "text" ? static_cast<raw_ostream &>(OS) : errs()) << Dump;
  if (Format == "json")
    writeJson(OS, R);
  else if (Format == "sarif")
    writeSarif(OS, R);
  else
    writeText(OS, R);
  if (finishOutput(OS, Out ? "report '" + OutFile + "'" : std::string("report to standard output"))) {
    if (Out)
      Out->keep();
  } else {
    WriteFailed = true;
  }
  for (auto &E : R.Errors)
    errs() << "preemptlint: error: " << escapeName(E.File) << ": " << escapeName(E.Message) << "\n";
  if (R.Partial && (R.TreeStale || R.TreeMissing))
    errs() << "preemptlint: note: whole tree: of the database's " << OtherFiles
           << " other files, " << R.TreeCached << " are known from the cache, " << R.TreeStale
           << " from a stale entry (changed since) and " << R.TreeMissing
           << " not at all: findings across functions that involve them may be missing or out "
              "of date (a run over the whole database refreshes them)\n";
  if (sys::Process::StandardErrIsDisplayed() || R.Files > 1 || R.SuppressedNolint ||
      R.SuppressedBaseline) {
    errs() << "preemptlint: " << R.Files << " files, " << R.Functions << " functions, "
           << R.Diags.size() << " warnings";
    if (R.SuppressedNolint || R.SuppressedBaseline)
      errs() << " (suppressed: " << R.SuppressedNolint << " by NOLINT, " << R.SuppressedBaseline
             << " by the baseline)";
    errs() << ", " << R.Errors.size() << " errors in " << format("%.1f", R.Seconds) << " s";
    if (R.FromCache)
      errs() << " (" << R.FromCache << " files from the cache)";
    errs() << "\n";
  }
  if (!R.Errors.empty() || WriteFailed)
    return 2;
  return R.Diags.empty() ? 0 : 1;
}

