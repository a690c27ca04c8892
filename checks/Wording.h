//===- Wording.h - phrases the checks' messages share -----------*- C++ -*-===//
//
// The analysis writes no English; the checks do. A phrase more than one
// check prints lives here, so that no check includes another's header.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_WORDING_H
#define PREEMPTLINT_WORDING_H

#include "analysis/Handler.h"
#include "analysis/KernelApiModel.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace preemptlint {

/// "preemption disabled", "interrupts disabled", ...: the state a region
/// stands for.
llvm::StringRef regionState(Region R);

/// What a callee sleeps in: its primitive, or, for a callee that sleeps by
/// the GFP mask its caller passes, "an allocation that may sleep".
std::string sleepCause(const ViaCall &V);

} // namespace preemptlint

#endif
