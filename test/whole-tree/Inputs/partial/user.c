#include "part.h"

void user_clear(struct pdev *d)
{
	pdev_clear(d, d->val);
}

void user_clear_held(struct pdev *d)
{
	spin_lock(&d->lock);
	pdev_clear_held(d, d->val);
}

int user_update(struct pdev *d)
{
	return pdev_update(d, 3);
}

void user_lock_if(struct pdev *d)
{
	if (pdev_lock_if(d, d->val))
		d->val++;
}

static void user_middle(struct pdev *d)
{
	pdev_inner(d, d->val);
}

/* Returns holding the lock for its callers (outside the tree), unless pdev_inner() dropped it. */
void user_outer(struct pdev *d) __acquires(&d->lock)
{
	spin_lock(&d->lock);
	user_middle(d);
}

void user_lookup(int n)
{
	pdev_walk_tail(n);
}

/* A work item: process context, nothing pins the task. */
static void user_work_fn(struct work_struct *w)
{
	pdev_count();
}

void user_init(struct pdev *d)
{
	INIT_WORK(&d->work, user_work_fn);
}

/* Sleeps under a spinlock through a header helper and a function of lib.c. */
void user_sync(struct pdev *d)
{
	spin_lock(&d->lock);
	pdev_sync(d);
	spin_unlock(&d->lock);
}

/* The body SYSCALL_DEFINE0(pcount) expands to: a system call, process context. */
static long __do_sys_pcount(void)
{
	pdev_count();
	return 0;
}

long __se_sys_pcount(void)
{
	return __do_sys_pcount();
}

int user_merge(struct pdev_ctx *c)
{
	return pdev_ctx_merge(c, c->cpu);
}

void user_refill(struct pdev *d)
{
	pdev_refill(d);
}

/* A sysfs file's show method (DEVICE_ATTR_RO()): a read by the task,
 * process context. */
#include <linux/device.h>
static ssize_t pcount_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	pdev_count();
	return 0;
}
static DEVICE_ATTR_RO(pcount);

/* A system call that calls it (SYSCALL_DEFINE0(pipi)'s body). */
static void user_ipi_fn(void *info)
{
}
static long __do_sys_pipi(void)
{
	return smp_call_function_single(1, user_ipi_fn, NULL, 1);
}
long __se_sys_pipi(void)
{
	return __do_sys_pipi();
}
