//===- PreemptAnalysis.h - worklist dataflow over clang::CFG ----*- C++ -*-===//
//
// Runs the forward analysis over every function defined in the main file of
// a translation unit, reporting through a Handler. Functions of the same
// file and inline functions of headers get a FunctionSummary (their net
// effect on every region and lock, and whether they touch per-CPU data with
// nothing pinning them), which is applied at their call sites. The summary
// is the unit that whole-tree analysis will serialise and link.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_PREEMPTANALYSIS_H
#define PREEMPTLINT_ANALYSIS_PREEMPTANALYSIS_H

#include "Events.h"
#include "Handler.h"
#include "KernelApiModel.h"
#include "PreemptState.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
#include <vector>
#include <memory>

namespace clang {
class ASTContext;
class FieldDecl;
class FunctionDecl;
} // namespace clang

namespace preemptlint {
struct FileFacts;

struct AnalysisOptions {
  unsigned PathLimit = 16;     // path states per program point
  unsigned ExitLimit = 256;    // distinct exit states judged one by one
  unsigned WidenAfter = 3;     // visits of a block before its states are coarsened
  unsigned Budget = 300000;    // element x state steps per function
  PreemptModel Model = PreemptModel::Full;
  llvm::raw_ostream *DumpState = nullptr; // --dump-state
  std::string DumpFilter;                 // only this function, when set
  std::string MainFileName;               // as the compilation database names it
  std::vector<std::string> CorePaths;     // overrides the model's core_paths when set
};

/// What the paths of some site (a per-CPU need, an unpinned call) know of
/// one parameter the function never writes: every such path has it zero,
/// or non-zero, or (Value) exactly one value. A call passing a constant the
/// other way reaches none of those sites (perf_iterate_ctx(.., all=true)
/// never reaches event_filter_match(); task_work_add(.., TWA_RESUME) never
/// its `case TWA_NMI_CURRENT:`).
struct ParamCond {
  int Param = -1;                // none yet (or Any)
  bool NonZero = false;
  std::optional<int64_t> Value;  // exactly this (implies NonZero == (*Value != 0))
  /// What is known is of the caller's value masked so (`p &= ~FLAGS;` before
  /// the tests); all ones: the value itself.
  uint64_t Mask = ~uint64_t(0);
  bool Any = false;              // some site's path knows no such value
  bool known() const { return Param >= 0 && !Any; }
  /// Does a call passing V for the parameter reach none of the sites?
  bool ruledOutBy(int64_t V) const {
    if (!known())
      return false;
    V = int64_t(uint64_t(V) & Mask);
    return Value ? V != *Value : (V != 0) != NonZero;
  }
};

/// A function stored into a struct field (.enter = fn, t->function = fn).
struct FieldStoreRec {
  const clang::FieldDecl *Field;
  const clang::FunctionDecl *Target;
  clang::SourceLocation Loc;
  /// The context the store's place gives (an element of a static table at
  /// an index the model reads, "context_by_index"), over the field's own.
  std::optional<EntryContext> Ctx;
};

/// The net effect of a function, applied at its call sites.
struct FunctionSummary {
  struct LockEffect {
    bool Acquire;          // else release
    int Param = -1;        // the key is relative to this parameter ...
    std::string Suffix;    // ... followed by this path
    std::string Key;       // or a key local to the callee (Param == -1)
    HeldLock Lock;
  };
  /// Something the function needs from its callers' state, first place.
  struct Need {
    bool Has = false;
    clang::SourceLocation At; // where in the function (or its callees)
    llvm::StringRef What;     // the primitive or use there
    bool ByGfpMask = false;   // (sleeps) only by the GFP mask its caller passes
    explicit operator bool() const { return Has; }
  };
  std::array<int8_t, NumRegions> Delta{};
  std::vector<LockEffect> Locks;
  Need Pinned;                    // touches per-CPU data with nothing pinning it
  Need Sleeps;                    // may sleep (where it is not atomic itself)
  bool SleepAfterRelease = false; // ... after releasing something its caller held
  bool SleepUnlessPagefault = false; // ... only by faulting in user memory
  Need Fpu;                       // uses FPU state outside its own FPU sections
  RegionMask Asserts = 0;         // regions asserted active on every path
  std::vector<LockEffect> AssertedLocks; // caller's locks asserted held at every exit
  /// Locks by declaration (the field or variable), for hand-off analysis.
  struct LockSite {
    const clang::ValueDecl *Decl;
    std::string Key;
    clang::SourceLocation Loc;
    llvm::StringRef By; // the primitive
    clang::SourceLocation Exit; // HeldSome: a return that holds it
  };
  std::vector<LockSite> Acquisitions;   // first acquisition of each lock
  std::vector<LockSite> UnheldReleases; // releases of locks the path did not take
  /// Locks taken by the function and held at some precise exits but not at
  /// others, that no exit released itself: taken for the callers on some
  /// paths (a conditional lock helper), or leaked there. The whole-tree
  /// link asks the callers. Loc is where it was taken; Exit a holding return.
  std::vector<LockSite> HeldSome;
  int SleepGfpParam = -1;         // sleeps if this GFP parameter allows reclaim
  /// Where the per-CPU need sites lie (ParamCond): a caller passing a
  /// constant the other way needs nothing.
  ParamCond PinnedWhere;
  Need SleepGfp;                  // ... at this allocation
  bool Complete = true;

  // What the whole-tree link needs (exported as TreeFacts).
  /// A call of a function the model does not name, and the state it is
  /// made in (the first precise path that makes it atomic / unpinned).
  struct CallRec {
    const clang::FunctionDecl *Callee = nullptr;
    const clang::FieldDecl *Field = nullptr; // a call through this field (Callee null)
    const clang::FunctionDecl *Via = nullptr; // made inside this inline helper of a header
    clang::SourceLocation Loc;
    bool Atomic = false;
    std::string AtomicLock;
    Region AtomicRegion = Region::Preempt;
    bool AtomicByRegion = false;
    llvm::StringRef AtomicBy;
    clang::SourceLocation AtomicSince;
    bool Unpinned = false;
    ParamCond UnpinnedWhere;       // where the unpinned paths make it
    /// The argument values every unpinned path passes (unknown: nullopt),
    /// the first few arguments.
    llvm::SmallVector<std::optional<int64_t>, 4> UnpinnedArgs;
    bool UnpinnedArgsSet = false;
    bool KnownSleeps = false, KnownPinned = false;
    /// A call of a registering function the model describes: an edge of the
    /// tree for per-CPU needs only (its own body may need pinning).
    bool Modelled = false;
    llvm::SmallVector<const clang::ValueDecl *, 2> Held;
  };
  std::vector<CallRec> Calls;
  llvm::SmallVector<const clang::ValueDecl *, 4> ReleasedDecls; // every lock released
  RegionMask Ends = 0;            // regions ended somewhere
  /// The first end, by the function's own primitive, of a region a precise
  /// path had not entered itself (the entry's section), per region. For
  /// interrupts only a restore of saved flags: a plain local_irq_enable()
  /// of the entry's state is the idiom of exception and entry code.
  std::array<clang::SourceLocation, NumRegions> UnbegunEndAt{};
  std::array<llvm::StringRef, NumRegions> UnbegunEndBy{};
  /// A region some precise exits hold and others do not (the file judged
  /// it: a leak, or a conditional section explained by the return value):
  /// where a holding path entered it, per region.
  std::array<clang::SourceLocation, NumRegions> SomeEnterAt{}, SomeExitAt{};
  std::array<llvm::StringRef, NumRegions> SomeEnterBy{};
  RegionMask Opened = 0;          // regions some path entered itself
  bool TakesLocks = false;
  bool Contract = false;          // annotated (__acquires, __must_hold, ...)
  bool ManagesPinning = false;    // begins or ends a pinning region itself
  bool Deferred = false;          // its per-CPU needs are its callers'
  std::array<clang::SourceLocation, NumRegions> DeltaAt{}; // entered/ended (consistent delta)
  std::array<llvm::StringRef, NumRegions> DeltaBy{};
  clang::SourceLocation AnExit;   // a return of the function
};

class FileAnalysis {
public:
  FileAnalysis(clang::ASTContext &Ctx, const KernelApiModel &Model,
               const MacroIndex &Macros, const AnalysisOptions &Opts,
               Handler &H);
  ~FileAnalysis();

  /// Analyses every function defined in the main file.
  void run();

  unsigned functionsAnalysed() const { return NumAnalysed; }

  /// What the file tells the whole tree (after run()).
  void exportFacts(FileFacts &Out) const;

  /// The summary of FD, computing it if needed; null if FD has no body, is
  /// being analysed (recursion) or its analysis did not complete.
  const FunctionSummary *summaryFor(const clang::FunctionDecl *FD);

  /// Functions outside the main file whose bodies the analysis looked
  /// into (sorted names): what a parse that skips other bodies must keep.
  std::vector<std::string> headerFunctionsUsed() const;
  /// Whether the analysis wanted the body of a function whose body the
  /// parse skipped: its results are not those of a full parse.
  bool missedSkippedBody() const { return MissedSkippedBody; }

private:
  friend class FunctionAnalyzer;
  void collectFileFacts();
  void findHandOffs(const std::vector<const clang::FunctionDecl *> &Defs);
  bool reaches(const clang::FunctionDecl *From, const clang::FunctionDecl *To) const;
  FunctionEvents *eventsFor(const clang::FunctionDecl *FD);
  /// Defined in a file of the unit's own (ownFile(): the main file, an included .c).
  bool inMainFile(const clang::FunctionDecl *FD) const;

  clang::ASTContext &Ctx;
  const KernelApiModel &Model;
  const MacroIndex &Macros;
  AnalysisOptions Opts;
  Handler &H;
  Handler Silent;
  EventExtractor Extractor;
  bool SchedulerCore = false;
  bool CoreCode = false;

  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionEvents>> Events;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>> Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  llvm::DenseSet<const clang::FunctionDecl *> Called, AddressTaken;
  /// Functions whose address only escapes as an argument of a call in this
  /// file (not a registration the model knows): they run in whatever state
  /// that callee gives them, so their needs go to their summary.
  llvm::DenseSet<const clang::FunctionDecl *> PassedToCalls;
  llvm::DenseMap<const clang::FunctionDecl *, EntryContext> EntryCtx;
  /// Where a callback was registered, and by which primitive.
  llvm::DenseMap<const clang::FunctionDecl *, std::pair<clang::SourceLocation, llvm::StringRef>>
      RegisteredAt;
  /// Every registration in the main file, for export.
  struct RegistrationRec {
    const clang::FunctionDecl *Registrant, *Target;
    EntryContext Ctx;
    clang::SourceLocation Loc;
    llvm::StringRef By;
  };
  std::vector<RegistrationRec> Registrations;
  /// Every function stored into a struct field in the main file (designated
  /// initialisers, assignments), for the link's ops-field calls.
  std::vector<FieldStoreRec> FieldStores;
  /// Callbacks whose RegisteredAt is only a store into a callback field.
  llvm::DenseSet<const clang::FunctionDecl *> RegisteredByField;
  unsigned NumAnalysed = 0;
  llvm::DenseSet<const clang::FunctionDecl *> HeaderUsed;
  bool MissedSkippedBody = false;
};

} // namespace preemptlint

#endif
