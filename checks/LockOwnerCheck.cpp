//===- LockOwnerCheck.cpp - preempt-lock-owner ----------------------------===//
#include "LockOwnerCheck.h"

#include "clang/AST/Decl.h"

using namespace preemptlint;

void LockOwnerCheck::releasedByOtherTask(const FunctionContext &F, const HandOff &HO) {
  auto B = report(F, HO.ReleaseLoc,
                  ("'" + HO.LockKey + "' is released in '" + F.FD->getName() +
                   "', which runs as its own task or context, but acquired in '" +
                   HO.Acquirer->getName() + "'; a lock must be released by the task that took it")
                      .str());
  B.note(HO.AcquireLoc, ("acquired here, in '" + HO.Acquirer->getName() + "'").str());
  B.note(HO.RegisteredAt,
         ("'" + F.FD->getName() + "' is handed off here by " + HO.RegisteredBy + "()").str());
}
