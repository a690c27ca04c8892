/*
 * preemptlint test header: scheduler entry points, 'current', and the
 * might_sleep()/cond_resched() annotations (which really live in
 * linux/kernel.h and linux/sched.h).
 */
#ifndef _PLT_LINUX_SCHED_H
#define _PLT_LINUX_SCHED_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/static_call_types.h>
#include <linux/preempt.h>
#include <asm/current.h>

#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define TASK_KILLABLE			(0x00000100 | TASK_UNINTERRUPTIBLE)
#define TASK_NORMAL			(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT		((long)(~0UL >> 1))
#define TASK_COMM_LEN			16

struct task_struct {
	unsigned int			__state;
	int				pagefault_disabled;
	unsigned short			migration_disabled;
	int				rcu_read_lock_nesting;
	int				softirq_disable_cnt;
	int				non_block_count;
	unsigned long			task_state_change;
	int				lockdep_depth;
	pid_t				pid;
	char				comm[TASK_COMM_LEN];
};

#define smp_store_mb(var, value)					\
do {									\
	WRITE_ONCE(var, value);						\
	barrier();							\
} while (0)

#define __set_current_state(state_value)				\
	do {								\
		WRITE_ONCE(current->__state, (state_value));		\
	} while (0)

#define set_current_state(state_value)					\
	do {								\
		smp_store_mb(current->__state, (state_value));		\
	} while (0)

asmlinkage void schedule(void);
extern long schedule_timeout(long timeout);
extern long schedule_timeout_interruptible(long timeout);
extern long schedule_timeout_uninterruptible(long timeout);
extern void io_schedule(void);
void yield(void);
extern int wake_up_process(struct task_struct *tsk);
extern int signal_pending(struct task_struct *p);

/* might_resched(): the voluntary preemption point inside might_sleep() */
#ifdef CONFIG_PREEMPT_VOLUNTARY_BUILD

extern int __cond_resched(void);
# define might_resched() __cond_resched()

#elif defined(CONFIG_PREEMPT_DYNAMIC)

/* x86 has HAVE_PREEMPT_DYNAMIC_CALL: a call through a static-call trampoline */
extern int __cond_resched(void);

DECLARE_STATIC_CALL(might_resched, __cond_resched);

static __always_inline void might_resched(void)
{
	static_call_mod(might_resched)();
}

#else

# define might_resched() do { } while (0)

#endif

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_sleep(const char *file, int line);
extern void __cant_sleep(const char *file, int line, int preempt_offset);
extern void __cant_migrate(const char *file, int line);

# define might_sleep() \
	do { __might_sleep(__FILE__, __LINE__); might_resched(); } while (0)
# define cant_sleep() \
	do { __cant_sleep(__FILE__, __LINE__, 0); } while (0)
# define cant_migrate()							\
	do {								\
		if (IS_ENABLED(CONFIG_SMP))				\
			__cant_migrate(__FILE__, __LINE__);		\
	} while (0)
# define non_block_start() (current->non_block_count++)
# define non_block_end() WARN_ON(current->non_block_count-- == 0)
#else
static inline void __might_resched(const char *file, int line,
				   unsigned int offsets) { }
static inline void __might_sleep(const char *file, int line) { }
# define might_sleep() do { might_resched(); } while (0)
# define cant_sleep() do { } while (0)
# define cant_migrate()		do { } while (0)
# define non_block_start() do { } while (0)
# define non_block_end() do { } while (0)
#endif

#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

#if defined(CONFIG_MMU) && \
	(defined(CONFIG_PROVE_LOCKING) || defined(CONFIG_DEBUG_ATOMIC_SLEEP))
#define might_fault() __might_fault(__FILE__, __LINE__)
void __might_fault(const char *file, int line);
#else
static inline void might_fault(void) { }
#endif

static inline void klp_sched_try_switch(void) { }

/* cond_resched(): explicit preemption point */
#if !defined(CONFIG_PREEMPTION) || defined(CONFIG_PREEMPT_DYNAMIC)
extern int __cond_resched(void);

#if defined(CONFIG_PREEMPT_DYNAMIC)

DECLARE_STATIC_CALL(cond_resched, __cond_resched);

static __always_inline int _cond_resched(void)
{
	return static_call_mod(cond_resched)();
}

#else /* !CONFIG_PREEMPTION */

static inline int _cond_resched(void)
{
	klp_sched_try_switch();
	return __cond_resched();
}

#endif /* CONFIG_PREEMPT_DYNAMIC */

#else /* CONFIG_PREEMPTION && !CONFIG_PREEMPT_DYNAMIC */

static inline int _cond_resched(void)
{
	klp_sched_try_switch();
	return 0;
}

#endif

#define cond_resched() ({			\
	__might_resched(__FILE__, __LINE__, 0);	\
	_cond_resched();			\
})

#endif /* _PLT_LINUX_SCHED_H */
