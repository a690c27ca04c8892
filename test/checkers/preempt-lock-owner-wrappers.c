// RUN: not %check_preempt --checks='-*,preempt-lock-owner' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-lock-owner: a release through a same-file unlock wrapper, and the
// acquirer named when several functions take the same lock.

#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct dev {
	spinlock_t lock;
	struct mutex wmtx;
	struct work_struct work;
	int val;
};

static void put_dev_unlock(struct dev *d)
{
	mutex_unlock(&d->wmtx);
}

/* The release happens in a same-file static unlock wrapper: its summary
   carries the release to the work function. */
static void bad_work_via_wrapper(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, work);

	put_dev_unlock(d);
// CHECK: :[[@LINE-1]]:2: warning: 'd.wmtx' is released in 'bad_work_via_wrapper', which runs as its own task or context, but acquired in 'bad_submit_wrapper'; a lock must be released by the task that took it [preempt-lock-owner]
}

void bad_submit_wrapper(struct dev *d)
{
	mutex_lock(&d->wmtx);
	INIT_WORK(&d->work, bad_work_via_wrapper);
}

/* takes and drops the lock itself: not the lock the handler releases */
void balanced_user(struct dev *d)
{
	spin_lock(&d->lock);
	d->val++;
	spin_unlock(&d->lock);
}

/* The acquirer named is the function that hands the handler off
   (bad_req_irq), not balanced_user, which takes and drops the lock itself. */
static irqreturn_t bad_irq_fn(int irq, void *data)
{
	struct dev *d = data;

	spin_unlock(&d->lock);
// CHECK: :[[@LINE-1]]:2: warning: 'data.lock' is released in 'bad_irq_fn', which runs as its own task or context, but acquired in 'bad_req_irq'; a lock must be released by the task that took it [preempt-lock-owner]
// CHECK-NEXT: :[[@LINE+7]]:2: note: acquired here, in 'bad_req_irq'
// CHECK-NEXT: :[[@LINE+7]]:9: note: 'bad_irq_fn' is handed off here by request_irq()
	return IRQ_HANDLED;
}

int bad_req_irq(struct dev *d)
{
	spin_lock(&d->lock);
	return request_irq(1, bad_irq_fn, 0, "x", d);
}
