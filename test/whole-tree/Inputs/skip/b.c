#include "helpers.h"

DEFINE_PER_CPU(int, sdev_hits);

void sdev_count(void)
{
	preempt_disable();
	sdev_hit();
	preempt_enable();
}
