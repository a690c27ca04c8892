/* Another file's helper that leaves pinning to its callers. */
#include <linux/smp.h>

int any_cpu(void)
{
	return smp_processor_id();
}

#include <linux/percpu.h>

static DEFINE_PER_CPU(int, other_count);

/* A need with no condition. */
void other_need(void)
{
	__this_cpu_inc(other_count);
}
