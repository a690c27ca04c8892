//===- fuzz_sanitizer.cpp - libFuzzer target: the compile-command sanitiser ===//
//
// The input is a command line, arguments separated by NUL bytes. Whatever it
// holds, the result must start with a driver name and keep only allowlisted
// flags: no -Xclang, -mllvm, -fplugin, -o or --serialize-diagnostics.
//
//===----------------------------------------------------------------------===//
#include "CommandSanitizer.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef In(reinterpret_cast<const char *>(Data), Size);
  std::vector<std::string> Args{"clang"};
  while (!In.empty()) {
    auto [A, Rest] = In.split('\0');
    Args.push_back(A.str());
    In = Rest;
  }
  Args.push_back("a.c");
  auto R = preemptlint::sanitizeCommand(Args, "/nonexistent-fuzz-dir", "a.c");
  for (auto &A : R.Args) {
    llvm::StringRef S(A);
    if (S == "-Xclang" || S == "-mllvm" || S.starts_with("-fplugin") || S == "-o" ||
        S.starts_with("--serialize-diagnostics") || S.starts_with("-fpass-plugin") ||
        S.starts_with("--config"))
      abort();
  }
  return 0;
}
