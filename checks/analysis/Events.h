//===- Events.h - primitives as ordered events on CFG elements -*- C++ -*-===//
//
// Turns a function body into what the dataflow engine consumes: a CFG and,
// for each CFG element, the ordered list of events it causes. A primitive is
// recognised both as a call of a function the model names and as the
// expansion of a macro the model names (the kernel's preempt_disable(),
// smp_processor_id(), local_irq_save() are macros over anonymous inline asm).
//
// Macro rules:
//  * The outermost recognised expansion owns its body: calls and nested
//    recognised macros inside it cause no events of their own (get_cpu()'s
//    model entry says "enter preempt, yield CPU id"; the preempt_disable()
//    inside it is not counted again). Tokens that come from a macro argument
//    are not part of the body, so smp_processor_id() passed to per_cpu() is
//    still its own event.
//  * An expansion is anchored once, at its first CFG element in reverse
//    post-order (a macro body is single-entry), even if it spans blocks
//    (do { } while (0)). An expansion that produced no CFG element at all
//    (a macro that expands to nothing in this configuration) is anchored at
//    the next element in source order.
//  * Arguments are found by source location: the outermost expression of
//    the expansion whose tokens were spelled in argument N.
//
// Cleanup-attribute variables (guard(), scoped_guard()) give a GuardEnd
// event at each scope exit that undoes what the matching constructor did.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_ANALYSIS_EVENTS_H
#define PREEMPTLINT_ANALYSIS_EVENTS_H

#include "KernelApiModel.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Preprocessor;
class SourceManager;
class CallExpr;
class Expr;
class FieldDecl;
class RecordDecl;
class ValueDecl;
} // namespace clang

namespace preemptlint {

/// One recorded expansion of a macro the model knows (or of a contract
/// annotation such as __acquires()).
struct MacroExpansionRec {
  const Primitive *Prim = nullptr;          // null for contract annotations
  llvm::StringRef Name;
  clang::SourceLocation NameLoc;            // the macro name token
  clang::SourceLocation End;                // end of the expansion range
  llvm::SmallVector<std::pair<clang::SourceLocation, clang::SourceLocation>, 3> Args;
};

/// Collects expansions of model macros and contract annotations while the
/// file is preprocessed.
class MacroIndex {
public:
  MacroIndex(const KernelApiModel &M) : Model(M) {}
  std::unique_ptr<clang::PPCallbacks> makeCallbacks(clang::Preprocessor &PP);

  const MacroExpansionRec *find(clang::SourceLocation NameLoc) const {
    auto It = ByLoc.find(NameLoc.getRawEncoding());
    return It == ByLoc.end() ? nullptr : &Recs[It->second];
  }
  const std::vector<MacroExpansionRec> &records() const { return Recs; }
  /// Calls F(Rec, NameLoc) for each recognised expansion whose *body*
  /// contains L, innermost first (tokens that came from a macro argument
  /// belong to the caller, not to the macro). F returns false to stop.
  template <typename Fn>
  void forEachOwner(clang::SourceLocation L, const clang::SourceManager &SM, Fn F) const {
    while (L.isMacroID()) {
      if (SM.isMacroArgExpansion(L)) {
        L = SM.getImmediateSpellingLoc(L);
        continue;
      }
      clang::SourceLocation NameLoc = SM.getImmediateExpansionRange(L).getBegin();
      if (const MacroExpansionRec *R = find(NameLoc))
        if (!F(R, NameLoc))
          return;
      L = NameLoc;
    }
  }
  /// The outermost recognised expansion whose body contains L, or null.
  const MacroExpansionRec *outermostOwner(clang::SourceLocation L,
                                          const clang::SourceManager &SM) const {
    const MacroExpansionRec *Found = nullptr;
    forEachOwner(L, SM, [&](const MacroExpansionRec *R, clang::SourceLocation) {
      Found = R;
      return true;
    });
    return Found;
  }
  /// Is L inside the body of a recognised primitive's expansion?
  bool insidePrimitive(clang::SourceLocation L, const clang::SourceManager &SM) const {
    bool Any = false;
    forEachOwner(L, SM, [&](const MacroExpansionRec *, clang::SourceLocation) {
      Any = true;
      return false;
    });
    return Any;
  }
  /// Expansions written directly in file F, in source order.
  const std::vector<const MacroExpansionRec *> &
  fileExpansions(const clang::SourceManager &SM, clang::FileID F) const;

  struct Contract {
    ContractKind Kind;
    clang::SourceLocation Loc;
    std::string Arg;
  };
  /// Contract annotations written on any declaration of FD.
  std::vector<Contract> contractsOf(const clang::FunctionDecl *FD,
                                    const clang::SourceManager &SM) const;

private:
  friend class MacroRecorder;
  const KernelApiModel &Model;
  std::vector<MacroExpansionRec> Recs;
  llvm::DenseMap<unsigned, unsigned> ByLoc;
  std::vector<Contract> Contracts;
  mutable llvm::DenseMap<unsigned, std::vector<std::pair<unsigned, unsigned>>> ContractsByFile;
  mutable bool ContractsBuilt = false;
  mutable llvm::DenseMap<clang::FileID, std::vector<const MacroExpansionRec *>> ByFile;
  mutable bool ByFileBuilt = false;
};

/// One thing that happens at a CFG element.
struct Event {
  enum Kind : uint8_t {
    Primitive, // Eff is a model effect
    Call,      // a call of a function the model does not name: resolved
               // against the callee's summary by the engine
    GuardEnd,  // scope exit of a cleanup variable: undo Callee's effects
  } K = Primitive;
  const Effect *Eff = nullptr;
  llvm::StringRef Name;                 // primitive / callee name for messages
  clang::SourceLocation Loc;            // where it happens (may be a macro location)
  std::string LockKey;                  // canonical lock expression (Acquire/Release/AssertHeld)
  std::string FlagsKey;                 // canonical irq-flags expression
  int LockClassIdx = -1;                // AssertHeld: the class of the lock's type
  const clang::ValueDecl *LockDecl = nullptr; // the lock's field or variable
  const clang::FunctionDecl *Target = nullptr; // Register: the callback
  EntryContext Ctx = EntryContext::Process; // Register: the context it runs in
  const clang::Expr *Result = nullptr;  // the primitive's value, for conditional effects
  const clang::FunctionDecl *PrimCallee = nullptr; // Register: the function the model describes
  When Cond = When::Always;
  const clang::FunctionDecl *Callee = nullptr; // Call / GuardEnd; the routine of an FPU use
  const clang::FieldDecl *Field = nullptr; // Call through a function pointer held in this
                                           // field (ops->enter(...)); Callee is null
  bool GuardCtor = false;               // Call: a lock guard's constructor (class_*_constructor)
  llvm::SmallVector<std::string, 2> ArgKeys;   // Call / GuardEnd: canonical argument expressions
  llvm::SmallVector<const clang::Expr *, 2> ArgExprs; // Call: the arguments
  const clang::Expr *Gfp = nullptr;     // Sleep with a GFP argument
  clang::SourceLocation CtorLoc;        // GuardEnd: the constructor call
};

/// A function's CFG with its events.
struct FunctionEvents {
  const clang::FunctionDecl *FD = nullptr;
  std::unique_ptr<clang::CFG> Cfg;
  /// RPO number of each block (by block ID); unreachable blocks get ~0u.
  std::vector<unsigned> Rpo;
  /// Blocks in reverse post-order.
  std::vector<const clang::CFGBlock *> Order;
  /// Per block ID: (element index, event), sorted by element index.
  std::vector<std::vector<std::pair<unsigned, Event>>> Events;
  /// Local variables and parameters whose address is taken (not tracked).
  llvm::SmallPtrSet<const clang::ValueDecl *, 8> AddressTaken;
  bool CfgFailed = false;
};

/// Builds FunctionEvents for a function definition.
class EventExtractor {
public:
  EventExtractor(clang::ASTContext &Ctx, const KernelApiModel &M,
                 const MacroIndex &Macros)
      : Ctx(Ctx), Model(M), Macros(Macros) {}
  std::unique_ptr<FunctionEvents> extract(const clang::FunctionDecl *FD);

private:
  clang::ASTContext &Ctx;
  const KernelApiModel &Model;
  const MacroIndex &Macros;
};

/// Canonical text of an lvalue-ish expression used as a lock or flags key:
/// parens, casts and a leading & are dropped, "->" and "." are unified.
std::string canonicalKey(const clang::Expr *E);

/// The field or variable a lock expression ends in (d->lock: the field
/// "lock"; &my_lock: the variable), or null.
const clang::ValueDecl *lockDeclOf(const clang::Expr *E);

/// The field whose function pointer a call calls (ops->enter(...),
/// (*t->function)(t)), or null for any other indirect call.
const clang::FieldDecl *calledField(const clang::CallExpr *CE);

/// The struct that names a field across files: its record, or for a member
/// of an anonymous struct or union (platform_driver's union { remove;
/// remove_new; }), or of an unnamed type of a named member (cpuhp_step's
/// union { single; multi; } startup), the named record around it; a
/// typedef names an anonymous record. Null when there is none.
const clang::RecordDecl *namedRecordOf(const clang::FieldDecl *F, llvm::StringRef &Name);

/// The function a callback argument names (strips casts and &), or null.
const clang::FunctionDecl *functionOfArg(const clang::Expr *E);

/// Whether L (a location in a file) lies in a file of this translation
/// unit's own: the main file, or a source file it includes (the kernel
/// builds kernel/sched/rt.c inside build_policy.c by #include "rt.c").
/// Functions defined there are analysed and reported like the main file's.
bool ownFile(const clang::SourceManager &SM, clang::SourceLocation L);

/// Whether the parse skipped the body of FD (a declaration of it).
bool bodySkipped(const clang::FunctionDecl *FD);

/// The file-scope variable named Name, if the file declares one.
const clang::VarDecl *globalNamed(clang::ASTContext &Ctx, llvm::StringRef Name);

} // namespace preemptlint

#endif
