// parse-probe: parses one file as `clang -fsyntax-only` does, optionally
// skipping function bodies, to measure what the parse of a kernel file is
// made of (bench/bench.py --parts parse).
//
//   parse-probe full|skip-headers|skip-all -- clang-19 <flags> <file> -fsyntax-only
//
//   full          the whole parse, as clang-19 -fsyntax-only
//   skip-headers  bodies of functions defined outside the main file (the
//                 static inline functions of the headers) are skipped
//   skip-all      every function body is skipped (declarations only)
//
// Clang 19 has no command-line option for this (cc1 lacks
// -skip-function-bodies; FrontendOptions::SkipFunctionBodies is reachable
// only through the API), so the probe sets the option and answers
// ASTConsumer::shouldSkipFunctionBody itself. It prints how many function
// definitions the main file and the headers hold, and how many bodies were
// skipped, on stderr. Built on demand by bench.py; not part of the tool.
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

using namespace clang;

namespace {
enum class Mode { Full, SkipHeaders, SkipAll };

struct Counts {
  unsigned MainDefs = 0, HeaderDefs = 0, SkippedMain = 0, SkippedHeaders = 0;
};

class ProbeConsumer : public ASTConsumer {
public:
  ProbeConsumer(SourceManager &SM, Mode M, Counts &C) : SM(SM), M(M), C(C) {}

  bool HandleTopLevelDecl(DeclGroupRef G) override {
    for (Decl *D : G)
      if (auto *FD = dyn_cast<FunctionDecl>(D); FD && FD->isThisDeclarationADefinition())
        ++(inMain(FD) ? C.MainDefs : C.HeaderDefs);
    return true;
  }

  // Asked only when FrontendOptions::SkipFunctionBodies is set.
  bool shouldSkipFunctionBody(Decl *D) override {
    bool Main = inMain(D);
    bool Skip = M == Mode::SkipAll || (M == Mode::SkipHeaders && !Main);
    if (Skip)
      ++(Main ? C.SkippedMain : C.SkippedHeaders);
    return Skip;
  }

private:
  bool inMain(const Decl *D) const { return SM.isInMainFile(SM.getExpansionLoc(D->getLocation())); }
  SourceManager &SM;
  Mode M;
  Counts &C;
};

class ProbeAction : public ASTFrontendAction {
public:
  ProbeAction(Mode M, Counts &C) : M(M), C(C) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    return std::make_unique<ProbeConsumer>(CI.getSourceManager(), M, C);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // Read by ASTFrontendAction::ExecuteAction when it starts the parser.
    CI.getFrontendOpts().SkipFunctionBodies = M != Mode::Full;
    return true;
  }

private:
  Mode M;
  Counts &C;
};
} // namespace

int main(int argc, const char **argv) {
  if (argc < 4 || std::strcmp(argv[2], "--") != 0) {
    llvm::errs() << "usage: parse-probe full|skip-headers|skip-all -- <compiler> <args...>\n";
    return 2;
  }
  Mode M;
  if (!std::strcmp(argv[1], "full"))
    M = Mode::Full;
  else if (!std::strcmp(argv[1], "skip-headers"))
    M = Mode::SkipHeaders;
  else if (!std::strcmp(argv[1], "skip-all"))
    M = Mode::SkipAll;
  else {
    llvm::errs() << "parse-probe: unknown mode '" << argv[1] << "'\n";
    return 2;
  }
  std::vector<std::string> Args(argv + 3, argv + argc);
  Args.insert(Args.begin() + 1, {"-resource-dir", PROBE_RESOURCE_DIR});
  Counts C;
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions());
  tooling::ToolInvocation TI(Args, std::make_unique<ProbeAction>(M, C), Files.get());
  bool OK = TI.run();
  llvm::errs() << "parse-probe: definitions main " << C.MainDefs << " headers " << C.HeaderDefs
               << "; skipped main " << C.SkippedMain << " headers " << C.SkippedHeaders << "\n";
  return OK ? 0 : 1;
}
