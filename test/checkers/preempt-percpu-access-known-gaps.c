// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-percpu-access cases the tool has got wrong. Each known gap is
// pinned to its own expectation: what the tool reports TODAY, with the
// correct result in the comment (KNOWN GAP). A fix makes exactly that
// expectation fail; then move the case to preempt-percpu-access.c. Cases
// that have been fixed stay here as regression tests (FIXED). As in that file, the
// test functions are static and uncalled so that they answer for their own
// accesses.

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/irqflags.h>
#include <linux/interrupt.h>

static DEFINE_PER_CPU(int, cnt);

/*
 * FIXED: was reported ("__this_cpu_inc() on per-CPU data in preemptible
 * code") in every configuration; silent now. DECLARE_TASKLET() initializes
 * ".callback = fn", and 'callback' lives in an anonymous union inside
 * struct tasklet_struct, so the field's parent record is the unnamed union,
 * not tasklet_struct, and the callback_fields entry never matches (the
 * assignment "t.callback = fn" is not recognized either). The timer_list
 * and hrtimer ".function = fn" initializers work.
 */
static void good_tasklet_in_initializer(struct tasklet_struct *t)
{
	__this_cpu_inc(cnt);
}

static DECLARE_TASKLET(tsk, good_tasklet_in_initializer);

/*
 * KNOWN GAP (pinned): a false positive, "__this_cpu_inc() on per-CPU data in
 * preemptible code" on the access (with PREEMPT_COUNT; without it
 * preemptible() is 0); the correct result is silence.
 * preemptible() expands to "preempt_count() == 0 && !irqs_disabled()"; its
 * true branch is resolved, but on the false branch (either part false)
 * --dump-state still shows "pending(preemptible) (nothing held)", so the
 * access is not known to be pinned. (in_atomic(), in_interrupt(),
 * in_softirq() and in_hardirq() work.)
 */
static void good_return_if_preemptible(void)
{
	if (preemptible())
		return;
	__this_cpu_inc(cnt);
}
// CHECK: :[[@LINE-2]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
