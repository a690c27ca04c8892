//===- ParamConditions.cpp - what paths know of a parameter ---------------===//
//
// Where a function's per-CPU need sites and unpinned calls lie, in terms of
// one parameter's value (ParamCond): known zero, non-zero or exactly one
// value on every path to them, from tests made before any write to the
// parameter could have happened. A caller passing a constant the other way
// reaches none of them (CallTransfer.cpp in the file, the link across it).
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

/// May a write of P (an assignment, an increment, its address taken) have
/// happened before the element being transferred? Yes when a write lies
/// earlier in its block, or in a block that reaches it (a loop's own block
/// reaches itself). The writes are found once, from the CFG's elements.
bool FunctionAnalyzer::writtenBefore(const ParmVarDecl *P) {
  if (!CurBlock)
    return true;
  if (!ParamWritesFound) {
    ParamWritesFound = true;
    for (const CFGBlock *B : FE.Order) {
      unsigned Idx = 0;
      for (const CFGElement &El : *B) {
        unsigned I = Idx++;
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *St = CS->getStmt();
        auto *UO = dyn_cast<UnaryOperator>(St);
        if (UO && UO->getOpcode() == UO_AddrOf) {
          if (auto *DR = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
            if (auto *PV = dyn_cast<ParmVarDecl>(DR->getDecl()))
              ParamWrites[PV].push_back({nullptr, 0});
          continue;
        }
        if (isa<BinaryOperator>(St) || UO) {
          // The statement itself writes (its operands are elements of their own).
          const Expr *Target = nullptr;
          if (auto *BO = dyn_cast<BinaryOperator>(St); BO && BO->isAssignmentOp())
            Target = BO->getLHS();
          else if (UO && UO->isIncrementDecrementOp())
            Target = UO->getSubExpr();
          if (Target)
            if (auto *DR = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
              if (auto *PV = dyn_cast<ParmVarDecl>(DR->getDecl()))
                ParamWrites[PV].push_back({B, I});
        }
      }
    }
  }
  auto It = ParamWrites.find(P);
  if (It == ParamWrites.end())
    return false; // never written
  for (auto &[WB, WI] : It->second) {
    if (!WB || (WB == CurBlock && WI < CurElem) || reaches(WB, CurBlock))
      return true;
  }
  return false;
}

/// Is To reached from From by at least one edge?
bool FunctionAnalyzer::reaches(const CFGBlock *From, const CFGBlock *To) {
  auto [It, New] = Reaches.try_emplace({From, To}, false);
  if (!New)
    return It->second;
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  llvm::SmallVector<const CFGBlock *, 32> Stack;
  for (const auto &S : From->succs())
    if (const CFGBlock *B = S.getReachableBlock(); B && Seen.insert(B).second)
      Stack.push_back(B);
  bool Found = false;
  while (!Stack.empty() && !Found) {
    const CFGBlock *B = Stack.pop_back_val();
    if (B == To) {
      Found = true;
      break;
    }
    for (const auto &S : B->succs())
      if (const CFGBlock *N = S.getReachableBlock(); N && Seen.insert(N).second)
        Stack.push_back(N);
  }
  Reaches[{From, To}] = Found;
  return Found;
}

void FunctionAnalyzer::noteParamCondition(const PathState &S, ParamCond &C) {
  if (C.Any)
    return;
  // The first parameter this path knows to be zero, non-zero or exactly a
  // value (facts are keyed by the parameter's name; one stored to since is
  // forgotten).
  for (const ParmVarDecl *P : FE.FD->parameters()) {
    if (P->getName().empty() || !P->getType()->isIntegralOrEnumerationType() ||
        writtenBefore(P))
      continue;
    const Fact *F = S.fact(P->getName());
    if (!F || F->Memory || F->Global)
      continue;
    auto T = F->truth();
    if (!T)
      continue;
    int Idx = int(P->getFunctionScopeIndex());
    std::optional<int64_t> V;
    if (F->K == Fact::Exact)
      V = F->Value;
    if (C.Param < 0) {
      C.Param = Idx;
      C.NonZero = *T;
      C.Value = V;
      return;
    }
    if (C.Param == Idx && C.NonZero == *T) {
      if (C.Value && V != C.Value)
        C.Value.reset(); // two values: only their truth is common
      return;
    }
  }
  C = ParamCond();
  C.Any = true;
}
