// RUN: not %check_preempt --checks='-*,preempt-stale-cpu-id' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-stale-cpu-id' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-stale-cpu-id: a CPU id (smp_processor_id(), get_cpu()) or a
// per-CPU pointer (this_cpu_ptr()) obtained while the task was pinned must
// not reach per-CPU data (an index, per_cpu(), a dereference) after the
// protection ended: the task may run on another CPU by then. Using the id
// only as a hint (printing it, passing it on) is not reported.
//
// Functions named good_* must produce nothing; bad_* must produce exactly
// the warnings written under them.

#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

struct stats { long hits; long misses; };
static DEFINE_PER_CPU(struct stats, pcp_stats);
static DEFINE_PER_CPU(int, pcp_count);
static int slots[64];
static DEFINE_SPINLOCK(lk);
extern int cond(void);
extern void note_cpu(int cpu);

void bad_index_after_put_cpu(void)
{
	int cpu = get_cpu();

	slots[cpu] = 1;
	put_cpu();
	slots[cpu] = 2;
// CHECK: :[[@LINE-1]]:2: warning: CPU id 'cpu' (from get_cpu()) used as an index after the protection it was obtained under ended; the task may have moved to another CPU [preempt-stale-cpu-id]
// CHECK-NEXT: :[[@LINE-6]]:12: note: obtained here by get_cpu()
// CHECK-NEXT: :[[@LINE-4]]:2: note: protection ended here by put_cpu()
}

void bad_per_cpu_after_enable(void)
{
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	preempt_enable();
	per_cpu(pcp_count, cpu)++;
// CHECK: :[[@LINE-1]]:2: warning: CPU id 'cpu' (from smp_processor_id()) used as an index after the protection it was obtained under ended; the task may have moved to another CPU [preempt-stale-cpu-id]
// CHECK-NEXT: :[[@LINE-4]]:8: note: obtained here by smp_processor_id()
// CHECK-NEXT: :[[@LINE-4]]:2: note: protection ended here by preempt_enable()
}

void bad_pointer_after_unlock(void)
{
	struct stats *s;

	spin_lock(&lk);
	s = this_cpu_ptr(&pcp_stats);
	s->hits++;
	spin_unlock(&lk);
	s->misses++;
// CHECK: :[[@LINE-1]]:2: warning: per-CPU pointer 's' (from this_cpu_ptr()) dereferenced after the protection it was obtained under ended; the task may have moved to another CPU [preempt-stale-cpu-id]
// CHECK-NEXT: :[[@LINE-5]]:6: note: obtained here by this_cpu_ptr()
// CHECK-NEXT: :[[@LINE-4]]:2: note: protection ended here by spin_unlock()
}

/* Stale on one path only: the early put_cpu(). */
void bad_one_path(int x)
{
	int cpu = get_cpu();

	if (x)
		put_cpu();
	slots[cpu]++;
// CHECK: :[[@LINE-1]]:2: warning: CPU id 'cpu' (from get_cpu()) used as an index after the protection it was obtained under ended; the task may have moved to another CPU [preempt-stale-cpu-id]
// CHECK-NEXT: :[[@LINE-6]]:12: note: obtained here by get_cpu()
// CHECK-NEXT: :[[@LINE-4]]:3: note: protection ended here by put_cpu()
// CHECK-NEXT: :[[@LINE-6]]:6: note: assuming this condition is true
	if (!x)
		put_cpu();
}

void good_inside(void)
{
	int cpu = get_cpu();

	slots[cpu]++;
	per_cpu(pcp_count, cpu)++;
	put_cpu();
}

/* A hint only: printed or passed on after the section. */
void good_hint(void)
{
	int cpu = get_cpu();

	slots[cpu]++;
	put_cpu();
	note_cpu(cpu);
	pr_err("ran on cpu %d\n", cpu);
}

/* Obtained again after the section ended. */
void good_reobtained(void)
{
	int cpu = get_cpu();

	slots[cpu]++;
	put_cpu();
	cpu = get_cpu();
	slots[cpu]++;
	put_cpu();
}

/* raw_smp_processor_id() says the caller accepts a stale id. */
void good_raw(void)
{
	int cpu;

	preempt_disable();
	cpu = raw_smp_processor_id();
	preempt_enable();
	slots[cpu]++;
}

/* Still pinned by an outer section when the inner one ends. */
void good_nested(void)
{
	int cpu;

	preempt_disable();
	cpu = get_cpu();
	put_cpu();
	slots[cpu]++;
	preempt_enable();
}

/* A CPU id from elsewhere (a loop, a parameter) is not a pinned value. */
void good_parameter(int cpu)
{
	per_cpu(pcp_count, cpu) = 0;
}
