//===- fuzz_sanitizer.cpp - libFuzzer target: the compile-command sanitiser ===//
//
// The input is a command line, arguments separated by NUL bytes. Whatever it
// holds, the result must start with a driver name and keep only allowlisted
// flags: no -Xclang, -mllvm, -fplugin, -o or --serialize-diagnostics.
//
//===----------------------------------------------------------------------===//
#include "CommandSanitizer.h"
#include "clang/Driver/Options.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
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
  // Parse the result as the driver will (a value such as "-include -x.h"
  // is not a flag) and look for a forbidden option.
  std::vector<const char *> Argv;
  for (size_t I = 1; I < R.Args.size(); ++I)
    Argv.push_back(R.Args[I].c_str());
  unsigned MI = 0, MC = 0;
  auto List = clang::driver::getDriverOptTable().ParseArgs(
      Argv, MI, MC, llvm::opt::Visibility(clang::driver::options::ClangOption));
  for (const llvm::opt::Arg *A : List) {
    llvm::StringRef S = A->getOption().getPrefixedName();
    if (S == "-Xclang" || S == "-mllvm" || S.starts_with("-fplugin") || S == "-o" ||
        S == "-serialize-diagnostics" || S.starts_with("-fpass-plugin") ||
        S.starts_with("--config") || S == "-MJ" || S == "-B" || S.starts_with("-save-temps") ||
        S == "-load" || S == "-Xpreprocessor" || S.starts_with("-ftime-trace"))
      abort();
  }
  return 0;
}
