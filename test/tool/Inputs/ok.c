#include <linux/preempt.h>
#include <linux/smp.h>
int cpus[64];
void fine(void) { preempt_disable(); cpus[smp_processor_id()]++; preempt_enable(); }
