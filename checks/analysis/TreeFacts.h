//===- TreeFacts.h - what one file tells the whole tree ------------*- C++ -*-===//
//
// Plain, serialisable data: no Decl*, SourceLocation or StringRef into an
// AST. One FileFacts per translation unit holds, for every function defined
// in its main file, what the whole-tree link needs: the function's identity
// (USR), its net effects that callers must answer for (held or released at
// every exit), its needs (pinned, may sleep), and its call sites with the
// state they are made in (direct calls, and calls through ops fields); and
// for the file, which functions it stores into which struct fields. The
// schema is versioned (docs/whole-tree.md).
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_TREEFACTS_H
#define PREEMPTLINT_ANALYSIS_TREEFACTS_H

#include "KernelApiModel.h"
#include <cstdint>
#include <string>
#include <vector>

namespace preemptlint {

/// 2: calls through ops fields ("field" call sites) and the functions the
/// file stores into fields ("stores").
constexpr int TreeFactsVersion = 6;

struct SrcPos {
  std::string File;
  unsigned Line = 0, Column = 0;
  bool valid() const { return Line != 0; }
};

/// Something held or released that callers must answer for. A lock is
/// named TU-independently ("struct rq.__lock", a global's name); a region
/// by its model name.
struct ExitEffect {
  std::string Lock;   // lock identity; empty for a region
  std::string Region; // region name; empty for a lock
  std::string Shown;  // as written in the function ("d->lock")
  std::string By;     // the primitive that took or released it
  SrcPos Where;       // where it was taken / released
  SrcPos Exit;        // a return that holds it (acquisitions)
  bool EveryPath = true; // false: in AcquiresSome / ReleasesSome (not serialised)
};

/// What every path to some sites knows of one of the function's
/// parameters (ParamCond): zero, non-zero, or exactly Value.
struct ParamFact {
  int Param = -1; // none known
  bool NonZero = false;
  bool HasValue = false;
  int64_t Value = 0;
  uint64_t Mask = ~uint64_t(0); // of the caller's value masked so ("mask")
  bool known() const { return Param >= 0; }
  /// Does passing V for the parameter reach none of the sites?
  bool ruledOutBy(int64_t V) const {
    V = int64_t(uint64_t(V) & Mask);
    return known() && (HasValue ? V != Value : (V != 0) != NonZero);
  }
};

struct FactNeed {
  bool Has = false;
  std::string What; // the primitive
  SrcPos Where;
  ParamFact OnlyWhere; // every need site lies where this holds
};

struct CallSite {
  std::string Callee; // USR; for a call through a field, the field ("struct T.f")
  std::string CalleeName; // the function's name; the field's name
  std::string Via; // made inside this inline helper of a header, called here ("" if none)
  bool ThroughField = false; // a call through the function pointer a field holds
  SrcPos At;
  bool Atomic = false;     // some precise path makes the call in atomic context
  std::string AtomicLock;  // ... because this lock is held (as written)
  std::string AtomicRegion; // ... or this region is active
  std::string AtomicBy;    // ... taken or entered by this primitive (empty: by context)
  SrcPos AtomicSince;
  bool Unpinned = false;   // some precise path makes it with nothing pinning the task
  bool KnownSleeps = false; // the file's own analysis already judged the callee's sleep
  bool KnownPinned = false; // ... and its per-CPU need
  bool Modelled = false;    // a call of a registering function the model describes:
                            // an edge for per-CPU needs only
  ParamFact UnpinnedWhere;  // the unpinned paths make it only where this holds
  /// Argument values every unpinned path passes (index, value).
  std::vector<std::pair<unsigned, int64_t>> UnpinnedArgs;
  std::vector<std::string> Held; // lock identities held on some path at the call
};

/// A callback this function registers (timer_setup(), request_irq(), ...):
/// the callback runs in Context.
struct Registration {
  std::string Target; // the callback, by linkage name
  std::string TargetName;
  std::string Context; // the model's name: process, softirq, hardirq, ipi, percpu_thread
  std::string By;      // the registering primitive
  SrcPos At;
};

/// A function stored into a struct field: a call through that field may
/// reach it.
struct FieldStore {
  std::string Field;  // "struct T.f" (as locks are named)
  std::string Target; // the function, by linkage name
  std::string TargetName;
  SrcPos At;
  std::string Context; // given by the store's place ("" : the field's own)
};

struct FunctionFacts {
  std::string Usr, Name;
  SrcPos At;
  bool External = false;  // visible outside its file
  bool Contract = false;  // __acquires/__releases/__must_hold or capability attributes
  bool TakesLocks = false;
  bool AnswersPinning = false; // its per-CPU accesses are its own to protect
  bool ManagesPinning = false; // it begins or ends a pinning region itself
  std::vector<ExitEffect> Acquires; // held at every exit, not the caller's
  std::vector<ExitEffect> Releases; // released on every path without being taken
  /// Some paths only: taken by its own primitive and held at some exits
  /// (no exit released it itself); released (or ended) on some path that
  /// did not take it. What is not in Acquires / Releases.
  std::vector<ExitEffect> AcquiresSome, ReleasesSome;
  std::vector<std::string> Released; // every lock identity it releases somewhere
  std::vector<std::string> Ends;     // every region it ends somewhere
  FactNeed Pinned;  // a per-CPU access its callers answer for
  FactNeed Sleeps;  // may sleep (outside its own atomic sections)
  bool SleepsAfterRelease = false; // ... only after dropping what its caller held
  std::vector<CallSite> Calls;
  std::vector<Registration> Registers;
};

struct FileFacts {
  int Version = TreeFactsVersion;
  /// Registrations written at file scope (module_init(fn), __setup(s, fn)):
  /// no function registers them ("registers" of the document, version 6).
  std::vector<Registration> Registers;
  std::string File; // as the compilation database names it
  std::vector<FunctionFacts> Functions;
  std::vector<FieldStore> Stores; // in initialisers and functions of the file
};

/// JSON text of F, and back. fromJson returns false (with Err) on malformed
/// input or a foreign version; nothing of such a record is used.
std::string toJson(const FileFacts &F);
bool fromJson(const std::string &Text, FileFacts &F, std::string &Err);

} // namespace preemptlint

#endif
