#include <linux/delay.h>
#include <linux/timer.h>
#include "tree.h"

/* Sleeps itself. */
void tree_wait_ready(struct tdev *d)
{
	msleep(1);
	d->ready = 1;
}

/* Sleeps through a helper of the same tree. */
void tree_reset(struct tdev *d)
{
	d->val = 0;
	tree_wait_ready(d);
}

/* Recursion: sleeps through itself and the helper. */
void tdev_walk(struct tdev *d, int n)
{
	if (n)
		tdev_walk(d, n - 1);
	tree_wait_ready(d);
}

/* A timer callback: runs in softirq context (registered in user.c). */
void tree_timer_fn(struct timer_list *t)
{
	msleep(10);
}

/*
 * Called with d->lock held: drops it around the sleep and takes it back
 * (rpm_resume() around schedule()). Its callers' section is not where it
 * sleeps.
 */
void tree_wait_unlocked(struct tdev *d)
{
	while (!d->ready) {
		spin_unlock(&d->lock);
		msleep(1);
		spin_lock(&d->lock);
	}
}
