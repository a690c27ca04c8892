// SPDX-License-Identifier: GPL-2.0
/*
 * demo_io: request handling for the demo device, with the locking, sleeping
 * and FPU mistakes preemptlint finds next to their correct versions.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/highmem.h>
#include <linux/workqueue.h>
#include <asm/fpu/api.h>

struct demo_dev {
	spinlock_t lock;
	struct mutex cfg_mutex;
	struct work_struct done_work;
	int pending;
	void *buf;
};

/* Bad: the error path returns with the lock held. */
int demo_queue(struct demo_dev *d, int len)
{
	spin_lock(&d->lock);
	if (len <= 0)
		return -EINVAL;
	d->pending += len;
	spin_unlock(&d->lock);
	return 0;
}

/* Good: every path releases what it took. */
int demo_queue_fixed(struct demo_dev *d, int len)
{
	int ret = 0;

	spin_lock(&d->lock);
	if (len <= 0) {
		ret = -EINVAL;
		goto out;
	}
	d->pending += len;
out:
	spin_unlock(&d->lock);
	return ret;
}

/* Bad: GFP_KERNEL may sleep, and a spinlock is held. */
int demo_grow(struct demo_dev *d, size_t size)
{
	spin_lock(&d->lock);
	d->buf = kmalloc(size, GFP_KERNEL);
	spin_unlock(&d->lock);
	return d->buf ? 0 : -ENOMEM;
}

/* Good: sleeping allocation before the lock, mutex for configuration. */
int demo_grow_fixed(struct demo_dev *d, size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	mutex_lock(&d->cfg_mutex);
	msleep(1);
	spin_lock(&d->lock);
	d->buf = p;
	spin_unlock(&d->lock);
	mutex_unlock(&d->cfg_mutex);
	return 0;
}

/* Bad: the lock taken by demo_submit() is released by a work item. */
static void demo_done(struct work_struct *w)
{
	struct demo_dev *d = container_of(w, struct demo_dev, done_work);

	d->pending = 0;
	spin_unlock(&d->lock);
}

void demo_submit(struct demo_dev *d)
{
	spin_lock(&d->lock);
	INIT_WORK(&d->done_work, demo_done);
	schedule_work(&d->done_work);
}

/* Bad: interrupts turned back on inside a region that saved them. */
void demo_poke(struct demo_dev *d)
{
	unsigned long flags;

	local_irq_save(flags);
	d->pending++;
	local_irq_enable();
	local_irq_restore(flags);
}

/* Bad: behaviour chosen by the context instead of a GFP argument. */
void *demo_alloc(size_t size)
{
	if (in_atomic())
		return kmalloc(size, GFP_ATOMIC);
	return kmalloc(size, GFP_KERNEL);
}

/* Bad: kmap_atomic() is deprecated; good: kmap_local_page(). */
void demo_copy(struct page *pg, char *dst)
{
	char *src = kmap_atomic(pg);

	dst[0] = src[0];
	kunmap_atomic(src);
}

void demo_copy_fixed(struct page *pg, char *dst)
{
	char *src = kmap_local_page(pg);

	dst[0] = src[0];
	kunmap_local(src);
}

/* Bad: SIMD registers used outside kernel_fpu_begin()/kernel_fpu_end(). */
static void demo_clear_simd(void)
{
	asm volatile("pxor %%xmm0, %%xmm0" ::: "xmm0");
}

static void demo_clear_simd_fixed(void)
{
	kernel_fpu_begin();
	asm volatile("pxor %%xmm0, %%xmm0" ::: "xmm0");
	kernel_fpu_end();
}

void (*demo_clear_ops[])(void) = { demo_clear_simd, demo_clear_simd_fixed };
