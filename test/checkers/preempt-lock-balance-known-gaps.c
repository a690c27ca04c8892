// XFAIL: *
// RUN: not %preemptlint --checks='-*,preempt-lock-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-lock-balance cases the tool gets wrong today. The expectations are
// what is CORRECT; every function is marked FIXME(engine) with what goes
// wrong. The whole file is expected to fail (first line); once the engine
// handles all of them the test passes unexpectedly, and the cases belong in
// preempt-lock-balance.c (then drop that first line).

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

/*
 * FIXME(engine): warning: 'good_returns_locked_or_null' returns with 'd.lock'
 * held on this path but not on others. "Locked object or NULL" is only
 * recognised for a literal `return 0;`; `return NULL;` ((void *)0) has no
 * constant return value.
 */
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

/*
 * FIXME(engine): warning: unlock_global() releases '', which this path does
 * not hold; it holds 'lock_global:mtx@<offset>' (+ note). A wrapper's lock that is
 * not a parameter gets the key "<wrapper>:<key>@<call site>", so the pair
 * never matches, and the released key is printed empty.
 */
void good_global_wrappers(void)
{
	lock_global();
	shared++;
	unlock_global();
}

/*
 * FIXME(engine): warning: mutex_unlock() releases 'mtx', which this path does
 * not hold; it holds 'lock_global:mtx@<offset>' (same key problem).
 */
void good_global_wrapper_mixed(void)
{
	lock_global();
	shared++;
	mutex_unlock(&mtx);
}

/*
 * FIXME(engine): the leak is not reported; instead a wrong-lock warning on
 * the balanced path: unlock_global() releases '', which this path does not
 * hold; it holds 'lock_global:mtx@<offset>'.
 */
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

/* FIXME(engine): no warning (the wrapper's key never equals 'mtx'). */
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

/*
 * FIXME(engine): warning: my_unlock() releases '', which this path already
 * released. The message uses the event's own lock key, which is empty for a
 * call to a wrapper, instead of the key the wrapper's summary resolves to.
 */
void bad_wrapper_double_unlock(struct dev *d)
{
	my_lock(d);
	my_unlock(d);
	my_unlock(d);
// CHECK: :[[@LINE-1]]:2: warning: my_unlock() releases 'd.lock', which this path already released [preempt-lock-balance]
}

/*
 * FIXME(engine): warning: class_spinlock_destructor() releases '', which this
 * path already released (empty key, same cause as above).
 */
void bad_unlock_inside_guard(struct dev *d)
{
	guard(spinlock)(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: {{.*}}() releases 'd.lock', which this path already released [preempt-lock-balance]
	d->val++;
	spin_unlock(&d->lock);
}

/*
 * FIXME(engine): a second, cascading warning: spin_unlock() releases 'd.lock',
 * which this path already released (at the second unlock). After reporting
 * the double acquire the engine drops the second acquisition, so the matching
 * second release looks like a double unlock.
 */
void bad_double_lock_two_unlocks(struct dev *d)
{
	spin_lock(&d->lock);
	spin_lock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: spin_lock() acquires 'd.lock', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by spin_lock() here
	spin_unlock(&d->lock);
	spin_unlock(&d->lock);
}
