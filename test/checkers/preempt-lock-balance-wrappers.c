// RUN: not %check_preempt --checks='-*,preempt-lock-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-lock-balance through wrappers: locks returned locked or NULL,
// global locks taken and released by same-file wrappers, guards, and the
// path after a self-deadlock.

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/cleanup.h>

struct dev {
	spinlock_t lock;
	int val;
};

static DEFINE_MUTEX(mtx);
static int shared;

struct dev *good_returns_locked_or_null(struct dev *d)
{
	if (!d->val)
		return NULL;
	spin_lock(&d->lock);
	return d;
}

/* static wrappers of a global lock (no parameter to carry the key) */
static void lock_global(void)
{
	mutex_lock(&mtx);
}

static void unlock_global(void)
{
	mutex_unlock(&mtx);
}

void good_global_wrappers(void)
{
	lock_global();
	shared++;
	unlock_global();
}

void good_global_wrapper_mixed(void)
{
	lock_global();
	shared++;
	mutex_unlock(&mtx);
}

int bad_global_wrapper_leak(int err)
{
	lock_global();
	if (err)
		return -EIO;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_global_wrapper_leak' returns with 'mtx' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by lock_global() here
	unlock_global();
	return 0;
}

void bad_global_wrapper_double(void)
{
	mutex_lock(&mtx);
	lock_global();
// CHECK: :[[@LINE-1]]:2: warning: lock_global() acquires 'mtx', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by mutex_lock() here
	mutex_unlock(&mtx);
}

static void my_lock(struct dev *d)
{
	spin_lock(&d->lock);
}

static void my_unlock(struct dev *d)
{
	spin_unlock(&d->lock);
}

void bad_wrapper_double_unlock(struct dev *d)
{
	my_lock(d);
	my_unlock(d);
	my_unlock(d);
// CHECK: :[[@LINE-1]]:2: warning: my_unlock() releases 'd.lock', which this path already released [preempt-lock-balance]
}

void bad_unlock_inside_guard(struct dev *d)
{
	guard(spinlock)(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: {{.*}}() releases 'd.lock', which this path already released [preempt-lock-balance]
	d->val++;
	spin_unlock(&d->lock);
}

void bad_double_lock_two_unlocks(struct dev *d)
{
	spin_lock(&d->lock);
	spin_lock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: spin_lock() acquires 'd.lock', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by spin_lock() here
	spin_unlock(&d->lock);
	spin_unlock(&d->lock);
}
