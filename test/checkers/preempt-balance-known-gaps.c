// XFAIL: *
// RUN: not %preemptlint --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-balance cases the tool gets wrong today. The expectations are what
// is CORRECT; every function is marked FIXME(engine) with what goes wrong.
// The whole file is expected to fail (first line); once the engine handles
// all of them the test passes unexpectedly, and the cases belong in
// preempt-balance.c (then drop that first line).

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>

struct dev {
	spinlock_t lock;
	unsigned long fa, fb;
};

static DEFINE_SPINLOCK(lk);
extern int cond(void);
extern void work(void);

/*
 * FIXME(engine): no warning. Every trip that takes the continue adds one
 * level, the loop head is widened to preempt=?, and an exit with an unknown
 * depth silences the whole region, although the exit after zero trips
 * (depth 0) and after one continue (depth 1) are both precise and disagree.
 */
void bad_while_continue_leak(void)
{
	while (cond()) {
		preempt_disable();
		if (cond())
			continue;
		preempt_enable();
	}
}
// CHECK: :[[@LINE-1]]:1: warning: 'bad_while_continue_leak' {{returns with preemption disabled on this path but not on others|leaves preemption disabled unbalanced.*}} [preempt-balance]

/*
 * FIXME(engine): the warning picks the (!x, !y) path, says "this path
 * returns at nesting depth 0, another at depth -1" and calls the depth -1
 * path (!x, y) "balanced". The leaking path is (x, !y).
 */
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

/*
 * Returns 0 with preemption disabled, -EBUSY without: clean itself (the
 * return values explain the exits), and its callers that test the result
 * are balanced too.
 */
static int try_pin(void)
{
	preempt_disable();
	if (cond()) {
		preempt_enable();
		return -EBUSY;
	}
	return 0;
}

/*
 * FIXME(engine): false positive "leaves preemption disabled unbalanced: this
 * path returns at nesting depth 0, another at depth -1". A callee whose
 * exits differ gets no summary at all, so the success branch's
 * preempt_enable() looks like an enable of nothing.
 */
int good_try_pin_caller(void)
{
	if (try_pin())
		return -EBUSY;
	work();
	preempt_enable();
	return 0;
}

/* FIXME(engine): the same through a variable. */
int good_try_pin_caller_ret(void)
{
	int ret = try_pin();

	if (ret)
		return ret;
	work();
	preempt_enable();
	return 0;
}

/*
 * spin_lock_irqsave() + spin_unlock() + local_irq_restore() is balanced,
 * and so is local_irq_save() + spin_lock() + spin_unlock_irqrestore().
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

/*
 * FIXME(engine): false positive "leaves interrupts disabled unbalanced: this
 * path returns at nesting depth 0, another at depth -1": the irq-off
 * implied by the lock and the irq depth of local_irq_save()/restore() are
 * separate books, so the callee's summary says irq -1.
 */
void good_call_lock_irqsave_unlock_restore(int x)
{
	if (x)
		lock_irqsave_unlock_restore();
}

/*
 * FIXME(engine): false positive "returns with interrupts disabled on this
 * path but not on others": spin_unlock_irqrestore() does not end the
 * local_irq_save() section, so the callee's summary says irq +1.
 */
void good_call_irqsave_lock_unlock_irqrestore(int x)
{
	if (x)
		irqsave_lock_unlock_irqrestore();
}

/*
 * FIXME(engine): no warning. The error path drops the lock with
 * spin_unlock() and returns with the interrupts from local_irq_save() still
 * off; the tool counts spin_unlock_irqrestore() as a plain unlock, so both
 * exits look like irq=1.
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

/*
 * FIXME(engine): no warning. The flags argument of the local_irq_save()
 * and local_irq_restore() macros is keyed by its first CFG element, the
 * base 'd', so d->fa and d->fb look the same (a message would also say
 * 'd' instead of 'd.fb').
 */
void bad_irq_flags_member_mismatch(struct dev *d)
{
	local_irq_save(d->fa);
	work();
	local_irq_restore(d->fb);
// CHECK: :[[@LINE-1]]:2: warning: local_irq_restore() restores 'd.fb' but the innermost interrupt save stored 'd.fa' [preempt-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: innermost save here
}
