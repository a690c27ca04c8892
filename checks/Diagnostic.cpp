//===- Diagnostic.cpp ------------------------------------------------------===//
#include "Diagnostic.h"

#include "clang/Basic/SourceManager.h"

using namespace preemptlint;

void DiagnosticSink::add(Diagnostic D) {
  for (auto &E : Diags)
    if (E.Check == D.Check && E.Line == D.Line && E.Column == D.Column &&
        E.File == D.File && E.Message == D.Message)
      return;
  Diags.push_back(std::move(D));
}

void preemptlint::resolveLocation(const clang::SourceManager &SM,
                                  clang::SourceLocation L, std::string &File,
                                  unsigned &Line, unsigned &Column) {
  if (L.isInvalid())
    return;
  // Like clang: a token from a macro argument is shown where it was written.
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L));
  if (P.isInvalid())
    return;
  File = P.getFilename();
  Line = P.getLine();
  Column = P.getColumn();
}
