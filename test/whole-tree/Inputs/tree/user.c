#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/timer.h>
#include "tree.h"

void user_ok(struct tdev *d)
{
	tdev_lock(d);
	d->val = 1;
	tdev_unlock(d);
}

void user_update(struct tdev *d)
{
	tdev_update(d, 1);
}

void user_clear(struct tdev *d)
{
	tdev_clear(d);
}

/* Sleeps two calls down, in another file, under a spinlock. */
void user_atomic_sleep(struct tdev *d)
{
	spin_lock(&d->lock);
	tree_reset(d);
	spin_unlock(&d->lock);
}

/* Sleeps through a recursive function, with interrupts off. */
void user_irqs_off(struct tdev *d)
{
	unsigned long flags;

	local_irq_save(flags);
	tdev_walk(d, 3);
	local_irq_restore(flags);
}

/* Pins for part of its work, so it answers for its pinning. */
void user_hit_unpinned(void)
{
	preempt_disable();
	preempt_enable();
	tree_count_hit();
}

void user_hit_pinned(void)
{
	preempt_disable();
	tree_count_hit();
	preempt_enable();
}

/* Registers a callback of another file as a timer (softirq context). */
void user_arm_timer(struct timer_list *t)
{
	timer_setup(t, tree_timer_fn, 0);
}

void user_wait_ready(struct tdev *d)
{
	spin_lock(&d->lock);
	tree_wait_unlocked(d);
	d->val = 1;
	spin_unlock(&d->lock);
}
