// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// A helper whose per-CPU access lies only where a parameter is zero (or
// non-zero) needs nothing from a caller that passes a constant the other
// way (kernel/events/core.c: perf_iterate_ctx(.., all=true) never calls
// event_filter_match() and its smp_processor_id()). A parameter the helper
// writes is no longer its caller's value: its need stays.
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>

static DEFINE_PER_CPU(int, filt_hits);
extern int filt_mode(void);

static void filt_iterate(int all)
{
	if (!all)
		__this_cpu_inc(filt_hits);
}

static void filt_iterate_written(int all)
{
	all = filt_mode();
	if (!all)
		__this_cpu_inc(filt_hits);
}

/* Each caller pins something of its own, so it answers for its calls. */
void good_iterate_all(void)
{
	preempt_disable();
	preempt_enable();
	filt_iterate(1);
}

void bad_iterate_filtered(void)
{
	preempt_disable();
	preempt_enable();
	filt_iterate(0);
// CHECK: :[[@LINE-1]]:2: warning: call to 'filt_iterate', which uses __this_cpu_inc(), in preemptible code [preempt-percpu-access]
}

void bad_iterate_unknown(int all)
{
	preempt_disable();
	preempt_enable();
	filt_iterate(all);
// CHECK: :[[@LINE-1]]:2: warning: call to 'filt_iterate', which uses __this_cpu_inc(), in preemptible code [preempt-percpu-access]
}

void bad_iterate_written(void)
{
	preempt_disable();
	preempt_enable();
	filt_iterate_written(1);
// CHECK: :[[@LINE-1]]:2: warning: call to 'filt_iterate_written', which uses __this_cpu_inc(), in preemptible code [preempt-percpu-access]
}
