//===- TreeLink.cpp - judge cross-function effects over the whole tree ----===//
//
// See TreeLink.h for the rules and which way each errs. Everything here is
// over plain data: a call graph by name, two monotone fixpoints (may-sleep,
// per-CPU need), and the wrapper judgement by callers.
//
//===----------------------------------------------------------------------===//
#include "TreeLinker.h"

#include "KernelApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <set>

using namespace preemptlint;

using namespace preemptlint::treelink;

Linker::Linker(const std::vector<FileFacts> &Files, const KernelApiModel &Model, TreeHandler &H)
    : Model(Model), H(H) {
  // Files in a fixed order (by name), so that the first definition of a
  // duplicated name, and so every result, do not depend on input order.
  std::vector<const FileFacts *> Sorted;
  for (auto &F : Files)
    Sorted.push_back(&F);
  llvm::sort(Sorted, [](const FileFacts *A, const FileFacts *B) { return A->File < B->File; });
  for (auto *File : Sorted)
    for (auto &F : File->Functions) {
      All.push_back(&F);
      ById.try_emplace(F.Usr, &F);
      FileOf[&F] = File->File;
      ByFile[File->File].push_back(&F);
    }
  // What each ops field may hold: the functions the tree stores into it.
  llvm::StringMap<std::vector<const FunctionFacts *>> Stored;
  for (auto *File : Sorted)
    for (auto &S : File->Stores) {
      StoreList.push_back({&S, File->File});
      const FunctionFacts *T = lookup(S.Target);
      auto &V = Stored[S.Field];
      if (T && !llvm::is_contained(V, T))
        V.push_back(T);
    }
  for (auto &[Field, V] : Stored)
    if (V.size() > MaxFieldTargets)
      ++Stats.FieldsOverCap;
  for (auto &CF : Model.callbackFields())
    FieldContext.try_emplace("struct " + CF.Record + "." + CF.Field, CF.Ctx);
  findEntryContexts(Sorted);
  for (auto *F : All)
    for (auto &C : F->Calls) {
      ++Stats.Calls;
      if (C.ThroughField) {
        ++Stats.FieldCalls;
        auto It = Stored.find(C.Callee);
        if (It == Stored.end() || It->second.empty() || It->second.size() > MaxFieldTargets)
          continue;
        ++Stats.FieldLinked;
        for (auto *T : It->second) {
          Targets[&C].push_back(T);
          FieldCallers[T].push_back({F, &C});
        }
        continue;
      }
      if (const FunctionFacts *T = lookup(C.Callee)) {
        ++Stats.Linked;
        // A registering function the model describes: an edge for the
        // per-CPU needs of its body only (its sleeps and effects are the
        // model's, judged where it is called).
        if (C.Modelled) {
          ModelTargets[&C].push_back(T);
          ModelCallers[T].push_back({F, &C});
          continue;
        }
        Targets[&C].push_back(T);
        Callers[T].push_back({F, &C});
      }
    }
  Stats.Functions = All.size();
}

Explanation Linker::explain(const std::string &Name) {
  computeSleeps();
  computeNeeds();
  Explanation X;
  for (auto *F : All) {
    if (F->Name != Name && F->Usr != Name)
      continue;
    Explanation::Definition D;
    D.F = *F;
    D.File = FileOf.lookup(F).str();
    if (auto It = Sleeps.find(F); It != Sleeps.end())
      D.Sleeps = It->second;
    if (auto It = Needs.find(F); It != Needs.end())
      D.Needs = It->second;
    for (auto *M : {&Callers, &FieldCallers, &ModelCallers})
      if (auto It = M->find(F); It != M->end())
        for (auto &[G, C] : It->second)
          D.Callers.push_back({G->Name, *C});
    X.Definitions.push_back(std::move(D));
  }
  return X;
}

void Linker::run() {
  computeSleeps();
  computeNeeds();
  reportSleeps();
  reportCallbacks();
  reportMethods();
  reportNeeds();
  judgeExitEffects();
}

void Linker::findEntryContexts(const std::vector<const FileFacts *> &Sorted) {
  // Registrations by a function, and those written at file scope
  // (module_init(fn): no registering function).
  auto Register = [&](const Registration &R, const std::string &Of) {
    EntryContext C;
    const FunctionFacts *T = lookup(R.Target);
    if (!T)
      return;
    Callbacks.insert(T);
    Registered.insert(T);
    if (!parseContext(R.Context, C))
      return;
    if (C != EntryContext::Process) {
      OtherContext.insert(T);
      return;
    }
    RootContext Why;
    Why.K = RootContext::Registered;
    Why.By = R.By;
    Why.Of = Of;
    Why.At = R.At;
    ProcessRoots.try_emplace(T, std::move(Why));
  };
  for (auto *File : Sorted) {
    for (auto &G : File->Functions)
      for (auto &R : G.Registers)
        Register(R, G.Name);
    for (auto &R : File->Registers)
      Register(R, "");
  }
  for (auto &[S, File] : StoreList) {
    auto Ctx = contextOf(*S);
    const FunctionFacts *T = lookup(S->Target);
    if (T)
      Callbacks.insert(T);
    if (T && Ctx && *Ctx != EntryContext::Process)
      OtherContext.insert(T); // a timer's function, a STARTING hotplug step
    if (!T || Ctx != EntryContext::Process)
      continue;
    RootContext Why;
    Why.K = RootContext::Stored;
    Why.By = S->Field;
    Why.At = S->At;
    ProcessRoots.try_emplace(T, std::move(Why));
  }
  for (auto *F : All)
    for (auto &P : Model.processRootPatterns())
      if (globMatch(P, F->Name)) {
        RootContext Why;
        Why.K = RootContext::Named;
        Why.By = P;
        ProcessRoots.try_emplace(F, std::move(Why));
        break;
      }
  Stats.ProcessRoots = ProcessRoots.size();
}

const FunctionFacts *Linker::lookup(const std::string &Id) const {
  auto It = ById.find(Id);
  return It == ById.end() ? nullptr : It->second;
}

const FunctionFacts *Linker::calleeOf(const CallSite &C) const {
  return C.Modelled ? nullptr : lookup(C.Callee);
}

const Linker::TargetList &Linker::targetsOf(const CallSite &C) const {
  static const TargetList None;
  auto It = Targets.find(&C);
  return It == Targets.end() ? None : It->second;
}

const Linker::TargetList &Linker::modelTargetsOf(const CallSite &C) const {
  static const TargetList None;
  auto It = ModelTargets.find(&C);
  return It == ModelTargets.end() ? None : It->second;
}

bool Linker::matchesAny(const std::vector<std::string> &Patterns, const std::string &Name) {
  return llvm::any_of(Patterns, [&](const std::string &P) { return globMatch(P, Name); });
}

void Linker::computeSleeps() {
  for (auto *F : All)
    if (F->Sleeps.Has)
      Sleeps[F] = {{F->Name, F->Sleeps.What, F->Sleeps.Where}};
  fixpoint(Sleeps,
           [](const FunctionFacts &, const CallSite &C) { return !C.Atomic && !C.KnownSleeps; });
}

void Linker::computeNeeds() {
  auto Seed = [&] {
    Needs.clear();
    for (auto *F : All)
      if (F->Pinned.Has && !F->AnswersPinning)
        Needs[F] = {{F->Name, F->Pinned.What, F->Pinned.Where}};
  };
  auto EdgeOk = [](const FunctionFacts &F, const CallSite &C) {
    return !F.AnswersPinning && C.Unpinned && !C.KnownPinned;
  };
  Seed();
  fixpoint(Needs, EdgeOk, /*WithModelled=*/true);
  // Where each need comes from, and what its paths know of a parameter
  // there: a call passing a constant that rules out every source adds no
  // need, and one that rules out some reaches the need through the others
  // (freeze_secondary_cpus(0) needs nothing through housekeeping_any_cpu(),
  // which it calls only when its parameter is -1, but still through
  // _cpu_down()). Found over the needs of this pass; the second pass only
  // drops edges, so what it finds of a function's sources still holds.
  for (auto &[F, Chain] : Needs) {
    std::vector<NeedSource> Src;
    if (F->Pinned.Has)
      Src.push_back({F->Pinned.OnlyWhere, nullptr, nullptr});
    for (auto &C : F->Calls) {
      if (!EdgeOk(*F, C))
        continue;
      for (const FunctionFacts *T : C.Modelled ? modelTargetsOf(C) : targetsOf(C))
        if (T != F && Needs.count(T)) {
          Src.push_back({C.UnpinnedWhere, &C, T});
          break;
        }
    }
    if (llvm::any_of(Src, [](const NeedSource &S) { return S.Where.known(); }))
      NeedSources[F] = std::move(Src);
  }
  if (NeedSources.empty())
    return;
  Seed();
  fixpoint(Needs, EdgeOk, /*WithModelled=*/true, /*RuleOut=*/true);
}

bool Linker::ruledOut(const NeedSource &S, const CallSite &C) {
  if (!S.Where.known())
    return false;
  for (auto &[I, V] : C.UnpinnedArgs)
    if (int(I) == S.Where.Param)
      return S.Where.ruledOutBy(V);
  return false;
}

const std::vector<ChainStep> *Linker::chainThrough(const CallSite &C, const FunctionFacts *T,
                                                   const Chains &M,
                                                   std::vector<ChainStep> &Buf) const {
  auto It = T ? M.find(T) : M.end();
  if (It == M.end())
    return nullptr;
  auto S = NeedSources.find(T);
  if (S == NeedSources.end())
    return &It->second;
  const NeedSource *Best = nullptr;
  size_t BestLen = SIZE_MAX;
  bool Left = false;
  for (auto &X : S->second) {
    if (ruledOut(X, C))
      continue;
    Left = true;
    size_t Len = 1;
    if (X.C) {
      auto J = M.find(X.T);
      if (J == M.end())
        continue;
      Len = J->second.size() + 1;
    }
    if (Len < BestLen) {
      Best = &X;
      BestLen = Len;
    }
  }
  if (!Left)
    return nullptr;
  if (!Best)
    return &It->second; // no source left has a chain yet: T's own
  if (BestLen == It->second.size() && !It->second.empty() &&
      It->second.front().What == (Best->C ? Best->T->Name : T->Pinned.What))
    return &It->second; // T's own chain goes through it
  if (!Best->C) {
    Buf = {{T->Name, T->Pinned.What, T->Pinned.Where}};
  } else {
    Buf = {{T->Name, Best->T->Name, Best->C->At}};
    auto &Rest = M.find(Best->T)->second;
    Buf.insert(Buf.end(), Rest.begin(), Rest.end());
  }
  return &Buf;
}

template <typename EdgeOk>
void Linker::fixpoint(Chains &M, EdgeOk Ok, bool WithModelled, bool RuleOut) {
  // Rounds: each extends chains by one call, so chains are shortest
  // first; bounded by the longest acyclic chain (recursion adds nothing
  // once a member is in). A round looks only at the callers of what the
  // previous round added: a function's chain depends on its callees'.
  std::vector<const FunctionFacts *> Frontier;
  for (auto &KV : M)
    Frontier.push_back(KV.first);
  for (unsigned Round = 0; Round < 64 && !Frontier.empty(); ++Round) {
    llvm::SmallPtrSet<const FunctionFacts *, 32> Cand;
    for (const FunctionFacts *T : Frontier)
      for (auto *Map : {&Callers, &FieldCallers, &ModelCallers})
        if (Map != &ModelCallers || WithModelled)
          if (auto It = Map->find(T); It != Map->end())
            for (auto &G : It->second)
              if (!M.count(G.F))
                Cand.insert(G.F);
    std::vector<std::pair<const FunctionFacts *, std::vector<ChainStep>>> Add;
    for (const FunctionFacts *F : Cand) {
      bool Found = false;
      for (auto &C : F->Calls) {
        if (Found || !Ok(*F, C) || (C.Modelled && !WithModelled))
          continue;
        for (const FunctionFacts *T : C.Modelled ? modelTargetsOf(C) : targetsOf(C)) {
          std::vector<ChainStep> Buf;
          auto It = T == F ? M.end() : M.find(T);
          const std::vector<ChainStep> *Via =
              It == M.end() ? nullptr : RuleOut ? chainThrough(C, T, M, Buf) : &It->second;
          if (!Via)
            continue;
          std::vector<ChainStep> Chain{{F->Name, T->Name, C.At}};
          Chain.insert(Chain.end(), Via->begin(), Via->end());
          Add.push_back({F, std::move(Chain)});
          Found = true;
          break;
        }
      }
    }
    Frontier.clear();
    for (auto &[F, Chain] : Add)
      if (M.try_emplace(F, std::move(Chain)).second)
        Frontier.push_back(F);
  }
}

const std::vector<ChainStep> *Linker::reportable(const Chains &M, const FunctionFacts *T) {
  if (!T)
    return nullptr;
  auto It = M.find(T);
  return It != M.end() && It->second.size() <= MaxReportedChain ? &It->second : nullptr;
}

void Linker::reportSleeps() {
  for (auto *F : All)
    for (auto &C : F->Calls) {
      if (!C.Atomic || C.KnownSleeps)
        continue;
      // Through an ops field: the first target that sleeps (one finding
      // per call site). A callee that sleeps only after dropping what its
      // caller held (rpm_resume() around schedule(), __down_common())
      // does not sleep in the caller's atomic section, as in the file's
      // own judgement.
      for (const FunctionFacts *T : targetsOf(C))
        if (auto *Chain = T && T->SleepsAfterRelease ? nullptr : reportable(Sleeps, T)) {
          H.sleepThroughCall(*F, C, *Chain);
          break;
        }
    }
}

std::optional<std::vector<ChainStep>> Linker::atomicEntrySleep(const FunctionFacts *T) const {
  if (auto *Chain = reportable(Sleeps, T))
    return *Chain;
  for (auto &C : T->Calls) {
    if (C.Atomic || C.KnownSleeps)
      continue;
    for (const FunctionFacts *U : targetsOf(C))
      if (auto *Chain = U == T ? nullptr : reportable(Sleeps, U)) {
        std::vector<ChainStep> Out{{T->Name, U->Name, C.At}};
        Out.insert(Out.end(), Chain->begin(), Chain->end());
        return Out;
      }
  }
  return std::nullopt;
}

void Linker::reportCallbacks() {
  for (auto *G : All)
    for (auto &R : G->Registers) {
      EntryContext C;
      if (!parseContext(R.Context, C) || !atomicContext(C))
        continue;
      const FunctionFacts *T = lookup(R.Target);
      if (!T || FileOf.lookup(T) == FileOf.lookup(G))
        continue;
      if (auto Chain = atomicEntrySleep(T))
        H.sleepInAtomicCallback(*T, *G, R, *Chain);
    }
}

void Linker::reportMethods() {
  std::set<const FunctionFacts *> Done;
  for (auto &[S, File] : StoreList) {
    auto Ctx = contextOf(*S);
    if (!Ctx || !atomicContext(*Ctx))
      continue;
    const FunctionFacts *T = lookup(S->Target);
    if (!T || FileOf.lookup(T) == File || !Done.insert(T).second)
      continue;
    if (auto Chain = atomicEntrySleep(T))
      H.sleepInAtomicMethod(*T, *S, contextName(*Ctx).str(), *Chain);
  }
}

void Linker::reportNeeds() {
  for (auto *F : All) {
    auto Root = ProcessRoots.find(F);
    bool InProcess = Root != ProcessRoots.end() && !schedulerCore(F);
    // A caller that pins or unpins on its own (so it knows it runs
    // preemptible), at an unpinned call: the callee's own access. Callers
    // that answer only as entry points of an unknown context (address
    // taken) do not count.
    if (F->AnswersPinning && F->ManagesPinning && !InProcess)
      for (auto &C : F->Calls) {
        if (!C.Unpinned || C.KnownPinned)
          continue;
        std::vector<ChainStep> Buf;
        auto *Chain = chainThrough(C, lookup(C.Callee), Needs, Buf);
        if (Chain && Chain->size() <= MaxReportedChain)
          H.unpinnedThroughCall(*F, C, *Chain);
      }
    // A function known to run in process context: its own need, when
    // its callers were to answer for it, or an unpinned call of a callee
    // that needs pinning, through a short chain. A callee of its own file
    // that touches per-CPU data itself was judged by the file's analysis.
    if (InProcess) {
      auto Own = Needs.find(F);
      if (!F->AnswersPinning && Own != Needs.end()) {
        if (Own->second.size() <= MaxRootChain)
          H.unpinnedInProcessContext(*F, Root->second, Own->second);
      } else if (F->AnswersPinning) {
        for (auto &C : F->Calls) {
          if (!C.Unpinned || C.KnownPinned || C.ThroughField)
            continue;
          const FunctionFacts *T = lookup(C.Callee);
          std::vector<ChainStep> Buf;
          auto *Via = chainThrough(C, T, Needs, Buf);
          if (!Via || Via->size() + 1 > MaxRootChain ||
              (Via->size() == 1 && FileOf.lookup(T) == FileOf.lookup(F)))
            continue;
          std::vector<ChainStep> Chain{{F->Name, T->Name, C.At}};
          Chain.insert(Chain.end(), Via->begin(), Via->end());
          H.unpinnedInProcessContext(*F, Root->second, Chain);
        }
      }
      continue;
    }
    auto It = Needs.find(F);
    // A function that may sleep itself runs preemptible: its own access
    // with nothing pinning is its bug, callers or not (a caller that
    // pins around the call sleeps in atomic context, and is reported
    // for that; then the access is left to it). Not when it, or a
    // caller, is registered in another context (a CPU hotplug callback
    // runs in a per-CPU thread, bound to its CPU).
    if (It != Needs.end() && It->second.size() == 1 && !F->AnswersPinning && F->Sleeps.Has &&
        Callers.count(F) && !schedulerCore(F) && !OtherContext.count(F) &&
        llvm::none_of(Callers.find(F)->second,
                      [&](const Caller &G) { return G.C->Atomic || OtherContext.count(G.F); })) {
      RootContext Why;
      Why.K = RootContext::Sleeps;
      Why.By = F->Sleeps.What;
      Why.At = F->Sleeps.Where;
      H.unpinnedInProcessContext(*F, Why, It->second);
      continue;
    }
    // A need that reaches a root of the tree that runs preemptible (not
    // in the scheduler core, whose functions run in states of their own).
    if (It != Needs.end() && It->second.size() <= MaxReportedChain && !F->AnswersPinning &&
        !Callers.count(F) && !ModelCallers.count(F) && (F->TakesLocks || F->Sleeps.Has) &&
        !schedulerCore(F) && !OtherContext.count(F))
      H.unpinnedInRoot(*F, It->second);
  }
}

const FunctionFacts *Linker::byFunction(const FunctionFacts *F, const ExitEffect &E) const {
  if (const FunctionFacts *T = lookup(FileOf.lookup(F).str() + ":" + E.By))
    return T;
  return lookup(E.By);
}

const std::vector<const FunctionFacts *> &Linker::sameFile(const FunctionFacts *F) const {
  static const std::vector<const FunctionFacts *> None;
  auto It = ByFile.find(FileOf.lookup(F));
  return It == ByFile.end() ? None : It->second;
}

bool Linker::schedulerCore(const FunctionFacts *F) const {
  llvm::StringRef File = FileOf.lookup(F);
  return llvm::any_of(Model.schedulerPaths(),
                      [&](const std::string &P) { return File.contains(P); });
}

std::optional<EntryContext> Linker::contextOf(const FieldStore &S) const {
  EntryContext C;
  if (!S.Context.empty() && parseContext(S.Context, C))
    return C;
  auto It = FieldContext.find(S.Field);
  if (It == FieldContext.end())
    return std::nullopt;
  return It->second;
}

TreeStats preemptlint::linkTree(const std::vector<FileFacts> &Files, const KernelApiModel &Model,
                                TreeHandler &H) {
  Linker L(Files, Model, H);
  L.run();
  return L.Stats;
}

Explanation preemptlint::explainFunction(const std::vector<FileFacts> &Files,
                                         const KernelApiModel &Model, const std::string &Name) {
  TreeHandler None;
  Linker L(Files, Model, None);
  return L.explain(Name);
}
