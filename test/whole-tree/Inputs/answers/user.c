#include "ans.h"

static DEFINE_SPINLOCK(ans_tick_lock);
static int ans_ticks;

/* Its rcu_read_unlock() was deleted; the section ans_peek() begins and ends ends nothing of its own. */
int ans_read(struct ans *a)
{
	rcu_read_lock();
	return ans_peek(a) + 1;
}

int ans_show(struct ans *a)
{
	return ans_read(a);
}

/* Takes and releases ans_mutex around its own work: that is no release of what ans_settle() leaves held. */
void ans_load(struct ans *a)
{
	mutex_lock(&ans_mutex);
	a->val = 1;
	mutex_unlock(&ans_mutex);
	ans_settle(a);
}

/* A timer callback whose spin_unlock() was deleted: its name says "lock", but a callback is no lock helper. */
static void ans_clock_tick(struct timer_list *t)
{
	spin_lock(&ans_tick_lock);
	ans_ticks++;
}

void ans_arm(struct ans *a)
{
	timer_setup(&a->timer, ans_clock_tick, 0);
}

/* Holds nothing when it calls ans_clear(); only its caller's name says "complete". */
static void ans_reset(struct ans *a, int n)
{
	ans_clear(a, n);
}

void ans_complete_all(struct ans *a)
{
	ans_reset(a, 1);
}

/* Its spin_unlock() was deleted: ans_relax() drops the lock and takes it back, which ends nothing. */
void ans_work(struct ans *a)
{
	spin_lock(&a->lock);
	ans_relax(a);
}

/* Holds nothing when it calls ans_lookup(); its caller's section is its caller's. */
static int ans_lookup_via(struct ans *a)
{
	return ans_lookup(a);
}

int ans_find(struct ans *a)
{
	int v;

	rcu_read_lock();
	v = ans_lookup_via(a);
	rcu_read_unlock();
	return v;
}

/* Sleeps while holding the lock ans_lock_of() took and returned. */
void ans_nap(struct ans *a)
{
	spinlock_t *l = ans_lock_of(a);

	ans_sleeper();
	spin_unlock(l);
}
