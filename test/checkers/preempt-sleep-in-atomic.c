// RUN: not %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-sleep-in-atomic: nothing that may sleep (sleeping delays,
// schedule(), cond_resched(), might_sleep(), sleeping locks, waits, user
// copies, vmalloc(), allocations whose GFP mask allows direct reclaim) may
// run while preemption, interrupts or bottom halves are off, a spinning lock
// is held, or inside an RCU read-side section, a kmap_atomic() mapping or a
// kernel FPU section; nor in a callback that runs in atomic context (timer,
// hardirq handler, tasklet).
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings (and notes, CHECK-NEXT) written under them, in three
// configurations (see preempt-balance.c). The PREEMPT_RT model is tested in
// preempt-sleep-in-atomic-rt.c. Cases the tool gets wrong are in
// docs/checks/preempt-sleep-in-atomic.md.

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <asm/fpu/api.h>

/* linux/completion.h is not among the test headers */
struct completion;
extern void wait_for_completion(struct completion *x);

static DEFINE_SPINLOCK(lk);
static DEFINE_MUTEX(mtx);
static DEFINE_MUTEX(mtx2);
static struct completion *done;
static char __user *ubuf;
static char kbuf[64];
extern int cond(void);
extern void work(void);

/* ---- sleeping primitives in each kind of atomic section --------------- */

void bad_msleep_spin_lock(void)
{
	spin_lock(&lk);
	msleep(10);
// CHECK: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
}

void bad_usleep_range_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	usleep_range(10, 20);
// CHECK: :[[@LINE-1]]:2: warning: usleep_range() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock_irqsave())
	spin_unlock_irqrestore(&lk, flags);
}

void bad_schedule_preempt_disable(void)
{
	preempt_disable();
	schedule();
// CHECK: :[[@LINE-1]]:2: warning: schedule() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: preemption disabled by preempt_disable()
	preempt_enable();
}

void bad_cond_resched_irq_disable(void)
{
	local_irq_disable();
	cond_resched();
// CHECK: :[[@LINE-1]]:2: warning: cond_resched() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: interrupts disabled by local_irq_disable()
	local_irq_enable();
}

void bad_might_sleep_bh_disable(void)
{
	local_bh_disable();
	might_sleep();
// CHECK: :[[@LINE-1]]:2: warning: might_sleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: bottom halves disabled by local_bh_disable()
	local_bh_enable();
}

void bad_mutex_lock_rcu(void)
{
	rcu_read_lock();
	mutex_lock(&mtx);
// CHECK: :[[@LINE-1]]:2: warning: mutex_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: an RCU read-side critical section open by rcu_read_lock()
	mutex_unlock(&mtx);
	rcu_read_unlock();
}

void bad_wait_for_completion_kmap_atomic(struct page *p)
{
	void *v = kmap_atomic(p);
	wait_for_completion(done);
// CHECK: :[[@LINE-1]]:2: warning: wait_for_completion() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:12: note: atomic since here: a kmap_atomic() mapping by kmap_atomic()
	kunmap_atomic(v);
}

void bad_copy_from_user_fpu(void)
{
	kernel_fpu_begin();
	if (copy_from_user(kbuf, ubuf, sizeof(kbuf)))
// CHECK: :[[@LINE-1]]:6: warning: copy_from_user() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: an FPU section open by kernel_fpu_begin()
		work();
	kernel_fpu_end();
}

void *bad_vmalloc_get_cpu(void)
{
	void *p;
	int cpu = get_cpu();

	p = vmalloc(cpu + 100);
// CHECK: :[[@LINE-1]]:6: warning: vmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:12: note: atomic since here: preemption disabled by get_cpu()
	put_cpu();
	return p;
}

/* ---- allocations: the GFP mask decides -------------------------------- */

void *bad_kmalloc_gfp_kernel(void)
{
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, GFP_KERNEL);
// CHECK: :[[@LINE-1]]:6: warning: kmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
	return p;
}

void *good_kmalloc_gfp_atomic(void)
{
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, GFP_ATOMIC);
	spin_unlock(&lk);
	return p;
}

void *good_kzalloc_gfp_nowait(void)
{
	void *p;

	spin_lock(&lk);
	p = kzalloc(64, GFP_NOWAIT);
	spin_unlock(&lk);
	return p;
}

void *good_kmalloc_gfp_kernel_after_unlock(void)
{
	spin_lock(&lk);
	work();
	spin_unlock(&lk);
	return kmalloc(64, GFP_KERNEL);
}

void *bad_gfp_local_variable(void)
{
	gfp_t g = GFP_KERNEL;
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, g);
// CHECK: :[[@LINE-1]]:6: warning: kmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
	return p;
}

void *good_gfp_local_variable_atomic(void)
{
	gfp_t g = GFP_ATOMIC;
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, g);
	spin_unlock(&lk);
	return p;
}

/* the helper sleeps only if its caller's GFP mask allows it */
static void *alloc_helper(gfp_t gfp)
{
	return kmalloc(128, gfp);
}

void *bad_gfp_through_helper_parameter(void)
{
	void *p;

	spin_lock(&lk);
	p = alloc_helper(GFP_KERNEL);
// CHECK: :[[@LINE-1]]:6: warning: call to 'alloc_helper', which may sleep (an allocation that may sleep), in atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-10]]:9: note: it may sleep here: an allocation that may sleep
// CHECK-NEXT: :[[@LINE-4]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
	return p;
}

void *good_gfp_through_helper_parameter(void)
{
	void *p;

	spin_lock(&lk);
	p = alloc_helper(GFP_ATOMIC);
	spin_unlock(&lk);
	return p;
}

void *good_gfp_kernel_helper_unlocked(void)
{
	return alloc_helper(GFP_KERNEL);
}

/* might_sleep_if(gfpflags_allow_blocking(gfp)): sleeps by its caller's mask. */
static void unclone_helper(void *p, gfp_t pri)
{
	might_sleep_if(gfpflags_allow_blocking(pri));
	kfree(p);
}

void good_unclone_atomic(void *p)
{
	spin_lock(&lk);
	unclone_helper(p, GFP_ATOMIC);
	spin_unlock(&lk);
}

void bad_unclone_kernel(void *p)
{
	spin_lock(&lk);
	unclone_helper(p, GFP_KERNEL);
// CHECK: :[[@LINE-1]]:2: warning: call to 'unclone_helper', which may sleep (an allocation that may sleep), in atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-16]]:2: note: it may sleep here: an allocation that may sleep
// CHECK-NEXT: :[[@LINE-4]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
}

/* ---- sleeping through static helpers ----------------------------------- */

static void sleepy_inner(void)
{
	msleep(1);
}

static void sleepy_outer(void)
{
	sleepy_inner();
}

void bad_sleep_through_two_helpers(void)
{
	spin_lock(&lk);
	sleepy_outer();
// CHECK: :[[@LINE-1]]:2: warning: call to 'sleepy_outer', which may sleep (msleep), in atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-13]]:2: note: it may sleep here: msleep
// CHECK-NEXT: :[[@LINE-4]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
}

void bad_sleep_through_one_helper(void)
{
	preempt_disable();
	sleepy_inner();
// CHECK: :[[@LINE-1]]:2: warning: call to 'sleepy_inner', which may sleep (msleep), in atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-23]]:2: note: it may sleep here: msleep
// CHECK-NEXT: :[[@LINE-4]]:2: note: atomic since here: preemption disabled by preempt_disable()
	preempt_enable();
}

void good_sleep_through_helpers_unlocked(void)
{
	sleepy_outer();
}

/* ---- busy waits, and sleeping outside the section ---------------------- */

void good_udelay_mdelay_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	udelay(10);
	mdelay(2);
	spin_unlock_irqrestore(&lk, flags);
}

void good_udelay_spin_lock(void)
{
	spin_lock(&lk);
	udelay(100);
	spin_unlock(&lk);
}

void good_sleep_after_unlock(void)
{
	spin_lock(&lk);
	work();
	spin_unlock(&lk);
	msleep(10);
}

void good_sleep_after_preempt_enable(void)
{
	preempt_disable();
	work();
	preempt_enable();
	schedule();
}

void good_mutex_under_mutex(void)
{
	mutex_lock(&mtx);
	mutex_lock(&mtx2);
	msleep(1);
	mutex_unlock(&mtx2);
	mutex_unlock(&mtx);
}

void good_trylock_failure_then_sleep(void)
{
	if (!spin_trylock(&lk)) {
		msleep(10);
		return;
	}
	work();
	spin_unlock(&lk);
}

/* ---- callbacks that run in atomic context ------------------------------ */

static void bad_timer_callback(struct timer_list *t)
{
	msleep(1);
// CHECK: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:13: note: it runs in atomic context (a callback of an atomic context, or an assertion says so)
}

static irqreturn_t bad_irq_handler(int irq, void *dev)
{
	mutex_lock(&mtx);
// CHECK: :[[@LINE-1]]:2: warning: mutex_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:20: note: it runs in atomic context (a callback of an atomic context, or an assertion says so)
	mutex_unlock(&mtx);
	return IRQ_HANDLED;
}

static void bad_tasklet_callback(struct tasklet_struct *t)
{
	schedule();
// CHECK: :[[@LINE-1]]:2: warning: schedule() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:13: note: it runs in atomic context (a callback of an atomic context, or an assertion says so)
}

static struct timer_list tm;
static struct tasklet_struct tl;

int good_register_callbacks(void)
{
	timer_setup(&tm, bad_timer_callback, 0);
	tasklet_setup(&tl, bad_tasklet_callback);
	return request_irq(1, bad_irq_handler, 0, "dev", NULL);
}

/* A spinlock held on entry by contract: the note names the caller, not a primitive. */
void bad_msleep_under_contract(spinlock_t *l) __must_hold(l)
{
	msleep(1);
// CHECK: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:{{[0-9]+}}: note: atomic since here: 'l' is held (taken by the caller (by contract))
}

/*
 * A helper that asserts the caller's lock (the serial core's
 * __uart_port_using_nbcon() under uart_port_unlock_irqrestore()): the
 * assertion holds until that lock is released, not for the rest of the
 * caller.
 */
struct tport {
	spinlock_t lock;
	int nbcon;
};

static inline int tport_using_nbcon(struct tport *up)
{
	lockdep_assert_held_once(&up->lock);
	return up->nbcon;
}

static inline void tport_nbcon_release(struct tport *up)
{
	if (!tport_using_nbcon(up))
		return;
	up->nbcon = 0;
}

static inline void tport_unlock_irqrestore(struct tport *up, unsigned long flags)
{
	tport_nbcon_release(up);
	spin_unlock_irqrestore(&up->lock, flags);
}

void good_sleep_after_asserting_unlock(struct tport *up)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->nbcon = 1;
	tport_unlock_irqrestore(up, flags);
	msleep(10);
}

void bad_sleep_before_asserting_unlock(struct tport *up)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	tport_nbcon_release(up);
	msleep(10);
// CHECK: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// CHECK-NEXT: :[[@LINE-4]]:2: note: atomic since here: 'up.lock' is held (taken by spin_lock_irqsave())
	tport_unlock_irqrestore(up, flags);
}

/*
 * A contract on a lock reached through a local (usb/core/hub.c:
 * __must_hold(&port_dev->status_lock) with port_dev declared in the body):
 * the lock's type comes from the local; a mutex does not make the function
 * atomic.
 */
struct tport_dev {
	struct mutex status_lock;
};
extern struct tport_dev *tport_dev_of(int port);

int good_must_hold_local_mutex(int port)
	__must_hold(&port_dev->status_lock)
{
	struct tport_dev *port_dev = tport_dev_of(port);

	msleep(20);
	return port_dev != NULL;
}
