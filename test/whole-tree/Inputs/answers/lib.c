#include "ans.h"

DEFINE_MUTEX(ans_mutex);

/* Reads inside its own RCU read-side section, begun and ended here. */
int ans_peek(struct ans *a)
{
	int v;

	rcu_read_lock();
	v = a->val;
	rcu_read_unlock();
	return v;
}

/* Its mutex_unlock() was deleted: it returns holding ans_mutex. */
void ans_settle(struct ans *a)
{
	mutex_lock(&ans_mutex);
	a->val = 0;
}

/* The model knows kthread_park() only as sleeping: its own code is judged
   like any function's (its spin_lock() was deleted). */
int kthread_park(struct ans *a)
{
	a->val = 2;
	spin_unlock(&a->lock);
	return 0;
}

/* Its spin_lock() was deleted: the path past the early return releases a lock nobody holds. */
void ans_clear(struct ans *a, int n)
{
	if (n < 0)
		return;
	a->val = 0;
	spin_unlock(&a->lock);
}

/* Drops the lock its caller holds around its work and takes it back. */
void ans_relax(struct ans *a)
{
	spin_unlock(&a->lock);
	a->val++;
	spin_lock(&a->lock);
}

/* Its rcu_read_lock() was deleted: it ends a section its caller never began. */
int ans_lookup(struct ans *a)
{
	int v = a->val;

	rcu_read_unlock();
	return v;
}

void ans_sleeper(void)
{
	msleep(1);
}

spinlock_t *ans_pick(struct ans *a)
{
	return &a->lock;
}
