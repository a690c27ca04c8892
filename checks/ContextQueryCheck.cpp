//===- ContextQueryCheck.cpp - preempt-context-query ----------------------===//
#include "ContextQueryCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace preemptlint;

void ContextQueryCheck::contextQuery(const FunctionContext &F, const Event &E,
                                     clang::SourceLocation CondLoc) {
  auto B = report(F, CondLoc,
                  ("behaviour chosen by " + E.Name +
                   "() outside core kernel code; pass the context (or a GFP mask) in "
                   "from the caller instead")
                      .str());
  const clang::SourceManager &SM = F.Ctx.getSourceManager();
  if (SM.getFileLoc(E.Loc) != SM.getFileLoc(CondLoc))
    B.note(E.Loc, (E.Name + "() queried here").str());
}
