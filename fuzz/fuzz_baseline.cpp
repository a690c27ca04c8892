//===- fuzz_baseline.cpp - libFuzzer target: the baseline reader ----------===//
#include "Baseline.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  preemptlint::Baseline B;
  std::string Err;
  if (B.parse(llvm::StringRef(reinterpret_cast<const char *>(Data), Size), "fuzz", Err)) {
    std::vector<preemptlint::Diagnostic> D(1);
    D[0].Check = "preempt-balance";
    D[0].File = "a.c";
    D[0].Function = "f";
    D[0].Message = "m";
    B.filter(D);
  }
  return 0;
}
