//===- Wording.cpp - phrases the checks' messages share -------------------===//
#include "Wording.h"

using namespace preemptlint;

llvm::StringRef preemptlint::regionState(Region R) {
  switch (R) {
  case Region::Preempt: return "preemption disabled";
  case Region::Irq: return "interrupts disabled";
  case Region::Bh: return "bottom halves disabled";
  case Region::Rcu: return "an RCU read-side critical section open";
  case Region::Migrate: return "migration disabled";
  case Region::Kmap: return "a kmap_atomic() mapping";
  case Region::Fpu: return "an FPU section open";
  case Region::Pagefault: return "page faults disabled";
  case Region::KmapLocal: return "a kmap_local_page() mapping";
  }
  return "";
}

std::string preemptlint::sleepCause(const ViaCall &V) {
  if (V.ByGfpMask)
    return "an allocation that may sleep";
  return V.What.str();
}
