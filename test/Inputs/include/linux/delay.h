/* preemptlint test header: busy-wait delays and sleeping delays. */
#ifndef _PLT_LINUX_DELAY_H
#define _PLT_LINUX_DELAY_H

#include <linux/compiler.h>
#include <linux/sched.h>

/* asm-generic/delay.h: busy waits, fine in atomic context */
extern void __bad_udelay(void);
extern void __bad_ndelay(void);

extern void __udelay(unsigned long usecs);
extern void __ndelay(unsigned long nsecs);
extern void __const_udelay(unsigned long xloops);
extern void __delay(unsigned long loops);

#define udelay(n)							\
	({								\
		if (__builtin_constant_p(n)) {				\
			if ((n) / 20000 >= 1)				\
				 __bad_udelay();			\
			else						\
				__const_udelay((n) * 0x10c7ul);		\
		} else {						\
			__udelay(n);					\
		}							\
	})

#define MAX_UDELAY_MS	5

#define mdelay(n) (\
	(__builtin_constant_p(n) && (n)<=MAX_UDELAY_MS) ? udelay((n)*1000) : \
	({unsigned long __ms=(n); while (__ms--) udelay(1000);}))

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

static inline void ndelay(unsigned long x)
{
	udelay(DIV_ROUND_UP(x, 1000));
}
#define ndelay(x) ndelay(x)

/* sleeping delays: must not be used in atomic context */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state);

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif /* _PLT_LINUX_DELAY_H */
