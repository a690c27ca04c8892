/* Who answers for what a function leaves held or ends without taking: not a
   callee's own balanced pair, not a caller's own pair in another file, not
   the name of a callback, nor the name of a caller's caller. */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/timer.h>

struct ans {
	spinlock_t lock;
	int val;
	struct timer_list timer;
};

extern struct mutex ans_mutex;

spinlock_t *ans_pick(struct ans *a);

/* Takes a lock it gets from another file and returns it: the caller holds
   a lock it has no name for. */
static inline spinlock_t *ans_lock_of(struct ans *a)
{
	spinlock_t *l = ans_pick(a);

	spin_lock(l);
	return l;
}

int ans_peek(struct ans *a);
void ans_settle(struct ans *a);
void ans_clear(struct ans *a, int n);
void ans_relax(struct ans *a);
int ans_lookup(struct ans *a);
void ans_sleeper(void);
