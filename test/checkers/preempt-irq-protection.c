// RUN: not %check_preempt --checks='-*,preempt-irq-protection' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-irq-protection' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-irq-protection' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
//
// preempt-irq-protection: inside a region that saved the interrupt state
// (local_irq_save(), spin_lock_irqsave()), interrupts must not be turned on
// unconditionally (local_irq_enable(), spin_unlock_irq()): the code that
// called with interrupts off loses its protection. Restore the saved flags
// instead.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings (and notes, CHECK-NEXT) written under them, in three
// configurations (see preempt-balance.c).

#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lk);
static DEFINE_SPINLOCK(lk2);
extern void work(void);

void bad_local_irq_enable_in_save(void)
{
	unsigned long flags;

	local_irq_save(flags);
	work();
	local_irq_enable();
// CHECK: :[[@LINE-1]]:2: warning: local_irq_enable() turns interrupts on inside a region that saved the interrupt state; whoever disabled them loses that protection (restore the saved flags instead) [preempt-irq-protection]
// CHECK-NEXT: :[[@LINE-4]]:2: note: interrupt state saved here
	local_irq_restore(flags);
}

void bad_spin_unlock_irq_in_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	spin_lock_irq(&lk2);
	work();
	spin_unlock_irq(&lk2);
// CHECK: :[[@LINE-1]]:2: warning: spin_unlock_irq() turns interrupts on inside a region that saved the interrupt state; whoever disabled them loses that protection (restore the saved flags instead) [preempt-irq-protection]
// CHECK-NEXT: :[[@LINE-4]]:2: note: interrupt state saved here
	spin_unlock_irqrestore(&lk, flags);
}

void bad_local_irq_enable_in_spin_lock_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	local_irq_enable();
// CHECK: :[[@LINE-1]]:2: warning: local_irq_enable() turns interrupts on inside a region that saved the interrupt state; whoever disabled them loses that protection (restore the saved flags instead) [preempt-irq-protection]
// CHECK-NEXT: :[[@LINE-3]]:2: note: interrupt state saved here
	work();
	local_irq_disable();
	spin_unlock_irqrestore(&lk, flags);
}

void good_local_irq_enable_after_disable(void)
{
	local_irq_disable();
	work();
	local_irq_enable();
}

void good_spin_lock_irq_pair(void)
{
	spin_lock_irq(&lk);
	work();
	spin_unlock_irq(&lk);
}

void good_local_irq_restore_pairs(void)
{
	unsigned long f1, f2;

	local_irq_save(f1);
	local_irq_save(f2);
	work();
	local_irq_restore(f2);
	local_irq_restore(f1);
}

void good_spin_lock_irqsave_pair(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	work();
	spin_unlock_irqrestore(&lk, flags);
}

void good_nested_irqsave_pairs(void)
{
	unsigned long f1, f2;

	spin_lock_irqsave(&lk, f1);
	spin_lock_irqsave(&lk2, f2);
	work();
	spin_unlock_irqrestore(&lk2, f2);
	spin_unlock_irqrestore(&lk, f1);
}

void good_enable_after_restore(void)
{
	unsigned long flags;

	local_irq_save(flags);
	work();
	local_irq_restore(flags);
	local_irq_disable();
	work();
	local_irq_enable();
}

void good_spin_unlock_irq_after_restore(void)
{
	unsigned long flags;

	local_irq_save(flags);
	work();
	local_irq_restore(flags);
	spin_lock_irq(&lk);
	work();
	spin_unlock_irq(&lk);
}

/* Disabled interrupts as the only guard around a wake-up: the reschedule the
   wake-up requests is not acted on when interrupts come back on. */
struct task_struct;
extern int wake_up_process(struct task_struct *p);

void bad_wake_with_irqs_only(struct task_struct *t)
{
	local_irq_disable();
	wake_up_process(t);
	local_irq_enable();
// CHECK: :[[@LINE-1]]:2: warning: local_irq_enable() turns interrupts back on after a wake-up made with only interrupts disabled, and no reschedule point follows; the reschedule it requested waits for the next preemption point (hold a spinlock or preempt_disable() around it, or call preempt_check_resched()) [preempt-irq-protection]
// CHECK-NEXT: :[[@LINE-3]]:2: note: wake-up here, with interrupts off and preemption enabled
}

void good_wake_under_spinlock(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&lk, flags);
	wake_up_process(t);
	spin_unlock_irqrestore(&lk, flags);
}

void good_wake_under_preempt_disable(struct task_struct *t)
{
	preempt_disable();
	local_irq_disable();
	wake_up_process(t);
	local_irq_enable();
	preempt_enable();
}

void good_wake_then_resched_point(struct task_struct *t)
{
	local_irq_disable();
	wake_up_process(t);
	local_irq_enable();
	preempt_check_resched();
}
