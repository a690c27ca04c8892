#include "part.h"
#include <linux/delay.h>

static DEFINE_SPINLOCK(pdev_list_lock);
static DEFINE_PER_CPU(int, pdev_hits);

/* Its spin_lock() was deleted: the path past the early return releases a lock nobody holds. */
void pdev_clear(struct pdev *d, int n)
{
	if (n < 0)
		return;
	d->val = 0;
	spin_unlock(&d->lock);
}

/* The same shape, but its caller holds the lock: a conditional release for the caller. */
void pdev_clear_held(struct pdev *d, int n)
{
	if (n < 0)
		return;
	d->val = 0;
	spin_unlock(&d->lock);
}

/* Its spin_unlock() was deleted: the path that took the lock returns holding it. */
int pdev_update(struct pdev *d, int v)
{
	if (v < 0)
		return -1;
	spin_lock(&d->lock);
	d->val = v;
	return 0;
}

/* A conditional lock helper, and its name says so. */
int pdev_lock_if(struct pdev *d, int v)
{
	if (v < 0)
		return 0;
	spin_lock(&d->lock);
	return 1;
}

/* Releases its caller's caller's lock on some paths. */
void pdev_inner(struct pdev *d, int n)
{
	if (n)
		spin_unlock(&d->lock);
}

/* Its rcu_read_lock() was deleted. */
void pdev_walk_tail(int n)
{
	if (n < 0)
		return;
	rcu_read_unlock();
}

/* A per-CPU counter its callers must pin. */
void pdev_count(void)
{
	__this_cpu_inc(pdev_hits);
}

/*
 * Its spin_lock() was deleted. No caller in the tree, but the lock is
 * static to this file and no function here returns holding it.
 */
int pdev_list_show(char *buf)
{
	int len = 0;

	if (!buf)
		return 0;
	buf[len++] = 'x';
	spin_unlock(&pdev_list_lock);
	return len;
}

/* Sleeps. */
void pdev_wait(struct pdev *d)
{
	msleep(d->val);
}

/* Its spin_unlock() was deleted: the merging path keeps the context's lock. */
int pdev_ctx_merge(struct pdev_ctx *c, int n)
{
	int ret = 0;

	if (!n)
		goto out;
	spin_lock(&c->lock);
	c->queued += n;
	ret = 1;
out:
	return ret;
}

/* Leaves pinning to its callers, but sleeps: it runs preemptible. */
void pdev_refill(struct pdev *d)
{
	__this_cpu_inc(pdev_hits);
	msleep(d->val);
}

/* A function the model describes (it registers an IPI callback), defined in
 * the tree, whose get_cpu() was lost: its callers' calls are edges for the
 * need of its body. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	if (cpu == smp_processor_id())
		func(info);
	return 0;
}
