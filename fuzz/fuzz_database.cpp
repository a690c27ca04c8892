//===- fuzz_database.cpp - libFuzzer target: compile_commands.json --------===//
#include "Database.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  preemptlint::CommandDatabase DB;
  std::string Err;
  if (preemptlint::parseDatabase(llvm::StringRef(reinterpret_cast<const char *>(Data), Size),
                                 "/fuzz", DB, Err))
    for (auto &F : DB.files())
      (void)DB.lookup(F);
  return 0;
}
