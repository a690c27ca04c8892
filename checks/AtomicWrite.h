//===- AtomicWrite.h - a file written whole or not at all ------*- C++ -*-===//
#ifndef PREEMPTLINT_ATOMICWRITE_H
#define PREEMPTLINT_ATOMICWRITE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace preemptlint {

/// Writes Data beside Path under a unique temporary name and renames it
/// into place, so that a reader sees the whole file or the one before (a
/// killed run or a full disk leaves at most the temporary file, which is
/// removed when the write fails). False (Err set) when it could not.
bool writeFileAtomically(const std::string &Path, llvm::StringRef Data, std::string *Err = nullptr);

} // namespace preemptlint

#endif
