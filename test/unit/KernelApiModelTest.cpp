// Unit tests for loading the API model.
#include "analysis/KernelApiModel.h"
#include <gtest/gtest.h>

using namespace preemptlint;

TEST(KernelApiModel, LoadsPrimitivesAndAliases) {
  KernelApiModel M;
  std::string Err;
  ASSERT_TRUE(M.loadString(R"({"schema": "preemptlint-model/1",
    "lock_classes": [{"name": "spinlock", "types": ["spinlock_t"], "implies": ["preempt"]}],
    "primitives": [
      {"names": ["preempt_disable", "preempt_disable_notrace"], "effects": [{"enter": "preempt"}]},
      {"name": "spin_trylock", "when": "nonzero", "effects": [{"acquire": "spinlock"}]}]})",
                           "t", Err))
      << Err;
  ASSERT_NE(M.lookup("preempt_disable_notrace"), nullptr);
  EXPECT_EQ(M.lookup("preempt_disable")->Effects[0].Kind, EffectKind::Enter);
  EXPECT_EQ(M.lookup("spin_trylock")->Cond, When::NonZero);
  EXPECT_EQ(M.lookup("spin_trylock")->Effects[0].LockArg, 0);
  EXPECT_EQ(M.lockClassForType("spinlock_t"), 0);
  EXPECT_EQ(M.lookup("nothing"), nullptr);
}

TEST(KernelApiModel, LaterDocumentsOverride) {
  KernelApiModel M;
  std::string Err;
  ASSERT_TRUE(M.loadString(R"({"primitives": [{"name": "f", "effects": [{"enter": "irq"}]}]})", "a", Err));
  ASSERT_TRUE(M.loadString(R"({"primitives": [{"name": "f", "effects": [{"enter": "bh"}]}]})", "b", Err));
  EXPECT_EQ(M.lookup("f")->Effects[0].Reg, Region::Bh);
}

TEST(KernelApiModel, ErrorsAreOneLine) {
  const char *Bad[] = {
      "{ not json",
      R"({"primitives": [{"name": "f", "effects": [{"enter": "nowhere"}]}]})",
      R"({"primitives": [{"name": "f", "effects": [{"enter": "irq", "exit": "irq"}]}]})",
      R"({"primitives": [{"name": "f", "effects": [{"acquire": "nosuchclass"}]}]})",
      R"({"primitivez": []})",
      R"({"schema": "other/2"})",
      R"([1, 2])",
  };
  for (const char *Text : Bad) {
    KernelApiModel M;
    std::string Err;
    EXPECT_FALSE(M.loadString(Text, "m.json", Err)) << Text;
    EXPECT_FALSE(Err.empty());
    EXPECT_EQ(Err.find('\n'), std::string::npos) << Err;
    EXPECT_EQ(Err.rfind("m.json: ", 0), 0u) << Err;
  }
}

TEST(KernelApiModel, ShippedModelLoads) {
  KernelApiModel M;
  std::string Err;
  ASSERT_TRUE(M.loadFile(PREEMPTLINT_SOURCE_MODEL, Err)) << Err;
  for (const char *N : {"preempt_disable", "smp_processor_id", "get_cpu", "local_irq_save",
                        "spin_lock", "spin_lock_irqsave", "this_cpu_ptr", "kernel_fpu_begin",
                        "rcu_read_lock", "timer_setup", "mutex_lock_interruptible"})
    EXPECT_NE(M.lookup(N), nullptr) << N;
}
