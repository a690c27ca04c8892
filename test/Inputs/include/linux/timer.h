/* preemptlint test header: timer wheel timers (callbacks run in softirq). */
#ifndef _PLT_LINUX_TIMER_H
#define _PLT_LINUX_TIMER_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/lockdep.h>

extern volatile unsigned long jiffies;

struct timer_list {
	struct hlist_node	entry;
	unsigned long		expires;
	void			(*function)(struct timer_list *);
	u32			flags;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map	lockdep_map;
#endif
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00200000
#define TIMER_IRQSAFE		0x00400000

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);

#ifdef CONFIG_LOCKDEP
#define __init_timer(_timer, _fn, _flags)				\
	do {								\
		static struct lock_class_key __key;			\
		init_timer_key((_timer), (_fn), (_flags), #_timer, &__key);\
	} while (0)
#else
#define __init_timer(_timer, _fn, _flags)				\
	init_timer_key((_timer), (_fn), (_flags), NULL, NULL)
#endif

/* set up a timer whose callback is 'callback' (runs in softirq context) */
#define timer_setup(timer, callback, flags)			\
	__init_timer((timer), (callback), (flags))

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

extern void add_timer(struct timer_list *timer);
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int timer_delete(struct timer_list *timer);
extern int timer_delete_sync(struct timer_list *timer);

static inline int del_timer(struct timer_list *timer)
{
	return timer_delete(timer);
}

static inline int del_timer_sync(struct timer_list *timer)
{
	return timer_delete_sync(timer);
}

#endif /* _PLT_LINUX_TIMER_H */
