//===- KernelApiModel.cpp - load the kernel API model --------------------===//
#include "KernelApiModel.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

using json = nlohmann::json;
using namespace preemptlint;

static const char *const RegionNames[NumRegions] = {
    "preempt", "irq", "bh", "rcu", "migrate", "kmap", "fpu", "pagefault", "kmap_local"};

llvm::StringRef preemptlint::regionName(Region R) {
  return RegionNames[unsigned(R)];
}

bool preemptlint::parseRegion(llvm::StringRef S, Region &R) {
  for (unsigned I = 0; I < NumRegions; ++I)
    if (S == RegionNames[I]) {
      R = Region(I);
      return true;
    }
  return false;
}

RegionMask preemptlint::cpuPinningRegions() {
  return maskOf(Region::Preempt) | maskOf(Region::Irq) | maskOf(Region::Bh) |
         maskOf(Region::Migrate) | maskOf(Region::Kmap) | maskOf(Region::Fpu);
}

RegionMask preemptlint::atomicRegions() {
  return maskOf(Region::Preempt) | maskOf(Region::Irq) | maskOf(Region::Bh) |
         maskOf(Region::Rcu) | maskOf(Region::Kmap) | maskOf(Region::Fpu);
}

bool preemptlint::parsePreemptModel(llvm::StringRef S, PreemptModel &M) {
  if (S == "none") M = PreemptModel::None;
  else if (S == "voluntary") M = PreemptModel::Voluntary;
  else if (S == "full") M = PreemptModel::Full;
  else if (S == "rt") M = PreemptModel::RT;
  else return false;
  return true;
}

llvm::StringRef preemptlint::contextName(EntryContext C) {
  switch (C) {
  case EntryContext::Process: return "process";
  case EntryContext::Softirq: return "softirq";
  case EntryContext::Hardirq: return "hardirq";
  case EntryContext::IpiCallback: return "ipi";
  case EntryContext::PercpuThread: return "percpu_thread";
  case EntryContext::Boot: return "boot";
  case EntryContext::IrqsOff: return "irqs_off";
  }
  return "process";
}

bool preemptlint::atomicContext(EntryContext C) {
  return C == EntryContext::Softirq || C == EntryContext::Hardirq ||
         C == EntryContext::IpiCallback || C == EntryContext::IrqsOff;
}

bool preemptlint::parseContext(llvm::StringRef S, EntryContext &C) {
  if (S == "process") C = EntryContext::Process;
  else if (S == "softirq") C = EntryContext::Softirq;
  else if (S == "hardirq") C = EntryContext::Hardirq;
  else if (S == "ipi") C = EntryContext::IpiCallback;
  else if (S == "percpu_thread") C = EntryContext::PercpuThread;
  else if (S == "irqs_off") C = EntryContext::IrqsOff;
  else if (S == "boot") C = EntryContext::Boot;
  else return false;
  return true;
}

/// An object with a string under each of Keys.
static bool hasStrings(const json &O, std::initializer_list<const char *> Keys) {
  return O.is_object() && llvm::all_of(Keys, [&](const char *K) {
           auto It = O.find(K);
           return It != O.end() && It->is_string();
         });
}

namespace {
/// Records the first syntax error with its position; everything else is
/// accepted. Lets us report a broken model in one line without exceptions.
struct ErrorSax : json::json_sax_t {
  std::string Msg;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    Msg = Ex.what();
    // Drop the "[json.exception.parse_error.101] " prefix.
    auto P = Msg.find("] ");
    if (P != std::string::npos)
      Msg = Msg.substr(P + 2);
    return false;
  }
};

class Loader {
public:
  Loader(std::string &Err, llvm::StringRef Origin) : Err(Err), Origin(Origin) {}
  bool fail(const std::string &Where, const std::string &What) {
    Err = Origin.str() + ": " + Where + ": " + What;
    return false;
  }
  bool regionMask(const json &J, const std::string &Where, RegionMask &M) {
    M = 0;
    if (!J.is_array())
      return fail(Where, "expected an array of region names");
    for (auto &E : J) {
      Region R;
      if (!E.is_string() || !parseRegion(E.get<std::string>(), R))
        return fail(Where, "unknown region " + E.dump());
      M |= maskOf(R);
    }
    return true;
  }
  bool intField(const json &O, const char *K, const std::string &Where, int &V) {
    if (!O.contains(K))
      return true;
    if (!O[K].is_number_integer() || O[K].get<int>() < 0)
      return fail(Where, std::string("'") + K + "' must be an argument index (>= 0)");
    V = O[K].get<int>();
    return true;
  }
  std::string &Err;
  llvm::StringRef Origin;
};
} // namespace

bool KernelApiModel::loadFile(const std::string &Path, std::string &Err) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Err = "cannot read model file '" + Path + "': " + Buf.getError().message();
    return false;
  }
  return loadString((*Buf)->getBuffer(), Path, Err);
}

int KernelApiModel::lockClassForType(llvm::StringRef TypeName) const {
  for (unsigned I = 0; I < Classes.size(); ++I)
    for (auto &T : Classes[I].Types)
      if (T == TypeName)
        return int(I);
  return -1;
}

bool KernelApiModel::loadString(llvm::StringRef Text, llvm::StringRef Origin,
                                std::string &Err) {
  Loader L(Err, Origin);
  ErrorSax Sax;
  if (!json::sax_parse(Text.begin(), Text.end(), &Sax))
    return L.fail("syntax", Sax.Msg.empty() ? "malformed JSON" : Sax.Msg);
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.is_object())
    return L.fail("top level", "expected a JSON object");
  if (Doc.contains("schema") &&
      (!Doc["schema"].is_string() || Doc["schema"] != "preemptlint-model/1"))
    return L.fail("schema", "unsupported schema " + Doc["schema"].dump() +
                                " (expected \"preemptlint-model/1\")");
  for (auto &[K, V] : Doc.items())
    if (K != "schema" && K != "lock_classes" && K != "primitives" &&
        K != "callback_fields" && K != "scheduler_paths" && K != "comment" &&
        K != "contract_macros" && K != "non_escaping_macros" &&
        K != "gfp_sleep_mask" && K != "core_paths" && K != "fpu_routine_patterns" &&
        K != "acquire_wrapper_patterns" && K != "release_wrapper_patterns" &&
        K != "process_root_patterns" && K != "gfp_blocking_tests" && K != "entry_functions")
      return L.fail("top level", "unknown key '" + K + "'");

  if (Doc.contains("lock_classes")) {
    auto &LC = Doc["lock_classes"];
    if (!LC.is_array())
      return L.fail("lock_classes", "expected an array");
    for (auto &C : LC) {
      if (!C.is_object() || !C.contains("name") || !C["name"].is_string())
        return L.fail("lock_classes", "each entry needs a string 'name'");
      LockClass Cls;
      Cls.Name = C["name"].get<std::string>();
      std::string W = "lock class '" + Cls.Name + "'";
      if (C.contains("types")) {
        if (!C["types"].is_array())
          return L.fail(W, "'types' must be an array of strings");
        for (auto &T : C["types"]) {
          if (!T.is_string())
            return L.fail(W, "'types' must be an array of strings");
          Cls.Types.push_back(T.get<std::string>());
        }
      }
      if (C.contains("implies") && !L.regionMask(C["implies"], W, Cls.Implies[0]))
        return false;
      Cls.Implies[1] = Cls.Implies[0];
      if (C.contains("rt_implies") && !L.regionMask(C["rt_implies"], W, Cls.Implies[1]))
        return false;
      for (auto [Key, Idx] : {std::pair<const char *, int>{"sleeps", 0}, {"rt_sleeps", 1}})
        if (C.contains(Key)) {
          if (!C[Key].is_boolean())
            return L.fail(W, std::string("'") + Key + "' must be true or false");
          Cls.Sleeps[Idx] = C[Key].get<bool>();
        }
      if (!C.contains("rt_sleeps"))
        Cls.Sleeps[1] = Cls.Sleeps[1] || Cls.Sleeps[0];
      auto It = ClassIndex.find(Cls.Name);
      if (It != ClassIndex.end()) {
        Classes[It->second] = Cls;
      } else {
        ClassIndex[Cls.Name] = Classes.size();
        Classes.push_back(Cls);
      }
    }
  }

  if (Doc.contains("callback_fields")) {
    auto &CF = Doc["callback_fields"];
    if (!CF.is_array())
      return L.fail("callback_fields", "expected an array");
    for (auto &F : CF) {
      if (!hasStrings(F, {"record", "field", "context"}))
        return L.fail("callback_fields", "each entry needs string 'record', 'field' and 'context'");
      CallbackField CBF;
      CBF.Record = F["record"].get<std::string>();
      CBF.Field = F["field"].get<std::string>();
      if (!parseContext(F["context"].get<std::string>(), CBF.Ctx))
        return L.fail("callback_fields", "unknown context " + F["context"].dump());
      if (F.contains("context_by_index")) {
        auto &B = F["context_by_index"];
        if (!B.is_array())
          return L.fail("callback_fields", "'context_by_index' is a list of [glob, context]");
        for (auto &P : B) {
          EntryContext C;
          if (!P.is_array() || P.size() != 2 || !P[0].is_string() || !P[1].is_string() ||
              !parseContext(P[1].get<std::string>(), C))
            return L.fail("callback_fields", "'context_by_index' entries are [glob, context]: " + P.dump());
          CBF.CtxByIndex.push_back({P[0].get<std::string>(), C});
        }
      }
      Fields.push_back(CBF);
    }
  }

  if (Doc.contains("entry_functions")) {
    auto &EF = Doc["entry_functions"];
    if (!EF.is_array())
      return L.fail("entry_functions", "expected an array");
    for (auto &F : EF) {
      // "name", or "names" for several functions of one context.
      bool Names = F.is_object() && F.contains("names") && F["names"].is_array() &&
                   llvm::all_of(F["names"], [](const json &N) { return N.is_string(); });
      if (!(Names ? hasStrings(F, {"context"}) : hasStrings(F, {"name", "context"})))
        return L.fail("entry_functions",
                      "each entry needs string 'name' (or a list of strings 'names') and 'context'");
      EntryContext Ctx;
      if (!parseContext(F["context"].get<std::string>(), Ctx))
        return L.fail("entry_functions", "unknown context " + F["context"].dump());
      if (Names)
        for (auto &N : F["names"])
          EntryFunctions[N.get<std::string>()] = Ctx;
      else
        EntryFunctions[F["name"].get<std::string>()] = Ctx;
    }
  }

  if (Doc.contains("scheduler_paths")) {
    if (!Doc["scheduler_paths"].is_array())
      return L.fail("scheduler_paths", "expected an array of strings");
    for (auto &P : Doc["scheduler_paths"]) {
      if (!P.is_string())
        return L.fail("scheduler_paths", "expected an array of strings");
      SchedPaths.push_back(P.get<std::string>());
    }
  }

  if (Doc.contains("gfp_sleep_mask")) {
    if (!Doc["gfp_sleep_mask"].is_number_unsigned())
      return L.fail("gfp_sleep_mask", "expected an unsigned number");
    GfpSleepMask = Doc["gfp_sleep_mask"].get<uint64_t>();
  }
  if (Doc.contains("fpu_routine_patterns")) {
    if (!Doc["fpu_routine_patterns"].is_array())
      return L.fail("fpu_routine_patterns", "expected an array of name globs");
    for (auto &N : Doc["fpu_routine_patterns"]) {
      if (!N.is_string())
        return L.fail("fpu_routine_patterns", "expected an array of name globs");
      FpuPatterns.push_back(N.get<std::string>());
    }
  }
  for (auto [Key, Into] : {std::pair<const char *, std::vector<std::string> *>{
                               "acquire_wrapper_patterns", &AcquirePatterns},
                           {"release_wrapper_patterns", &ReleasePatterns},
                           {"process_root_patterns", &ProcessRootPatterns},
                           {"gfp_blocking_tests", &GfpBlockingTests}})
    if (Doc.contains(Key)) {
      if (!Doc[Key].is_array())
        return L.fail(Key, "expected an array of name globs");
      for (auto &N : Doc[Key]) {
        if (!N.is_string())
          return L.fail(Key, "expected an array of name globs");
        Into->push_back(N.get<std::string>());
      }
    }
  if (Doc.contains("core_paths")) {
    if (!Doc["core_paths"].is_array())
      return L.fail("core_paths", "expected an array of path prefixes");
    CorePaths.clear();
    for (auto &N : Doc["core_paths"]) {
      if (!N.is_string())
        return L.fail("core_paths", "expected an array of path prefixes");
      CorePaths.push_back(N.get<std::string>());
    }
  }

  if (Doc.contains("non_escaping_macros")) {
    if (!Doc["non_escaping_macros"].is_array())
      return L.fail("non_escaping_macros", "expected an array of macro names");
    for (auto &N : Doc["non_escaping_macros"]) {
      if (!N.is_string())
        return L.fail("non_escaping_macros", "expected an array of macro names");
      NonEscaping.push_back(N.get<std::string>());
    }
  }

  if (Doc.contains("contract_macros")) {
    auto &CM = Doc["contract_macros"];
    if (!CM.is_object())
      return L.fail("contract_macros", "expected an object of macro name -> kind");
    for (auto &[K, V] : CM.items()) {
      std::string S = V.is_string() ? V.get<std::string>() : "";
      ContractKind CK;
      if (S == "acquires") CK = ContractKind::Acquires;
      else if (S == "releases") CK = ContractKind::Releases;
      else if (S == "must_hold") CK = ContractKind::MustHold;
      else if (S == "cond_acquires") CK = ContractKind::CondAcquires;
      else return L.fail("contract_macros", "unknown contract kind " + V.dump() + " for '" + K + "'");
      Contracts[K] = CK;
    }
  }

  if (!Doc.contains("primitives"))
    return true;
  auto &PS = Doc["primitives"];
  if (!PS.is_array())
    return L.fail("primitives", "expected an array");
  for (auto &P : PS) {
    if (!P.is_object())
      return L.fail("primitives", "each entry must be an object");
    std::vector<std::string> Names;
    if (P.contains("name") && P["name"].is_string())
      Names.push_back(P["name"].get<std::string>());
    if (P.contains("names") && P["names"].is_array())
      for (auto &N : P["names"])
        if (N.is_string())
          Names.push_back(N.get<std::string>());
    if (Names.empty())
      return L.fail("primitives", "entry without 'name' or 'names': " + P.dump().substr(0, 60));
    std::string W = "primitive '" + Names.front() + "'";
    for (auto &[K, V] : P.items())
      if (K != "name" && K != "names" && K != "match" && K != "when" &&
          K != "effects" && K != "comment")
        return L.fail(W, "unknown key '" + K + "'");
    Primitive Prim;
    if (P.contains("match")) {
      std::string M = P["match"].is_string() ? P["match"].get<std::string>() : "";
      if (M == "any") Prim.Match = Primitive::Any;
      else if (M == "call") Prim.Match = Primitive::Call;
      else if (M == "macro") Prim.Match = Primitive::Macro;
      else return L.fail(W, "'match' must be \"any\", \"call\" or \"macro\"");
    }
    if (P.contains("when")) {
      std::string M = P["when"].is_string() ? P["when"].get<std::string>() : "";
      if (M == "always") Prim.Cond = When::Always;
      else if (M == "nonzero") Prim.Cond = When::NonZero;
      else if (M == "zero") Prim.Cond = When::Zero;
      else return L.fail(W, "'when' must be \"always\", \"nonzero\" or \"zero\"");
    }
    if (P.contains("effects")) {
      if (!P["effects"].is_array())
        return L.fail(W, "'effects' must be an array");
      for (auto &E : P["effects"]) {
        if (!E.is_object())
          return L.fail(W, "each effect must be an object");
        Effect Eff;
        auto regionOf = [&](const char *K) -> bool {
          Region R;
          if (!E[K].is_string() || !parseRegion(E[K].get<std::string>(), R))
            return L.fail(W, std::string("unknown region for '") + K + "': " + E[K].dump());
          Eff.Reg = R;
          return true;
        };
        auto lockClassOf = [&](const char *K) -> bool {
          auto It = E[K].is_string() ? ClassIndex.find(E[K].get<std::string>()) : ClassIndex.end();
          if (It == ClassIndex.end())
            return L.fail(W, std::string("unknown lock class for '") + K + "': " + E[K].dump());
          Eff.LockClassIdx = int(It->second);
          Eff.LockArg = 0;
          return true;
        };
        unsigned Kinds = 0;
        if (E.contains("enter")) { Eff.Kind = EffectKind::Enter; ++Kinds; if (!regionOf("enter")) return false; }
        if (E.contains("exit")) { Eff.Kind = EffectKind::Exit; ++Kinds; if (!regionOf("exit")) return false; }
        if (E.contains("assert")) { Eff.Kind = EffectKind::Assert; ++Kinds; if (!regionOf("assert")) return false; }
        if (E.contains("acquire")) { Eff.Kind = EffectKind::Acquire; ++Kinds; if (!lockClassOf("acquire")) return false; }
        if (E.contains("release")) { Eff.Kind = EffectKind::Release; ++Kinds; if (!lockClassOf("release")) return false; }
        if (E.contains("assert_held")) {
          Eff.Kind = EffectKind::AssertHeld; ++Kinds;
          if (!E["assert_held"].is_number_integer()) return L.fail(W, "'assert_held' must be an argument index");
          Eff.LockArg = E["assert_held"].get<int>();
        }
        for (auto [K, Kind] : {std::pair<const char *, EffectKind>{"cpu_id", EffectKind::CpuId},
                               {"percpu", EffectKind::Percpu}}) {
          if (!E.contains(K)) continue;
          Eff.Kind = Kind; ++Kinds;
          std::string V = E[K].is_string() ? E[K].get<std::string>() : "";
          if (V == "pinned") Eff.Needs = Need::Pinned;
          else if (V == "safe") Eff.Needs = Need::None;
          else return L.fail(W, std::string("'") + K + "' must be \"pinned\" or \"safe\"");
        }
        if (E.contains("register")) {
          Eff.Kind = EffectKind::Register; ++Kinds;
          if (!E["register"].is_string() || !parseContext(E["register"].get<std::string>(), Eff.Ctx))
            return L.fail(W, "unknown context for 'register': " + E["register"].dump());
          if (!E.contains("fn_arg")) return L.fail(W, "'register' needs 'fn_arg'");
          if (E.contains("context_by_arg")) {
            auto &B = E["context_by_arg"];
            if (!B.is_object() || !B.contains("contexts") || !B["contexts"].is_array() ||
                !L.intField(B, "arg", W, Eff.CtxArg) || Eff.CtxArg < 0)
              return L.fail(W, "'context_by_arg' needs 'arg' and a list 'contexts' of [glob, context]");
            for (auto &P : B["contexts"]) {
              EntryContext C;
              if (!P.is_array() || P.size() != 2 || !P[0].is_string() || !P[1].is_string() ||
                  !parseContext(P[1].get<std::string>(), C))
                return L.fail(W, "'context_by_arg' entries are [glob, context]: " + P.dump());
              Eff.CtxByArg.push_back({P[0].get<std::string>(), C});
            }
          }
        }
        if (E.contains("resched")) { Eff.Kind = EffectKind::Resched; ++Kinds; }
        if (E.contains("sleep")) {
          Eff.Kind = EffectKind::Sleep; ++Kinds;
          if (E["sleep"].is_number_integer() && E["sleep"].get<int>() >= 0)
            Eff.GfpArg = E["sleep"].get<int>();
          else if (!E["sleep"].is_boolean() || !E["sleep"].get<bool>())
            return L.fail(W, "'sleep' must be true or the index of the GFP argument");
        }
        if (E.contains("wakes")) { Eff.Kind = EffectKind::Wakes; ++Kinds; }
        if (E.contains("fpu")) {
          std::string V = E["fpu"].is_string() ? E["fpu"].get<std::string>() : "";
          if (V == "use") Eff.Kind = EffectKind::FpuUse;
          else if (V == "restore") Eff.Kind = EffectKind::FpuRestore;
          else return L.fail(W, "'fpu' must be \"use\" or \"restore\"");
          ++Kinds;
        }
        if (E.contains("replace_with")) {
          Eff.Kind = EffectKind::Deprecated; ++Kinds;
          if (!E["replace_with"].is_string())
            return L.fail(W, "'replace_with' must be a string");
          Eff.Replacement = E["replace_with"].get<std::string>();
        }
        if (Kinds != 1)
          return L.fail(W, "each effect needs exactly one of enter, exit, acquire, release, cpu_id, percpu, assert, assert_held, register, resched, sleep, replace_with, wakes, fpu: " + E.dump());
        if (!L.intField(E, "flags_arg", W, Eff.FlagsArg) ||
            !L.intField(E, "lock_arg", W, Eff.LockArg) ||
            !L.intField(E, "fn_arg", W, Eff.FnArg))
          return false;
        if (E.contains("lock_name")) {
          if (!E["lock_name"].is_string() || E["lock_name"].get<std::string>().empty())
            return L.fail(W, "'lock_name' must be a non-empty string");
          Eff.LockName = E["lock_name"].get<std::string>();
          Eff.LockArg = -1;
        }
        if (E.contains("implies") && !L.regionMask(E["implies"], W, Eff.Implies))
          return false;
        if (E.contains("shared")) Eff.Shared = E["shared"].is_boolean() && E["shared"].get<bool>();
        if (E.contains("unless_pagefault_disabled"))
          Eff.UnlessPagefault = E["unless_pagefault_disabled"].is_boolean() &&
                                E["unless_pagefault_disabled"].get<bool>();
        if (E.contains("no_resched")) Eff.NoResched = E["no_resched"].is_boolean() && E["no_resched"].get<bool>();
        if (E.contains("only")) {
          std::string O = E["only"].is_string() ? E["only"].get<std::string>() : "";
          if (O == "rt") Eff.RTOnly = true;
          else if (O == "non-rt") Eff.NonRTOnly = true;
          else return L.fail(W, "'only' must be \"rt\" or \"non-rt\"");
        }
        for (auto &[K, V] : E.items())
          if (K != "enter" && K != "exit" && K != "assert" && K != "acquire" && K != "release" &&
              K != "assert_held" && K != "cpu_id" && K != "percpu" && K != "register" &&
              K != "resched" && K != "flags_arg" && K != "lock_arg" && K != "fn_arg" &&
              K != "implies" && K != "shared" && K != "no_resched" && K != "only" &&
              K != "lock_name" && K != "sleep" && K != "replace_with" &&
              K != "unless_pagefault_disabled" && K != "wakes" && K != "fpu" &&
              K != "context_by_arg")
            return L.fail(W, "unknown effect key '" + K + "'");
        Prim.Effects.push_back(Eff);
      }
    }
    for (auto &N : Names) {
      Prim.Name = N;
      auto It = Index.find(N);
      if (It != Index.end()) {
        Prims[It->second] = Prim;
      } else {
        Index[N] = Prims.size();
        Prims.push_back(Prim);
      }
    }
  }
  return true;
}

std::string preemptlint::defaultModelPath(const char *Argv0) {
  // Installed layout: <prefix>/bin/preemptlint + <prefix>/share/preemptlint/kernel-api.json;
  // build layout: <build>/bin/preemptlint + <build>/share/preemptlint/kernel-api.json.
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, (void *)&defaultModelPath);
  llvm::SmallString<256> P(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(P, "share", "preemptlint", "kernel-api.json");
  if (llvm::sys::fs::exists(P))
    return std::string(P);
  return "";
}

bool preemptlint::globMatch(llvm::StringRef P, llvm::StringRef S) {
  if (P.empty())
    return S.empty();
  if (P.front() == '*') {
    for (size_t I = 0; I <= S.size(); ++I)
      if (globMatch(P.drop_front(), S.drop_front(I)))
        return true;
    return false;
  }
  return !S.empty() && P.front() == S.front() && globMatch(P.drop_front(), S.drop_front());
}

bool KernelApiModel::isFpuRoutine(llvm::StringRef Name) const {
  for (auto &P : FpuPatterns)
    if (globMatch(P, Name))
      return true;
  return false;
}
