// XFAIL: *
// RUN: not %check_preempt --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-balance cases the tool gets wrong today. The expectations are what
// is CORRECT; every function is marked FIXME(engine) with what goes wrong.
// The whole file is expected to fail (first line); once the engine handles
// all of them the test passes unexpectedly, and the cases belong in
// preempt-balance.c (then drop that first line).

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/preempt.h>

extern int cond(void);
extern void work(void);

/*
 * FIXME(engine): no warning. Every trip that takes the continue adds one
 * level, the loop head is widened to preempt=?, and an exit with an unknown
 * depth silences the whole region: --dump-state shows the exits at the
 * closing brace as preempt=?, (nothing held), preempt=1 and preempt=2, and
 * the precise ones already disagree.
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
 * FIXME(engine): false positive at the 'return -EBUSY': "'good_try_pin_caller'
 * leaves preemption disabled unbalanced: this path returns at nesting depth
 * 0, another at depth -1", with notes "assuming this condition is true" (the
 * if) and "another path returns here, balanced" (the 'return 0', which is
 * the depth -1 path). A callee whose exits differ gets no summary at all
 * (the state after try_pin() is "(nothing held)"), so the success branch's
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

/*
 * FIXME(engine): the same through a variable: the same false positive at
 * the 'return ret', with the same two notes.
 */
int good_try_pin_caller_ret(void)
{
	int ret = try_pin();

	if (ret)
		return ret;
	work();
	preempt_enable();
	return 0;
}
