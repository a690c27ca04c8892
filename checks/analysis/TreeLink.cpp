//===- TreeLink.cpp - judge cross-function effects over the whole tree ----===//
//
// See TreeLink.h for the rules and which way each errs. Everything here is
// over plain data: a call graph by name, two monotone fixpoints (may-sleep,
// per-CPU need), and the wrapper judgement by callers.
//
//===----------------------------------------------------------------------===//
#include "TreeLink.h"

#include "KernelApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <set>

using namespace preemptlint;

namespace {

/// Needs and sleeps are carried through any number of calls, but reported
/// only when the callee has them itself: measured on the 6.12 core corpus,
/// longer chains were almost all lost path conditions (a sleep only with a
/// GFP that allows it, a per-CPU access only under a caller's caller's
/// protection); see docs/design.md, "Whole-tree analysis".
constexpr size_t MaxReportedChain = 1;

/// A call through an ops field reaches every function the tree stores into
/// that field, up to this many; a field with more is not linked at all (its
/// calls reach nothing). Such a field is a generic interface with many
/// implementations (file_operations.read across a tree): a call site rarely
/// reaches all of them, and a finding naming one of many would be mostly
/// noise, so this errs towards silence. Measured on the 6.12 core corpus:
/// see docs/whole-tree.md, "Calls through ops fields".
constexpr size_t MaxFieldTargets = 8;

/// From a function known to run in process context (a work item, a
/// kthread, a file operation, a system call), a per-CPU need is reported
/// through up to this many calls: the root's context is evidence, not an
/// assumption, so the chain may be longer than MaxReportedChain. Measured
/// on the 6.12 corpora: 3 -> 4 adds no finding once a need a constant
/// argument rules out is none (FunctionSummary::PinnedWhere); 5 adds 7
/// false positives of two roots, 6 adds 11 (bench/MUTATION.md).
constexpr size_t MaxRootChain = 4;

/// A lock a function releases without taking it may be held by its
/// caller's caller: callers are asked up to this many levels.
constexpr unsigned MaxHeldDepth = 3;

struct Caller {
  const FunctionFacts *F;
  const CallSite *C;
};

class Linker {
public:
  Linker(const std::vector<FileFacts> &Files, const KernelApiModel &Model, TreeHandler &H)
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

  Explanation explain(const std::string &Name) {
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

  void run() {
    computeSleeps();
    computeNeeds();
    reportSleeps();
    reportCallbacks();
    reportMethods();
    reportNeeds();
    judgeExitEffects();
  }

  TreeStats Stats;

private:
  /// Callbacks (registered or stored into a field), those registered or
  /// stored in a context other than process context, and the functions known to run in
  /// preemptible process context, first reason in a fixed order:
  /// registered so, stored into a field the model gives process context,
  /// or named so by the model.
  void findEntryContexts(const std::vector<const FileFacts *> &Sorted) {
    for (auto *File : Sorted)
      for (auto &G : File->Functions)
        for (auto &R : G.Registers) {
          EntryContext C;
          const FunctionFacts *T = lookup(R.Target);
          if (!T)
            continue;
          Callbacks.insert(T);
          Registered.insert(T);
          if (!parseContext(R.Context, C))
            continue;
          if (C != EntryContext::Process) {
            OtherContext.insert(T);
            continue;
          }
          RootContext Why;
          Why.K = RootContext::Registered;
          Why.By = R.By;
          Why.Of = G.Name;
          Why.At = R.At;
          ProcessRoots.try_emplace(T, std::move(Why));
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

  const FunctionFacts *lookup(const std::string &Id) const {
    auto It = ById.find(Id);
    return It == ById.end() ? nullptr : It->second;
  }
  /// The function a direct call reaches, for the judgement of effects (not
  /// a registering function the model describes: its effects are the model's).
  const FunctionFacts *calleeOf(const CallSite &C) const {
    return C.Modelled ? nullptr : lookup(C.Callee);
  }
  using TargetList = llvm::SmallVector<const FunctionFacts *, 1>;
  /// The functions of the tree a call reaches: its callee, or for a call
  /// through an ops field, what the tree stores there (none past the cap).
  const TargetList &targetsOf(const CallSite &C) const {
    static const TargetList None;
    auto It = Targets.find(&C);
    return It == Targets.end() ? None : It->second;
  }
  /// The function a call of a registering function the model describes
  /// reaches (CallSite::Modelled), as a list.
  const TargetList &modelTargetsOf(const CallSite &C) const {
    static const TargetList None;
    auto It = ModelTargets.find(&C);
    return It == ModelTargets.end() ? None : It->second;
  }
  static bool matchesAny(const std::vector<std::string> &Patterns, const std::string &Name) {
    return llvm::any_of(Patterns, [&](const std::string &P) { return globMatch(P, Name); });
  }

  /// may-sleep: a function sleeps on its own, or through a non-atomic call
  /// of a callee that sleeps. Chains are kept shortest-first by iterating
  /// in rounds.
  void computeSleeps() {
    for (auto *F : All)
      if (F->Sleeps.Has)
        Sleeps[F] = {{F->Name, F->Sleeps.What, F->Sleeps.Where}};
    fixpoint(Sleeps, [](const FunctionFacts &, const CallSite &C) {
      return !C.Atomic && !C.KnownSleeps;
    });
  }

  /// per-CPU need left to the callers: a function that does not answer for
  /// its pinning needs it through an unpinned call of a callee that needs it.
  void computeNeeds() {
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
    // Needs whose every source lies where one parameter has a known value
    // (its own need sites, and the unpinned calls of callees that need):
    // a call passing a constant the other way adds none. Found over the
    // needs of this pass; the second pass only drops edges, so what it
    // finds of a function's sources still holds.
    for (auto &[F, Chain] : Needs) {
      std::optional<ParamFact> W;
      bool Mixed = false;
      auto Add = [&](const ParamFact &P) {
        if (!P.known() || (W && !sameParam(*W, P)))
          Mixed = true;
        else
          W = P;
      };
      if (F->Pinned.Has)
        Add(F->Pinned.OnlyWhere);
      for (auto &C : F->Calls) {
        if (Mixed || !EdgeOk(*F, C))
          continue;
        for (const FunctionFacts *T : C.Modelled ? modelTargetsOf(C) : targetsOf(C))
          if (T != F && Needs.count(T)) {
            Add(C.UnpinnedWhere);
            break;
          }
      }
      if (W && !Mixed)
        NeedWhere[F] = *W;
    }
    if (NeedWhere.empty())
      return;
    Seed();
    fixpoint(Needs, EdgeOk, /*WithModelled=*/true, /*RuleOut=*/true);
  }

  static bool sameParam(const ParamFact &A, const ParamFact &B) {
    return A.Param == B.Param && A.NonZero == B.NonZero && A.HasValue == B.HasValue &&
           A.Value == B.Value;
  }
  /// Does C pass, on every unpinned path, a constant that rules out T's
  /// need (NeedWhere)?
  bool needRuledOut(const CallSite &C, const FunctionFacts *T) const {
    auto It = T ? NeedWhere.find(T) : NeedWhere.end();
    if (It == NeedWhere.end())
      return false;
    for (auto &[I, V] : C.UnpinnedArgs)
      if (int(I) == It->second.Param)
        return It->second.ruledOutBy(V);
    return false;
  }

  using Chains = llvm::DenseMap<const FunctionFacts *, std::vector<ChainStep>>;

  template <typename EdgeOk>
  void fixpoint(Chains &M, EdgeOk Ok, bool WithModelled = false, bool RuleOut = false) {
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
            auto It = T == F ? M.end() : M.find(T);
            if (It == M.end() || (RuleOut && needRuledOut(C, T)))
              continue;
            std::vector<ChainStep> Chain{{F->Name, T->Name, C.At}};
            Chain.insert(Chain.end(), It->second.begin(), It->second.end());
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

  /// T's chain in M when it is short enough to report (see MaxReportedChain).
  static const std::vector<ChainStep> *reportable(const Chains &M, const FunctionFacts *T) {
    if (!T)
      return nullptr;
    auto It = M.find(T);
    return It != M.end() && It->second.size() <= MaxReportedChain ? &It->second : nullptr;
  }

  void reportSleeps() {
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

  /// Why T, entered in an atomic context its own file did not know, may
  /// sleep: it sleeps itself, or a call it makes (in that context) reaches
  /// a function that sleeps itself. Its atomic call sites are judged
  /// where they are (reportSleeps).
  std::optional<std::vector<ChainStep>> atomicEntrySleep(const FunctionFacts *T) const {
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

  /// A callback registered from another file: its own analysis did not
  /// know the context it runs in.
  void reportCallbacks() {
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

  /// A method stored, in another file than its own, into an ops field whose
  /// calls run in an atomic context (the model's callback_fields): its own
  /// analysis did not know that context. Once per method.
  void reportMethods() {
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


  void reportNeeds() {
    for (auto *F : All) {
      auto Root = ProcessRoots.find(F);
      bool InProcess = Root != ProcessRoots.end() && !schedulerCore(F);
      // A caller that pins or unpins on its own (so it knows it runs
      // preemptible), at an unpinned call: the callee's own access. Callers
      // that answer only as entry points of an unknown context (address
      // taken) do not count.
      if (F->AnswersPinning && F->ManagesPinning && !InProcess)
        for (auto &C : F->Calls) {
          if (!C.Unpinned || C.KnownPinned || needRuledOut(C, lookup(C.Callee)))
            continue;
          if (auto *Chain = reportable(Needs, lookup(C.Callee)))
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
            auto It = T && !needRuledOut(C, T) ? Needs.find(T) : Needs.end();
            if (It == Needs.end() || It->second.size() + 1 > MaxRootChain ||
                (It->second.size() == 1 && FileOf.lookup(T) == FileOf.lookup(F)))
              continue;
            std::vector<ChainStep> Chain{{F->Name, T->Name, C.At}};
            Chain.insert(Chain.end(), It->second.begin(), It->second.end());
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
          llvm::none_of(Callers.find(F)->second, [&](const Caller &G) {
            return G.C->Atomic || OtherContext.count(G.F);
          })) {
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

  static bool sameEffect(const ExitEffect &A, const ExitEffect &B) {
    return A.Lock == B.Lock && A.Region == B.Region;
  }
  static bool hasEffect(const std::vector<ExitEffect> &V, const ExitEffect &E) {
    return llvm::any_of(V, [&](const ExitEffect &X) { return sameEffect(X, E); });
  }
  /// Does G, a caller of F, end E (which F leaves held), itself or through
  /// a function of the tree it calls?
  bool endsItself(const FunctionFacts *G, const FunctionFacts *F, const ExitEffect &E) const {
    if (hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E))
      return true;
    // A release G's own analysis matched (G->Released, G->Ends: somewhere,
    // balanced or not) ends F's effect only when that analysis knew F's
    // summary: F in G's file and held on every path. Across files, G's
    // release of what F took was unheld in G's analysis (G->Releases
    // above); a balanced pair of G's own (load_module() around its own
    // module_mutex work) ends nothing of F's. Interrupts stay answered by
    // any restore (the flags' owner is not in the facts).
    bool Known = E.EveryPath && FileOf.lookup(G) == FileOf.lookup(F);
    if (!E.Lock.empty() ? Known && llvm::is_contained(G->Released, E.Lock)
                        : (Known || E.Region == "irq") && llvm::is_contained(G->Ends, E.Region))
      return true;
    // A callee ends it for G only when it releases what it did not take
    // (a release helper); one that takes and releases the lock itself
    // (ring_buffer_iter_peek() around its own work) ends nothing of G's.
    return llvm::any_of(G->Calls, [&](const CallSite &X) {
      const FunctionFacts *T = calleeOf(X);
      return T && T != G && (hasEffect(T->Releases, E) || hasEffect(T->ReleasesSome, E));
    });
  }

  /// The function of the tree that E.By names, if it is one (the callee
  /// whose summary began or ended E in F), statics of F's file first.
  const FunctionFacts *byFunction(const FunctionFacts *F, const ExitEffect &E) const {
    if (const FunctionFacts *T = lookup(FileOf.lookup(F).str() + ":" + E.By))
      return T;
    return lookup(E.By);
  }
  /// A section taken or ended through an annotated function
  /// (__acquires/__releases) is the annotation's business.
  bool throughContract(const FunctionFacts *F, const ExitEffect &E) const {
    const FunctionFacts *T = byFunction(F, E);
    return T && T->Contract;
  }
  /// A region a held lock may imply (its class and variant: preemption,
  /// interrupts, bottom halves).
  static bool lockMayImply(const std::string &RegionName) {
    Region R;
    return parseRegion(RegionName, R) &&
           (R == Region::Preempt || R == Region::Irq || R == Region::Bh);
  }
  /// The model describes Name as taking, releasing, beginning or ending
  /// something.
  bool modelBalances(const std::string &Name) const {
    const Primitive *P = Model.lookup(Name);
    return P && llvm::any_of(P->Effects, [](const Effect &X) {
             return X.Kind == EffectKind::Enter || X.Kind == EffectKind::Exit ||
                    X.Kind == EffectKind::Acquire || X.Kind == EffectKind::Release;
           });
  }
  /// The model says Name releases E's lock, a global lock it names.
  bool modelReleases(const std::string &Name, const ExitEffect &E) const {
    const Primitive *P = E.Lock.empty() ? nullptr : Model.lookup(Name);
    return P && llvm::any_of(P->Effects, [&](const Effect &X) {
             return X.Kind == EffectKind::Release && X.LockName == E.Lock;
           });
  }
  /// The functions defined in F's file.
  const std::vector<const FunctionFacts *> &sameFile(const FunctionFacts *F) const {
    static const std::vector<const FunctionFacts *> None;
    auto It = ByFile.find(FileOf.lookup(F));
    return It == ByFile.end() ? None : It->second;
  }
  bool schedulerCore(const FunctionFacts *F) const {
    llvm::StringRef File = FileOf.lookup(F);
    return llvm::any_of(Model.schedulerPaths(),
                        [&](const std::string &P) { return File.contains(P); });
  }
  /// With no caller in the tree to tell: another function of F's file,
  /// with no caller in the tree either, has the opposite effect
  /// (probe_irq_on() takes what probe_irq_off() drops): the two are an API
  /// pair for callers outside the tree.
  bool pairInFile(const FunctionFacts *F, const ExitEffect &E, bool Acquires) const {
    return llvm::any_of(sameFile(F), [&](const FunctionFacts *G) {
      return G != F && !Callers.count(G) &&
             (Acquires ? hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E)
                       : hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E));
    });
  }
  /// A function of F's own file that nothing in the tree calls (a
  /// callback: a work item, a timer, an ops method) ends E without taking
  /// it: the hand-off is judged by the file's own analysis (lock owner).
  bool handedOffInFile(const FunctionFacts *F, const ExitEffect &E) const {
    return llvm::any_of(sameFile(F), [&](const FunctionFacts *G) {
      return G != F && !Callers.count(G) && Callbacks.count(G) &&
             (hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E));
    });
  }

  /// Does something in the tree end E, which F leaves held at every exit
  /// (or, E.EveryPath false, at some)?
  bool heldAnswered(const FunctionFacts *F, const ExitEffect &E, std::set<const FunctionFacts *> &Seen) {
    if (!Seen.insert(F).second)
      return true; // recursion: judged where the chain began
    // A conditional lock helper says so by its name, callers or not; a
    // callback nothing in the tree calls is no helper, whatever its name
    // (clocksource_watchdog(), a timer, matches "*lock*").
    bool Callback = Callbacks.count(F) && !Callers.count(F);
    if (!E.EveryPath && !Callback && matchesAny(Model.acquireWrapperPatterns(), F->Name))
      return true;
    if (throughContract(F, E) || handedOffInFile(F, E))
      return true;
    // A callee F calls while holding it ends it (the release is across a
    // file boundary, so F's own analysis did not see it).
    for (auto &C : F->Calls) {
      const FunctionFacts *T = calleeOf(C);
      if (!T)
        continue;
      // A callee that ends the section only inside its own balanced pair
      // (__task_pid_nr_ns() and its rcu_read_lock()), or drops the lock
      // and takes it back (remove_waiter() around lock->wait_lock), ends
      // nothing of F's; a restore of interrupts answers whatever saved
      // them.
      if (hasEffect(T->Releases, E) || hasEffect(T->ReleasesSome, E) ||
          (E.Region == "irq" && llvm::is_contained(T->Ends, E.Region)))
        return true;
    }
    auto It = Callers.find(F);
    if (It == Callers.end())
      return (!Registered.count(F) && matchesAny(Model.acquireWrapperPatterns(), F->Name)) ||
             pairInFile(F, E, /*Acquires=*/false);
    for (auto &[G, C] : It->second) {
      if (G->Contract || endsItself(G, F, E))
        return true;
      // A wrapper of a wrapper: its callers answer.
      if ((hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E)) && heldAnswered(G, E, Seen))
        return true;
    }
    return false;
  }

  /// Does a caller hold E when it calls F, which ends it without taking it
  /// (on every path, or E.EveryPath false, on some)? Depth counts callers
  /// that hold nothing at the call but may be called holding it.
  bool endAnswered(const FunctionFacts *F, const ExitEffect &E, std::set<const FunctionFacts *> &Seen,
                   unsigned Depth = 0) {
    // Visited already (another call site of the same caller, a diamond,
    // recursion): what it could answer, it answered there.
    if (!Seen.insert(F).second)
      return false;
    if (throughContract(F, E))
      return true;
    // The name of a conditional release helper answers for itself, not for
    // the callees of its callers (Depth > 0), nor in a callback nothing in
    // the tree calls (try_to_unmap_one(), an rmap walk's callback).
    bool Callback = Callbacks.count(F) && !Callers.count(F);
    if (!E.EveryPath && Depth == 0 && !Callback &&
        matchesAny(Model.releaseWrapperPatterns(), F->Name))
      return true;
    // F took it itself, through a function of the tree it calls (a
    // conditional lock helper across a file boundary, get_locked_pte()),
    // which its own analysis did not see.
    // An annotated callee (__acquires(RCU) on ieee80211_ibss_finish_sta())
    // answers a section too: its contract says what it leaves held (the
    // facts do not say which lock a contract names).
    if (llvm::any_of(F->Calls, [&](const CallSite &X) {
          const FunctionFacts *T = calleeOf(X);
          return T && T != F &&
                 (hasEffect(T->Acquires, E) || hasEffect(T->AcquiresSome, E) ||
                  (T->Contract && !E.Region.empty()));
        }))
      return true;
    auto It = Callers.find(F);
    if (It == Callers.end())
      return Depth == 0 && ((!Callback && matchesAny(Model.releaseWrapperPatterns(), F->Name)) ||
                            pairInFile(F, E, /*Acquires=*/true));
    for (auto &[G, C] : It->second) {
      // Annotated, or described by the model as releasing this very lock
      // (do_wait_thread() releases its caller's tasklist_lock when it
      // returns non-zero): its caller is documented to hold it.
      if (G->Contract || modelReleases(G->Name, E))
        return true;
      if (!E.Lock.empty() && llvm::is_contained(C->Held, E.Lock))
        return true;
      // It took it through another function of the tree (get ... put pairs
      // called from one caller).
      if (llvm::any_of(G->Calls, [&](const CallSite &X) {
            const FunctionFacts *T = calleeOf(X);
            return T && T != F && (hasEffect(T->Acquires, E) || hasEffect(T->AcquiresSome, E));
          }))
        return true;
      // A region: the call is made inside that section of the caller, or,
      // for preemption, interrupts and bottom halves, under a lock that
      // may imply it (the call site keeps only the innermost cause).
      if (!E.Region.empty() && C->Atomic &&
          (C->AtomicRegion == E.Region || (!C->AtomicLock.empty() && lockMayImply(E.Region))))
        return true;
      // A region the caller itself began and returns in (its analysis saw
      // the callee as a plain call): the caller acquires it for F.
      if (hasEffect(G->Acquires, E) || hasEffect(G->AcquiresSome, E))
        return true;
      if ((hasEffect(G->Releases, E) || hasEffect(G->ReleasesSome, E)) && endAnswered(G, E, Seen))
        return true;
      // Held across the caller: the caller's own callers hold it when they
      // call it (wait_consider_task() -> wait_task_stopped(), under its
      // caller's read_lock(&tasklist_lock); _prb_commit() under its
      // callers' saved interrupt state).
      // Not for an RCU read-side section: it nests, so a function that
      // ends one its direct caller did not begin has no reason to (the
      // caller's caller's section is still the caller's business).
      if (Depth < MaxHeldDepth && E.Region != "rcu" && endAnswered(G, E, Seen, Depth + 1))
        return true;
    }
    return false;
  }

  void judgeExitEffects() {
    for (auto *F : All) {
      // An annotated function, or one the model describes as taking,
      // releasing, beginning or ending something (its calls are the
      // model's primitive, so the tree records no callers for it:
      // schedule_preempt_disabled()), answers for its effects by its
      // contract. One the model knows only as sleeping (down_timeout()
      // and the semaphore lock it takes inside) is judged by its code.
      if (F->Contract || modelBalances(F->Name))
        continue;
      unsigned N = 0;
      if (auto It = Callers.find(F); It != Callers.end())
        N = It->second.size();
      for (auto *List : {&F->Acquires, &F->AcquiresSome})
        for (auto &E : *List) {
          // A section held on some exits only was judged by the file's
          // own analysis (an inconsistent exit, or one the return value
          // explains); here it is only evidence for the callers.
          if (!E.EveryPath && !E.Region.empty())
            continue;
          std::set<const FunctionFacts *> Seen;
          if (!heldAnswered(F, E, Seen))
            H.heldForNobody(*F, E, N);
        }
      // Every path, or some path of the function: either way the callers
      // must hold it at the call.
      for (auto *List : {&F->Releases, &F->ReleasesSome})
        for (auto &E : *List) {
          std::set<const FunctionFacts *> Seen;
          if (!endAnswered(F, E, Seen))
            H.endedForNobody(*F, E, N);
        }
    }
  }

  const KernelApiModel &Model;
  TreeHandler &H;
  std::vector<const FunctionFacts *> All;
  llvm::StringMap<const FunctionFacts *> ById;
  llvm::DenseMap<const FunctionFacts *, llvm::StringRef> FileOf;
  llvm::StringMap<std::vector<const FunctionFacts *>> ByFile;
  llvm::DenseMap<const FunctionFacts *, std::vector<Caller>> Callers; // direct calls
  /// Calls through ops fields, by target: carried by the fixpoints and
  /// shown by --explain, but not callers for the judgement of wrappers and
  /// roots (a method's lock effects and entry are its own file's to judge).
  llvm::DenseMap<const FunctionFacts *, std::vector<Caller>> FieldCallers;
  llvm::DenseMap<const CallSite *, TargetList> Targets;
  std::vector<std::pair<const FieldStore *, llvm::StringRef>> StoreList; // with its file
  llvm::StringMap<EntryContext> FieldContext; // the model's callback_fields, by field
  /// The context a store gives its function: the store's own (a table
  /// element's index), else its field's.
  std::optional<EntryContext> contextOf(const FieldStore &S) const {
    EntryContext C;
    if (!S.Context.empty() && parseContext(S.Context, C))
      return C;
    auto It = FieldContext.find(S.Field);
    if (It == FieldContext.end())
      return std::nullopt;
    return It->second;
  }
  Chains Sleeps, Needs;
  llvm::DenseMap<const FunctionFacts *, RootContext> ProcessRoots;
  /// Functions registered or stored into a field somewhere in the tree.
  llvm::DenseSet<const FunctionFacts *> Callbacks;
  /// Calls of registering functions the model describes (CallSite::Modelled).
  llvm::DenseMap<const CallSite *, TargetList> ModelTargets;
  llvm::DenseMap<const FunctionFacts *, std::vector<Caller>> ModelCallers;
  llvm::DenseSet<const FunctionFacts *> Registered; // callbacks passed to a registration
  /// ... registered in a context other than process context (a per-CPU
  /// thread, an atomic one).
  llvm::DenseSet<const FunctionFacts *> OtherContext;
  llvm::DenseMap<const FunctionFacts *, ParamFact> NeedWhere; // see computeNeeds()
};

} // namespace

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
