//===- ParamConditions.cpp - what paths know of a parameter ---------------===//
//
// Where a function's per-CPU need sites and unpinned calls lie, in terms of
// one parameter's value (ParamCond): known zero, non-zero or exactly one
// value on every path to them, from tests made before any write to the
// parameter could have happened (or after masks of the first block only:
// `notify &= ~TWA_FLAGS; switch (notify)`), whatever it was set to since.
// A caller passing a constant the other way reaches none of them
// (CallTransfer.cpp in the file, the link across it).
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

/// Every write of a parameter, found once from the CFG's elements: an
/// assignment, an increment, its address taken; `p &= C` with C constant
/// keeps its mask.
void FunctionAnalyzer::findParamWrites() {
  if (ParamWritesFound)
    return;
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
            ParamWrites[PV].push_back({nullptr, 0, std::nullopt});
        continue;
      }
      if (!isa<BinaryOperator>(St) && !UO)
        continue;
      // The statement itself writes (its operands are elements of their own).
      const Expr *Target = nullptr;
      std::optional<uint64_t> Mask;
      if (auto *BO = dyn_cast<BinaryOperator>(St); BO && BO->isAssignmentOp()) {
        Target = BO->getLHS();
        Expr::EvalResult R;
        if (BO->getOpcode() == BO_AndAssign &&
            BO->getRHS()->EvaluateAsInt(R, FA.Ctx, Expr::SE_NoSideEffects))
          Mask = uint64_t(R.Val.getInt().getExtValue()); // as values are kept: int64_t
      } else if (UO && UO->isIncrementDecrementOp()) {
        Target = UO->getSubExpr();
      }
      if (Target)
        if (auto *DR = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
          if (auto *PV = dyn_cast<ParmVarDecl>(DR->getDecl()))
            ParamWrites[PV].push_back({B, I, Mask});
    }
  }
}

/// Writes that may have happened before the element being transferred lie
/// earlier in its block, or in a block that reaches it (a loop's own block
/// reaches itself).
std::optional<uint64_t> FunctionAnalyzer::entryMask(const ParmVarDecl *P) {
  uint64_t Mask = ~uint64_t(0);
  if (!CurBlock)
    return std::nullopt;
  findParamWrites();
  auto It = ParamWrites.find(P);
  if (It == ParamWrites.end())
    return Mask;
  // The first block of code: entered once, by every path, before any other.
  const CFGBlock &Entry = FE.Cfg->getEntry();
  const CFGBlock *First =
      Entry.succ_size() == 1 ? Entry.succ_begin()->getReachableBlock() : nullptr;
  if (First && First->pred_size() != 1)
    First = nullptr;
  for (auto &W : It->second) {
    bool Before = !W.B || (W.B == CurBlock && W.Elem < CurElem) || reaches(W.B, CurBlock);
    if (!Before)
      continue;
    // A mask of the first block, behind the element: every path masked so.
    if (!W.B || !W.Mask || W.B != First || (W.B == CurBlock && W.Elem >= CurElem))
      return std::nullopt;
    Mask &= *W.Mask;
  }
  return Mask;
}

/// The key of a fact about the caller's value of a parameter masked so: no
/// variable has it, so no write kills it.
static std::string entryKey(llvm::StringRef Name, uint64_t Mask) {
  std::string K = "\x01" + Name.str();
  if (Mask != ~uint64_t(0))
    K += "&" + std::to_string(Mask);
  return K;
}

void FunctionAnalyzer::noteEntryFact(PathState &S, const Fact &F) {
  if (F.Memory || F.Global)
    return;
  for (const ParmVarDecl *P : FE.FD->parameters()) {
    if (P->getName() != F.Key || !P->getType()->isIntegralOrEnumerationType())
      continue;
    if (auto Mask = entryMask(P)) {
      Fact E = F;
      E.Key = entryKey(P->getName(), *Mask);
      S.setFact(std::move(E));
    }
    return;
  }
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
  // value, of the caller's value: a fact a test taught before any write
  // (or after the first block's masks only), kept under the key
  // noteEntryFact() gave it. Facts are keyed by the parameter's name.
  for (const ParmVarDecl *P : FE.FD->parameters()) {
    if (P->getName().empty() || !P->getType()->isIntegralOrEnumerationType())
      continue;
    const Fact *F = nullptr;
    uint64_t Mask = ~uint64_t(0);
    std::string Prefix = entryKey(P->getName(), Mask);
    for (const Fact &G : S.Facts) {
      llvm::StringRef K = G.Key;
      if (!K.consume_front(Prefix))
        continue;
      if (K.empty()) {
        F = &G;
        Mask = ~uint64_t(0);
        break;
      }
      if (K.consume_front("&") && !K.getAsInteger(10, Mask)) {
        F = &G;
        break;
      }
    }
    auto T = F ? F->truth() : std::nullopt;
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
      C.Mask = Mask;
      return;
    }
    if (C.Param == Idx && C.NonZero == *T && C.Mask == Mask) {
      if (C.Value && V != C.Value)
        C.Value.reset(); // two values: only their truth is common
      return;
    }
  }
  C = ParamCond();
  C.Any = true;
}
