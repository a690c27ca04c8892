/*
 * preemptlint test config: SMP kernel without a preempt count
 * (PREEMPT_NONE, no DEBUG_ATOMIC_SLEEP): preempt_disable() is barrier(),
 * __rcu_read_lock() is inline, spin_unlock() is inlined. Use with -include.
 */
#define CONFIG_SMP 1
