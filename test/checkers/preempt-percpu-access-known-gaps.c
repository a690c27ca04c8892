// XFAIL: *
// RUN: not %preemptlint --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: %preemptlint --checks='-*' --dump-state --dump-function=bad_scoped_guard_unlock_inside %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=GUARD
// RUN: %preemptlint --checks='-*' --dump-state --dump-function=bad_member_lock_irqsave %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=MEMBER
//
// preempt-percpu-access cases the tool gets wrong today. The expectations
// are what is CORRECT; every function is marked FIXME(engine) with what goes
// wrong. The whole file is expected to fail (first line); once the engine
// handles all of them the test passes unexpectedly, and the cases belong in
// preempt-percpu-access.c (then drop that first line). As in that file, the
// test functions are static and uncalled so that they answer for their own
// accesses.

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>

struct dev {
	spinlock_t lock;
};

static DEFINE_PER_CPU(int, cnt);
static DEFINE_SPINLOCK(lk);
extern void work(void);

/*
 * FIXME(engine): all three callbacks are reported. FileFacts only visits
 * the syntactic form of an initializer list (RecursiveASTVisitor skips the
 * semantic form unless shouldVisitImplicitCode()), so a designated
 * initializer ".function = fn" never reaches callback_fields; the same
 * assignment "t.function = fn" works.
 */
static void good_timer_in_initializer(struct timer_list *t)
{
	__this_cpu_inc(cnt);
}

static enum hrtimer_restart good_hrtimer_in_initializer(struct hrtimer *t)
{
	__this_cpu_inc(cnt);
	return HRTIMER_NORESTART;
}

static void good_tasklet_in_initializer(struct tasklet_struct *t)
{
	__this_cpu_inc(cnt);
}

static struct timer_list tmr = { .function = good_timer_in_initializer };
static struct hrtimer hrt = { .function = good_hrtimer_in_initializer };
static DECLARE_TASKLET(tsk, good_tasklet_in_initializer);

/*
 * FIXME(engine): reported. Context queries whose expansion is a comparison
 * or a bitwise expression never resolve their pending assert: refine()
 * takes the expansion apart (x != 0, x & MASK, a && b) before it looks for
 * the pending primitive's result, so in_atomic(), in_interrupt(),
 * in_softirq(), in_hardirq() and preemptible() are ignored. (A bare
 * preempt_count() and irqs_disabled() work.)
 */
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

static void good_return_if_preemptible(void)
{
	if (preemptible())
		return;
	__this_cpu_inc(cnt);
}

/*
 * FIXME(engine): no warning. The lock argument of spin_lock_irqsave() is
 * keyed by its first CFG element, the base 'd' (locks={d}), while
 * spin_unlock_irqrestore() releases 'd.lock'; the lock stays "held" after
 * the unlock, and the callers of such a function think it returns with a
 * lock held.
 */
static void bad_member_lock_irqsave(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
// MEMBER: [[@LINE-1]]:2: bad_member_lock_irqsave: after: locks={d.lock}
	work();
	spin_unlock_irqrestore(&d->lock, flags);
// MEMBER: [[@LINE-1]]:2: bad_member_lock_irqsave: after: (nothing held)
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

/*
 * FIXME(engine): no warning. spin_unlock_irqrestore() does not end the
 * section that local_irq_save() began, so irq=1 is still "active" after it.
 */
static void bad_after_irqsave_lock_unlock_irqrestore(void)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&lk);
	__this_cpu_inc(cnt);
	spin_unlock_irqrestore(&lk, flags);
	__this_cpu_inc(cnt);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
}

/*
 * FIXME(engine): no warning. A lock guard's lock is keyed inside the
 * constructor ("class_spinlock_constructor:_T.lock@<raw location>"), not
 * as 'lk', so a spin_unlock(&lk) inside the guarded scope releases nothing
 * and the access after it still looks locked.
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
