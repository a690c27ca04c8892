/* preemptlint test header: convenience umbrella (pulls in most headers). */
#ifndef _PLT_LINUX_KERNEL_H
#define _PLT_LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>
#include <linux/typecheck.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/cleanup.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/highmem.h>
#include <linux/local_lock.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <asm/fpu/api.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

#define min(x, y)	((x) < (y) ? (x) : (y))
#define max(x, y)	((x) > (y) ? (x) : (y))

__printf(1, 2) int printk(const char *fmt, ...);
#define KERN_ERR	"\0013"
#define KERN_WARNING	"\0014"
#define KERN_INFO	"\0016"
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)

#endif /* _PLT_LINUX_KERNEL_H */
