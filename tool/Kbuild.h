//===- Kbuild.h - preemptlint as Kbuild's source checker --------*- C++ -*-===//
//
//   make LLVM=-19 C=1 CHECK=preemptlint [CF='--checks=...'] [dir/]
//
// Kbuild runs the checker as it runs Sparse or Smatch:
// `$(CHECK) $(CHECKFLAGS) $(c_flags) file.c`, where CHECKFLAGS are Sparse's
// (-D__linux__ ... -Wbitwise -Wno-return-void -Wno-unknown-attribute
// --arch=x86 -mlittle-endian -m64 -D__x86_64__ and the user's CF) and c_flags
// the compiler's. That call is recognised, turned into the ordinary
// `preemptlint [options] file.c -- <compiler flags>` and run. Findings are
// printed as text; the status is 0 so that a finding never stops the build,
// unless PREEMPTLINT_KBUILD_WERROR=1 (or --kbuild-werror in CF) asks for
// the command line's status (1 findings, 2 errors).
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_KBUILD_H
#define PREEMPTLINT_TOOL_KBUILD_H

#include <string>
#include <vector>

namespace preemptlint {

/// If Args (argv, program name first) is Kbuild's checker call, rewrites it
/// to the `file.c -- flags` form: preemptlint options found among the
/// Sparse flags (from CF) are kept as options, Sparse-only flags,
/// -D__CHECKER__ and dependency-file output are dropped. Sets Werror when
/// --kbuild-werror was among them. Returns false, leaving Args alone, for
/// any other command line.
bool rewriteKbuildInvocation(std::vector<std::string> &Args, bool *Werror = nullptr);

/// Runs a Kbuild checker call (rewritten, in a child process of this
/// executable) and returns its exit status for Kbuild; returns -1 when
/// argv is not such a call.
int runKbuildInvocation(int argc, const char **argv);

} // namespace preemptlint

#endif
