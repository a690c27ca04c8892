//===- TreeLinker.h - the whole-tree link's state ---------------*- C++ -*-===//
//
// The linker of TreeLink.h: the call graph of the tree's facts, the
// entry contexts, the chains of sleeps and per-CPU needs (TreeLink.cpp) and
// the judgement of effects left to callers (TreeExitEffects.cpp). Private
// to those two files.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_TREELINKER_H
#define PREEMPTLINT_ANALYSIS_TREELINKER_H

#include "TreeLink.h"

#include "KernelApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <set>

namespace preemptlint {
namespace treelink {

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
/// kthread, a file operation, a system call, an initcall), a per-CPU need
/// is reported through up to this many calls: the root's context is
/// evidence, not an assumption, so the chain may be longer than
/// MaxReportedChain. Measured on the 6.12 corpora, each limit against the
/// one before, once needs are ruled out source by source and
/// rcu_is_watching() is modelled: 5 and 6 add no finding on either corpus
/// (6 adds one on the two linked as one tree), 7 adds one false positive
/// (oom_reaper() through sched_show_task() to get_stack_info()) and finds
/// one more injected bug, 8 adds 2 more of other roots (docs/design.md,
/// bench/MUTATION.md).
constexpr size_t MaxRootChain = 7;

/// A lock a function releases without taking it may be held by its
/// caller's caller: callers are asked up to this many levels.
constexpr unsigned MaxHeldDepth = 3;

struct Caller {
  const FunctionFacts *F;
  const CallSite *C;
};

class Linker {
public:
  using TargetList = llvm::SmallVector<const FunctionFacts *, 1>;
  using Chains = llvm::DenseMap<const FunctionFacts *, std::vector<ChainStep>>;
  Linker(const std::vector<FileFacts> &Files, const KernelApiModel &Model, TreeHandler &H);

  Explanation explain(const std::string &Name);

  void run();

  TreeStats Stats;

private:
  /// Callbacks (registered or stored into a field), those registered or
  /// stored in a context other than process context, and the functions known to run in
  /// preemptible process context, first reason in a fixed order:
  /// registered so, stored into a field the model gives process context,
  /// or named so by the model.
  void findEntryContexts(const std::vector<const FileFacts *> &Sorted);

  const FunctionFacts *lookup(const std::string &Id) const;
  /// The function a direct call reaches, for the judgement of effects (not
  /// a registering function the model describes: its effects are the model's).
  const FunctionFacts *calleeOf(const CallSite &C) const;
  /// The functions of the tree a call reaches: its callee, or for a call
  /// through an ops field, what the tree stores there (none past the cap).
  const TargetList &targetsOf(const CallSite &C) const;
  /// The function a call of a registering function the model describes
  /// reaches (CallSite::Modelled), as a list.
  const TargetList &modelTargetsOf(const CallSite &C) const;
  static bool matchesAny(const std::vector<std::string> &Patterns, const std::string &Name);

  /// may-sleep: a function sleeps on its own, or through a non-atomic call
  /// of a callee that sleeps. Chains are kept shortest-first by iterating
  /// in rounds.
  void computeSleeps();

  /// per-CPU need left to the callers: a function that does not answer for
  /// its pinning needs it through an unpinned call of a callee that needs it.
  void computeNeeds();

  /// T's need as C reaches it: T's chain in M, or, when C's constants rule
  /// out some of T's sources, the shortest chain through one they leave
  /// (built in Buf). Null when T needs nothing in M or C rules out all.
  const std::vector<ChainStep> *chainThrough(const CallSite &C, const FunctionFacts *T,
                                             const Chains &M, std::vector<ChainStep> &Buf) const;

  template <typename EdgeOk>
  void fixpoint(Chains &M, EdgeOk Ok, bool WithModelled = false, bool RuleOut = false);

  /// T's chain in M when it is short enough to report (see MaxReportedChain).
  static const std::vector<ChainStep> *reportable(const Chains &M, const FunctionFacts *T);

  void reportSleeps();

  /// Why T, entered in an atomic context its own file did not know, may
  /// sleep: it sleeps itself, or a call it makes (in that context) reaches
  /// a function that sleeps itself. Its atomic call sites are judged
  /// where they are (reportSleeps).
  std::optional<std::vector<ChainStep>> atomicEntrySleep(const FunctionFacts *T) const;

  /// A callback registered from another file: its own analysis did not
  /// know the context it runs in.
  void reportCallbacks();

  /// A method stored, in another file than its own, into an ops field whose
  /// calls run in an atomic context (the model's callback_fields): its own
  /// analysis did not know that context. Once per method.
  void reportMethods();

  void reportNeeds();

  static bool sameEffect(const ExitEffect &A, const ExitEffect &B);
  static bool hasEffect(const std::vector<ExitEffect> &V, const ExitEffect &E);
  /// Does G, a caller of F, end E (which F leaves held), itself or through
  /// a function of the tree it calls?
  bool endsItself(const FunctionFacts *G, const FunctionFacts *F, const ExitEffect &E) const;

  /// The function of the tree that E.By names, if it is one (the callee
  /// whose summary began or ended E in F), statics of F's file first.
  const FunctionFacts *byFunction(const FunctionFacts *F, const ExitEffect &E) const;
  /// A section taken or ended through an annotated function
  /// (__acquires/__releases) is the annotation's business.
  bool throughContract(const FunctionFacts *F, const ExitEffect &E) const;
  /// A region a held lock may imply (its class and variant: preemption,
  /// interrupts, bottom halves).
  static bool lockMayImply(const std::string &RegionName);
  /// The model describes Name as taking, releasing, beginning or ending
  /// something.
  bool modelBalances(const std::string &Name) const;
  /// The model says Name releases E's lock, a global lock it names.
  bool modelReleases(const std::string &Name, const ExitEffect &E) const;
  /// The functions defined in F's file.
  const std::vector<const FunctionFacts *> &sameFile(const FunctionFacts *F) const;
  bool schedulerCore(const FunctionFacts *F) const;
  /// With no caller in the tree to tell: another function of F's file,
  /// with no caller in the tree either, has the opposite effect
  /// (probe_irq_on() takes what probe_irq_off() drops): the two are an API
  /// pair for callers outside the tree.
  bool pairInFile(const FunctionFacts *F, const ExitEffect &E, bool Acquires) const;
  /// A function of F's own file that nothing in the tree calls (a
  /// callback: a work item, a timer, an ops method) ends E without taking
  /// it: the hand-off is judged by the file's own analysis (lock owner).
  bool handedOffInFile(const FunctionFacts *F, const ExitEffect &E) const;

  /// Does something in the tree end E, which F leaves held at every exit
  /// (or, E.EveryPath false, at some)?
  bool heldAnswered(const FunctionFacts *F, const ExitEffect &E,
                    std::set<const FunctionFacts *> &Seen);

  /// Does a caller hold E when it calls F, which ends it without taking it
  /// (on every path, or E.EveryPath false, on some)? Depth counts callers
  /// that hold nothing at the call but may be called holding it.
  bool endAnswered(const FunctionFacts *F, const ExitEffect &E,
                   std::set<const FunctionFacts *> &Seen, unsigned Depth = 0);

  void judgeExitEffects();

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
  std::optional<EntryContext> contextOf(const FieldStore &S) const;
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
  /// Where a function's need comes from, with what its paths know of a
  /// parameter there: its own access (C null) or an unpinned call C of a
  /// needing callee T. Kept for functions with a source some constant
  /// could rule out (see computeNeeds()).
  struct NeedSource {
    ParamFact Where;
    const CallSite *C = nullptr;
    const FunctionFacts *T = nullptr;
  };
  llvm::DenseMap<const FunctionFacts *, std::vector<NeedSource>> NeedSources;
  /// Is source S ruled out by the constants C passes?
  static bool ruledOut(const NeedSource &S, const CallSite &C);
};

} // namespace treelink
} // namespace preemptlint

#endif
