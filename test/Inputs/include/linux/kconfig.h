/*
 * preemptlint test header: Kconfig helpers and derived options.
 * Options are expected to be defined to 1 (e.g. -DCONFIG_SMP).
 */
#ifndef _PLT_LINUX_KCONFIG_H
#define _PLT_LINUX_KCONFIG_H

/* IS_ENABLED(): 1 iff the option is defined to 1 (or OPTION_MODULE is). */
#define __PLT_ONE_1			0,
#define __plt_second(first, second, ...) second
#define __plt_probe(junk)		__plt_second(junk 1, 0)
#define ___is_defined(val)		__plt_probe(__PLT_ONE_##val)
#define __is_defined(x)			___is_defined(x)
#define __plt_or(a, b)			__plt_or_(a, b)
#define __plt_or_(a, b)			__plt_or_##a##b
#define __plt_or_00			0
#define __plt_or_01			1
#define __plt_or_10			1
#define __plt_or_11			1
#define IS_BUILTIN(option)		__is_defined(option)
#define IS_MODULE(option)		__is_defined(option##_MODULE)
#define IS_ENABLED(option)		__plt_or(IS_BUILTIN(option), IS_MODULE(option))

/*
 * Emulation of the Kconfig 'select'/'default' logic that a real .config
 * would already contain.
 *
 * Harness convenience (not a Kconfig rule): CONFIG_PREEMPT_COUNT alone means
 * the x86_64 defconfig preemption build, i.e. PREEMPT_DYNAMIC, which selects
 * PREEMPT_BUILD -> PREEMPTION.  Define PREEMPTLINT_PREEMPT_COUNT_ONLY to get
 * PREEMPT_COUNT without PREEMPTION (e.g. PREEMPT_NONE + DEBUG_ATOMIC_SLEEP),
 * or define CONFIG_PREEMPTION yourself to get PREEMPTION without
 * PREEMPT_DYNAMIC.
 */
#if defined(CONFIG_PREEMPT_COUNT) && !defined(CONFIG_PREEMPTION) && \
    !defined(PREEMPTLINT_PREEMPT_COUNT_ONLY)
# define CONFIG_PREEMPTION 1
# ifndef CONFIG_PREEMPT_RT
#  define CONFIG_PREEMPT_DYNAMIC 1
# endif
#endif

/* PREEMPT_RT selects PREEMPTION. */
#if defined(CONFIG_PREEMPT_RT) && !defined(CONFIG_PREEMPTION)
# define CONFIG_PREEMPTION 1
#endif

/* PREEMPT_DYNAMIC selects PREEMPT_BUILD which selects PREEMPTION. */
#if defined(CONFIG_PREEMPT_DYNAMIC) && !defined(CONFIG_PREEMPTION)
# define CONFIG_PREEMPTION 1
#endif
/* PREEMPT and PREEMPT_DYNAMIC (the non-RT ways to get PREEMPTION) select PREEMPT_BUILD. */
#if defined(CONFIG_PREEMPTION) && !defined(CONFIG_PREEMPT_RT) && \
    !defined(CONFIG_PREEMPT_BUILD)
# define CONFIG_PREEMPT_BUILD 1
#endif

/*
 * Every symbol that selects LOCKDEP (PROVE_LOCKING, LOCK_STAT,
 * DEBUG_LOCK_ALLOC) comes with DEBUG_LOCK_ALLOC.  A bare CONFIG_LOCKDEP is
 * taken to mean PROVE_LOCKING, the usual way to get it.
 */
#if defined(CONFIG_LOCKDEP) && !defined(CONFIG_PROVE_LOCKING) && \
    !defined(CONFIG_LOCK_STAT) && !defined(CONFIG_DEBUG_LOCK_ALLOC)
# define CONFIG_PROVE_LOCKING 1
#endif
#if defined(CONFIG_PROVE_LOCKING)
# ifndef CONFIG_DEBUG_LOCK_ALLOC
#  define CONFIG_DEBUG_LOCK_ALLOC 1
# endif
# ifndef CONFIG_TRACE_IRQFLAGS
#  define CONFIG_TRACE_IRQFLAGS 1
# endif
# ifndef CONFIG_PREEMPT_COUNT
#  define CONFIG_PREEMPT_COUNT 1
# endif
# ifndef CONFIG_PROVE_RCU
#  define CONFIG_PROVE_RCU 1
# endif
#endif
#if defined(CONFIG_LOCK_STAT) && !defined(CONFIG_DEBUG_LOCK_ALLOC)
# define CONFIG_DEBUG_LOCK_ALLOC 1
#endif
#if defined(CONFIG_DEBUG_LOCK_ALLOC)
# ifndef CONFIG_LOCKDEP
#  define CONFIG_LOCKDEP 1
# endif
# ifndef CONFIG_DEBUG_SPINLOCK
#  define CONFIG_DEBUG_SPINLOCK 1
# endif
# ifndef CONFIG_DEBUG_MUTEXES
#  define CONFIG_DEBUG_MUTEXES 1
# endif
#endif

/* PREEMPTION selects PREEMPT_COUNT; PREEMPT_RCU defaults to y with it. */
#if defined(CONFIG_PREEMPTION)
# ifndef CONFIG_PREEMPT_COUNT
#  define CONFIG_PREEMPT_COUNT 1
# endif
# if !defined(CONFIG_PREEMPT_RCU) && !defined(PREEMPTLINT_NO_PREEMPT_RCU)
#  define CONFIG_PREEMPT_RCU 1
# endif
#endif

/* x86 has no ARCH_INLINE_SPIN_UNLOCK: PREEMPT_BUILD and DEBUG_SPINLOCK select this. */
#if (defined(CONFIG_PREEMPT_BUILD) || defined(CONFIG_DEBUG_SPINLOCK)) && \
    !defined(CONFIG_UNINLINE_SPIN_UNLOCK)
# define CONFIG_UNINLINE_SPIN_UNLOCK 1
#endif

/* Always true for the modelled target. */
#ifndef CONFIG_X86_64
# define CONFIG_X86_64 1
#endif
#ifndef CONFIG_MMU
# define CONFIG_MMU 1
#endif
#ifndef CONFIG_NR_CPUS
# define CONFIG_NR_CPUS 64
#endif

#endif /* _PLT_LINUX_KCONFIG_H */
