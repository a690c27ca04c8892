/*
 * The preempt-locking document's Rule #1 example: the per-CPU slot is read
 * before the lock that was meant to protect it is taken.
 */
#include <linux/smp.h>
#include "tree.h"

int buf[64];
static DEFINE_SPINLOCK(buf_lock);
extern void set_cpu_val(int *b);

void rule1_example(void)
{
	set_cpu_val(buf);
	if (buf[smp_processor_id()] == -1)
		buf[0] = 0;
	spin_lock(&buf_lock);
	buf[1] = 1;
	spin_unlock(&buf_lock);
}

/* The fix: the lock moved up two lines (spin_lock() disables preemption). */
void rule1_fixed(void)
{
	set_cpu_val(buf);
	spin_lock(&buf_lock);
	if (buf[smp_processor_id()] == -1)
		buf[0] = 0;
	buf[1] = 1;
	spin_unlock(&buf_lock);
}
