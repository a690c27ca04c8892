/* Tick helpers the table's steps reach in another file. */
#include <linux/mutex.h>
#include <linux/percpu.h>

struct tdev {
	int v;
};
static DEFINE_PER_CPU(struct tdev, tdev);
static DEFINE_MUTEX(tick_mutex);

/* Leaves pinning to its callers. */
void tick_pull(unsigned int cpu)
{
	struct tdev *d = this_cpu_ptr(&tdev);

	d->v = cpu;
}

/* Stored as a STARTING step: interrupts are off there. */
int tick_starting(unsigned int cpu)
{
	mutex_lock(&tick_mutex);
	mutex_unlock(&tick_mutex);
	return 0;
}

/* Stored as an ONLINE step: the CPU's hotplug thread, which may sleep. */
int tick_online(unsigned int cpu)
{
	mutex_lock(&tick_mutex);
	__this_cpu_inc(tdev.v);
	mutex_unlock(&tick_mutex);
	return 0;
}
