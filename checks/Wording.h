//===- Wording.h - phrases the checks' messages share -----------*- C++ -*-===//
//
// The analysis writes no English; the checks do. A phrase more than one
// check prints lives here, so that no check includes another's header.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_WORDING_H
#define PREEMPTLINT_WORDING_H

#include "analysis/KernelApiModel.h"
#include "llvm/ADT/StringRef.h"

namespace preemptlint {

/// "preemption disabled", "interrupts disabled", ...: the state a region
/// stands for.
llvm::StringRef regionState(Region R);

} // namespace preemptlint

#endif
