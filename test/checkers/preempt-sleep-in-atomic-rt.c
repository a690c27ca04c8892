// RUN: not %check_preempt --preempt-model=full --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=FULL --implicit-check-not='warning:'
// RUN: not %check_preempt --preempt-model=rt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=RT --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-sleep-in-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=FULL --implicit-check-not='warning:'
//
// preempt-sleep-in-atomic under --preempt-model=rt (PREEMPT_RT): spinlock_t
// is a sleeping lock (an rtmutex) that only disables migration, and its
// _irq/_irqsave forms leave interrupts on; raw_spinlock_t still disables
// preemption. On RT a spin_lock() section is still an RCU read-side section
// (rt_spin_lock() takes rcu_read_lock()), so a voluntary sleep under it is
// still reported; taking a spin_lock() where preemption or interrupts are
// really off is (the lock itself may sleep), and even an atomic allocation
// under a raw spinlock is (the allocator takes sleeping locks). The default model (full, also the
// third RUN line without --preempt-model) sees spinlock_t as a spinning lock.
//
// Functions are named by their verdict under each model:
// <full verdict>_<rt verdict>_*; a good verdict produces nothing, a bad
// one exactly the FULL- or RT- lines written under it. The headers are the
// !PREEMPT_RT ones; only the model changes.

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/slab.h>

static DEFINE_SPINLOCK(lk);
static DEFINE_SPINLOCK(lk2);
static DEFINE_RAW_SPINLOCK(rlk);
static DEFINE_MUTEX(mtx);
extern void work(void);

/* ---- a spinlock_t section is an RCU reader on PREEMPT_RT: no sleeping -- */

void bad_bad_msleep_under_spin_lock(void)
{
	spin_lock(&lk);
	msleep(10);
// FULL: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// FULL-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
// RT: :[[@LINE-3]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-5]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
}

void bad_bad_msleep_under_spin_lock_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	msleep(10);
// FULL: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// FULL-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock_irqsave())
// RT: :[[@LINE-3]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-5]]:2: note: atomic since here: 'lk' is held (taken by spin_lock_irqsave())
	spin_unlock_irqrestore(&lk, flags);
}

void bad_bad_kmalloc_gfp_kernel_under_spin_lock(void)
{
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, GFP_KERNEL);
// FULL: :[[@LINE-1]]:6: warning: kmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// FULL-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
// RT: :[[@LINE-3]]:6: warning: kmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-5]]:2: note: atomic since here: 'lk' is held (taken by spin_lock())
	spin_unlock(&lk);
	kfree(p);
}

void good_good_spin_lock_under_spin_lock(void)
{
	spin_lock(&lk);
	spin_lock(&lk2);
	work();
	spin_unlock(&lk2);
	spin_unlock(&lk);
}

void good_good_spin_lock_under_mutex(void)
{
	mutex_lock(&mtx);
	spin_lock(&lk);
	work();
	spin_unlock(&lk);
	mutex_unlock(&mtx);
}

void good_good_kmalloc_gfp_atomic_under_spin_lock(void)
{
	void *p;

	spin_lock(&lk);
	p = kmalloc(64, GFP_ATOMIC);
	spin_unlock(&lk);
	kfree(p);
}

/* ---- taking a spinlock_t where preemption/interrupts are off ---------- */

void good_bad_spin_lock_under_raw_spin_lock(void)
{
	raw_spin_lock(&rlk);
	spin_lock(&lk);
// RT: :[[@LINE-1]]:2: warning: spin_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'rlk' is held (taken by raw_spin_lock())
	spin_unlock(&lk);
	raw_spin_unlock(&rlk);
}

void good_bad_spin_lock_under_preempt_disable(void)
{
	preempt_disable();
	spin_lock(&lk);
// RT: :[[@LINE-1]]:2: warning: spin_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-3]]:2: note: atomic since here: preemption disabled by preempt_disable()
	spin_unlock(&lk);
	preempt_enable();
}

void good_bad_spin_lock_under_local_irq_disable(void)
{
	local_irq_disable();
	spin_lock(&lk);
// RT: :[[@LINE-1]]:2: warning: spin_lock() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-3]]:2: note: atomic since here: interrupts disabled by local_irq_disable()
	spin_unlock(&lk);
	local_irq_enable();
}

/* ---- raw spinlocks stay atomic on RT ----------------------------------- */

void good_bad_kmalloc_gfp_atomic_under_raw_spin_lock(void)
{
	void *p;

	raw_spin_lock(&rlk);
	p = kmalloc(64, GFP_ATOMIC);
// RT: :[[@LINE-1]]:6: warning: kmalloc() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'rlk' is held (taken by raw_spin_lock())
	raw_spin_unlock(&rlk);
	kfree(p);
}

void bad_bad_msleep_under_raw_spin_lock(void)
{
	raw_spin_lock(&rlk);
	msleep(10);
// FULL: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// FULL-NEXT: :[[@LINE-3]]:2: note: atomic since here: 'rlk' is held (taken by raw_spin_lock())
// RT: :[[@LINE-3]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-5]]:2: note: atomic since here: 'rlk' is held (taken by raw_spin_lock())
	raw_spin_unlock(&rlk);
}

void bad_bad_msleep_under_preempt_disable(void)
{
	preempt_disable();
	msleep(10);
// FULL: :[[@LINE-1]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// FULL-NEXT: :[[@LINE-3]]:2: note: atomic since here: preemption disabled by preempt_disable()
// RT: :[[@LINE-3]]:2: warning: msleep() may sleep, but this is atomic context [preempt-sleep-in-atomic]
// RT-NEXT: :[[@LINE-5]]:2: note: atomic since here: preemption disabled by preempt_disable()
	preempt_enable();
}

void good_good_raw_spin_lock_after_spin_unlock(void)
{
	spin_lock(&lk);
	work();
	spin_unlock(&lk);
	raw_spin_lock(&rlk);
	udelay(10);
	raw_spin_unlock(&rlk);
}
