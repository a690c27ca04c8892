//===- TreeFacts.cpp - FileFacts to and from JSON -------------------------===//
//
// Reading is defensive: a record written by another version, truncated or
// edited by hand is refused as a whole (the caller rebuilds it), never half
// trusted. The library is built without exceptions, so every access checks
// the type first.
//
//===----------------------------------------------------------------------===//
#include "TreeFacts.h"

#include <nlohmann/json.hpp>

using json = nlohmann::json;
using namespace preemptlint;

namespace {

json pos(const SrcPos &P) { return json::array({P.File, P.Line, P.Column}); }

json effect(const ExitEffect &E) {
  return {{"lock", E.Lock}, {"region", E.Region}, {"shown", E.Shown},
          {"by", E.By},     {"where", pos(E.Where)}, {"exit", pos(E.Exit)}};
}

json param(const ParamFact &P) {
  json O = {{"param", P.Param}, {"nonzero", P.NonZero}};
  if (P.HasValue)
    O["value"] = P.Value;
  if (P.Mask != ~uint64_t(0))
    O["mask"] = P.Mask;
  return O;
}

json need(const FactNeed &N) {
  if (!N.Has)
    return nullptr;
  json O = {{"what", N.What}, {"where", pos(N.Where)}};
  if (N.OnlyWhere.known())
    O["only_where"] = param(N.OnlyWhere); // optional
  return O;
}

/// A reader that remembers the first thing that was not as expected.
struct Reader {
  std::string Err;
  bool fail(const std::string &What) {
    if (Err.empty())
      Err = What;
    return false;
  }
  bool str(const json &O, const char *K, std::string &V) {
    auto It = O.find(K);
    if (It == O.end() || !It->is_string())
      return fail(std::string("'") + K + "' is not a string");
    V = It->get<std::string>();
    return true;
  }
  bool boolean(const json &O, const char *K, bool &V) {
    auto It = O.find(K);
    if (It == O.end() || !It->is_boolean())
      return fail(std::string("'") + K + "' is not a boolean");
    V = It->get<bool>();
    return true;
  }
  bool pos(const json &O, const char *K, SrcPos &P) {
    auto It = O.find(K);
    if (It == O.end() || !It->is_array() || It->size() != 3 || !(*It)[0].is_string() ||
        !(*It)[1].is_number_unsigned() || !(*It)[2].is_number_unsigned())
      return fail(std::string("'") + K + "' is not a position");
    P.File = (*It)[0].get<std::string>();
    P.Line = (*It)[1].get<unsigned>();
    P.Column = (*It)[2].get<unsigned>();
    return true;
  }
  bool strings(const json &O, const char *K, std::vector<std::string> &V) {
    auto It = O.find(K);
    if (It == O.end() || !It->is_array())
      return fail(std::string("'") + K + "' is not a list");
    for (auto &S : *It) {
      if (!S.is_string())
        return fail(std::string("'") + K + "' holds a non-string");
      V.push_back(S.get<std::string>());
    }
    return true;
  }
  bool effect(const json &O, ExitEffect &E) {
    return O.is_object() && str(O, "lock", E.Lock) && str(O, "region", E.Region) &&
           str(O, "shown", E.Shown) && str(O, "by", E.By) && pos(O, "where", E.Where) &&
           pos(O, "exit", E.Exit);
  }
  bool effects(const json &O, const char *K, std::vector<ExitEffect> &V) {
    auto It = O.find(K);
    if (It == O.end() || !It->is_array())
      return fail(std::string("'") + K + "' is not a list");
    for (auto &X : *It) {
      V.emplace_back();
      if (!effect(X, V.back()))
        return fail(std::string("'") + K + "' holds a malformed effect");
    }
    return true;
  }
  bool need(const json &O, const char *K, FactNeed &N) {
    auto It = O.find(K);
    if (It == O.end())
      return fail(std::string("'") + K + "' is missing");
    if (It->is_null())
      return true;
    N.Has = true;
    return It->is_object() && str(*It, "what", N.What) && pos(*It, "where", N.Where) &&
           param(*It, "only_where", N.OnlyWhere);
  }
  /// An optional ParamFact.
  bool param(const json &O, const char *K, ParamFact &P) {
    auto It = O.find(K);
    if (It == O.end())
      return true;
    if (!It->is_object() || !It->contains("param") || !(*It)["param"].is_number_integer() ||
        (*It)["param"].get<int>() < 0 || !It->contains("nonzero") || !(*It)["nonzero"].is_boolean())
      return fail(std::string("'") + K + "' is malformed");
    P.Param = (*It)["param"].get<int>();
    P.NonZero = (*It)["nonzero"].get<bool>();
    if (auto V = It->find("value"); V != It->end()) {
      if (!V->is_number_integer())
        return fail(std::string("'") + K + "' has a value that is not an integer");
      P.HasValue = true;
      P.Value = V->get<int64_t>();
    }
    if (auto M = It->find("mask"); M != It->end()) {
      if (!M->is_number_unsigned())
        return fail(std::string("'") + K + "' has a mask that is not an unsigned integer");
      P.Mask = M->get<uint64_t>();
    }
    return true;
  }
  /// Optional [[index, value], ...].
  bool args(const json &O, const char *K, std::vector<std::pair<unsigned, int64_t>> &V) {
    auto It = O.find(K);
    if (It == O.end())
      return true;
    if (!It->is_array())
      return fail(std::string("'") + K + "' is not a list");
    for (auto &X : *It) {
      if (!X.is_array() || X.size() != 2 || !X[0].is_number_unsigned() || !X[1].is_number_integer())
        return fail(std::string("'") + K + "' holds a malformed argument");
      V.push_back({X[0].get<unsigned>(), X[1].get<int64_t>()});
    }
    return true;
  }
  bool call(const json &O, CallSite &C) {
    return O.is_object() && str(O, "callee", C.Callee) && str(O, "name", C.CalleeName) &&
           pos(O, "at", C.At) && boolean(O, "atomic", C.Atomic) &&
           str(O, "atomic_lock", C.AtomicLock) && str(O, "atomic_region", C.AtomicRegion) &&
           str(O, "atomic_by", C.AtomicBy) && pos(O, "atomic_since", C.AtomicSince) &&
           boolean(O, "unpinned", C.Unpinned) && boolean(O, "known_sleeps", C.KnownSleeps) &&
           boolean(O, "known_pinned", C.KnownPinned) && strings(O, "held", C.Held) &&
           boolean(O, "field", C.ThroughField) && str(O, "via", C.Via) &&
           boolean(O, "model", C.Modelled) && param(O, "unpinned_where", C.UnpinnedWhere) &&
           args(O, "unpinned_args", C.UnpinnedArgs);
  }
  bool store(const json &O, FieldStore &S) {
    if (!(O.is_object() && str(O, "field", S.Field) && str(O, "target", S.Target) &&
          str(O, "name", S.TargetName) && pos(O, "at", S.At)))
      return false;
    auto It = O.find("context"); // optional
    if (It == O.end())
      return true;
    EntryContext C;
    if (!It->is_string() || !parseContext(It->get<std::string>(), C))
      return fail("a field store's 'context' is not a context");
    S.Context = It->get<std::string>();
    return true;
  }
  bool function(const json &O, FunctionFacts &F) {
    if (!O.is_object())
      return fail("a function is not an object");
    if (!(str(O, "usr", F.Usr) && str(O, "name", F.Name) && pos(O, "at", F.At) &&
          boolean(O, "external", F.External) && boolean(O, "contract", F.Contract) &&
          boolean(O, "takes_locks", F.TakesLocks) &&
          boolean(O, "answers_pinning", F.AnswersPinning) && effects(O, "acquires", F.Acquires) &&
          effects(O, "releases", F.Releases) && effects(O, "acquires_some", F.AcquiresSome) &&
          effects(O, "releases_some", F.ReleasesSome) &&
          strings(O, "released", F.Released) &&
          strings(O, "ends", F.Ends) && need(O, "pinned", F.Pinned) &&
          need(O, "sleeps", F.Sleeps)))
      return false;
    // Optional (absent: false).
    for (auto [Key, Field] : {std::pair<const char *, bool *>{"manages_pinning", &F.ManagesPinning},
                              {"sleeps_after_release", &F.SleepsAfterRelease}})
      if (auto M = O.find(Key); M != O.end()) {
        if (!M->is_boolean())
          return fail(std::string("'") + Key + "' is not a boolean");
        *Field = M->get<bool>();
      }
    auto It = O.find("calls");
    if (It == O.end() || !It->is_array())
      return fail("'calls' is not a list");
    for (auto &C : *It) {
      F.Calls.emplace_back();
      if (!call(C, F.Calls.back()))
        return fail("a call site is malformed");
    }
    // Optional (absent: none).
    if (auto R = O.find("registers"); R != O.end()) {
      if (!R->is_array())
        return fail("'registers' is not a list");
      for (auto &X : *R) {
        F.Registers.emplace_back();
        if (!registration(X, F.Registers.back()))
          return fail("a registration is malformed");
      }
    }
    for (auto *V : {&F.AcquiresSome, &F.ReleasesSome})
      for (auto &E : *V)
        E.EveryPath = false;
    return true;
  }
  bool registration(const json &X, Registration &G) {
    return X.is_object() && str(X, "target", G.Target) && str(X, "name", G.TargetName) &&
           str(X, "context", G.Context) && str(X, "by", G.By) && pos(X, "at", G.At);
  }
};

json registration(const Registration &R) {
  return {{"target", R.Target}, {"name", R.TargetName}, {"context", R.Context},
          {"by", R.By},         {"at", pos(R.At)}};
}

} // namespace

std::string preemptlint::toJson(const FileFacts &F) {
  json Fns = json::array();
  for (auto &Fn : F.Functions) {
    json Acq = json::array(), Rel = json::array(), AcqSome = json::array(),
         RelSome = json::array(), Calls = json::array(), Regs = json::array();
    for (auto &R : Fn.Registers)
      Regs.push_back(registration(R));
    for (auto &E : Fn.Acquires)
      Acq.push_back(effect(E));
    for (auto &E : Fn.Releases)
      Rel.push_back(effect(E));
    for (auto &E : Fn.AcquiresSome)
      AcqSome.push_back(effect(E));
    for (auto &E : Fn.ReleasesSome)
      RelSome.push_back(effect(E));
    for (auto &C : Fn.Calls) {
      json X = {{"callee", C.Callee},
                       {"name", C.CalleeName},
                       {"at", pos(C.At)},
                       {"atomic", C.Atomic},
                       {"atomic_lock", C.AtomicLock},
                       {"atomic_region", C.AtomicRegion},
                       {"atomic_by", C.AtomicBy},
                       {"atomic_since", pos(C.AtomicSince)},
                       {"unpinned", C.Unpinned},
                       {"known_sleeps", C.KnownSleeps},
                       {"known_pinned", C.KnownPinned},
                       {"held", C.Held},
                       {"field", C.ThroughField},
                       {"via", C.Via},
                       {"model", C.Modelled}};
      // Optional: what the unpinned paths know (absent: nothing).
      if (C.UnpinnedWhere.known())
        X["unpinned_where"] = param(C.UnpinnedWhere);
      if (!C.UnpinnedArgs.empty()) {
        json A = json::array();
        for (auto &[I, V] : C.UnpinnedArgs)
          A.push_back({I, V});
        X["unpinned_args"] = std::move(A);
      }
      Calls.push_back(std::move(X));
    }
    Fns.push_back({{"usr", Fn.Usr},
                   {"name", Fn.Name},
                   {"at", pos(Fn.At)},
                   {"external", Fn.External},
                   {"contract", Fn.Contract},
                   {"takes_locks", Fn.TakesLocks},
                   {"answers_pinning", Fn.AnswersPinning},
                   {"manages_pinning", Fn.ManagesPinning},
                   {"acquires", std::move(Acq)},
                   {"releases", std::move(Rel)},
                   {"acquires_some", std::move(AcqSome)},
                   {"releases_some", std::move(RelSome)},
                   {"released", Fn.Released},
                   {"ends", Fn.Ends},
                   {"pinned", need(Fn.Pinned)},
                   {"sleeps", need(Fn.Sleeps)},
                   {"sleeps_after_release", Fn.SleepsAfterRelease},
                   {"calls", std::move(Calls)},
                   {"registers", std::move(Regs)}});
  }
  json Stores = json::array();
  for (auto &S : F.Stores) {
    json X = {{"field", S.Field}, {"target", S.Target}, {"name", S.TargetName}, {"at", pos(S.At)}};
    if (!S.Context.empty())
      X["context"] = S.Context; // optional: absent, the field's own
    Stores.push_back(std::move(X));
  }
  json Regs = json::array();
  for (auto &R : F.Registers)
    Regs.push_back(registration(R));
  json Doc = {{"schema", "preemptlint-tree-facts"},
              {"version", F.Version},
              {"file", F.File},
              {"functions", std::move(Fns)},
              {"stores", std::move(Stores)},
              {"registers", std::move(Regs)}};
  // Invalid UTF-8 in a name is replaced rather than aborting the dump.
  return Doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool preemptlint::fromJson(const std::string &Text, FileFacts &F, std::string &Err) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, /*allow_exceptions=*/false);
  if (Doc.is_discarded() || !Doc.is_object()) {
    Err = "not a JSON object";
    return false;
  }
  auto S = Doc.find("schema");
  auto V = Doc.find("version");
  if (S == Doc.end() || !S->is_string() || *S != "preemptlint-tree-facts" || V == Doc.end() ||
      !V->is_number_integer() || V->get<int>() != TreeFactsVersion) {
    Err = "not tree facts of version " + std::to_string(TreeFactsVersion);
    return false;
  }
  Reader R;
  F = FileFacts();
  auto Fns = Doc.find("functions");
  bool Ok = R.str(Doc, "file", F.File);
  if (Ok && (Fns == Doc.end() || !Fns->is_array()))
    Ok = R.fail("'functions' is not a list");
  if (Ok)
    for (auto &Fn : *Fns) {
      F.Functions.emplace_back();
      if (!R.function(Fn, F.Functions.back())) {
        Ok = false;
        break;
      }
    }
  auto Stores = Doc.find("stores");
  if (Ok && (Stores == Doc.end() || !Stores->is_array()))
    Ok = R.fail("'stores' is not a list");
  if (Ok)
    for (auto &X : *Stores) {
      F.Stores.emplace_back();
      if (!R.store(X, F.Stores.back())) {
        Ok = R.fail("a field store is malformed");
        break;
      }
    }
  // Optional (absent: none): registrations written at file scope.
  if (auto Regs = Doc.find("registers"); Ok && Regs != Doc.end()) {
    if (!Regs->is_array())
      Ok = R.fail("'registers' is not a list");
    else
      for (auto &X : *Regs) {
        F.Registers.emplace_back();
        if (!R.registration(X, F.Registers.back())) {
          Ok = R.fail("a registration is malformed");
          break;
        }
      }
  }
  if (!Ok) {
    Err = R.Err.empty() ? "malformed record" : R.Err;
    F = FileFacts();
  }
  return Ok;
}
