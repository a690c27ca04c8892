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
