/* A per-CPU helper that leaves pinning to its callers. */
#include <linux/percpu.h>

static DEFINE_PER_CPU(int, boot_count);

void count_boot(void)
{
	__this_cpu_inc(boot_count);
}
