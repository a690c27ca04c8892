//===- Baseline.cpp - accepted findings, matched without line numbers -----===//
#include "Baseline.h"

#include "Database.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"
#include <nlohmann/json.hpp>

using namespace preemptlint;

std::string preemptlint::normaliseMessage(llvm::StringRef Msg) {
  std::string Out;
  bool Space = false;
  for (size_t I = 0; I < Msg.size(); ++I) {
    char C = Msg[I];
    if (llvm::isSpace(C)) {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    if (llvm::isDigit(C) && llvm::StringRef(Out).ends_with("line ")) {
      while (I + 1 < Msg.size() && llvm::isDigit(Msg[I + 1]))
        ++I;
      Out += 'N';
      continue;
    }
    Out += C;
  }
  return Out;
}

std::string preemptlint::fingerprint(const Diagnostic &D) {
  llvm::SHA1 H;
  for (llvm::StringRef S : {llvm::StringRef(D.Check), llvm::StringRef(D.File),
                            llvm::StringRef(D.Function)}) {
    H.update(S);
    H.update(llvm::StringRef("\0", 1));
  }
  H.update(normaliseMessage(D.Message));
  auto R = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(R.data(), 8), /*LowerCase=*/true);
}

bool Baseline::load(const std::string &Path, std::string &Err) {
  auto Buf = readRegularFile(Path, MaxModelBytes, Err);
  if (!Buf) {
    Err = "cannot read baseline '" + Path + "': " + Err;
    return false;
  }
  return parse(Buf->getBuffer(), Path, Err);
}

bool Baseline::parse(llvm::StringRef T, const std::string &Path, std::string &Err) {
  auto Doc = nlohmann::json::parse(T.begin(), T.end(), nullptr, false);
  auto Bad = [&](const std::string &Why) {
    Err = "malformed baseline '" + Path + "': " + Why;
    return false;
  };
  if (Doc.is_discarded())
    return Bad("not valid JSON");
  if (!Doc.is_object() || Doc.value("tool", nlohmann::json()) != "preemptlint" ||
      Doc.value("kind", nlohmann::json()) != "baseline")
    return Bad("not a preemptlint baseline (written by --write-baseline)");
  if (Doc.value("version", nlohmann::json()) != 1)
    return Bad("unsupported version (expected 1)");
  if (!Doc.contains("findings") || !Doc["findings"].is_array())
    return Bad("\"findings\" must be an array");
  size_t I = 0;
  for (auto &F : Doc["findings"]) {
    std::string Where = "finding " + std::to_string(I++);
    for (const char *K : {"check", "file", "function", "message"})
      if (!F.is_object() || !F.contains(K) || !F[K].is_string())
        return Bad(Where + " needs a string \"" + K + "\"");
    ++Accepted[{F["check"].get<std::string>(), F["file"].get<std::string>(),
                F["function"].get<std::string>(),
                normaliseMessage(F["message"].get<std::string>())}];
  }
  return true;
}

unsigned Baseline::filter(std::vector<Diagnostic> &Diags) const {
  std::map<Key, unsigned> Left = Accepted;
  std::vector<Diagnostic> Kept;
  unsigned N = 0;
  for (auto &D : Diags) {
    auto It = Left.find({D.Check, D.File, D.Function, normaliseMessage(D.Message)});
    if (It != Left.end() && It->second > 0) {
      --It->second;
      ++N;
      continue;
    }
    Kept.push_back(std::move(D));
  }
  Diags = std::move(Kept);
  return N;
}

void preemptlint::writeBaseline(llvm::raw_ostream &OS, const std::vector<Diagnostic> &Diags) {
  using json = nlohmann::ordered_json;
  json Doc;
  Doc["tool"] = "preemptlint";
  Doc["kind"] = "baseline";
  Doc["version"] = 1;
  json F = json::array();
  for (auto &D : Diags)
    F.push_back({{"fingerprint", fingerprint(D)},
                 {"check", D.Check},
                 {"file", D.File},
                 {"function", D.Function},
                 {"message", normaliseMessage(D.Message)}});
  Doc["findings"] = std::move(F);
  OS << Doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}
