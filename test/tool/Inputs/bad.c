#include <linux/preempt.h>
#include <linux/smp.h>
int cpus[64];
static void racy(void) { cpus[smp_processor_id()]++; }
int leaky(int x) { preempt_disable(); if (x) return -5; preempt_enable(); return 0; }
void (*hook)(void) = racy;
