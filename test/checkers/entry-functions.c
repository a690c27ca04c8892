// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// entry_functions (model data): a function the kernel enters from outside C
// runs in the context the model gives it. cpu_startup_entry() is the idle
// task, which never migrates: its own per-CPU use is pinned. The same body
// under another name is judged as any function that manages interrupts.
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/smp.h>

static DEFINE_PER_CPU(int, idle_loops);

void cpu_startup_entry(int state)
{
	__this_cpu_inc(idle_loops);
	local_irq_disable();
	local_irq_enable();
}

void not_an_entry(int state)
{
	__this_cpu_inc(idle_loops);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data in preemptible code [preempt-percpu-access]
	local_irq_disable();
	local_irq_enable();
}
