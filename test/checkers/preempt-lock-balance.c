// RUN: not %check_preempt --checks='-*,preempt-lock-balance' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-lock-balance' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-lock-balance' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-lock-balance: a function must leave every lock it takes in the same
// state on every path out of it (unless the return value tells the caller
// which: trylock-style contracts, "locked object or NULL"), must not take a
// lock this path already holds (read locks may nest), must not release a lock
// twice, and must not release a different lock of the class it holds.
// Consistent effects (lock/unlock wrappers) are contracts, and same-file
// static wrappers are applied at their call sites; __acquires/__releases/
// __must_hold make a function exempt.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings written under them, in the full, debug (lockdep: the _nested mutex
// entry points) and nopreempt configurations.
//
// Known limits are listed in docs/checks/preempt-lock-balance.md.

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/cleanup.h>

struct rw_semaphore { long count; };
extern void down_read(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);

struct dev {
	spinlock_t lock;
	spinlock_t lock2;
	struct mutex mtx;
	rwlock_t rw;
	struct rw_semaphore sem;
	int val;
	struct dev *peer;
};

static DEFINE_SPINLOCK(lk);
static DEFINE_SPINLOCK(lk2);
static DEFINE_MUTEX(mtx);
static struct rw_semaphore gsem;
static int shared;
extern int cond(void);
extern void work(void);

/* ---- leaks on one path ---- */
void good_balanced(struct dev *d)
{
	spin_lock(&d->lock);
	d->val++;
	spin_unlock(&d->lock);
}

int good_early_return_unlocks(struct dev *d, int x)
{
	spin_lock(&d->lock);
	if (x) {
		spin_unlock(&d->lock);
		return -EINVAL;
	}
	d->val = x;
	spin_unlock(&d->lock);
	return 0;
}

int bad_error_path_leak(struct dev *d, int x)
{
	spin_lock(&d->lock);
	if (x)
		return -EINVAL;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_error_path_leak' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by spin_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:2: note: another path returns here without it
	d->val = x;
	spin_unlock(&d->lock);
	return 0;
}

void bad_void_leak(int x)
{
	mutex_lock(&mtx);
	if (x)
		return;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_void_leak' returns with 'mtx' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by mutex_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:1: note: another path returns here without it
	shared++;
	mutex_unlock(&mtx);
}

int good_trylock_contract(struct dev *d)
{
	if (cond()) {
		spin_lock(&d->lock);
		return 1;
	}
	return 0;
}

/* ---- double acquire ---- */
void bad_double_lock(struct dev *d)
{
	spin_lock(&d->lock);
	spin_lock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: spin_lock() acquires 'd.lock', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by spin_lock() here
	spin_unlock(&d->lock);
}

void bad_double_mutex(void)
{
	mutex_lock(&mtx);
	if (cond())
		mutex_lock(&mtx);
// CHECK: :[[@LINE-1]]:3: warning: mutex_lock() acquires 'mtx', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: first acquired by mutex_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
	mutex_unlock(&mtx);
}

void good_read_lock_nests(struct dev *d)
{
	read_lock(&d->rw);
	read_lock(&d->rw);
	read_unlock(&d->rw);
	read_unlock(&d->rw);
}

void good_down_read_nests(void)
{
	down_read(&gsem);
	down_read(&gsem);
	up_read(&gsem);
	up_read(&gsem);
}

void bad_write_lock_twice(struct dev *d)
{
	write_lock(&d->rw);
	write_lock(&d->rw);
// CHECK: :[[@LINE-1]]:2: warning: write_lock() acquires 'd.rw', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by write_lock() here
	write_unlock(&d->rw);
}

void bad_down_write_under_read(void)
{
	down_read(&gsem);
	down_write(&gsem);
// CHECK: :[[@LINE-1]]:2: warning: down_write() acquires 'gsem', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by down_read() here
	up_write(&gsem);
}

/* ---- double unlock ---- */
void bad_double_unlock(struct dev *d)
{
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	spin_unlock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: spin_unlock() releases 'd.lock', which this path already released [preempt-lock-balance]
}

/* Dropped, taken back and released again: balanced for the caller. */
void good_drop_retake_callers_lock(struct dev *d)
{
	spin_unlock(&d->lock);
	shared++;
	spin_lock(&d->lock);
	shared++;
	spin_unlock(&d->lock);
}

/* The caller's global lock may be dropped for it, but not twice without taking it back. */
void bad_double_unlock_callers_global(void)
{
	mutex_unlock(&mtx);
	shared++;
	mutex_unlock(&mtx);
// CHECK: :[[@LINE-1]]:2: warning: mutex_unlock() releases 'mtx', which this path already released [preempt-lock-balance]
}

void bad_double_unlock_on_branch(int x)
{
	mutex_lock(&mtx);
	if (x)
		mutex_unlock(&mtx);
	shared++;
	mutex_unlock(&mtx);
// CHECK: :[[@LINE-1]]:2: warning: mutex_unlock() releases 'mtx', which this path already released [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-5]]:6: note: assuming this condition is true
}

/* ---- wrong lock ---- */
void bad_wrong_lock(struct dev *d)
{
	spin_lock(&d->lock);
	d->val++;
	spin_unlock(&d->lock2);
// CHECK: :[[@LINE-1]]:2: warning: spin_unlock() releases 'd.lock2', which this path does not hold; it holds 'd.lock' [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: 'd.lock' acquired by spin_lock() here
}

void bad_wrong_global(void)
{
	spin_lock(&lk);
	shared++;
	spin_unlock(&lk2);
// CHECK: :[[@LINE-1]]:2: warning: spin_unlock() releases 'lk2', which this path does not hold; it holds 'lk' [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: 'lk' acquired by spin_lock() here
}

void good_two_objects(struct dev *a, struct dev *b)
{
	spin_lock(&a->lock);
	spin_lock_nested(&b->lock, 1);
	a->val = b->val;
	spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* ---- canonical keys ---- */
void good_pointer_copy(struct dev *d)
{
	struct dev *p = d;

	spin_lock(&d->lock);
	p->val++;
	spin_unlock(&p->lock);
}

void bad_pointer_copy_double(struct dev *d)
{
	struct dev *p = d;

	spin_lock(&d->lock);
	spin_lock(&p->lock);
// CHECK: :[[@LINE-1]]:2: warning: spin_lock() acquires 'd.lock', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by spin_lock() here
	spin_unlock(&d->lock);
}

/* ---- wrappers ---- */
static void my_lock(struct dev *d)
{
	spin_lock(&d->lock);
}

static void my_unlock(struct dev *d)
{
	spin_unlock(&d->lock);
}

void good_wrapper_pair(struct dev *d)
{
	my_lock(d);
	d->val++;
	my_unlock(d);
}

int bad_wrapper_leak(struct dev *d, int err)
{
	my_lock(d);
	if (err)
		return -EIO;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_wrapper_leak' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by my_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here without it
	my_unlock(d);
	return 0;
}

void bad_wrapper_double(struct dev *d)
{
	my_lock(d);
	my_lock(d);
// CHECK: :[[@LINE-1]]:2: warning: my_lock() acquires 'd.lock', which this path already holds; the task deadlocks on itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-3]]:2: note: first acquired by my_lock() here
	my_unlock(d);
}

void good_lock_global_wrapper(void)
{
	mutex_lock(&mtx);
}

void good_unlock_global_wrapper(void)
{
	mutex_unlock(&mtx);
}

void good_annotated_acquire(struct dev *d, int x) __acquires(&d->lock)
{
	if (x)
		spin_lock(&d->lock);
}

void good_annotated_release(struct dev *d, int x) __releases(&d->lock)
{
	if (x)
		spin_unlock(&d->lock);
}

void good_must_hold(struct dev *d) __must_hold(&d->lock)
{
	spin_unlock(&d->lock);
	work();
	spin_lock(&d->lock);
}

/* ---- trylock, interruptible ---- */
void good_trylock_bail(void)
{
	if (!spin_trylock(&lk))
		return;
	shared++;
	spin_unlock(&lk);
}

void good_trylock_if(struct dev *d)
{
	if (spin_trylock(&d->lock)) {
		d->val++;
		spin_unlock(&d->lock);
	}
}

void bad_trylock_leak(struct dev *d)
{
	if (spin_trylock(&d->lock)) {
		d->val++;
		if (d->val > 3)
			return;
// CHECK: :[[@LINE-1]]:4: warning: 'bad_trylock_leak' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-5]]:6: note: acquired by spin_trylock() here
// CHECK-NEXT: :[[@LINE-6]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:7: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+3]]:1: note: another path returns here without it
		spin_unlock(&d->lock);
	}
}

int good_interruptible(struct dev *d)
{
	if (mutex_lock_interruptible(&d->mtx))
		return -EINTR;
	d->val++;
	mutex_unlock(&d->mtx);
	return 0;
}

int good_interruptible_goto(struct dev *d)
{
	int ret;

	ret = mutex_lock_interruptible(&d->mtx);
	if (ret)
		goto out;
	d->val++;
	mutex_unlock(&d->mtx);
out:
	return ret;
}

/* With lockdep the trail leaves out the first condition: plain CHECK there. */
int bad_interruptible_leak(struct dev *d)
{
	if (mutex_lock_interruptible(&d->mtx))
		return -EINTR;
	if (d->val)
		return -EBUSY;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_interruptible_leak' returns with 'd.mtx' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-5]]:6: note: acquired by mutex_lock_interruptible() here
// CHECK: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here without it
	mutex_unlock(&d->mtx);
	return 0;
}

/* 0 or an error code: 'ret < 0' is the failure, its other side holds the lock. */
int bad_interruptible_negative_leak(struct dev *d)
{
	int ret = mutex_lock_interruptible(&d->mtx);

	if (ret < 0)
		return ret;
	if (d->val)
		return -EBUSY;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_interruptible_negative_leak' returns with 'd.mtx' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-7]]:12: note: acquired by mutex_lock_interruptible() here
// CHECK: :[[@LINE+2]]:2: note: another path returns here without it
	mutex_unlock(&d->mtx);
	return 0;
}

/* ---- guards ---- */
int good_guard_early_return(struct dev *d)
{
	guard(spinlock)(&d->lock);
	if (d->val)
		return -EBUSY;
	d->val = 1;
	return 0;
}

int good_scoped_guard(struct dev *d)
{
	scoped_guard(spinlock, &d->lock) {
		if (d->val)
			return -EBUSY;
		d->val = 1;
	}
	return 0;
}

void good_mutex_guard(void)
{
	guard(mutex)(&mtx);
	shared++;
}

/* ---- goto ladders ---- */
int good_goto_ladder(struct dev *d)
{
	int ret = 0;

	spin_lock(&d->lock);
	if (d->val) {
		ret = -EBUSY;
		goto err_unlock;
	}
	mutex_lock(&mtx);
	if (cond()) {
		ret = -EIO;
		goto err_unlock_mutex;
	}
	d->val = 1;
err_unlock_mutex:
	mutex_unlock(&mtx);
err_unlock:
	spin_unlock(&d->lock);
	return ret;
}

int bad_goto_skips_unlock(struct dev *d)
{
	int ret = 0;

	mutex_lock(&d->mtx);
	if (d->val) {
		ret = -EBUSY;
		goto out;
	}
	d->val = 1;
	mutex_unlock(&d->mtx);
out:
	return ret;
// CHECK: :[[@LINE-1]]:2: warning: 'bad_goto_skips_unlock' returns with 'd.mtx' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-10]]:2: note: acquired by mutex_lock() here
// CHECK-NEXT: :[[@LINE-10]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-4]]:2: note: another path returns here without it
}

/* ---- loops ---- */
void good_loop_lock(struct dev *d, int n)
{
	for (int i = 0; i < n; i++) {
		spin_lock(&d->lock);
		if (d->val)  {
			spin_unlock(&d->lock);
			continue;
		}
		if (cond()) {
			spin_unlock(&d->lock);
			break;
		}
		d->val++;
		spin_unlock(&d->lock);
	}
}

void bad_loop_break_leak(struct dev *d, int n)
{
	for (int i = 0; i < n; i++) {
		spin_lock(&d->lock);
		if (cond())
			break;
		spin_unlock(&d->lock);
	}
}
// CHECK: :[[@LINE-1]]:1: warning: 'bad_loop_break_leak' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-7]]:3: note: acquired by spin_lock() here
// CHECK-NEXT: :[[@LINE-9]]:18: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-8]]:7: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE-5]]:1: note: another path returns here without it

/* ---- conditional locking ---- */
void good_conditional_flag(struct dev *d, bool locked)
{
	if (!locked)
		spin_lock(&d->lock);
	d->val++;
	if (!locked)
		spin_unlock(&d->lock);
}

/* ---- irqsave ---- */
void good_irqsave(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	d->val++;
	spin_unlock_irqrestore(&d->lock, flags);
}

int bad_irqsave_leak(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	if (d->val)
		return -EBUSY;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_irqsave_leak' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by spin_lock_irqsave() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here without it
	spin_unlock_irqrestore(&d->lock, flags);
	return 0;
}

/* ---- return-value contracts ---- */

int good_lock_on_success(struct dev *d)
{
	if (!d->val)
		return -EINVAL;
	spin_lock(&d->lock);
	return 0;
}

struct dev *good_locked_or_zero(struct dev *d)
{
	if (!d->val)
		return 0;
	spin_lock(&d->lock);
	return d;
}

int bad_leak_returns_zero_vs_zero(struct dev *d)
{
	spin_lock(&d->lock);
	if (d->val)
		return 0;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_leak_returns_zero_vs_zero' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by spin_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here without it
	spin_unlock(&d->lock);
	return 0;
}

int bad_leak_nonconst(struct dev *d, int x)
{
	spin_lock(&d->lock);
	if (d->val)
		return x;
// CHECK: :[[@LINE-1]]:3: warning: 'bad_leak_nonconst' returns with 'd.lock' held on this path but not on others [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-4]]:2: note: acquired by spin_lock() here
// CHECK-NEXT: :[[@LINE-4]]:6: note: assuming this condition is true
// CHECK-NEXT: :[[@LINE+2]]:2: note: another path returns here without it
	spin_unlock(&d->lock);
	return 0;
}

/* ---- more guards, relocking ---- */

void good_scoped_guard_mutex(void)
{
	scoped_guard(mutex, &mtx) {
		if (cond())
			return;
		shared++;
	}
}

void good_guard_irqsave(struct dev *d)
{
	guard(spinlock_irqsave)(&d->lock);
	if (cond())
		return;
	d->val++;
}

void good_unlock_relock(struct dev *d)
{
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
}

/* The acquisition is missing on one path: another path takes the lock itself. */
int bad_release_without_acquire(struct dev *d, int x)
{
	if (x) {
		spin_lock(&d->lock);
		d->val = x;
		spin_unlock(&d->lock);
		return 0;
	}
	d->val = 0;
	spin_unlock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: 'bad_release_without_acquire' releases 'd.lock' on this path without having taken it; another path takes and releases it itself [preempt-lock-balance]
// CHECK-NEXT: :[[@LINE-9]]:6: note: assuming this condition is false
// CHECK-NEXT: :[[@LINE-6]]:3: note: another path returns here, having taken and released it
	return -EINVAL;
}

/* Drops its caller's lock around the work on every path: a release wrapper pair, not a finding. */
void good_drop_retake_every_path(struct dev *d)
{
	spin_unlock(&d->lock);
	work();
	spin_lock(&d->lock);
}

/* Releases the caller's lock on the error path only, after retaking it on the other: still the caller's lock. */
int good_drop_on_error(struct dev *d, int err)
{
	spin_unlock(&d->lock);
	work();
	if (err)
		return err;
	spin_lock(&d->lock);
	return 0;
}

/*
 * A helper that drops and re-takes its caller's global lock around a wait,
 * with the contract saying so (drivers/pci/access.c pci_wait_cfg()): its
 * callers still hold the lock once, not twice.
 */
static DEFINE_RAW_SPINLOCK(tcfg_lock);
static int tcfg_blocked;

static void tcfg_wait(void)
	__must_hold(&tcfg_lock)
{
	do {
		raw_spin_unlock_irq(&tcfg_lock);
		msleep(1);
		raw_spin_lock_irq(&tcfg_lock);
	} while (tcfg_blocked);
}

int good_read_config_waiting(void)
{
	int v;

	raw_spin_lock_irq(&tcfg_lock);
	if (tcfg_blocked)
		tcfg_wait();
	v = tcfg_blocked + 1;
	raw_spin_unlock_irq(&tcfg_lock);
	return v;
}
