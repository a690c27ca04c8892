/* Inline helpers in a header: their bodies decide what their callers do. */
#include <linux/delay.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>

struct sdev {
	spinlock_t lock;
	int count;
};

DECLARE_PER_CPU(int, sdev_hits);

static inline void sdev_settle(void)
{
	msleep(10);
}

static inline void sdev_bump(struct sdev *d)
{
	d->count++;
}

static inline void sdev_hit(void)
{
	__this_cpu_inc(sdev_hits);
}
