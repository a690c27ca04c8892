// RUN: not %check_preempt --checks='-*,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=SLEEP --implicit-check-not='warning:'
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

/* Early boot (start_kernel()'s own __init callees, model context "boot"):
 * one CPU online, and sleeping is tolerated while the system boots, even
 * where interrupts are off (rcu_init() asserts them off through a callee,
 * then allocates a workqueue). */
#include <linux/mutex.h>
#include <linux/lockdep.h>

static DEFINE_MUTEX(boot_mutex);

void rcu_init(void)
{
	int cpu = smp_processor_id();

	per_cpu(idle_loops, cpu)++;
	lockdep_assert_irqs_disabled();
	mutex_lock(&boot_mutex);
	mutex_unlock(&boot_mutex);
}

/* A section a boot function opens itself is judged as anywhere. */
void trap_init(void)
{
	unsigned long flags;

	local_irq_save(flags);
	mutex_lock(&boot_mutex);
// SLEEP: :[[@LINE-1]]:2: warning: mutex_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// SLEEP-NEXT: :[[@LINE-3]]:2: note: atomic since here: interrupts disabled by local_irq_save()
	mutex_unlock(&boot_mutex);
	local_irq_restore(flags);
}

/* The same body under another name: the access is judged (it takes a
 * lock and nothing calls it), and so is the sleep where interrupts are
 * asserted off. */
void not_boot_code(void)
{
	int cpu = smp_processor_id();
// CHECK: :[[@LINE-1]]:12: warning: smp_processor_id() used in preemptible code ('not_boot_code' takes locks and has no caller in the tree that pins it); the task may migrate [preempt-percpu-access]

	per_cpu(idle_loops, cpu)++;
	lockdep_assert_irqs_disabled();
	mutex_lock(&boot_mutex);
// SLEEP: :[[@LINE-1]]:2: warning: mutex_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// SLEEP-NEXT: :[[@LINE-9]]:6: note: it runs in atomic context (a callback of an atomic context, or an assertion says so)
	mutex_unlock(&boot_mutex);
}
