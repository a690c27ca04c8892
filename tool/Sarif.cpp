//===- Sarif.cpp - SARIF 2.1.0 rendering of a run -------------------------===//
#include "Sarif.h"

#include "Baseline.h"
#include "Check.h"
#include "Version.h"
#include "llvm/ADT/StringExtras.h"
#include <nlohmann/json.hpp>

using namespace preemptlint;
using json = nlohmann::ordered_json;

std::string preemptlint::uriEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/') {
      Out += char(C);
    } else {
      static const char Hex[] = "0123456789ABCDEF";
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

static std::string sentence(llvm::StringRef S) {
  std::string T = S.str();
  if (!T.empty() && T.back() != '.')
    T += '.';
  return T;
}

static json artifact(const std::string &File) {
  if (!File.empty() && File[0] == '/')
    return {{"uri", "file://" + uriEncodePath(File)}};
  return {{"uri", uriEncodePath(File)}, {"uriBaseId", "SRCROOT"}};
}

static json physical(const std::string &File, unsigned Line, unsigned Col) {
  json P = {{"artifactLocation", artifact(File)}};
  if (Line > 0) {
    json Region = {{"startLine", Line}};
    if (Col > 0)
      Region["startColumn"] = Col;
    P["region"] = std::move(Region);
  }
  return P;
}

void preemptlint::writeSarif(llvm::raw_ostream &OS, const RunResult &R) {
  json Rules = json::array();
  std::map<std::string, size_t> RuleIndex;
  for (auto &C : allChecks()) {
    RuleIndex[C.Name] = Rules.size();
    std::string Help = std::string(CheckDocsBaseUrl) + C.Name + ".md";
    Rules.push_back(
        {{"id", C.Name},
         {"shortDescription", {{"text", sentence(C.Summary)}}},
         {"fullDescription",
          {{"text", sentence(C.Summary) + " The check's page explains why this is a bug, "
                                          "with an example and its fix."}}},
         {"helpUri", Help},
         {"help", {{"text", "See " + Help}}},
         {"defaultConfiguration", {{"level", "warning"}}}});
  }

  json Results = json::array();
  for (auto &D : R.Diags) {
    json Res;
    Res["ruleId"] = D.Check;
    auto It = RuleIndex.find(D.Check);
    if (It != RuleIndex.end())
      Res["ruleIndex"] = It->second;
    Res["level"] = D.Severity == "note" ? "note" : "warning";
    Res["message"] = {{"text", sentence(D.Message)}};
    json Loc = {{"physicalLocation", physical(D.File, D.Line, D.Column)}};
    if (!D.Function.empty())
      Loc["logicalLocations"] = json::array({{{"name", D.Function}, {"kind", "function"}}});
    Res["locations"] = json::array({Loc});
    if (!D.Notes.empty()) {
      json Steps = json::array();
      for (auto &N : D.Notes)
        Steps.push_back({{"location",
                          {{"physicalLocation", physical(N.File, N.Line, N.Column)},
                           {"message", {{"text", sentence(N.Message)}}}}}});
      Steps.push_back({{"location",
                        {{"physicalLocation", physical(D.File, D.Line, D.Column)},
                         {"message", {{"text", sentence(D.Message)}}}}}});
      Res["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", Steps}}})}}});
    }
    Res["partialFingerprints"] = {{"preemptlintFingerprint/v1", fingerprint(D)}};
    Results.push_back(std::move(Res));
  }

  json Notifications = json::array();
  for (auto &E : R.Errors)
    Notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", sentence(E.Message)}}},
         {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact(E.File)}}}}})}});

  json Run;
  Run["tool"] = {{"driver",
                  {{"name", "preemptlint"},
                   {"version", PREEMPTLINT_VERSION},
                   {"semanticVersion", PREEMPTLINT_VERSION},
                   {"informationUri", ProjectUrl},
                   {"rules", std::move(Rules)}}}};
  Run["invocations"] = json::array(
      {{{"executionSuccessful", R.Errors.empty()},
        {"toolExecutionNotifications", std::move(Notifications)}}});
  if (!R.BaseDir.empty()) {
    std::string Base = R.BaseDir;
    if (Base.back() != '/')
      Base += '/';
    Run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", "file://" + uriEncodePath(Base)}}}};
  }
  Run["results"] = std::move(Results);
  json Log;
  Log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  Log["version"] = "2.1.0";
  Log["runs"] = json::array({std::move(Run)});
  OS << Log.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}
