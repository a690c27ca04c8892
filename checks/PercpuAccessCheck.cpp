//===- PercpuAccessCheck.cpp - preempt-percpu-access ----------------------===//
#include "PercpuAccessCheck.h"

#include "Wording.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

using namespace preemptlint;

void PercpuAccessCheck::unpinnedAccess(const FunctionContext &F, const Event &E,
                                       const ViaCall &Via, const PathState &S) {
  const clang::SourceManager &SM = F.Ctx.getSourceManager();
  std::string Msg;
  if (Via.Callee)
    Msg = ("call to '" + Via.Callee->getName() + "', which uses " + Via.What +
           "(), in preemptible code")
              .str();
  else if (E.Eff && E.Eff->Kind == EffectKind::CpuId)
    Msg = (E.Name + "() used in preemptible code; the task may migrate and the CPU id go stale").str();
  else
    Msg = (E.Name + "() on per-CPU data in preemptible code").str();
  auto B = report(F, E.Loc, Msg);
  if (Via.Callee)
    B.note(Via.Where, (Via.What + "() used here").str());
  // Where the protection ended last, if it did on this path.
  clang::SourceLocation Last;
  Region LastR = Region::Preempt;
  for (unsigned R = 0; R < NumRegions; ++R)
    if ((cpuPinningRegions() & (1u << R)) && S.LastExit[R].isValid() &&
        (Last.isInvalid() || SM.isBeforeInTranslationUnit(Last, S.LastExit[R]))) {
      Last = S.LastExit[R];
      LastR = Region(R);
    }
  if (Last.isValid())
    B.note(Last, ("protection ended here: " + S.LastExitBy[unsigned(LastR)] +
                  "() ended the section with " + regionState(LastR))
                     .str());
  B.trail(S);
}

// Whole tree: a callee's per-CPU access that its callers answer for.
void PercpuAccessCheck::unpinnedThroughCall(const FunctionFacts &Caller, const CallSite &C,
                                            const std::vector<ChainStep> &Chain) {
  const std::string &What = Chain.back().What;
  reportAt(Caller.Name, C.At,
           "call to '" + (C.Via.empty() ? C.CalleeName : C.Via + "', which calls '" + C.CalleeName) +
               "', which uses " + What + "(), in preemptible code")
      .chain(Chain, What + "() used here");
}

void PercpuAccessCheck::unpinnedInRoot(const FunctionFacts &F,
                                       const std::vector<ChainStep> &Chain) {
  const std::string &What = Chain.back().What;
  std::string Why = F.TakesLocks ? "takes locks" : "may sleep";
  if (Chain.size() == 1) {
    reportAt(F.Name, Chain.front().Where,
             What + "() used in preemptible code ('" + F.Name + "' " + Why +
                 " and has no caller in the tree that pins it); the task may migrate");
    return;
  }
  reportAt(F.Name, Chain.front().Where,
           "call to '" + Chain.front().What + "', which uses " + What +
               "(), in preemptible code ('" + F.Name + "' " + Why +
               " and has no caller in the tree that pins it)")
      .chain(std::vector<ChainStep>(Chain.begin() + 1, Chain.end()), What + "() used here");
}

void PercpuAccessCheck::unpinnedInProcessContext(const FunctionFacts &F, const RootContext &Why,
                                                 const std::vector<ChainStep> &Chain) {
  const std::string &What = Chain.back().What;
  std::string Ctx = "'" + F.Name + "' runs in process context";
  switch (Why.K) {
  case RootContext::Registered:
    Ctx += ", registered by " + Why.By + "()";
    if (!Why.Of.empty()) // empty: at file scope (module_init(fn))
      Ctx += " in '" + Why.Of + "'";
    break;
  case RootContext::Stored:
    Ctx += " as '" + Why.By + "'";
    break;
  case RootContext::Named:
    Ctx += " (its name matches '" + Why.By + "')";
    break;
  case RootContext::Sleeps:
    Ctx = "'" + F.Name + "' may sleep (" + Why.By + "), so it runs preemptible";
    break;
  }
  auto B = Chain.size() == 1
               ? reportAt(F.Name, Chain.front().Where,
                          What + "() used in preemptible code (" + Ctx + "); the task may migrate")
               : reportAt(F.Name, Chain.front().Where,
                          "call to '" + Chain.front().What + "', which uses " + What +
                              "(), in preemptible code (" + Ctx + ")");
  if (Chain.size() > 1)
    B.chain(std::vector<ChainStep>(Chain.begin() + 1, Chain.end()), What + "() used here");
  if (Why.K == RootContext::Registered)
    B.note(Why.At, "registered here by " + Why.By + "()");
  else if (Why.K == RootContext::Stored)
    B.note(Why.At, "stored here into '" + Why.By + "'");
  else if (Why.K == RootContext::Sleeps)
    B.note(Why.At, "it may sleep here: " + Why.By);
}
