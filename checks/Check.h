//===- Check.h - a rule: a Handler that turns events into findings -*- C++ -*-===//
#ifndef PREEMPTLINT_CHECK_H
#define PREEMPTLINT_CHECK_H

#include "Diagnostic.h"
#include "analysis/Handler.h"
#include "analysis/TreeLink.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <memory>
#include <vector>

namespace preemptlint {

class Check : public Handler, public TreeHandler {
public:
  Check(llvm::StringRef Name, DiagnosticSink &Sink) : Name(Name), Sink(Sink) {}
  llvm::StringRef name() const { return Name; }

protected:
  /// Starts a finding of this check at L in F; add notes, then it is
  /// emitted when the builder goes out of scope.
  class Builder {
  public:
    Builder(Check &C, const FunctionContext &F, clang::SourceLocation L,
            const llvm::Twine &Msg);
    Builder(Builder &&) = default;
    ~Builder();
    Builder &note(clang::SourceLocation L, const llvm::Twine &Msg);
    /// Notes for the branch decisions recorded on a path.
    Builder &trail(const PathState &S);

  private:
    Check &C;
    const clang::SourceManager &SM;
    Diagnostic D;
    bool Live = true;
  };
  Builder report(const FunctionContext &F, clang::SourceLocation L,
                 const llvm::Twine &Msg) {
    return Builder(*this, F, L, Msg);
  }
  /// Who took a held lock, for messages: "spin_lock()", or the caller, for
  /// a lock held on entry by contract (__must_hold, __releases).
  static std::string takenBy(const HeldLock &L) {
    if (L.By.empty())
      return L.FromCaller ? "the caller (by contract)" : "an unknown primitive";
    return (L.By + "()").str();
  }

  /// The same for a finding of the whole-tree link, at a plain position.
  class TreeBuilder {
  public:
    TreeBuilder(Check &C, const std::string &Function, const SrcPos &P,
                const llvm::Twine &Msg);
    TreeBuilder(TreeBuilder &&O) : C(O.C), D(std::move(O.D)) { O.D.Line = 0; }
    ~TreeBuilder();
    TreeBuilder &note(const SrcPos &P, const llvm::Twine &Msg);
    /// Notes for a chain of calls: every call on the way, then Last at the
    /// place the chain ends.
    TreeBuilder &chain(const std::vector<ChainStep> &Steps, const llvm::Twine &Last);

  private:
    Check &C;
    Diagnostic D;
  };
  TreeBuilder reportAt(const std::string &Function, const SrcPos &P, const llvm::Twine &Msg) {
    return TreeBuilder(*this, Function, P, Msg);
  }

private:
  llvm::StringRef Name;
  DiagnosticSink &Sink;
};

/// One registered check: its name, its one-line summary (the same sentence
/// as in its header comment and its doc page) and how to make it.
struct CheckInfo {
  const char *Name;
  const char *Summary;
  std::function<std::unique_ptr<Check>(DiagnosticSink &)> Make;
};

/// Every check, sorted by name.
const std::vector<CheckInfo> &allChecks();

/// A new instance of every check that Globs enables, reporting into Sink.
std::vector<std::unique_ptr<Check>> makeEnabledChecks(llvm::StringRef Globs, DiagnosticSink &Sink);

/// clang-tidy style glob list ("-*,preempt-*,-preempt-balance"): the last
/// matching glob decides. Returns false and sets Err on a malformed list.
bool checkEnabled(llvm::StringRef Globs, llvm::StringRef Name);
bool validateCheckGlobs(llvm::StringRef Globs, std::string &Err);

/// Forwards every event to several handlers.
class HandlerList : public Handler {
public:
  void add(Handler *H) { Hs.push_back(H); }
  void unpinnedAccess(const FunctionContext &F, const Event &E, const ViaCall &V,
                      const PathState &S) override {
    for (auto *H : Hs) H->unpinnedAccess(F, E, V, S);
  }
  void regionUnderflow(const FunctionContext &F, Region R, const Event &E,
                       const PathState &S) override {
    for (auto *H : Hs) H->regionUnderflow(F, R, E, S);
  }
  void regionInconsistentExit(const FunctionContext &F, Region R, const PathState &L,
                              const PathState &O) override {
    for (auto *H : Hs) H->regionInconsistentExit(F, R, L, O);
  }
  void flagsMismatch(const FunctionContext &F, const Event &E, llvm::StringRef X,
                     const PathState &S) override {
    for (auto *H : Hs) H->flagsMismatch(F, E, X, S);
  }
  void flagsOverwritten(const FunctionContext &F, const Event &E, const PathState &S) override {
    for (auto *H : Hs) H->flagsOverwritten(F, E, S);
  }
  void lostPreemption(const FunctionContext &F, const PathState &S) override {
    for (auto *H : Hs) H->lostPreemption(F, S);
  }
  void doubleAcquire(const FunctionContext &F, const Event &E, const HeldLock &L,
                     const PathState &S) override {
    for (auto *H : Hs) H->doubleAcquire(F, E, L, S);
  }
  void releaseNotHeld(const FunctionContext &F, const Event &E, const PathState &S,
                      const HeldLock *Held) override {
    for (auto *H : Hs) H->releaseNotHeld(F, E, S, Held);
  }
  void releasedByOtherTask(const FunctionContext &F, const HandOff &HO) override {
    for (auto *H : Hs) H->releasedByOtherTask(F, HO);
  }
  void lockInconsistentExit(const FunctionContext &F, const HeldLock &L,
                            const PathState &A, const PathState &B) override {
    for (auto *H : Hs) H->lockInconsistentExit(F, L, A, B);
  }
  void releaseInconsistentExit(const FunctionContext &F, const HeldLock &R,
                               const PathState &A, const PathState &B) override {
    for (auto *H : Hs) H->releaseInconsistentExit(F, R, A, B);
  }
  void sleepInAtomic(const FunctionContext &F, const Event &E, const ViaCall &V,
                     const PathState &S) override {
    for (auto *H : Hs) H->sleepInAtomic(F, E, V, S);
  }
  void irqEnableInSave(const FunctionContext &F, const Event &E, clang::SourceLocation L,
                       const PathState &S) override {
    for (auto *H : Hs) H->irqEnableInSave(F, E, L, S);
  }
  void irqOnlyReschedule(const FunctionContext &F, const PathState &S) override {
    for (auto *H : Hs) H->irqOnlyReschedule(F, S);
  }
  void contextQuery(const FunctionContext &F, const Event &E, clang::SourceLocation L) override {
    for (auto *H : Hs) H->contextQuery(F, E, L);
  }
  void deprecatedPrimitive(const FunctionContext &F, const Event &E) override {
    for (auto *H : Hs) H->deprecatedPrimitive(F, E);
  }
  void fpuOutsideRegion(const FunctionContext &F, const Event &E, const ViaCall &V,
                        const PathState &S) override {
    for (auto *H : Hs) H->fpuOutsideRegion(F, E, V, S);
  }
  void fpuNested(const FunctionContext &F, const Event &E, const PathState &S) override {
    for (auto *H : Hs) H->fpuNested(F, E, S);
  }
  void fpuSleep(const FunctionContext &F, const Event &E, const ViaCall &V,
                const PathState &S) override {
    for (auto *H : Hs) H->fpuSleep(F, E, V, S);
  }
  void fpuRestoreUnpinned(const FunctionContext &F, const Event &E, const PathState &S) override {
    for (auto *H : Hs) H->fpuRestoreUnpinned(F, E, S);
  }
  void staleCpuValue(const FunctionContext &F, clang::SourceLocation Use, const CpuValue &V,
                     const PathState &S) override {
    for (auto *H : Hs) H->staleCpuValue(F, Use, V, S);
  }
  void budgetExhausted(const FunctionContext &F, unsigned Steps) override {
    for (auto *H : Hs) H->budgetExhausted(F, Steps);
  }

private:
  std::vector<Handler *> Hs;
};

} // namespace preemptlint

#endif
