/* Initcalls of built-in code: run by the kernel_init task, preemptible. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/preempt.h>

extern void count_boot(void);
static DEFINE_MUTEX(setup_lock);

static int __init unpinned_init(void)
{
	mutex_lock(&setup_lock);
	count_boot();
	mutex_unlock(&setup_lock);
	return 0;
}
device_initcall(unpinned_init);

static int __init plain_init(void)
{
	count_boot();
	return 0;
}
module_init(plain_init);

static int __init pinned_init(void)
{
	preempt_disable();
	count_boot();
	preempt_enable();
	return 0;
}
late_initcall(pinned_init);

/* Before the other CPUs are up: one CPU, nothing to migrate to. */
static int __init early_init(void)
{
	count_boot();
	return 0;
}
early_initcall(early_init);
