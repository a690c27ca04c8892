// RUN: not %check_preempt --checks='-*,preempt-lock-owner' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-lock-owner' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-lock-owner' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-lock-owner: a lock must be released by the task that took it. A
// function registered in this file as a callback (INIT_WORK, DECLARE_WORK,
// timer_setup, kthread_run, tasklet_setup, request_irq, call_rcu, ...) runs
// as its own task or context; if it releases a lock it does not hold (same
// struct field or global variable) that another function of the file
// acquires, that is a hand-off of lock ownership. A __releases() contract on
// the callback, or a helper called directly by the acquirer, is fine.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings written under the release. Every line is checked in the full,
// debug (lockdep) and nopreempt configurations.
//
// Known limits are listed in docs/checks/preempt-lock-owner.md.

#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/rcupdate.h>

/* not in the test workqueue.h; the model knows the macro by name */
#define DECLARE_WORK(n, f) struct work_struct n = { .func = (f) }

struct dev {
	spinlock_t lock;
	spinlock_t irqlock;
	struct mutex mtx;
	struct mutex other;
	struct work_struct work;
	struct timer_list timer;
	struct tasklet_struct tasklet;
	struct rcu_head rcu;
	int val;
};

static DEFINE_MUTEX(gmtx);
static DEFINE_SPINLOCK(glock);
static int shared;
extern int cond(void);

/* work item releases a mutex taken by the submitter */
static void bad_work_fn(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, work);

	d->val++;
	mutex_unlock(&d->mtx);
// CHECK: :[[@LINE-1]]:2: warning: 'd.mtx' is released in 'bad_work_fn', which runs as its own task or context, but acquired in 'bad_submit_work'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+6]]:2: note: acquired here, in 'bad_submit_work'
// CHECK-NEXT: :[[@LINE+6]]:2: note: 'bad_work_fn' is handed off here by INIT_WORK()
}

void bad_submit_work(struct dev *d)
{
	mutex_lock(&d->mtx);
	INIT_WORK(&d->work, bad_work_fn);
}

/* timer */
static void bad_timer_fn(struct timer_list *t)
{
	struct dev *d = from_timer(d, t, timer);

	spin_unlock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: 'd.lock' is released in 'bad_timer_fn', which runs as its own task or context, but acquired in 'bad_arm_timer'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+6]]:2: note: acquired here, in 'bad_arm_timer'
// CHECK-NEXT: :[[@LINE+6]]:2: note: 'bad_timer_fn' is handed off here by timer_setup()
}

void bad_arm_timer(struct dev *d)
{
	spin_lock(&d->lock);
	timer_setup(&d->timer, bad_timer_fn, 0);
}

/* kthread, global mutex */
static int bad_thread_fn(void *data)
{
	shared++;
	mutex_unlock(&gmtx);
// CHECK: :[[@LINE-1]]:2: warning: 'gmtx' is released in 'bad_thread_fn', which runs as its own task or context, but acquired in 'bad_start_thread'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+7]]:2: note: acquired here, in 'bad_start_thread'
// CHECK-NEXT: :[[@LINE+7]]:2: note: 'bad_thread_fn' is handed off here by kthread_run()
	return 0;
}

void bad_start_thread(void)
{
	mutex_lock(&gmtx);
	kthread_run(bad_thread_fn, NULL, "t");
}

/* tasklet */
static void bad_tasklet_fn(struct tasklet_struct *t)
{
	spin_unlock(&glock);
// CHECK: :[[@LINE-1]]:2: warning: 'glock' is released in 'bad_tasklet_fn', which runs as its own task or context, but acquired in 'bad_setup_tasklet'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+6]]:2: note: acquired here, in 'bad_setup_tasklet'
// CHECK-NEXT: :[[@LINE+6]]:2: note: 'bad_tasklet_fn' is handed off here by tasklet_setup()
}

void bad_setup_tasklet(struct dev *d)
{
	spin_lock(&glock);
	tasklet_setup(&d->tasklet, bad_tasklet_fn);
}

/* irq */
static irqreturn_t bad_irq_fn(int irq, void *data)
{
	struct dev *d = data;

	spin_unlock(&d->irqlock);
// CHECK: :[[@LINE-1]]:2: warning: 'data.irqlock' is released in 'bad_irq_fn', which runs as its own task or context, but acquired in 'bad_req_irq'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+7]]:2: note: acquired here, in 'bad_req_irq'
// CHECK-NEXT: :[[@LINE+7]]:9: note: 'bad_irq_fn' is handed off here by request_irq()
	return IRQ_HANDLED;
}

int bad_req_irq(struct dev *d)
{
	spin_lock(&d->irqlock);
	return request_irq(1, bad_irq_fn, 0, "x", d);
}

/* rcu */
static void bad_rcu_fn(struct rcu_head *h)
{
	struct dev *d = container_of(h, struct dev, rcu);

	mutex_unlock(&d->other);
// CHECK: :[[@LINE-1]]:2: warning: 'd.other' is released in 'bad_rcu_fn', which runs as its own task or context, but acquired in 'bad_free_rcu'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+6]]:2: note: acquired here, in 'bad_free_rcu'
// CHECK-NEXT: :[[@LINE+6]]:2: note: 'bad_rcu_fn' is handed off here by call_rcu()
}

void bad_free_rcu(struct dev *d)
{
	mutex_lock(&d->other);
	call_rcu(&d->rcu, bad_rcu_fn);
}

/* DECLARE_WORK */
static void bad_static_work_fn(struct work_struct *w);
static DECLARE_WORK(static_work, bad_static_work_fn);
static DEFINE_MUTEX(swmtx);

static void bad_static_work_fn(struct work_struct *w)
{
	mutex_unlock(&swmtx);
// CHECK: :[[@LINE-1]]:2: warning: 'swmtx' is released in 'bad_static_work_fn', which runs as its own task or context, but acquired in 'bad_take_swmtx'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+6]]:2: note: acquired here, in 'bad_take_swmtx'
// CHECK-NEXT: :[[@LINE-8]]:8: note: 'bad_static_work_fn' is handed off here by DECLARE_WORK()
}

void bad_take_swmtx(void)
{
	mutex_lock(&swmtx);
}

/* ---- clean ---- */

/* balanced in the callback */
static DEFINE_MUTEX(cbmtx);
static void good_work_balanced(struct work_struct *w)
{
	mutex_lock(&cbmtx);
	shared++;
	mutex_unlock(&cbmtx);
}

void good_submit_balanced(struct dev *d)
{
	mutex_lock(&cbmtx);
	shared++;
	mutex_unlock(&cbmtx);
	INIT_WORK(&d->work, good_work_balanced);
}

/* annotated callback */
static DEFINE_MUTEX(annmtx);
static void good_work_annotated(struct work_struct *w) __releases(&annmtx)
{
	mutex_unlock(&annmtx);
}

void good_submit_annotated(struct dev *d)
{
	mutex_lock(&annmtx);
	INIT_WORK(&d->work, good_work_annotated);
}

/* helper called directly by the acquirer: same task */
static DEFINE_MUTEX(hmtx);
static void good_helper_unlock(void)
{
	shared++;
	mutex_unlock(&hmtx);
}

void good_caller_of_helper(void)
{
	mutex_lock(&hmtx);
	good_helper_unlock();
}

/* not registered in this file (called from elsewhere, for all we know) */
static DEFINE_MUTEX(umtx);
void good_unregistered_unlock(struct work_struct *w)
{
	mutex_unlock(&umtx);
}

void good_take_umtx(void)
{
	mutex_lock(&umtx);
}

/* callback releases a lock nobody in the file acquires */
static DEFINE_MUTEX(nmtx);
static void good_work_no_acquirer(struct work_struct *w)
{
	mutex_unlock(&nmtx);
}

void good_register_no_acquirer(struct dev *d)
{
	INIT_WORK(&d->work, good_work_no_acquirer);
}

/* callback that takes the lock itself, on some path, through a trylock
 * helper of the file (drivers/base/core.c: online_store() and
 * lock_device_hotplug_sysfs()), while another function takes it too */
static DEFINE_MUTEX(hpmtx);
static int good_hp_trylock(void)
{
	if (mutex_trylock(&hpmtx))
		return 0;
	return -EAGAIN;
}

void good_hp_lock(void)
{
	mutex_lock(&hpmtx);
}

static void good_work_trylock_helper(struct work_struct *w)
{
	if (good_hp_trylock())
		return;
	mutex_unlock(&hpmtx);
}

void good_register_trylock_helper(struct dev *d)
{
	INIT_WORK(&d->work, good_work_trylock_helper);
}

/* ... but a helper that takes and releases the lock itself takes nothing
 * for its caller: the hand-off before it is still reported */
struct hdev {
	struct mutex m;
	struct work_struct work;
	int n;
};
static void bad_stats_locked(struct hdev *h)
{
	mutex_lock(&h->m);
	h->n++;
	mutex_unlock(&h->m);
}

static void bad_work_then_helper(struct work_struct *w)
{
	struct hdev *h = container_of(w, struct hdev, work);

	mutex_unlock(&h->m);
// CHECK: :[[@LINE-1]]:2: warning: 'h.m' is released in 'bad_work_then_helper', which runs as its own task or context, but acquired in 'bad_submit_then_helper'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+7]]:2: note: acquired here, in 'bad_submit_then_helper'
// CHECK-NEXT: :[[@LINE+7]]:2: note: 'bad_work_then_helper' is handed off here by INIT_WORK()
	bad_stats_locked(h);
}

void bad_submit_then_helper(struct hdev *h)
{
	mutex_lock(&h->m);
	INIT_WORK(&h->work, bad_work_then_helper);
}
