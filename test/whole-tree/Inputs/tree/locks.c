#include "tree.h"

/* Lock wrappers whose callers in the tree release / hold the lock. */
void tdev_lock(struct tdev *d)
{
	spin_lock(&d->lock);
}

void tdev_unlock(struct tdev *d)
{
	spin_unlock(&d->lock);
}

/* Its spin_unlock() was deleted: its caller does not release the lock. */
int tdev_update(struct tdev *d, int v)
{
	spin_lock(&d->lock);
	d->val = v;
	return 0;
}

/* Its spin_lock() was deleted: its caller does not hold the lock. */
void tdev_clear(struct tdev *d)
{
	d->val = 0;
	spin_unlock(&d->lock);
}

/* No caller in the tree; the name says it takes the lock for its caller. */
void tdev_grab(struct tdev *d)
{
	spin_lock(&d->lock);
}

/* No caller in the tree, and nothing says it keeps the lock. */
int tdev_poke(struct tdev *d)
{
	spin_lock(&d->lock);
	d->val++;
	return 0;
}

/*
 * An API pair for callers outside the tree (like probe_irq_on() and
 * probe_irq_off()): neither has a caller here, one takes what the other drops.
 */
void tdev_arm(struct tdev *d)
{
	spin_lock(&d->arm_lock);
}

void tdev_fire(struct tdev *d)
{
	d->val++;
	spin_unlock(&d->arm_lock);
}
