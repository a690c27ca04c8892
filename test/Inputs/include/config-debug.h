/*
 * preemptlint test config: preemptible SMP kernel with DEBUG_PREEMPT and
 * lockdep. A bare CONFIG_LOCKDEP is expanded by linux/kconfig.h to
 * PROVE_LOCKING, which selects DEBUG_LOCK_ALLOC, DEBUG_SPINLOCK,
 * DEBUG_MUTEXES, TRACE_IRQFLAGS and PROVE_RCU. Use with -include.
 */
#define CONFIG_SMP 1
#define CONFIG_PREEMPT_COUNT 1
#define CONFIG_DEBUG_PREEMPT 1
#define CONFIG_LOCKDEP 1
