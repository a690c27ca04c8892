// Unit tests for the whole-tree facts (serialisation, refusal of foreign or
// damaged records) and the link's judgements on hand-made facts.
#include "analysis/KernelApiModel.h"
#include "analysis/TreeFacts.h"
#include "analysis/TreeLink.h"
#include <gtest/gtest.h>

using namespace preemptlint;

namespace {

FunctionFacts fn(const std::string &Name) {
  FunctionFacts F;
  F.Usr = F.Name = Name;
  F.At = {"/t/" + Name + ".c", 1, 1};
  F.External = true;
  return F;
}

CallSite call(const std::string &Callee, unsigned Line) {
  CallSite C;
  C.Callee = C.CalleeName = Callee;
  C.At = {"/t/x.c", Line, 2};
  return C;
}

ExitEffect lock(const std::string &Id, const std::string &By) {
  ExitEffect E;
  E.Lock = Id;
  E.Shown = "d.lock";
  E.By = By;
  E.Where = {"/t/x.c", 3, 2};
  E.Exit = {"/t/x.c", 5, 2};
  return E;
}

/// Records what the link reports.
struct Recorder : TreeHandler {
  std::vector<std::string> Got;
  void heldForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned N) override {
    Got.push_back("held " + F.Name + " " + E.Lock + " " + std::to_string(N));
  }
  void endedForNobody(const FunctionFacts &F, const ExitEffect &E, unsigned N) override {
    Got.push_back("ended " + F.Name + " " + E.Lock + " " + std::to_string(N));
  }
  void sleepThroughCall(const FunctionFacts &F, const CallSite &C,
                        const std::vector<ChainStep> &Ch) override {
    Got.push_back("sleep " + F.Name + " " + C.CalleeName + " " + Ch.back().What);
  }
  void unpinnedThroughCall(const FunctionFacts &F, const CallSite &C,
                           const std::vector<ChainStep> &Ch) override {
    Got.push_back("unpinned " + F.Name + " " + C.CalleeName);
  }
  void unpinnedInRoot(const FunctionFacts &F, const std::vector<ChainStep> &Ch) override {
    Got.push_back("root " + F.Name);
  }
  void sleepInAtomicMethod(const FunctionFacts &T, const FieldStore &S, const std::string &Ctx,
                           const std::vector<ChainStep> &Ch) override {
    Got.push_back("method " + T.Name + " " + S.Field + " " + Ctx + " " +
                  std::to_string(Ch.size()) + " " + Ch.back().What);
  }
};

CallSite fieldCall(const std::string &Field, unsigned Line) {
  CallSite C = call(Field, Line);
  C.ThroughField = true;
  return C;
}

FieldStore store(const std::string &Field, const std::string &Target) {
  return {Field, Target, Target, {"/t/ops.c", 9, 2}};
}

KernelApiModel model() {
  KernelApiModel M;
  std::string Err;
  EXPECT_TRUE(M.loadString(R"({"acquire_wrapper_patterns": ["*_lock"],
                                "release_wrapper_patterns": ["*_unlock"]})",
                           "t", Err))
      << Err;
  return M;
}

} // namespace

TEST(TreeFacts, RoundTrip) {
  FileFacts F;
  F.File = "drivers/x.c";
  FunctionFacts A = fn("a");
  A.Acquires.push_back(lock("struct dev.lock", "spin_lock"));
  A.Sleeps = {true, "msleep", {"/t/a.c", 4, 2}};
  CallSite C = call("b", 7);
  C.Atomic = true;
  C.AtomicLock = "d.lock";
  C.Held = {"struct dev.lock"};
  A.Calls.push_back(C);
  F.Functions.push_back(A);
  FileFacts G;
  std::string Err;
  ASSERT_TRUE(fromJson(toJson(F), G, Err)) << Err;
  ASSERT_EQ(G.Functions.size(), 1u);
  EXPECT_EQ(G.File, "drivers/x.c");
  EXPECT_EQ(G.Functions[0].Acquires[0].Lock, "struct dev.lock");
  EXPECT_EQ(G.Functions[0].Sleeps.What, "msleep");
  EXPECT_EQ(G.Functions[0].Calls[0].Held[0], "struct dev.lock");
  EXPECT_TRUE(G.Functions[0].Calls[0].Atomic);
  EXPECT_FALSE(G.Functions[0].Calls[0].ThroughField);
  // A call through an ops field and a store into one.
  F.Functions[0].Calls.push_back(fieldCall("struct ops.enter", 8));
  F.Stores.push_back(store("struct ops.enter", "b"));
  ASSERT_TRUE(fromJson(toJson(F), G, Err)) << Err;
  EXPECT_TRUE(G.Functions[0].Calls[1].ThroughField);
  EXPECT_EQ(G.Functions[0].Calls[1].Callee, "struct ops.enter");
  ASSERT_EQ(G.Stores.size(), 1u);
  EXPECT_EQ(G.Stores[0].Field, "struct ops.enter");
  EXPECT_EQ(G.Stores[0].Target, "b");
}

TEST(TreeFacts, RefusesForeignDamagedAndTruncated) {
  FileFacts F, G;
  F.File = "x.c";
  F.Functions.push_back(fn("a"));
  std::string Text = toJson(F), Err;
  // Another version (an older one too: version 1 had no field calls).
  std::string V = "\"version\":" + std::to_string(TreeFactsVersion);
  for (const char *Other : {"\"version\":99", "\"version\":1"}) {
    std::string Foreign = Text;
    Foreign.replace(Foreign.find(V), V.size(), Other);
    EXPECT_FALSE(fromJson(Foreign, G, Err));
    EXPECT_TRUE(G.Functions.empty());
  }
  // Truncated (a killed writer).
  EXPECT_FALSE(fromJson(Text.substr(0, Text.size() / 2), G, Err));
  // A field of the wrong type: refused as a whole, not half used.
  std::string Bad = Text;
  Bad.replace(Bad.find("\"external\":true"), 15, "\"external\":\"yes\"");
  EXPECT_FALSE(fromJson(Bad, G, Err));
  EXPECT_TRUE(G.Functions.empty());
  EXPECT_FALSE(fromJson("", G, Err));
}

TEST(TreeLink, HeldLockJudgedByCallers) {
  KernelApiModel M = model();
  FileFacts F;
  F.File = "x.c";
  FunctionFacts Leak = fn("update"), Wrap = fn("grab"), User = fn("user"), Rel = fn("rel");
  Leak.Acquires.push_back(lock("struct dev.lock", "spin_lock"));
  Wrap.Acquires.push_back(lock("struct dev.lock", "spin_lock"));
  User.Calls = {call("update", 10), call("grab", 11), call("rel", 12)};
  Rel.Releases.push_back(lock("struct dev.lock", "spin_unlock"));
  F.Functions = {Leak, Wrap, User};
  FileFacts G; // rel() in a file of its own
  G.File = "y.c";
  G.Functions = {Rel};
  Recorder R;
  linkTree({F, G}, M, R);
  // 'user' calls rel(), which releases the lock: both are answered there.
  EXPECT_TRUE(R.Got.empty()) << R.Got.front();

  // Without the release, both are leaks, and rel() (no caller, its name
  // does not say it is an unlock wrapper) ends what nobody holds. With no
  // caller, the name decides.
  F.Functions[2].Calls.pop_back();
  FunctionFacts Lone = fn("dev_lock"), Lone2 = fn("poke");
  Lone.Acquires.push_back(lock("struct other.lock", "spin_lock"));
  Lone2.Acquires.push_back(lock("struct third.lock", "spin_lock"));
  F.Functions.push_back(Lone);
  F.Functions.push_back(Lone2);
  Recorder R2;
  linkTree({F, G}, M, R2);
  std::vector<std::string> Want = {"held update struct dev.lock 1", "held grab struct dev.lock 1",
                                   "held poke struct third.lock 0", "ended rel struct dev.lock 0"};
  EXPECT_EQ(R2.Got, Want);

  // In one file, an uncalled function that drops the lock is a hand-off
  // when it is a callback (stored into a field: preempt-lock-owner judges
  // it), not a leak of the takers. Merely uncalled, it is no callback.
  FileFacts One = F;
  One.Functions.push_back(Rel);
  Recorder R4;
  linkTree({One}, M, R4);
  EXPECT_EQ(R4.Got, Want);
  FieldStore St;
  St.Field = "struct work_struct.func";
  St.Target = "rel";
  St.TargetName = "rel";
  One.Stores.push_back(St);
  Recorder R3;
  linkTree({One}, M, R3);
  std::vector<std::string> Want3 = {"held poke struct third.lock 0", "ended rel struct dev.lock 0"};
  EXPECT_EQ(R3.Got, Want3);
}

TEST(TreeLink, SleepAndNeedThroughOneCall) {
  KernelApiModel M = model();
  FileFacts A, B;
  A.File = "a.c";
  B.File = "b.c";
  FunctionFacts Sleeper = fn("sleeper"), Deep = fn("deep"), Acc = fn("acc");
  Sleeper.Sleeps = {true, "msleep", {"/t/b.c", 3, 2}};
  Deep.Calls = {call("sleeper", 20)}; // sleeps through one more call
  Acc.Pinned = {true, "this_cpu_ptr", {"/t/b.c", 9, 2}};
  B.Functions = {Sleeper, Deep, Acc};
  FunctionFacts Caller = fn("caller");
  CallSite S1 = call("sleeper", 5), S2 = call("deep", 6), P1 = call("acc", 7);
  S1.Atomic = S2.Atomic = true;
  P1.Unpinned = true;
  Caller.Calls = {S1, S2, P1};
  Caller.AnswersPinning = Caller.ManagesPinning = true;
  A.Functions = {Caller};
  Recorder R;
  // Order of files does not matter.
  linkTree({B, A}, M, R);
  std::vector<std::string> Want = {"sleep caller sleeper msleep", "unpinned caller acc"};
  EXPECT_EQ(R.Got, Want);
  Recorder R2;
  linkTree({A, B}, M, R2);
  EXPECT_EQ(R2.Got, Want);
}

TEST(TreeLink, ExplainShowsChainsAndCallers) {
  KernelApiModel M = model();
  FileFacts B;
  B.File = "b.c";
  FunctionFacts Sleeper = fn("sleeper"), Deep = fn("deep");
  Sleeper.Sleeps = {true, "msleep", {"/t/b.c", 3, 2}};
  Deep.Calls = {call("sleeper", 20)};
  B.Functions = {Sleeper, Deep};
  Explanation X = explainFunction({B}, M, "deep");
  ASSERT_EQ(X.Definitions.size(), 1u);
  ASSERT_EQ(X.Definitions[0].Sleeps.size(), 2u);
  EXPECT_EQ(X.Definitions[0].Sleeps[0].What, "sleeper");
  EXPECT_EQ(X.Definitions[0].Sleeps[1].What, "msleep");
  Explanation Y = explainFunction({B}, M, "sleeper");
  ASSERT_EQ(Y.Definitions[0].Callers.size(), 1u);
  EXPECT_EQ(Y.Definitions[0].Callers[0].Function, "deep");
}

TEST(TreeLink, FieldCallReachesStoredFunctionsUpToTheCap) {
  KernelApiModel M = model();
  FileFacts Core, Drv;
  Core.File = "core.c";
  Drv.File = "drv.c";
  FunctionFacts Caller = fn("caller"), Quiet = fn("quiet");
  CallSite C = fieldCall("struct ops.poke", 10);
  C.Atomic = true;
  Caller.Calls = {C, fieldCall("struct ops.poke", 11)};
  FunctionFacts Sleeper = fn("sleeper");
  Sleeper.Sleeps = {true, "msleep", {"/t/drv.c", 4, 2}};
  Drv.Functions = {Quiet, Sleeper};
  Drv.Stores = {store("struct ops.poke", "quiet"), store("struct ops.poke", "sleeper")};
  Core.Functions = {Caller};
  Recorder R;
  linkTree({Core, Drv}, M, R);
  // The atomic call reaches sleeper(); the other is not atomic.
  ASSERT_EQ(R.Got.size(), 1u);
  EXPECT_EQ(R.Got[0], "sleep caller struct ops.poke msleep");
  // Through the non-atomic call, caller() may sleep.
  Explanation X = explainFunction({Core, Drv}, M, "caller");
  ASSERT_EQ(X.Definitions.size(), 1u);
  EXPECT_EQ(X.Definitions[0].Sleeps.size(), 2u);
  // Past the cap, the field is a generic interface: nothing is linked.
  for (int I = 0; I < 8; ++I) {
    Drv.Functions.push_back(fn("other" + std::to_string(I)));
    Drv.Stores.push_back(store("struct ops.poke", "other" + std::to_string(I)));
  }
  Recorder R2;
  TreeStats S = linkTree({Core, Drv}, M, R2);
  EXPECT_TRUE(R2.Got.empty()) << R2.Got.front();
  EXPECT_EQ(S.FieldsOverCap, 1u);
  EXPECT_EQ(S.FieldLinked, 0u);
}

TEST(TreeLink, MethodStoredIntoAnAtomicField) {
  KernelApiModel M;
  std::string Err;
  ASSERT_TRUE(M.loadString(R"({"callback_fields": [
      {"record": "net_device_ops", "field": "ndo_start_xmit", "context": "softirq"},
      {"record": "net_device_ops", "field": "ndo_open", "context": "process"}]})",
                           "t", Err))
      << Err;
  FileFacts Ops, Meth, Helper;
  Ops.File = "ops.c";
  Meth.File = "meth.c";
  Helper.File = "helper.c";
  FunctionFacts Xmit = fn("xmit"), Open = fn("open"), Sync = fn("sync");
  Sync.Sleeps = {true, "msleep", {"/t/helper.c", 4, 2}};
  Xmit.Calls = {call("sync", 20)};
  Open.Calls = {call("sync", 30)};
  Meth.Functions = {Xmit, Open};
  Helper.Functions = {Sync};
  Ops.Stores = {store("struct net_device_ops.ndo_start_xmit", "xmit"),
                store("struct net_device_ops.ndo_open", "open")};
  Recorder R;
  linkTree({Ops, Meth, Helper}, M, R);
  // xmit() runs with bottom halves off and calls a helper that sleeps;
  // open() runs in process context.
  ASSERT_EQ(R.Got.size(), 1u);
  EXPECT_EQ(R.Got[0], "method xmit struct net_device_ops.ndo_start_xmit softirq 2 msleep");
  // Stored in its own file, its own analysis knew the context: not again.
  Meth.Stores = Ops.Stores;
  Recorder R2;
  linkTree({Meth, Helper}, M, R2);
  EXPECT_TRUE(R2.Got.empty()) << R2.Got.front();
}
