/*
 * preemptlint test config: x86_64 defconfig-like preemptible SMP kernel.
 * Equivalent to -DCONFIG_PREEMPT_COUNT=1 -DCONFIG_SMP=1 (linux/kconfig.h
 * derives PREEMPTION, PREEMPT_DYNAMIC, PREEMPT_BUILD, PREEMPT_RCU and
 * UNINLINE_SPIN_UNLOCK from them). Use with -include.
 */
#define CONFIG_SMP 1
#define CONFIG_PREEMPT_COUNT 1
