// RUN: not %check_preempt --checks='-*,preempt-percpu-access,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// A CPU hotplug callback runs where its state's section says (model data,
// "context_by_arg" of cpuhp_setup_state*()): PREPARE and DEAD callbacks on a
// control CPU in a preemptible task, so "this CPU" is any CPU; STARTING and
// DYING callbacks on the hotplugged CPU with interrupts off; ONLINE callbacks
// in that CPU's hotplug thread, bound to it. A state held in a variable is
// taken as an ONLINE one.
#include <linux/cpuhotplug.h>
#include <linux/irqflags.h>
#include <linux/mutex.h>
#include <linux/percpu.h>

static DEFINE_PER_CPU(int, backlog);
static DEFINE_MUTEX(cfg_mutex);
int dyn_state;

/* DEAD: the control CPU takes over the dead CPU's work; "this CPU" moves. */
static int bad_dead(unsigned int cpu)
{
	__this_cpu_add(backlog, per_cpu(backlog, cpu));
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_add() on per-CPU data in preemptible code [preempt-percpu-access]
	return 0;
}

static int good_dead(unsigned int cpu)
{
	local_irq_disable();
	__this_cpu_add(backlog, per_cpu(backlog, cpu));
	local_irq_enable();
	return 0;
}

/* CPUHP_AP_*_DEAD states of the PREPARE section: the control CPU too. */
static int bad_ap_dead(unsigned int cpu)
{
	__this_cpu_add(backlog, per_cpu(backlog, cpu));
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_add() on per-CPU data in preemptible code [preempt-percpu-access]
	return 0;
}

/* ONLINE: the hotplug thread of the CPU, bound to it. */
static int good_online(unsigned int cpu)
{
	__this_cpu_inc(backlog);
	return 0;
}

/* STARTING: interrupts off on the new CPU. */
static int bad_starting(unsigned int cpu)
{
	mutex_lock(&cfg_mutex);
// CHECK: :[[@LINE-1]]:2: warning: {{.*}}mutex_lock(){{.*}} [preempt-sleep-in-atomic]
	mutex_unlock(&cfg_mutex);
	return 0;
}

static int good_starting(unsigned int cpu)
{
	__this_cpu_inc(backlog);
	return 0;
}

/* A state in a variable: taken as an ONLINE state. */
static int good_by_variable(unsigned int cpu)
{
	__this_cpu_inc(backlog);
	return 0;
}

int setup(void)
{
	cpuhp_setup_state_nocalls(CPUHP_TEST_DEAD, "test:dead", NULL, bad_dead);
	cpuhp_setup_state_nocalls(CPUHP_TEST_DEAD, "test:dead2", NULL, good_dead);
	cpuhp_setup_state_nocalls(CPUHP_AP_TEST_DEAD, "test:apdead", NULL, bad_ap_dead);
	cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "test:online", good_online, NULL);
	cpuhp_setup_state(CPUHP_AP_TEST_STARTING, "test:starting", bad_starting, good_starting);
	cpuhp_setup_state(dyn_state, "test:var", good_by_variable, NULL);
	return 0;
}

/*
 * The core's own table of steps (kernel/cpu.c's cpuhp_hp_states[]): each
 * callback runs where the state naming its index says (model data,
 * "context_by_index" of struct cpuhp_step's callback fields).
 */
struct cpuhp_step {
	const char *name;
	union {
		int (*single)(unsigned int cpu);
		int (*multi)(unsigned int cpu, void *node);
	} startup;
	union {
		int (*single)(unsigned int cpu);
		int (*multi)(unsigned int cpu, void *node);
	} teardown;
	bool cant_stop;
};

/* CPUHP_TEARDOWN_CPU: the control task takes the CPU down. */
static int bad_table_teardown(unsigned int cpu)
{
	__this_cpu_write(backlog, 0);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_write() on per-CPU data in preemptible code [preempt-percpu-access]
	return 0;
}

/* CPUHP_AP_TEST_STARTING: interrupts off on the new CPU. */
static int bad_table_starting(unsigned int cpu)
{
	__this_cpu_inc(backlog);
	mutex_lock(&cfg_mutex);
// CHECK: :[[@LINE-1]]:2: warning: {{.*}}mutex_lock(){{.*}} [preempt-sleep-in-atomic]
	mutex_unlock(&cfg_mutex);
	return 0;
}

/* CPUHP_AP_TEST_ONLINE: the CPU's hotplug thread; a multi-instance step. */
static int good_table_online(unsigned int cpu, void *node)
{
	__this_cpu_inc(backlog);
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	return 0;
}

static struct cpuhp_step cpuhp_hp_states[] = {
	[CPUHP_OFFLINE] = {
		.name = "offline",
		.startup.single = NULL,
		.teardown.single = NULL,
	},
	[CPUHP_AP_TEST_STARTING] = {
		.name = "test:starting",
		.startup.single = bad_table_starting,
	},
	[CPUHP_TEARDOWN_CPU] = {
		.name = "cpu:teardown",
		.startup.single = NULL,
		.teardown.single = bad_table_teardown,
		.cant_stop = true,
	},
	[CPUHP_AP_TEST_ONLINE] = {
		.name = "test:online",
		.startup.multi = good_table_online,
	},
};

struct cpuhp_step *step(int state)
{
	return &cpuhp_hp_states[state];
}
