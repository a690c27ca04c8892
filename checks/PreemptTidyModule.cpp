//===- PreemptTidyModule.cpp - the checks as a clang-tidy module ----------===//
//
//   clang-tidy-19 --load=<prefix>/lib/libPreemptTidyModule.so \
//                 --checks='-*,preempt-*' file.c -- <flags>
//
// Every check of preemptlint under its own name, run by the same analysis
// as the command line (checks/tidy/TidyAdapter.h).
//
//===----------------------------------------------------------------------===//
#include "tidy/TidyAdapter.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace preemptlint {

class PreemptTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<PreemptTidyCheck>("preempt-balance");
    F.registerCheck<PreemptTidyCheck>("preempt-context-query");
    F.registerCheck<PreemptTidyCheck>("preempt-fpu-region");
    F.registerCheck<PreemptTidyCheck>("preempt-irq-protection");
    F.registerCheck<PreemptTidyCheck>("preempt-kmap-atomic");
    F.registerCheck<PreemptTidyCheck>("preempt-lock-balance");
    F.registerCheck<PreemptTidyCheck>("preempt-lock-owner");
    F.registerCheck<PreemptTidyCheck>("preempt-percpu-access");
    F.registerCheck<PreemptTidyCheck>("preempt-sleep-in-atomic");
    F.registerCheck<PreemptTidyCheck>("preempt-stale-cpu-id");
  }
};

} // namespace preemptlint

// Must live in the module itself: left in a static library, the linker
// would drop it and clang-tidy would find no checks.
static clang::tidy::ClangTidyModuleRegistry::Add<preemptlint::PreemptTidyModule>
    X("preempt-module", "preemptlint: preemption-safety checks for Linux kernel code.");
