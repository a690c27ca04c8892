// RUN: %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --allow-empty --implicit-check-not='warning:'
//
// preempt-sleep-in-atomic through helpers that drop the caller's lock,
// sleep and take it back (the __down_common() shape): not atomic when they
// sleep.

#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lk);

struct dev {
	spinlock_t lock;
	int x;
};

extern void work(void);

static void drop_global_and_sleep(void)
{
	spin_unlock(&lk);
	msleep(10);
	spin_lock(&lk);
}

// <file>:46:2: warning: call to 'drop_global_and_sleep', which may sleep (msleep), in atomic context [preempt-sleep-in-atomic]
//                <file>:36:2: note: it may sleep here: msleep
//                <file>:46:2: note: atomic since here: 'lk' is held (taken by drop_global_and_sleep())
void good_helper_drops_global_lock_to_sleep(void)
{
	spin_lock(&lk);
	drop_global_and_sleep();
	work();
	spin_unlock(&lk);
}

static void drop_param_and_sleep(spinlock_t *l)
{
	spin_unlock(l);
	msleep(10);
	spin_lock(l);
}

// <file>:64:2: warning: call to 'drop_param_and_sleep', which may sleep (msleep), in atomic context [preempt-sleep-in-atomic]
//                <file>:54:2: note: it may sleep here: msleep
//                <file>:64:2: note: atomic since here: 'd.lock' is held (taken by drop_param_and_sleep())
void good_helper_drops_param_lock_to_sleep(struct dev *d)
{
	spin_lock(&d->lock);
	drop_param_and_sleep(&d->lock);
	d->x++;
	spin_unlock(&d->lock);
}

// With the sparse contract written out the caller is quiet, but the helper
// itself is reported although it released the lock before sleeping:
// <file>:76:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
//                <file>:73:13: note: it runs in atomic context (a callback of an atomic context, or an assertion says so)
static void good_annotated_drop_and_sleep(void) __releases(&lk) __acquires(&lk)
{
	spin_unlock(&lk);
	msleep(10);
	spin_lock(&lk);
}

void good_call_annotated_helper(void)
{
	spin_lock(&lk);
	good_annotated_drop_and_sleep();
	spin_unlock(&lk);
}
