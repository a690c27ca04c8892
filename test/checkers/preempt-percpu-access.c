// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: %preemptlint --checks='-*' --dump-state --dump-function=bad_scoped_guard_unlock_inside %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=GUARD
// RUN: %preemptlint --checks='-*' --dump-state --dump-function=bad_member_lock_irqsave %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=MEMBER
//
// preempt-percpu-access: the current CPU id and this CPU's per-CPU data may
// only be used while the task cannot migrate (preemption, interrupts or
// bottom halves disabled, migration disabled, a spinlock held, an atomic
// kmap or FPU section open, or an atomic calling context).
//
// Who answers for an access: a function the file calls only from other
// functions (a static helper) hands the need to its call sites; an exported
// function that never pins the CPU itself is assumed to be called pinned;
// callbacks (address taken, registered, stored in an ops struct) and
// uncalled static functions answer for themselves. That is why the test
// functions below are static and uncalled: nothing else could answer for
// them.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings written under them, in three configurations (see
// preempt-balance.c). Cases the tool gets wrong are in
// preempt-percpu-access-known-gaps.c (each pinned to what the tool reports today).

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/local_lock.h>
#include <linux/lockdep.h>
#include <linux/highmem.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <asm/fpu/api.h>

struct stats {
	unsigned long hits;
	unsigned long misses;
};

struct dev {
	spinlock_t lock;
};

static DEFINE_PER_CPU(int, cnt);
static DEFINE_PER_CPU(struct stats, st);
static DEFINE_PER_CPU(local_lock_t, llock) = INIT_LOCAL_LOCK(llock);
static DEFINE_SPINLOCK(lk);
static DEFINE_RAW_SPINLOCK(rlk);
static DEFINE_RWLOCK(rwl);
static DEFINE_MUTEX(mtx);
static int tux[64];
extern int cond(void);
extern void work(void);

/* ---- unprotected ------------------------------------------------------- */

static void bad_smp_processor_id(void)
{
	tux[0] = smp_processor_id();
// CHECK: :[[@LINE-1]]:11: warning: smp_processor_id() used in preemptible code; the task may migrate and the CPU id go stale [preempt-percpu-access]
}

static int bad_this_cpu_read(void)
{
	return __this_cpu_read(cnt);
// CHECK: :[[@LINE-1]]:9: warning: __this_cpu_read() on per-CPU data in preemptible code [preempt-percpu-access]
}

static void bad_this_cpu_inc(void)
{
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

static void bad_this_cpu_ptr(void)
{
	struct stats *s = this_cpu_ptr(&st);
// CHECK: :[[@LINE-1]]:20: warning: this_cpu_ptr() on per-CPU data in preemptible code [preempt-percpu-access]

	s->hits++;
}

static void bad_array_index(void)
{
	tux[smp_processor_id()]++;
// CHECK: :[[@LINE-1]]:6: warning: smp_processor_id() used in preemptible code; the task may migrate and the CPU id go stale [preempt-percpu-access]
}

/* per_cpu() itself names its CPU; the smp_processor_id() inside does not. */
static int bad_per_cpu_of_smp_processor_id(void)
{
	return per_cpu(cnt, smp_processor_id());
// CHECK: :[[@LINE-1]]:22: warning: smp_processor_id() used in preemptible code; the task may migrate and the CPU id go stale [preempt-percpu-access]
}

static unsigned long bad_per_cpu_ptr_of_smp_processor_id(void)
{
	return per_cpu_ptr(&st, smp_processor_id())->hits;
// CHECK: :[[@LINE-1]]:26: warning: smp_processor_id() used in preemptible code; the task may migrate and the CPU id go stale [preempt-percpu-access]
}

static void bad_after_preempt_enable(void)
{
	preempt_disable();
	__this_cpu_inc(cnt);
	preempt_enable();
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:2: note: protection ended here: preempt_enable() ended the section with preemption disabled
}

static void bad_after_put_cpu_ptr(void)
{
	struct stats *s = get_cpu_ptr(&st);

	s->hits++;
	put_cpu_ptr(&st);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:2: note: protection ended here: put_cpu_ptr() ended the section with preemption disabled
}

static void bad_after_spin_unlock_irqrestore(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	__this_cpu_inc(cnt);
	spin_unlock_irqrestore(&lk, flags);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

/* A mutex sleeps: holding one does not pin the task. */
static void bad_under_mutex(void)
{
	mutex_lock(&mtx);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
	mutex_unlock(&mtx);
}

static void bad_lockdep_held_mutex(struct mutex *m)
{
	lockdep_assert_held(m);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

/* With PREEMPT_RCU an RCU read-side section can be preempted and migrated. */
static void bad_under_rcu_read_lock(void)
{
	rcu_read_lock();
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
	rcu_read_unlock();
}

/*
 * The lock is a struct member: spin_unlock_irqrestore() releases the same
 * 'd.lock' that spin_lock_irqsave() took.
 */
static void bad_member_lock_irqsave(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
// MEMBER: [[@LINE-1]]:2: bad_member_lock_irqsave: after: irq=1 locks={d.lock}
	work();
	spin_unlock_irqrestore(&d->lock, flags);
// MEMBER: [[@LINE-1]]:2: bad_member_lock_irqsave: after: (nothing held)
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-4]]:2: note: protection ended here: spin_unlock_irqrestore() ended the section with interrupts disabled
}

/* spin_unlock_irqrestore() ends the section that local_irq_save() began. */
static void bad_after_irqsave_lock_unlock_irqrestore(void)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&lk);
	__this_cpu_inc(cnt);
	spin_unlock_irqrestore(&lk, flags);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:2: note: protection ended here: spin_unlock_irqrestore() ended the section with interrupts disabled
}

/*
 * A lock guard's lock is its first argument, so a spin_unlock(&lk) inside
 * the guarded scope releases it.
 */
static void bad_scoped_guard_unlock_inside(void)
{
	scoped_guard(spinlock, &lk) {
// GUARD: [[@LINE-1]]:2: bad_scoped_guard_unlock_inside: after: locks={lk}
		spin_unlock(&lk);
// GUARD: [[@LINE-1]]:3: bad_scoped_guard_unlock_inside: after: (nothing held)
		__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:3: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
		spin_lock(&lk);
	}
}

static void bad_guard_unlock_inside(void)
{
	guard(spinlock)(&lk);
	spin_unlock(&lk);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
	spin_lock(&lk);
}

/* ---- protected --------------------------------------------------------- */

static void good_preempt_disable(void)
{
	preempt_disable();
	__this_cpu_inc(cnt);
	tux[smp_processor_id()]++;
	this_cpu_ptr(&st)->hits++;
	preempt_enable();
}

static void good_get_cpu(void)
{
	int cpu = get_cpu();

	tux[cpu]++;
	__this_cpu_inc(cnt);
	put_cpu();
}

static void good_get_cpu_var(void)
{
	get_cpu_var(cnt)++;
	put_cpu_var(cnt);
}

static void good_spin_lock(void)
{
	spin_lock(&lk);
	__this_cpu_inc(cnt);
	spin_unlock(&lk);
}

static void good_spin_lock_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	__this_cpu_inc(cnt);
	spin_unlock_irqrestore(&lk, flags);
}

static void good_spin_lock_bh(void)
{
	spin_lock_bh(&lk);
	__this_cpu_inc(cnt);
	spin_unlock_bh(&lk);
}

static void good_raw_spin_lock(void)
{
	raw_spin_lock(&rlk);
	__this_cpu_inc(cnt);
	raw_spin_unlock(&rlk);
}

static void good_read_lock(void)
{
	read_lock(&rwl);
	__this_cpu_inc(cnt);
	read_unlock(&rwl);
}

static void good_local_lock(void)
{
	local_lock(&llock);
	__this_cpu_inc(cnt);
	local_unlock(&llock);
}

static void good_local_irq_save(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__this_cpu_inc(cnt);
	local_irq_restore(flags);
}

static void good_local_irq_disable(void)
{
	local_irq_disable();
	__this_cpu_inc(cnt);
	local_irq_enable();
}

static void good_local_bh_disable(void)
{
	local_bh_disable();
	__this_cpu_inc(cnt);
	local_bh_enable();
}

static void good_migrate_disable(void)
{
	migrate_disable();
	tux[smp_processor_id()]++;
	migrate_enable();
}

static void good_kmap_atomic(struct page *p)
{
	char *v = kmap_atomic(p);

	v[0] = smp_processor_id();
	kunmap_atomic(v);
}

static void good_kernel_fpu(void)
{
	kernel_fpu_begin();
	__this_cpu_inc(cnt);
	kernel_fpu_end();
}

static void good_guard_preempt(void)
{
	guard(preempt)();
	__this_cpu_inc(cnt);
}

static void good_scoped_guard_spinlock(void)
{
	scoped_guard(spinlock, &lk)
		__this_cpu_inc(cnt);
}

static int good_scoped_guard_early_return(int x)
{
	scoped_guard(spinlock_irqsave, &lk) {
		if (x)
			return -EINVAL;
		__this_cpu_inc(cnt);
	}
	return 0;
}

static void good_trylock(void)
{
	if (!spin_trylock(&lk))
		return;
	__this_cpu_inc(cnt);
	spin_unlock(&lk);
}

static void bad_trylock_failed(void)
{
	if (spin_trylock(&lk)) {
		work();
		spin_unlock(&lk);
		return;
	}
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-7]]:6: note: assuming this condition is false
}

/* ---- operations that are safe anywhere --------------------------------- */

static void good_safe_operations(int cpu)
{
	this_cpu_inc(cnt);
	tux[0] = this_cpu_read(cnt);
	this_cpu_write(cnt, 3);
	tux[1] = raw_smp_processor_id();
	raw_cpu_ptr(&st)->hits++;
	per_cpu(cnt, cpu)++;
	per_cpu_ptr(&st, cpu)->misses++;
}

/* ---- atomic calling contexts -------------------------------------------- */

typedef int (*cpu_stop_fn_t)(void *arg);
int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg);

static void good_timer_callback(struct timer_list *t)
{
	__this_cpu_inc(cnt);
}

static irqreturn_t good_irq_handler(int irq, void *dev)
{
	__this_cpu_inc(cnt);
	return IRQ_HANDLED;
}

static void good_tasklet_callback(struct tasklet_struct *t)
{
	__this_cpu_inc(cnt);
}

static void good_on_each_cpu_callback(void *info)
{
	__this_cpu_inc(cnt);
}

static void good_ipi_callback(void *info)
{
	tux[smp_processor_id()]++;
}

static int good_stopper_callback(void *arg)
{
	__this_cpu_inc(cnt);
	return 0;
}

static void good_timer_function_field(struct timer_list *t)
{
	__this_cpu_inc(cnt);
}

static enum hrtimer_restart good_hrtimer_function_field(struct hrtimer *t)
{
	__this_cpu_inc(cnt);
	return HRTIMER_NORESTART;
}

static struct timer_list tmr, tmr2;
static struct tasklet_struct tsk;

int register_callbacks(struct hrtimer *h)
{
	timer_setup(&tmr, good_timer_callback, 0);
	tasklet_setup(&tsk, good_tasklet_callback);
	on_each_cpu(good_on_each_cpu_callback, NULL, 1);
	smp_call_function_single(1, good_ipi_callback, NULL, 1);
	stop_one_cpu(0, good_stopper_callback, NULL);
	tmr2.function = good_timer_function_field;
	h->function = good_hrtimer_function_field;
	return request_irq(1, good_irq_handler, 0, "dev", NULL);
}

/* Registered by a designated initializer ".function = fn". */
static void good_timer_in_initializer(struct timer_list *t)
{
	__this_cpu_inc(cnt);
}

static enum hrtimer_restart good_hrtimer_in_initializer(struct hrtimer *t)
{
	__this_cpu_inc(cnt);
	return HRTIMER_NORESTART;
}

static struct timer_list init_tmr = { .function = good_timer_in_initializer };
static struct hrtimer init_hrt = { .function = good_hrtimer_in_initializer };

/* A callback stored in an ops struct runs in whatever context calls it. */
struct my_ops {
	void (*update)(void);
};

static void bad_ops_callback(void)
{
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

struct my_ops my_ops = {
	.update = bad_ops_callback,
};

/* ---- asserted context --------------------------------------------------- */

static void good_lockdep_irqs_disabled(void)
{
	lockdep_assert_irqs_disabled();
	__this_cpu_inc(cnt);
}

static void good_lockdep_preemption_disabled(void)
{
	lockdep_assert_preemption_disabled();
	__this_cpu_inc(cnt);
}

static void good_lockdep_held_spinlock(void)
{
	lockdep_assert_held(&lk);
	__this_cpu_inc(cnt);
}

/* The assertion checks the function's own section, not its caller's
 * context: once local_irq_restore() ends the section, nothing pins
 * (rcutree_migrate_callbacks() before rcu_gp_kthread_wake()). */
static void bad_asserted_inside_own_section(void)
{
	unsigned long flags;

	local_irq_save(flags);
	lockdep_assert_irqs_disabled();
	local_irq_restore(flags);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:2: note: protection ended here: local_irq_restore() ended the section with interrupts disabled
}

/* RCU stops watching only where the task is pinned (idle, entry, NMI). */
static void good_only_when_rcu_not_watching(void)
{
	if (!rcu_is_watching())
		__this_cpu_inc(cnt);
}

static void bad_when_rcu_watching(void)
{
	if (rcu_is_watching())
		__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:3: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

static void good_bug_on_irqs_enabled(void)
{
	BUG_ON(!irqs_disabled());
	__this_cpu_inc(cnt);
}

static void good_return_unless_irqs_disabled(void)
{
	if (!irqs_disabled())
		return;
	__this_cpu_inc(cnt);
}

/* Context queries whose expansion is a comparison or a bitwise test. */
static void good_return_unless_in_atomic(void)
{
	if (!in_atomic())
		return;
	__this_cpu_inc(cnt);
}

static void good_only_in_interrupt(void)
{
	if (in_interrupt())
		__this_cpu_inc(cnt);
}

static void good_return_unless_in_softirq(void)
{
	if (!in_softirq())
		return;
	__this_cpu_inc(cnt);
}

static void good_return_unless_in_hardirq(void)
{
	if (!in_hardirq())
		return;
	__this_cpu_inc(cnt);
}

static void assert_irqs_off(void)
{
	lockdep_assert_irqs_disabled();
}

/* What a helper asserts on every path holds after the call. */
static void good_assert_in_helper(void)
{
	assert_irqs_off();
	__this_cpu_inc(cnt);
}

/* ---- static helpers: the call site answers ------------------------------ */

static void helper(void)
{
	__this_cpu_inc(cnt);
}

static void helper_chain(void)
{
	work();
	helper();
}

static void good_helper_pinned_caller(void)
{
	preempt_disable();
	helper();
	preempt_enable();
}

static void good_helper_chain_pinned_caller(void)
{
	spin_lock(&lk);
	helper_chain();
	spin_unlock(&lk);
}

static void bad_helper_unpinned_caller(void)
{
	helper();
// CHECK: :[[@LINE-1]]:2: warning: call to 'helper', which uses __this_cpu_inc(), in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-27]]:2: note: __this_cpu_inc() used here
}

static void bad_helper_chain_unpinned_caller(void)
{
	helper_chain();
// CHECK: :[[@LINE-1]]:2: warning: call to 'helper_chain', which uses __this_cpu_inc(), in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-34]]:2: note: __this_cpu_inc() used here
}

/* ---- exported functions ------------------------------------------------- */

/*
 * An exported function that never pins the CPU itself is assumed to be
 * called with the CPU pinned (its callers live in other files): no warning.
 * This is a deliberate trade-off of the tool, not a statement that the
 * function is correct.
 */
void good_exported_without_pinning(void)
{
	__this_cpu_inc(cnt);
	tux[smp_processor_id()]++;
}

/* One that pins the CPU itself answers for its own accesses. */
void good_exported_with_pinning(void)
{
	preempt_disable();
	__this_cpu_inc(cnt);
	preempt_enable();
}

void bad_exported_after_enable(void)
{
	preempt_disable();
	work();
	preempt_enable();
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:2: note: protection ended here: preempt_enable() ended the section with preemption disabled
}

/* ---- correlated branches ------------------------------------------------ */

static void good_correlated(int x)
{
	if (x)
		preempt_disable();
	if (x)
		__this_cpu_inc(cnt);
	if (x)
		preempt_enable();
}

static void good_correlated_flag(int x)
{
	bool locked = false;

	if (x) {
		spin_lock(&lk);
		locked = true;
	}
	if (locked)
		__this_cpu_inc(cnt);
	if (locked)
		spin_unlock(&lk);
}

static void bad_uncorrelated(int x)
{
	if (x)
		preempt_disable();
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is false
	if (x)
		preempt_enable();
}

/* ---- loops -------------------------------------------------------------- */

static void good_loop(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		preempt_disable();
		__this_cpu_inc(cnt);
		if (cond()) {
			preempt_enable();
			break;
		}
		preempt_enable();
	}
}

static void good_loop_pinned_around(int n)
{
	int i;

	preempt_disable();
	for (i = 0; i < n; i++) {
		__this_cpu_inc(cnt);
		preempt_enable();
		work();
		preempt_disable();
	}
	preempt_enable();
}

static void bad_loop_access_after_enable(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		preempt_disable();
		work();
		preempt_enable();
		__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:3: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-3]]:3: note: protection ended here: preempt_enable() ended the section with preemption disabled
// CHECK-NEXT: :[[@LINE-7]]:14: note: assuming this condition is true
	}
}

/* Pinned on the first trip only. */
static void bad_loop_second_iteration(int n)
{
	int i;

	preempt_disable();
	for (i = 0; i < n; i++) {
		__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:3: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE+3]]:3: note: protection ended here: preempt_enable() ended the section with preemption disabled
// CHECK-NEXT: :[[@LINE-4]]:14: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:14: note: assuming this condition is true
		preempt_enable();
		work();
	}
}

/* Zero trips: nothing was ever disabled. */
static void bad_after_loop(void)
{
	while (cond()) {
		preempt_disable();
		if (cond())
			continue;
		preempt_enable();
	}
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
// CHECK-NEXT: :[[@LINE-8]]:9: note: assuming this condition is false
}
