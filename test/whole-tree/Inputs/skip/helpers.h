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

/* A static function of the header that is not inline: not looked into, but
   a function of its includer all the same (a parse that skips its body must
   see the same facts). */
static void sdev_account(struct sdev *d)
{
	d->count += 2;
}

static inline void sdev_bump(struct sdev *d)
{
	d->count++;
	sdev_account(d);
}

static inline void sdev_hit(void)
{
	__this_cpu_inc(sdev_hits);
}
