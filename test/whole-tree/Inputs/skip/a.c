#include "helpers.h"

void sdev_update(struct sdev *d)
{
	spin_lock(&d->lock);
	sdev_bump(d);
	spin_unlock(&d->lock);
	sdev_settle();
}
