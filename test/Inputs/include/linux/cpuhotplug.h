/* preemptlint test header: CPU hotplug states (where each section runs). */
#ifndef _PLT_LINUX_CPUHOTPLUG_H
#define _PLT_LINUX_CPUHOTPLUG_H

#include <linux/types.h>

enum cpuhp_state {
	CPUHP_INVALID = -1,
	/* PREPARE section: a control CPU, preemptible */
	CPUHP_OFFLINE = 0,
	CPUHP_CREATE_THREADS,
	CPUHP_TEST_PREPARE,
	CPUHP_TEST_DEAD,
	CPUHP_AP_TEST_DEAD,	/* named AP_, but in the PREPARE section */
	CPUHP_BP_PREPARE_DYN,
	CPUHP_BP_PREPARE_DYN_END = CPUHP_BP_PREPARE_DYN + 20,
	CPUHP_BRINGUP_CPU,
	/* STARTING section: the hotplugged CPU, interrupts off */
	CPUHP_AP_OFFLINE,
	CPUHP_AP_TEST_STARTING,
	CPUHP_AP_TEST_DYING,
	CPUHP_AP_ONLINE,
	CPUHP_TEARDOWN_CPU,
	/* ONLINE section: the hotplug thread of the hotplugged CPU */
	CPUHP_AP_ONLINE_IDLE,
	CPUHP_AP_TEST_ONLINE,
	CPUHP_AP_ONLINE_DYN,
	CPUHP_AP_ONLINE_DYN_END = CPUHP_AP_ONLINE_DYN + 40,
	CPUHP_ONLINE,
};

int __cpuhp_setup_state(enum cpuhp_state state, const char *name, bool invoke,
			int (*startup)(unsigned int cpu),
			int (*teardown)(unsigned int cpu), bool multi_instance);

static inline int cpuhp_setup_state(enum cpuhp_state state, const char *name,
				    int (*startup)(unsigned int cpu),
				    int (*teardown)(unsigned int cpu))
{
	return __cpuhp_setup_state(state, name, true, startup, teardown, false);
}

static inline int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
					    int (*startup)(unsigned int cpu),
					    int (*teardown)(unsigned int cpu))
{
	return __cpuhp_setup_state(state, name, false, startup, teardown, false);
}

#endif
