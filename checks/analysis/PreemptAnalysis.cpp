//===- PreemptAnalysis.cpp - worklist dataflow over clang::CFG -----------===//
//
// Forward analysis, one function at a time, over the events of Events.h and
// the lattice of PreemptState.h (see there for which way the join errs).
// Blocks are visited in reverse post-order from a priority worklist; each
// block holds a bounded StateSet; branches refine path states with what the
// condition says (correlated branches, trylock results) and drop infeasible
// ones. Loops converge by widening after AnalysisOptions::WidenAfter visits;
// AnalysisOptions::Budget bounds the work per function.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalyzer.h"

using namespace clang;
using namespace preemptlint;

//===----------------------------------------------------------------------===//
// The worklist
//===----------------------------------------------------------------------===//

void FunctionAnalyzer::dumpState(SourceLocation L, const char *What, const PathState &S) {
  llvm::raw_ostream &OS = *FA.Opts.DumpState;
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isValid())
    OS << P.getLine() << ":" << P.getColumn();
  else
    OS << "?";
  OS << ": " << FE.FD->getName() << ": " << What << ":";
  for (unsigned R = 0; R < NumRegions; ++R) {
    if (S.Depth[R] == UnknownDepth)
      OS << " " << regionName(Region(R)) << "=?";
    else if (S.Depth[R] != 0)
      OS << " " << regionName(Region(R)) << "=" << int(S.Depth[R]);
  }
  if (S.Assumed) {
    OS << " assumed=";
    bool First = true;
    for (unsigned R = 0; R < NumRegions; ++R)
      if (S.Assumed & (1u << R)) {
        OS << (First ? "" : ",") << regionName(Region(R));
        First = false;
      }
  }
  if (!S.Locks.empty()) {
    OS << " locks={";
    for (unsigned I = 0; I < S.Locks.size(); ++I)
      OS << (I ? "," : "") << S.Locks[I].Key;
    OS << "}";
  }
  for (auto &F : S.Facts) {
    if (llvm::StringRef(F.Key).starts_with("\x01"))
      continue; // of a parameter's caller's value (noteEntryFact())
    OS << " " << F.Key;
    if (F.K == Fact::NonZero) OS << "!=0";
    else OS << "==" << F.Value;
  }
  for (auto &P : S.Pendings)
    OS << " pending(" << P.Events.front()->Name << (P.VarKey.empty() ? "" : "->" + P.VarKey) << ")";
  if (S.Imprecise)
    OS << " imprecise";
  if (S.Depth == std::array<int8_t, NumRegions>{} && S.Locks.empty() && !S.Assumed)
    OS << " (nothing held)";
  OS << "\n";
}

/// What an edge out of a block tells, given the block's terminator
/// condition Cond. Clang's CFG gives each term of a `&&`/`||` chain a block
/// of its own; the block of a term ends in the operator above it (or in the
/// `if` itself), whose condition is the whole chain up to that term. A path
/// that reaches the block has already been refined by every earlier term on
/// the edges that led here, so only the term the block evaluates is new:
/// refining the whole prefix again made a chain of N terms cost N^2
/// refinements. The edges that say nothing of the chain (`a && b` false,
/// `a || b` true) still say nothing. A chain that is itself a conditional
/// primitive's value (preemptible() is `a && !b`) is tested whole. Null:
/// nothing to refine.
static const Expr *testedOnEdge(const PathState &S, const Expr *Cond, bool Branch) {
  for (;;) {
    auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParens());
    if (!BO || !BO->isLogicalOp() || llvm::any_of(S.Pendings, [&](const Pending &P) {
          return P.Result && P.Result->IgnoreParenImpCasts() == BO;
        }))
      return Cond;
    if ((BO->getOpcode() == BO_LAnd) != Branch)
      return nullptr;
    Cond = BO->getRHS();
  }
}

void FunctionAnalyzer::processBlock(const CFGBlock *B, PathState S) {
  unsigned BID = B->getBlockID();
  auto &Evs = FE.Events[BID];
  size_t Next = 0;
  unsigned Idx = 0;
  CurBlock = B;
  for (const CFGElement &El : *B) {
    unsigned I = Idx++;
    CurElem = I;
    if (++Steps > FA.Opts.Budget) {
      OutOfBudget = true;
      return;
    }
    bool HadEvent = false;
    while (Next < Evs.size() && Evs[Next].first == I) {
      applyEvent(S, Evs[Next].second);
      if (!S.CpuVals.empty())
        staleAfter(S, Evs[Next].second);
      ++Next;
      HadEvent = true;
    }
    if (auto CS = El.getAs<CFGStmt>()) {
      applyStmt(S, CS->getStmt());
      if (Dump && (HadEvent || isa<ReturnStmt>(CS->getStmt())))
        dumpState(CS->getStmt()->getBeginLoc(), "after", S);
    } else if (Dump && HadEvent) {
      if (auto CF = El.getAs<CFGCleanupFunction>())
        dumpState(CF->getVarDecl()->getLocation(), "scope exit", S);
    }
  }
  // Events anchored past the last element (none expected) are applied here.
  CurElem = Idx; // the terminator: after every element of the block
  for (; Next < Evs.size(); ++Next)
    applyEvent(S, Evs[Next].second);

  // A block that ends in a noreturn call (BUG(), panic()) has an edge to
  // the exit block in Clang's CFG; it is not a return.
  if (B->hasNoReturnElement())
    return;

  const Stmt *Cond = B->getTerminatorCondition();
  bool TwoWay = Cond && B->succ_size() == 2 && isa<Expr>(Cond) &&
                !isa<SwitchStmt>(B->getTerminatorStmt());
  // Where the branch is, for a context query (UserCondLoc) and for the
  // notes on the path (NoteLoc).
  SourceLocation UserCondLoc, NoteLoc;
  if (TwoWay) {
    SourceLocation CondLoc = beginOf(Cond);
    // A query decides behaviour when the branch is the user's own, not
    // one inside WARN_ON()/BUG_ON().
    if (const Stmt *TS = B->getTerminatorStmt()) {
      // in_atomic() ? a : b begins inside the query's own expansion.
      SourceLocation L = beginOf(TS);
      bool UserBranch = L.isFileID();
      if (!UserBranch) {
        // The branch may begin inside a recognised primitive (the query
        // itself) that the user wrote, possibly as an argument of other
        // macros (kmalloc(n, in_atomic() ? ... : ...)).
        SourceLocation X;
        FA.Macros.forEachOwner(L, SM, [&](const MacroExpansionRec *, SourceLocation NameLoc) {
          X = NameLoc;
          return false; // the innermost one
        });
        if (X.isValid()) {
          while (X.isMacroID() && SM.isMacroArgExpansion(X))
            X = SM.getImmediateSpellingLoc(X);
          UserBranch = X.isFileID();
        }
      }
      if (UserBranch)
        UserCondLoc = CondLoc;
    }
    // Only branches the user wrote are worth a note on the path.
    if (CondLoc.isFileID())
      NoteLoc = CondLoc;
  }
  auto *Switch = dyn_cast_or_null<SwitchStmt>(B->getTerminatorStmt());
  unsigned SI = 0;
  for (auto It = B->succ_begin(); It != B->succ_end(); ++It, ++SI) {
    const CFGBlock *To = It->getReachableBlock();
    if (!To)
      continue;
    PathState T = S;
    if (TwoWay) {
      bool Branch = SI == 0;
      CurCondLoc = UserCondLoc;
      UnlikelyPath = false;
      const Expr *Tested = testedOnEdge(T, cast<Expr>(Cond), Branch);
      if (Tested && !refine(T, Tested, Branch))
        continue; // infeasible on this path
      if (NoteLoc.isValid())
        T.noteBranch(NoteLoc, Branch);
    } else if (Switch && !caseEdge(T, Switch, To, SI + 1 == B->succ_size())) {
      continue; // infeasible on this path
    }
    propagate(B, SI, To, std::move(T));
  }
}

bool FunctionAnalyzer::caseEdge(PathState &S, const SwitchStmt *Sw, const CFGBlock *To,
                                bool Default) {
  auto Constant = [&](const Expr *E) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (!E || !E->EvaluateAsInt(R, FA.Ctx))
      return std::nullopt;
    return R.Val.getInt().getExtValue();
  };
  const Expr *Cond = Sw->getCond();
  auto V = valueOf(S, Cond);
  // The last successor is `default:` or the statement after the switch:
  // not taken when the value is one of the cases.
  if (Default) {
    if (!V)
      return true;
    for (const SwitchCase *C = Sw->getSwitchCaseList(); C; C = C->getNextSwitchCase())
      if (auto *CS = dyn_cast<CaseStmt>(C)) {
        auto Lo = Constant(CS->getLHS());
        auto Hi = CS->caseStmtIsGNURange() ? Constant(CS->getRHS()) : Lo;
        if (Lo && Hi && *Lo <= *V && *V <= *Hi)
          return false;
      }
    return true;
  }
  // `case C:` (not a range): the condition is C on this edge.
  auto *CS = dyn_cast_or_null<CaseStmt>(To->getLabel());
  if (!CS || CS->caseStmtIsGNURange())
    return true;
  auto C = Constant(CS->getLHS());
  if (!C)
    return true;
  if (V)
    return *V == *C;
  bool Mem, Glob;
  std::string K = factKey(Cond, Mem, Glob);
  if (!K.empty()) {
    Fact F = Fact::exact(K, Mem, Glob, *C);
    noteEntryFact(S, F);
    S.setFact(std::move(F));
  }
  return true;
}

SourceLocation FunctionAnalyzer::beginOf(const Stmt *St) {
  // A binary operator begins where its left operand begins; a chain of N
  // `&&` terms is N operators deep, and every term's block asks where its
  // part of the chain begins. Remember the answers along the left spine.
  llvm::SmallVector<const Stmt *, 8> Spine;
  SourceLocation L;
  for (;;) {
    auto *BO = dyn_cast<BinaryOperator>(St);
    if (!BO) {
      L = St->getBeginLoc();
      break;
    }
    auto It = BeginOf.find(BO);
    if (It != BeginOf.end()) {
      L = It->second;
      break;
    }
    Spine.push_back(BO);
    St = BO->getLHS();
  }
  for (const Stmt *X : Spine)
    BeginOf[X] = L;
  return L;
}

void FunctionAnalyzer::propagate(const CFGBlock *From, unsigned, const CFGBlock *To,
                                 PathState S) {
  unsigned ID = To->getBlockID();
  bool Widen = Visits[ID] >= FA.Opts.WidenAfter;
  unsigned Limit = FA.Opts.PathLimit;
  if (To == &FE.Cfg->getExit()) {
    // Every return is judged on its own path: the exit keeps each distinct
    // exit state up to ExitLimit, and when full it gives up what is known
    // of values (StateSet::add) before what is held.
    Limit = FA.Opts.ExitLimit;
    Widen = false;
  }
  if (In[ID].add(std::move(S), Limit, Widen)) {
    unsigned R = FE.Rpo[ID];
    if (R != ~0u && !Queued[R]) {
      Queued[R] = true;
      Work.push(R);
    }
  }
}

std::vector<unsigned> FunctionAnalyzer::reachedFromAtMost() const {
  // Blocks by decreasing RPO number; each marks what it reaches and no
  // higher block reached first: O(blocks + edges).
  unsigned N = FE.Order.size();
  std::vector<unsigned> Reach(N, ~0u);
  std::vector<unsigned> Stack;
  for (unsigned X = N; X-- > 0;) {
    if (Reach[X] != ~0u)
      continue;
    Reach[X] = X;
    Stack.push_back(X);
    while (!Stack.empty()) {
      const CFGBlock *B = FE.Order[Stack.back()];
      Stack.pop_back();
      for (const auto &Succ : B->succs()) {
        const CFGBlock *To = Succ.getReachableBlock();
        if (!To)
          continue;
        unsigned T = FE.Rpo[To->getBlockID()];
        if (T != ~0u && Reach[T] == ~0u) {
          Reach[T] = X;
          Stack.push_back(T);
        }
      }
    }
  }
  return Reach;
}

void FunctionAnalyzer::run() {
  const CFG &G = *FE.Cfg;
  unsigned NB = G.getNumBlockIDs();
  In.assign(NB, StateSet());
  Visits.assign(NB, 0);
  Queued.assign(FE.Order.size(), false);

  PathState Init;
  Init.Assumed = InitialAssumed;
  Init.Locks.append(EntryLocks.begin(), EntryLocks.end());
  if (Dump && InitialAssumed)
    dumpState(FE.FD->getLocation(), "entry", Init);
  const CFGBlock &Entry = G.getEntry();
  In[Entry.getBlockID()].add(Init, FA.Opts.PathLimit, false);
  Work.push(FE.Rpo[Entry.getBlockID()]);
  Queued[FE.Rpo[Entry.getBlockID()]] = true;

  // A block's states are kept only while a path may still reach it: once
  // the worklist has passed every block that can reach it (Reach: the
  // highest RPO number among them), its set is never read again and is
  // freed. Without this a function kept a state set per block to its end,
  // memory in proportion to its length times the size of its states.
  std::vector<unsigned> Reach = reachedFromAtMost();
  using Done = std::pair<unsigned, unsigned>; // (Reach, RPO number)
  std::priority_queue<Done, std::vector<Done>, std::greater<Done>> Finished;
  unsigned ExitR = FE.Rpo[G.getExit().getBlockID()];

  while (!Work.empty() && !OutOfBudget) {
    unsigned R = Work.top();
    Work.pop();
    Queued[R] = false;
    const CFGBlock *B = FE.Order[R];
    ++Visits[B->getBlockID()];
    // Copy: processing may add to this block's own set (self loops).
    auto States = In[B->getBlockID()].states();
    for (auto &S : States) {
      processBlock(B, S);
      if (OutOfBudget)
        break;
    }
    if (R != ExitR)
      Finished.push({Reach[R], R});
    unsigned Next = Work.empty() ? ~0u : Work.top();
    while (!Finished.empty() && Finished.top().first < Next) {
      In[FE.Order[Finished.top().second]->getBlockID()].release();
      Finished.pop();
    }
  }
  if (OutOfBudget) {
    Sum.Complete = false;
    H.budgetExhausted(FC, Steps);
    In.clear(); // the path states are not needed any more
    judgeWithoutPaths();
    return;
  }
  finish();
}

void FunctionAnalyzer::finish() {
  const CFGBlock &Exit = FE.Cfg->getExit();
  auto &Exits = In[Exit.getBlockID()].states();
  llvm::SmallVector<const PathState *, 8> Precise;
  for (auto &S : Exits) {
    if (Dump)
      dumpState(S.ReturnLoc.isValid() ? S.ReturnLoc : FE.FD->getBody()->getEndLoc(),
                "exit", S);
    if (!S.Imprecise)
      Precise.push_back(&S);
  }
  // Releases of what the function did not take count for the callers only
  // where a path returns without it: not on a path that ends in panic(),
  // nor where the function takes it back (a drop and re-take around work).
  llvm::erase_if(Sum.UnheldReleases, [&](const FunctionSummary::LockSite &U) {
    return llvm::none_of(Precise, [&](const PathState *S) {
      return llvm::any_of(S->ReleasedEntry, [&](const HeldLock &R) { return R.Decl == U.Decl; });
    });
  });
  for (unsigned R = 0; R < NumRegions; ++R)
    if (Sum.UnbegunEndAt[R].isValid() && llvm::none_of(Precise, [&](const PathState *S) {
          return S->Depth[R] != UnknownDepth && S->Depth[R] < 0;
        }))
      Sum.UnbegunEndAt[R] = SourceLocation();
  if (Precise.empty()) {
    Sum.Complete = Exits.empty(); // a function that never returns has no effect
    return;
  }
  for (auto *S : Precise)
    Sum.Opened |= S->Opened;
  Sum.AnExit = Precise.front()->ReturnLoc.isValid() ? Precise.front()->ReturnLoc
                                                     : FE.FD->getBody()->getEndLoc();
  // Different return values explain different exit states when the path
  // that holds more reports success (the trylock / "returns 0 with the lock
  // held" convention). A path that holds more and returns an error code is
  // the classic leak on an error path.
  bool ReturnsPointer = FE.FD->getReturnType()->isPointerType();
  auto explained = [&](const PathState *A, const PathState *B) {
    if (A->ReturnValue && B->ReturnValue && *A->ReturnValue != *B->ReturnValue &&
        *A->ReturnValue >= 0)
      return true;
    // "Returns the object with its lock held, or NULL".
    return ReturnsPointer && !A->ReturnValue && B->ReturnValue && *B->ReturnValue == 0;
  };
  // Regions: consistent exits give the summary; inconsistent ones are reported.
  for (unsigned R = 0; R < NumRegions; ++R) {
    bool Known = llvm::all_of(Precise, [&](const PathState *S) { return S->Depth[R] != UnknownDepth; });
    if (!Known)
      continue;
    int D0 = Precise.front()->Depth[R];
    bool Consistent = llvm::all_of(Precise, [&](const PathState *S) { return S->Depth[R] == D0; });
    if (Consistent) {
      Sum.Delta[R] = int8_t(D0);
      if (D0 > 0) {
        Sum.DeltaAt[R] = Precise.front()->LastEnter[R];
        Sum.DeltaBy[R] = Precise.front()->LastEnterBy[R];
      } else if (D0 < 0) {
        Sum.DeltaAt[R] = Precise.front()->LastExit[R];
        Sum.DeltaBy[R] = Precise.front()->LastExitBy[R];
      }
      continue;
    }
    for (auto *A : Precise)
      if (A->Depth[R] > 0 && A->LastEnter[R].isValid()) {
        Sum.SomeEnterAt[R] = A->LastEnter[R];
        Sum.SomeEnterBy[R] = A->LastEnterBy[R];
        Sum.SomeExitAt[R] = A->ReturnLoc.isValid() ? A->ReturnLoc : FE.FD->getBody()->getEndLoc();
        break;
      }
    if (FC.HasContract)
      continue;
    // Report the deepest path against a balanced one (depth 0) if there is
    // one, else against the shallowest.
    const PathState *Leak = nullptr, *Other = nullptr;
    auto better = [&](const PathState *A, const PathState *B) {
      if (!Leak)
        return true;
      if (A->Depth[R] != Leak->Depth[R])
        return A->Depth[R] > Leak->Depth[R];
      return B->Depth[R] == 0 && Other->Depth[R] != 0;
    };
    for (auto *A : Precise)
      for (auto *B : Precise)
        // Only a path that holds a section it began itself leaks; the
        // other path may not have it active by an assertion either
        // (WARN_ON(!irqs_disabled()) local_irq_disable(); re-establishes it).
        if (A->Depth[R] > 0 && A->Depth[R] > B->Depth[R] && !explained(A, B) &&
            !(B->Assumed & maskOf(Region(R))) && better(A, B)) {
          Leak = A;
          Other = B;
        }
    if (Leak)
      H.regionInconsistentExit(FC, Region(R), *Leak, *Other);
  }
  // Locks held at exit on every path are acquired for the caller.
  auto paramOf = [&](llvm::StringRef Key, std::string &Suffix) -> int {
    for (unsigned I = 0; I < FE.FD->getNumParams(); ++I) {
      llvm::StringRef N = FE.FD->getParamDecl(I)->getName();
      if (N.empty() || !Key.starts_with(N))
        continue;
      llvm::StringRef Rest = Key.drop_front(N.size());
      if (Rest.empty() || Rest.front() == '.' || Rest.front() == '[') {
        Suffix = Rest.str();
        return int(I);
      }
    }
    return -1;
  };
  // What the function asserts on every path holds for its callers too
  // (lockdep_assert_rq_held() wrappers).
  // A lock asserted held that every exit still holds, named through a
  // parameter, goes to the callers as that lock (held from the call until
  // the caller releases it, as __uart_port_using_nbcon()'s
  // lockdep_assert_held_once(&up->lock) in uart_port_unlock_irqrestore());
  // only what cannot be named is assumed as regions.
  for (auto &L : Precise.front()->Locks) {
    if (!L.FromCaller || !L.Asserted || L.Key.empty() || L.Key[0] == '?')
      continue;
    if (!llvm::all_of(Precise, [&](const PathState *S) {
          return llvm::any_of(S->Locks, [&](const HeldLock &O) {
            return O.Key == L.Key && O.FromCaller && O.Asserted;
          });
        }))
      continue;
    FunctionSummary::LockEffect LE;
    LE.Acquire = true;
    LE.Param = paramOf(L.Key, LE.Suffix);
    if (LE.Param < 0)
      continue;
    LE.Key = L.Key;
    LE.Lock = L;
    Sum.AssertedLocks.push_back(std::move(LE));
  }
  auto namedAssert = [&](const HeldLock &L) {
    return llvm::any_of(Sum.AssertedLocks, [&](const FunctionSummary::LockEffect &A) {
      return A.Key == L.Key;
    });
  };
  RegionMask Asserted = ~RegionMask(0);
  for (auto *S : Precise) {
    RegionMask M = S->Assumed;
    for (auto &L : S->Locks)
      if (L.FromCaller && L.Asserted && !namedAssert(L))
        M |= L.Implies;
    Asserted &= M;
  }
  Sum.Asserts = Asserted & ~InitialAssumed;
  const PathState &F = *Precise.front();
  // Locks held at exit on some paths only: the error-path leak.
  if (!FC.HasContract) {
    llvm::SmallVector<std::string, 4> Reported;
    // The leak is a path that keeps a lock another path of the same function
    // takes and releases itself. A lock no path releases is taken for the
    // caller on some paths (a conditional lock helper); a lock some path
    // releases on the caller's behalf is the caller's lock, re-taken.
    auto callersLock = [&](const HeldLock &L) {
      return llvm::any_of(Precise, [&](const PathState *S) {
        return llvm::any_of(S->ReleasedEntry, [&](const HeldLock &R) { return R.Key == L.Key; });
      });
    };
    for (auto *A : Precise)
      for (auto &L : A->Locks) {
        if (llvm::is_contained(Reported, L.Key) || L.Key.empty() || L.Key[0] == '?' ||
            L.FromCaller || callersLock(L))
          continue;
        for (auto *B : Precise)
          if (llvm::find(B->Locks, L) == B->Locks.end() && !explained(A, B) &&
              llvm::is_contained(B->ReleasedOwn, L.Key)) {
            H.lockInconsistentExit(FC, L, *A, *B);
            Reported.push_back(L.Key);
            break;
          }
        // Held here, not on every exit, and not reported (no exit released
        // it itself, or the return values explain it): the callers'.
        if (!llvm::is_contained(Reported, L.Key) && L.Decl && Sum.HeldSome.size() < 16 &&
            llvm::none_of(Sum.HeldSome, [&](auto &Site) { return Site.Decl == L.Decl; }) &&
            llvm::any_of(Precise, [&](const PathState *B) {
              return llvm::find(B->Locks, L) == B->Locks.end();
            })) {
          Sum.HeldSome.push_back({L.Decl, L.Key, L.Loc, L.By,
                                  A->ReturnLoc.isValid() ? A->ReturnLoc
                                                         : FE.FD->getBody()->getEndLoc()});
        }
      }
    // The mirror: a path releases a lock it never took (and does not take
    // back) while another path of the same function takes and releases it
    // itself: the acquisition is missing on the first path.
    for (auto *A : Precise)
      for (auto &R : A->ReleasedEntry) {
        // Only locks with an identity of their own (a field, a global): a
        // local pointer to a lock (ptl, rnp) is often set by a callee that
        // took the lock, which the path cannot name.
        auto *VD = dyn_cast_or_null<VarDecl>(R.Decl);
        if (llvm::is_contained(Reported, R.Key) || R.Key.empty() || R.Key[0] == '?' || !R.Decl ||
            (VD && !VD->hasGlobalStorage()) ||
            llvm::any_of(A->Locks, [&](const HeldLock &L) { return L.Key == R.Key; }))
          continue;
        for (auto *B : Precise)
          if (llvm::find(B->ReleasedEntry, R) == B->ReleasedEntry.end() && !explained(A, B) &&
              llvm::is_contained(B->ReleasedOwn, R.Key)) {
            H.releaseInconsistentExit(FC, R, *A, *B);
            Reported.push_back(R.Key);
            break;
          }
      }
  }
  // A lock effect for the callers, when every path agrees on it.
  auto summarise = [&](const HeldLock &L, bool Acquire, auto PathState::*Set) {
    // A release is the same release whether the path knew the lock as its
    // caller's by an assertion or not at all (wake_futex_pi() drops the
    // caller's wait_lock on every path, asserted on some).
    if (!llvm::all_of(Precise, [&](const PathState *S) {
          return Acquire ? llvm::find(S->*Set, L) != (S->*Set).end()
                         : llvm::any_of(S->*Set, [&](const HeldLock &O) { return O.Key == L.Key; });
        }))
      return;
    FunctionSummary::LockEffect LE;
    LE.Acquire = Acquire;
    LE.Param = paramOf(L.Key, LE.Suffix);
    if (LE.Param < 0)
      LE.Key = FE.FD->getName().str() + ":" + L.Key;
    LE.Lock = L;
    Sum.Locks.push_back(LE);
  };
  // Releases first: a function that drops and re-takes its caller's lock
  // (__releases(l) __acquires(l)) leaves it held.
  for (auto &L : F.ReleasedEntry)
    summarise(L, /*Acquire=*/false, &PathState::ReleasedEntry);
  for (auto &L : F.Locks)
    if (!(!L.Key.empty() && L.Key[0] == '?') && !L.FromCaller)
      summarise(L, /*Acquire=*/true, &PathState::Locks);
  for (auto *S : Precise)
    if (S->IrqOnAt.isValid() && S->WokenAt.isValid()) {
      H.irqOnlyReschedule(FC, *S);
      break;
    }
  for (auto *S : Precise)
    if (S->NoReschedAt.isValid() && !FC.SchedulerCore) {
      H.lostPreemption(FC, *S);
      break;
    }
}

