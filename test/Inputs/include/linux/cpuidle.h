/* preemptlint test header: CPU idle states (after include/linux/cpuidle.h). */
#ifndef _PLT_LINUX_CPUIDLE_H
#define _PLT_LINUX_CPUIDLE_H

#include <linux/compiler.h>
#include <linux/types.h>

#define CPUIDLE_STATE_MAX	10
#define CPUIDLE_NAME_LEN	16

struct cpuidle_device;
struct cpuidle_driver;

struct cpuidle_state {
	char		name[CPUIDLE_NAME_LEN];
	unsigned int	flags;
	unsigned int	exit_latency; /* in US */
	unsigned int	target_residency; /* in US */

	int (*enter)	(struct cpuidle_device *dev,
			struct cpuidle_driver *drv,
			int index);
	void (*enter_s2idle)(struct cpuidle_device *dev,
			     struct cpuidle_driver *drv,
			     int index);
};

struct cpuidle_device {
	unsigned int	cpu;
	int		last_state_idx;
};

struct cpuidle_driver {
	const char		*name;
	struct cpuidle_state	states[CPUIDLE_STATE_MAX];
	int			state_count;
};

int cpuidle_register(struct cpuidle_driver *drv, const void *coupled_cpus);

#endif
