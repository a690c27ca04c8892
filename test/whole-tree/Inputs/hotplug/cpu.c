/* The core's table of hotplug steps (kernel/cpu.c's cpuhp_hp_states[]). */
#include <linux/cpuhotplug.h>

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

extern void tick_pull(unsigned int cpu);
extern int tick_starting(unsigned int cpu);
extern int tick_online(unsigned int cpu);

/* Runs in the control task, preemptible. */
static int takedown(unsigned int cpu)
{
	tick_pull(cpu);
	return 0;
}

static struct cpuhp_step cpuhp_hp_states[] = {
	[CPUHP_AP_TEST_STARTING] = {
		.name = "tick:starting",
		.startup.single = tick_starting,
	},
	[CPUHP_TEARDOWN_CPU] = {
		.name = "cpu:teardown",
		.teardown.single = takedown,
		.cant_stop = true,
	},
	[CPUHP_AP_TEST_ONLINE] = {
		.name = "tick:online",
		.startup.single = tick_online,
	},
};

struct cpuhp_step *cpuhp_get_step(int state)
{
	return &cpuhp_hp_states[state];
}
