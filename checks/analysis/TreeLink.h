//===- TreeLink.h - judge cross-function effects over the whole tree -*- C++ -*-===//
//
// Links the TreeFacts of every file of a database: a call graph by linkage
// name, may-sleep and per-CPU needs carried up through callers to a
// fixpoint, and the effects a function leaves to its callers (held or
// released at every exit) judged by what the callers in the tree do. It
// reports through a TreeHandler (plain data; the wording is the checks').
//
// Which way it errs:
// - A function that returns holding something on every path is an acquire
//   wrapper when a caller in the tree ends it (or a callee it calls while
//   holding it does), or, with no caller in the tree, when its name says
//   so (the model's acquire_wrapper_patterns). Otherwise it leaks. The same,
//   mirrored, for releases of what the function never took.
// - A per-CPU need travels up through callers that do not answer for
//   pinning themselves; a caller that does (it pins or unpins on its own,
//   or is an entry point) answers at the call. A need that reaches a
//   function with no caller in the tree is that function's own when it
//   takes locks or may sleep (it runs preemptible); else it stays silent.
// - A callee's sleep travels up through non-atomic call sites; an atomic
//   call site of a sleeping callee is a finding, unless the file's own
//   analysis already judged that callee.
// - Functions are identified by name (statics by file and name); two
//   external definitions of one name (two configurations) use the first.
// - A call through an ops field (ops->enter(...)) reaches every function
//   the tree stores into that field, when there are few enough (a capped
//   fan-out: past the cap, nothing). These edges carry sleeps and needs
//   and are judged at atomic call sites, but are no callers for the
//   wrapper and root judgements. A method stored into a field whose calls
//   the model says run atomic is judged like a callback registered there.
//   Other function pointers (variables, arrays, arguments) are not linked.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_TREELINK_H
#define PREEMPTLINT_ANALYSIS_TREELINK_H

#include "TreeFacts.h"
#include <vector>

namespace preemptlint {

class KernelApiModel;

/// One step of a chain of calls: Function reaches What at Where.
struct ChainStep {
  std::string Function;
  std::string What; // a callee's name, or the primitive at the end
  SrcPos Where;
};

class TreeHandler {
public:
  virtual ~TreeHandler() = default;
  /// F returns holding E on every path and nothing in the tree ends it:
  /// its callers (Callers, possibly none) do not, and its name does not
  /// say it is meant to.
  virtual void heldForNobody(const FunctionFacts &F, const ExitEffect &E,
                             unsigned Callers) {}
  /// F ends E, which it never began, and none of its callers holds it at
  /// the call (or it has none and its name does not say it is meant to).
  virtual void endedForNobody(const FunctionFacts &F, const ExitEffect &E,
                              unsigned Callers) {}
  /// Caller makes call C in atomic context and the callee may sleep: Chain
  /// leads from the callee to the sleeping primitive.
  virtual void sleepThroughCall(const FunctionFacts &Caller, const CallSite &C,
                                const std::vector<ChainStep> &Chain) {}
  /// Caller makes call C with nothing pinning the task, answers for its
  /// pinning, and the callee uses per-CPU data (Chain) its callers answer for.
  virtual void unpinnedThroughCall(const FunctionFacts &Caller, const CallSite &C,
                                   const std::vector<ChainStep> &Chain) {}
  /// Callback T is registered by Registrant (R, another file) to run in an
  /// atomic context, and T may sleep itself (Chain).
  virtual void sleepInAtomicCallback(const FunctionFacts &T, const FunctionFacts &Registrant,
                                     const Registration &R, const std::vector<ChainStep> &Chain) {}
  /// Method T is stored into ops field S.Field in another file, the model
  /// says calls through that field run in Context (atomic), and T may
  /// sleep (Chain: T itself, or a function it calls that sleeps itself).
  virtual void sleepInAtomicMethod(const FunctionFacts &T, const FieldStore &S,
                                   const std::string &Context,
                                   const std::vector<ChainStep> &Chain) {}
  /// F has no caller in the tree, runs preemptible (it takes locks or may
  /// sleep), and uses per-CPU data with nothing pinning it (Chain).
  virtual void unpinnedInRoot(const FunctionFacts &F, const std::vector<ChainStep> &Chain) {}
  /// F is known to run in preemptible process context (Why), and uses
  /// per-CPU data with nothing pinning it: itself (a one-step Chain) or
  /// through the calls of Chain, none of which pins the task.
  virtual void unpinnedInProcessContext(const FunctionFacts &F, const struct RootContext &Why,
                                        const std::vector<ChainStep> &Chain) {}
};

/// Why a function is known to run in preemptible process context.
struct RootContext {
  enum Kind { Registered, Stored, Named, Sleeps } K = Named;
  std::string By;      // the registering primitive; the field ("struct T.f"); the name
                       // pattern; the primitive it may sleep in
  std::string Of;      // the registering function (Registered)
  SrcPos At;           // the registration, the store, the sleep (none for Named)
};

struct TreeStats {
  unsigned Functions = 0, Calls = 0, Linked = 0; // call sites resolved to a definition
  unsigned FieldCalls = 0, FieldLinked = 0; // calls through ops fields; resolved (within the cap)
  unsigned FieldsOverCap = 0;               // fields holding more functions than the cap
  unsigned ProcessRoots = 0;                // functions known to run in process context
};

/// Links Files (in any order; results do not depend on it) and reports to H.
TreeStats linkTree(const std::vector<FileFacts> &Files, const KernelApiModel &Model,
                   TreeHandler &H);

/// Why the tree sees a function as it does (the answer to --explain): each
/// definition of that name, who calls it and in which state, and the
/// chains behind its may-sleep and per-CPU need.
struct Explanation {
  struct Caller {
    std::string Function;
    CallSite Site;
  };
  struct Definition {
    FunctionFacts F;
    std::string File;              // as the database names it
    std::vector<ChainStep> Sleeps; // empty: does not sleep
    std::vector<ChainStep> Needs;  // empty: no per-CPU need left to callers
    std::vector<Caller> Callers;
  };
  std::vector<Definition> Definitions;
};
/// Name is a function's name, or FILE:NAME for a static function.
Explanation explainFunction(const std::vector<FileFacts> &Files, const KernelApiModel &Model,
                            const std::string &Name);

} // namespace preemptlint

#endif
