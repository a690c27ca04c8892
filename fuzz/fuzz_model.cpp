//===- fuzz_model.cpp - libFuzzer target: the API model loader ------------===//
#include "analysis/KernelApiModel.h"
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  preemptlint::KernelApiModel M;
  std::string Err;
  M.loadString(llvm::StringRef(reinterpret_cast<const char *>(Data), Size), "fuzz", Err);
  return 0;
}
