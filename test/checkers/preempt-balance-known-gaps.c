// RUN: %check_preempt --checks='-*,preempt-balance' %s -- %kflags -include %inputs/include/config-full.h | count 0
//
// preempt-balance cases the tool has got wrong. Each known gap is pinned to
// its own expectation: what the tool reports TODAY, with the correct result
// in the comment above it (KNOWN GAP). A fix makes exactly that expectation
// fail; then move the case to preempt-balance.c with its correct CHECK line.
// Cases that have been fixed stay here as regression tests (FIXED).

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
// KNOWN GAP (pinned): nothing is reported today (the RUN line expects no output);
// the correct finding is at the closing brace: "'bad_while_continue_leak'
// returns with preemption disabled on this path but not on others".

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
 * FIXED: was a false positive at the 'return -EBUSY' ("leaves preemption
 * disabled unbalanced: this path returns at nesting depth 0, another at
 * depth -1"): a callee whose exits differ had no summary, so the success
 * branch's preempt_enable() looked like an enable of nothing. Silent now.
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
 * FIXED: the same through a variable. Silent now.
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
