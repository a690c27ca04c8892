// RUN: not %check_preempt --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-balance: every region (preemption, interrupts, bottom halves, RCU,
// kmap_atomic, FPU) must be left at the same depth on every path out of a
// function, must never be ended twice, and preempt_enable_no_resched() needs
// a reschedule point after it.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings written under them. Every line is checked in three configurations:
// full (PREEMPT_COUNT + SMP), debug (DEBUG_PREEMPT + lockdep: out-of-line
// preempt_count_add(), debug_smp_processor_id()) and nopreempt (no preempt
// count: preempt_disable() is only barrier(), which the tool still sees as
// the expansion of preempt_disable()).
//
// Cases the tool gets wrong are in preempt-balance-known-gaps.c (each pinned to what the tool reports today).

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <asm/fpu/api.h>

struct ctx {
	unsigned long flags;
	int val;
};

struct dev {
	spinlock_t lock;
	unsigned long fa, fb;
};

static DEFINE_SPINLOCK(lk);
static DEFINE_MUTEX(mtx);
static int shared;
extern int cond(void);
extern void work(void);
extern void *alloc_buf(int n);

/* ---- if / else, early return ------------------------------------------ */

void good_if_else(int x)
{
	preempt_disable();
	if (x)
		work();
	else
		shared++;
	preempt_enable();
}

int good_early_return(int x)
{
	preempt_disable();
	if (x) {
		preempt_enable();
		return -EINVAL;
	}
	work();
	preempt_enable();
	return 0;
}

int bad_early_return(int x)
{
	preempt_disable();
	if (x)
		return -EINVAL;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_early_return' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	preempt_enable();
	return 0;
}

void bad_only_one_branch_enables(int x)
{
	preempt_disable();
	if (x)
		preempt_enable();
}
// CHECK: :[[@LINE-1]]:1: warning: 'bad_only_one_branch_enables' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-5]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-5]]:6: note: assuming this condition is false
// CHECK-NEXT: :[[@LINE-4]]:1: note: another path returns here, balanced

/* An error path that returns -ENOMEM with preemption still disabled. */
int bad_enomem_error_path(int n)
{
	void *p;

	preempt_disable();
	p = alloc_buf(n);
	if (!p)
		return -ENOMEM;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_enomem_error_path' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-5]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:2: note: another path returns here, balanced
	work();
	preempt_enable();
	return 0;
}

/* ---- loops -------------------------------------------------------------- */

void good_for_continue_break(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		preempt_disable();
		if (cond()) {
			preempt_enable();
			continue;
		}
		if (cond()) {
			preempt_enable();
			break;
		}
		work();
		preempt_enable();
	}
}

void bad_for_break_skips_enable(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		preempt_disable();
		if (cond())
			break;
		preempt_enable();
	}
}
// CHECK: :[[@LINE-1]]:1: warning: 'bad_for_break_skips_enable' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-7]]:3: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-9]]:14: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-8]]:7: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:1: note: another path returns here, balanced

void good_while(void)
{
	while (cond()) {
		local_bh_disable();
		work();
		local_bh_enable();
	}
}

void good_do_while_break(void)
{
	do {
		preempt_disable();
		if (cond()) {
			preempt_enable();
			break;
		}
		preempt_enable();
	} while (cond());
}

/* A backwards goto: every trip round the retry loop is balanced. */
void good_goto_retry(void)
{
retry:
	preempt_disable();
	if (cond()) {
		preempt_enable();
		goto retry;
	}
	work();
	preempt_enable();
}

/* The second trip round the loop enables what nobody disabled. */
void bad_enable_in_loop(int n)
{
	int i;

	preempt_disable();
	for (i = 0; i < n; i++)
		preempt_enable();
// CHECK: :[[@LINE-1]]:3: warning: preempt_enable() ends a section with preemption disabled that this path already ended [preempt-balance]
// CHECK-NEXT: :[[@LINE-2]]:3: note: already ended by preempt_enable() here
// CHECK-NEXT: :[[@LINE-4]]:14: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:14: note: assuming this condition is true
}

int bad_return_from_nested_loop(int n)
{
	int i, j;

	local_bh_disable();
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			if (cond())
				return -EIO;
// CHECK: :[[@LINE-1]]:5: warning: 'bad_return_from_nested_loop' returns with bottom halves disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-6]]:2: note: entered by local_bh_disable() here
// CHECK-NEXT: :[[@LINE-6]]:14: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-6]]:15: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-6]]:8: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+4]]:2: note: another path returns here, balanced
		}
	}
	local_bh_enable();
	return 0;
}

/* ---- goto error ladders ------------------------------------------------- */

int good_goto_ladder(int x)
{
	int ret = 0;

	local_bh_disable();
	preempt_disable();
	if (x == 1) {
		ret = -EINVAL;
		goto out_preempt;
	}
	rcu_read_lock();
	if (x == 2) {
		ret = -ENOMEM;
		goto out_rcu;
	}
	work();
out_rcu:
	rcu_read_unlock();
out_preempt:
	preempt_enable();
	local_bh_enable();
	return ret;
}

/* The second error jumps one label too far and skips preempt_enable(). */
int bad_goto_wrong_label(int x)
{
	int ret = 0;

	local_bh_disable();
	preempt_disable();
	if (x == 1) {
		ret = -EINVAL;
		goto out_preempt;
	}
	if (x == 2) {
		ret = -ENOMEM;
		goto out_bh;
	}
	work();
out_preempt:
	preempt_enable();
out_bh:
	local_bh_enable();
	return ret;
// CHECK: :[[@LINE-1]]:2: warning: 'bad_goto_wrong_label' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-16]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-16]]:6: note: assuming this condition is false
// CHECK-NEXT: :[[@LINE-13]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:2: note: another path returns here, balanced
}

int bad_goto_skips_rcu_unlock(int x)
{
	int ret = 0;

	rcu_read_lock();
	if (x) {
		ret = -EIO;
		goto out;
	}
	work();
	rcu_read_unlock();
out:
	return ret;
// CHECK: :[[@LINE-1]]:2: warning: 'bad_goto_skips_rcu_unlock' returns with an RCU read-side critical section open on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-10]]:2: note: entered by rcu_read_lock() here
// CHECK-NEXT: :[[@LINE-10]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-4]]:2: note: another path returns here, balanced
}

/* ---- switch ------------------------------------------------------------- */

void good_switch(int x)
{
	preempt_disable();
	switch (x) {
	case 0:
		work();
		break;
	case 1:
		work();
		/* fall through */
	case 2:
		shared++;
		break;
	default:
		break;
	}
	preempt_enable();
}

void bad_switch_case_returns(int x)
{
	preempt_disable();
	switch (x) {
	case 0:
		work();
		break;
	case 1:
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_switch_case_returns' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-8]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE+5]]:1: note: another path returns here, balanced
	default:
		break;
	}
	preempt_enable();
}

void bad_switch_default_returns(int x)
{
	local_bh_disable();
	switch (x) {
	case 1:
		work();
		break;
	default:
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_switch_default_returns' returns with bottom halves disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-8]]:2: note: entered by local_bh_disable() here
// CHECK-NEXT: :[[@LINE+3]]:1: note: another path returns here, balanced
	}
	local_bh_enable();
}

/* ---- nesting ------------------------------------------------------------ */

void good_nested_two_levels(int x)
{
	preempt_disable();
	local_bh_disable();
	preempt_disable();
	if (x)
		work();
	preempt_enable();
	local_bh_enable();
	preempt_enable();
}

void bad_nested_inner_return(int x)
{
	preempt_disable();
	preempt_disable();
	work();
	if (x) {
		preempt_enable();
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_nested_inner_return' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-6]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-5]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+4]]:1: note: another path returns here, balanced
	}
	preempt_enable();
	preempt_enable();
}

/* ---- correlated branches ------------------------------------------------ */

void good_correlated_param(int x)
{
	if (x)
		preempt_disable();
	work();
	if (x)
		preempt_enable();
}

void good_correlated_local(void)
{
	int need = cond();

	if (need)
		local_bh_disable();
	work();
	shared++;
	if (need)
		local_bh_enable();
}

/* A switch: the case taken is the value on the rest of the path. */
void good_correlated_switch(int mode)
{
	switch (mode) {
	case 1:
		preempt_disable();
		break;
	case 2:
		work();
		break;
	}
	work();
	switch (mode) {
	case 1:
		preempt_enable();
		break;
	default:
		break;
	}
	if (mode == 1)
		preempt_disable();
	work();
	switch (mode) {
	case 1:
		preempt_enable();
	}
}

/* Two different conditions: the (x, !y) path leaks. */
void bad_uncorrelated(int x, int y)
{
	if (x)
		preempt_disable();
	work();
	if (y)
		preempt_enable();
}
// CHECK: :[[@LINE-1]]:1: warning: 'bad_uncorrelated' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-6]]:3: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-8]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-6]]:6: note: assuming this condition is false
// CHECK-NEXT: :[[@LINE-5]]:1: note: another path returns here, balanced

/* ---- trylock and interruptible locks ------------------------------------ */

/*
 * preempt-balance reports regions, not locks: the lock cases below make sure
 * conditional acquisitions do not confuse the region bookkeeping around them
 * (test/tool/dump-state.test checks the lock sets themselves).
 */
void good_trylock(void)
{
	if (!spin_trylock(&lk))
		return;
	work();
	spin_unlock(&lk);
}

int good_trylock_in_irqsave(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!spin_trylock(&lk)) {
		local_irq_restore(flags);
		return -EBUSY;
	}
	work();
	spin_unlock(&lk);
	local_irq_restore(flags);
	return 0;
}

int good_mutex_interruptible(void)
{
	if (mutex_lock_interruptible(&mtx))
		return -EINTR;
	preempt_disable();
	work();
	preempt_enable();
	mutex_unlock(&mtx);
	return 0;
}

int good_mutex_interruptible_ret(void)
{
	int ret;

	ret = mutex_lock_interruptible(&mtx);
	if (ret)
		goto out;
	preempt_disable();
	work();
	preempt_enable();
	mutex_unlock(&mtx);
out:
	return ret;
}

/* ---- scope-based guards ------------------------------------------------- */

int good_guard_preempt(int x)
{
	guard(preempt)();
	if (x)
		return -EINVAL;
	work();
	return 0;
}

int good_scoped_guard_spinlock(int x)
{
	scoped_guard(spinlock, &lk) {
		if (x)
			return -EINVAL;
		work();
	}
	return 0;
}

int good_scoped_guard_preempt(int x)
{
	scoped_guard(preempt) {
		if (x)
			return -EINVAL;
		work();
	}
	preempt_disable();
	work();
	preempt_enable();
	return 0;
}

int good_guard_rcu(int x)
{
	guard(rcu)();
	if (x)
		return -ENOENT;
	work();
	return 0;
}

int good_guard_irqsave(int x)
{
	guard(irqsave)();
	if (x)
		return -EINVAL;
	work();
	return 0;
}

/* ---- get_cpu / put_cpu -------------------------------------------------- */

int good_get_put_cpu(void)
{
	int cpu = get_cpu();

	work();
	put_cpu();
	return cpu;
}

int bad_get_cpu_leak(int x)
{
	int cpu = get_cpu();

	if (x)
		return cpu;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_get_cpu_leak' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-5]]:12: note: entered by get_cpu() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	put_cpu();
	return -1;
}

void bad_double_put_cpu(void)
{
	get_cpu();
	put_cpu();
	put_cpu();
// CHECK: :[[@LINE-1]]:2: warning: put_cpu() ends a section with preemption disabled that this path already ended [preempt-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: already ended by put_cpu() here
}

/* ---- interrupts --------------------------------------------------------- */

void good_irqsave(void)
{
	unsigned long flags;

	local_irq_save(flags);
	work();
	local_irq_restore(flags);
}

void good_irqsave_nested(void)
{
	unsigned long f1, f2;

	local_irq_save(f1);
	local_irq_save(f2);
	work();
	local_irq_restore(f2);
	local_irq_restore(f1);
}

void good_irqsave_struct_flags(struct ctx *c)
{
	local_irq_save(c->flags);
	work();
	local_irq_restore(c->flags);
}

/*
 * Restored in the wrong order: one mistake, one warning (the save that the
 * first restore pairs with is dropped, so the second restore is consistent).
 */
void bad_irq_flags_swapped(void)
{
	unsigned long f1, f2;

	local_irq_save(f1);
	local_irq_save(f2);
	work();
	local_irq_restore(f1);
// CHECK: :[[@LINE-1]]:2: warning: local_irq_restore() restores 'f1' but the innermost interrupt save stored 'f2' [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: innermost save here
	local_irq_restore(f2);
}

void bad_irq_restore_wrong_flags(void)
{
	unsigned long flags, other;

	local_irq_save(flags);
	work();
	local_irq_restore(other);
// CHECK: :[[@LINE-1]]:2: warning: local_irq_restore() restores 'other' but the innermost interrupt save stored 'flags' [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: innermost save here
}

/*
 * A save into flags that still hold an open save of this path: the state
 * saved first is lost (a loop whose restore was deleted saves again on its
 * next turn).
 */
void bad_irq_save_overwritten(void)
{
	unsigned long flags;

	local_irq_save(flags);
	work();
	local_irq_save(flags);
// CHECK: :[[@LINE-1]]:2: warning: local_irq_save() saves the interrupt state into 'flags', which still holds an earlier save of this path that was never restored; that saved state is lost [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: earlier save here
	work();
	local_irq_restore(flags);
	local_irq_restore(flags);
}

/* The same with struct members as flags: d->fa and d->fb are different. */
void bad_irq_flags_member_mismatch(struct dev *d)
{
	local_irq_save(d->fa);
	work();
	local_irq_restore(d->fb);
// CHECK: :[[@LINE-1]]:2: warning: local_irq_restore() restores 'd.fb' but the innermost interrupt save stored 'd.fa' [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: innermost save here
}

/*
 * spin_lock_irqsave() + spin_unlock() + local_irq_restore() is balanced,
 * and so is local_irq_save() + spin_lock() + spin_unlock_irqrestore(); so
 * are their callers.
 */
static void lock_irqsave_unlock_restore(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	work();
	spin_unlock(&lk);
	local_irq_restore(flags);
}

static void irqsave_lock_unlock_irqrestore(void)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&lk);
	work();
	spin_unlock_irqrestore(&lk, flags);
}

void good_call_lock_irqsave_unlock_restore(int x)
{
	if (x)
		lock_irqsave_unlock_restore();
}

void good_call_irqsave_lock_unlock_irqrestore(int x)
{
	if (x)
		irqsave_lock_unlock_irqrestore();
}

/*
 * The error path drops the lock with spin_unlock() and returns with the
 * interrupts from local_irq_save() still off.
 */
void bad_irqsave_leak_on_error_path(int x)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&lk);
	if (x) {
		spin_unlock(&lk);
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_irqsave_leak_on_error_path' returns with interrupts disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-6]]:2: note: entered by local_irq_save() here
// CHECK-NEXT: :[[@LINE-5]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:1: note: another path returns here, balanced
	}
	spin_unlock_irqrestore(&lk, flags);
}

void good_irq_disable_enable(void)
{
	local_irq_disable();
	work();
	local_irq_enable();
}

void bad_irq_disable_leak(int x)
{
	local_irq_disable();
	if (x)
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_irq_disable_leak' returns with interrupts disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by local_irq_disable() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:1: note: another path returns here, balanced
	local_irq_enable();
}

/* ---- bottom halves ------------------------------------------------------ */

void good_bh(void)
{
	local_bh_disable();
	work();
	local_bh_enable();
}

int bad_bh_leak_on_error(int x)
{
	local_bh_disable();
	if (x < 0)
		return x;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_bh_leak_on_error' returns with bottom halves disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by local_bh_disable() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	local_bh_enable();
	return 0;
}

/* ---- RCU ---------------------------------------------------------------- */

int good_rcu(int x)
{
	rcu_read_lock();
	if (x) {
		rcu_read_unlock();
		return -ENOENT;
	}
	work();
	rcu_read_unlock();
	return 0;
}

int bad_rcu_error_path(int x)
{
	rcu_read_lock();
	if (x)
		return -ENOENT;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_rcu_error_path' returns with an RCU read-side critical section open on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by rcu_read_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	rcu_read_unlock();
	return 0;
}

void bad_rcu_double_unlock(void)
{
	rcu_read_lock();
	work();
	rcu_read_unlock();
	rcu_read_unlock();
// CHECK: :[[@LINE-1]]:2: warning: rcu_read_unlock() ends a section with an RCU read-side critical section open that this path already ended [preempt-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: already ended by rcu_read_unlock() here
}

/* ---- kmap_atomic -------------------------------------------------------- */

void good_kmap_atomic(struct page *p)
{
	char *v = kmap_atomic(p);

	v[0] = 0;
	kunmap_atomic(v);
}

void bad_kmap_atomic_leak(struct page *p, int x)
{
	char *v = kmap_atomic(p);

	if (x)
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_kmap_atomic_leak' returns with a kmap_atomic() mapping on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-5]]:12: note: entered by kmap_atomic() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:1: note: another path returns here, balanced
	v[0] = 0;
	kunmap_atomic(v);
}

/* ---- kernel FPU --------------------------------------------------------- */

void good_fpu(void)
{
	kernel_fpu_begin();
	work();
	kernel_fpu_end();
}

int bad_fpu_leak(int x)
{
	kernel_fpu_begin();
	if (x)
		return -EBUSY;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_fpu_leak' returns with an FPU section open on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by kernel_fpu_begin() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	kernel_fpu_end();
	return 0;
}

/* ---- preempt_enable_no_resched() ---------------------------------------- */

void bad_no_resched_then_return(void)
{
	preempt_disable();
	work();
	preempt_enable_no_resched();
// CHECK: :[[@LINE-1]]:2: warning: preempt_enable_no_resched() re-enables preemption with no reschedule point after it on this path; a pending preemption is lost [preempt-balance]
// CHECK-NEXT: :[[@LINE+1]]:1: note: the path returns here without preempt_check_resched() or schedule()
}

int bad_no_resched_then_work(void)
{
	preempt_disable();
	work();
	preempt_enable_no_resched();
// CHECK: :[[@LINE-1]]:2: warning: preempt_enable_no_resched() re-enables preemption with no reschedule point after it on this path; a pending preemption is lost [preempt-balance]
// CHECK-NEXT: :[[@LINE+3]]:2: note: the path returns here without preempt_check_resched() or schedule()
	work();
	shared++;
	return 0;
}

void good_no_resched_then_check(void)
{
	preempt_disable();
	work();
	preempt_enable_no_resched();
	preempt_check_resched();
}

void good_no_resched_then_schedule(void)
{
	preempt_disable();
	work();
	preempt_enable_no_resched();
	schedule();
}

/* Still disabled by the outer section: nothing can have been missed yet. */
void good_no_resched_nested(void)
{
	preempt_disable();
	preempt_disable();
	work();
	preempt_enable_no_resched();
	preempt_enable();
}

/* With interrupts off no wakeup can have set need_resched. */
void good_no_resched_irqs_off(void)
{
	local_irq_disable();
	preempt_disable();
	work();
	preempt_enable_no_resched();
	local_irq_enable();
}

/* ---- underflow ---------------------------------------------------------- */

void bad_double_enable(void)
{
	preempt_disable();
	work();
	preempt_enable();
	preempt_enable();
// CHECK: :[[@LINE-1]]:2: warning: preempt_enable() ends a section with preemption disabled that this path already ended [preempt-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: already ended by preempt_enable() here
}

/* ---- wrappers ----------------------------------------------------------- */

/*
 * Functions that only begin (or only end) a section, the same way on every
 * path, are lock/unlock wrappers: no warning; their callers get the effect.
 */
static void pin_this_cpu(void)
{
	preempt_disable();
	work();
}

static void unpin_this_cpu(void)
{
	work();
	preempt_enable();
}

void exported_irq_off(unsigned long *flags)
{
	local_irq_save(*flags);
}

void exported_irq_on(unsigned long *flags)
{
	local_irq_restore(*flags);
}

void good_wrapper_caller(void)
{
	unsigned long flags;

	pin_this_cpu();
	work();
	unpin_this_cpu();
	exported_irq_off(&flags);
	work();
	exported_irq_on(&flags);
}

void bad_wrapper_caller_leak(int x)
{
	pin_this_cpu();
	if (x)
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_wrapper_caller_leak' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by pin_this_cpu() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:1: note: another path returns here, balanced
	unpin_this_cpu();
}

void bad_wrapper_double_unpin(void)
{
	pin_this_cpu();
	unpin_this_cpu();
	unpin_this_cpu();
// CHECK: :[[@LINE-1]]:2: warning: unpin_this_cpu() ends a section with preemption disabled that this path already ended [preempt-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: already ended by unpin_this_cpu() here
}

/* ---- conditional sections explained by the return value ----------------- */

/* Returns 0 with preemption disabled, -EBUSY with it enabled. */
int good_cond_pin(void)
{
	preempt_disable();
	if (cond()) {
		preempt_enable();
		return -EBUSY;
	}
	return 0;
}

/* Returns true with preemption disabled (the trylock convention). */
bool good_try_pin(void)
{
	preempt_disable();
	if (cond())
		return true;
	preempt_enable();
	return false;
}

/* An error code does not explain a section left open. */
int bad_error_code_keeps_pin(void)
{
	preempt_disable();
	if (cond())
		return -EBUSY;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_error_code_keeps_pin' returns with preemption disabled on this path but not on others [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: entered by preempt_disable() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here, balanced
	preempt_enable();
	return 0;
}

/* ---- lock contracts ----------------------------------------------------- */

/*
 * __acquires()/__releases() say the function hands a section to its caller
 * (seq_file start/stop): different exits are the contract, not a bug.
 */
static void *good_seq_start(int pos) __acquires(RCU)
{
	rcu_read_lock();
	if (pos < 0) {
		rcu_read_unlock();
		return (void *)0;
	}
	return &shared;
}

static void good_seq_stop(void *v) __releases(RCU)
{
	rcu_read_unlock();
}

static void good_lock_bh(void) __acquires(lk)
{
	local_bh_disable();
	spin_lock(&lk);
}

static void good_unlock_bh(void) __releases(lk)
{
	spin_unlock(&lk);
	local_bh_enable();
}

/* The same body without the annotation: a function returning a pointer
   that returns the object with the section open, or NULL without it, is a
   conditional contract (seq_file ->start), not a leak. */
static void *good_seq_start_unannotated(int pos)
{
	rcu_read_lock();
	if (pos < 0) {
		rcu_read_unlock();
		return (void *)0;
	}
	return &shared;
}

void use_seq(void)
{
	void *v = good_seq_start(1);

	if (v)
		work();
	good_seq_stop(v);
	(void)good_seq_start_unannotated(1);
	good_lock_bh();
	work();
	good_unlock_bh();
}
