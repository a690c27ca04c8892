//===- Output.cpp - text and JSON renderings of a run ---------------------===//
#include "Output.h"

#include "Version.h"
#include <nlohmann/json.hpp>

using namespace preemptlint;

std::string preemptlint::escapeName(llvm::StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (unsigned char C : S) {
    if (C < 0x20 || C == 0x7f) {
      static const char Hex[] = "0123456789abcdef";
      Out += "\\x";
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    } else {
      Out += char(C);
    }
  }
  return Out;
}

static void textLine(llvm::raw_ostream &OS, const std::string &File, unsigned Line,
                     unsigned Col, llvm::StringRef Sev, llvm::StringRef Msg) {
  OS << escapeName(File) << ":" << Line << ":" << Col << ": " << Sev << ": "
     << escapeName(Msg);
}

void preemptlint::writeText(llvm::raw_ostream &OS, const RunResult &R) {
  for (auto &D : R.Diags) {
    textLine(OS, D.File, D.Line, D.Column, D.Severity, D.Message);
    OS << " [" << D.Check << "]\n";
    for (auto &N : D.Notes) {
      textLine(OS, N.File, N.Line, N.Column, "note", N.Message);
      OS << "\n";
    }
  }
  for (auto &D : R.Notes) {
    textLine(OS, D.File, D.Line, D.Column, "note", D.Message);
    OS << "\n";
  }
}

void preemptlint::writeJson(llvm::raw_ostream &OS, const RunResult &R) {
  using json = nlohmann::ordered_json;
  json Doc;
  Doc["tool"] = "preemptlint";
  Doc["version"] = PREEMPTLINT_VERSION;
  json Diags = json::array();
  for (auto &D : R.Diags) {
    json J;
    J["check"] = D.Check;
    J["severity"] = D.Severity;
    J["file"] = D.File;
    J["line"] = D.Line;
    J["column"] = D.Column;
    J["function"] = D.Function;
    J["message"] = D.Message;
    json Notes = json::array();
    for (auto &N : D.Notes)
      Notes.push_back({{"file", N.File}, {"line", N.Line}, {"column", N.Column},
                       {"message", N.Message}});
    J["notes"] = std::move(Notes);
    Diags.push_back(std::move(J));
  }
  Doc["diagnostics"] = std::move(Diags);
  json Errors = json::array();
  for (auto &E : R.Errors)
    Errors.push_back({{"file", E.File}, {"message", E.Message}});
  Doc["errors"] = std::move(Errors);
  json Incomplete = json::array();
  for (auto &N : R.Notes)
    Incomplete.push_back({{"file", N.File}, {"line", N.Line}, {"function", N.Function},
                          {"message", N.Message}});
  Doc["stats"] = {{"files", R.Files},
                  {"functions", R.Functions},
                  {"seconds", double(int64_t(R.Seconds * 1000)) / 1000.0},
                  {"suppressed", {{"nolint", R.SuppressedNolint},
                                  {"baseline", R.SuppressedBaseline}}},
                  {"incomplete", std::move(Incomplete)},
                  {"cached", R.FromCache},
                  {"cached_manifest", R.FromManifest},
                  {"cached_header_bodies_skipped", R.SkippedBodies},
                  {"cached_link", R.Link == RunResult::LinkFromCache ? "same facts"
                                  : R.Link == RunResult::LinkMoved   ? "positions moved"
                                                                     : "no"}};
  if (R.Partial)
    Doc["stats"]["tree"] = {{"other_files_cached", R.TreeCached},
                            {"other_files_stale", R.TreeStale},
                            {"other_files_missing", R.TreeMissing}};
  OS << Doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}
