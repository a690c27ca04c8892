// SPDX-License-Identifier: GPL-2.0
/*
 * demo_stats: a small driver that keeps per-CPU packet counters, written
 * the way kernel drivers are, with the mistakes preemptlint finds.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/interrupt.h>

struct demo_stats {
	unsigned long packets;
	unsigned long drops;
};

static DEFINE_PER_CPU(struct demo_stats, demo_pcpu);
static unsigned long demo_last_cpu_seen[64];
static DEFINE_SPINLOCK(demo_lock);
static struct timer_list demo_timer;

struct demo_ops {
	int (*xmit)(int len);
	void (*reset)(void);
};

/* Good: this_cpu_*() operations are preemption-safe on their own. */
static int demo_xmit(int len)
{
	this_cpu_inc(demo_pcpu.packets);
	return len;
}

/* Bad: smp_processor_id() in preemptible process context. */
static void demo_reset(void)
{
	demo_last_cpu_seen[smp_processor_id()] = 0;
}

static const struct demo_ops demo_ops = {
	.xmit = demo_xmit,
	.reset = demo_reset,
};

/* Good: get_cpu() disables preemption until put_cpu(). */
void demo_note_cpu(void)
{
	int cpu = get_cpu();

	demo_last_cpu_seen[cpu]++;
	put_cpu();
}

/* Bad: the error path returns with preemption still disabled. */
int demo_account(int len)
{
	struct demo_stats *st;

	preempt_disable();
	st = this_cpu_ptr(&demo_pcpu);
	if (len < 0) {
		st->drops++;
		return -EINVAL;
	}
	st->packets++;
	preempt_enable();
	return 0;
}

/* Bad: the per-CPU pointer is used after preemption was enabled again. */
void demo_drop(void)
{
	preempt_disable();
	__this_cpu_inc(demo_pcpu.drops);
	preempt_enable();
	__this_cpu_inc(demo_pcpu.drops);
}

/* Good: a spinlock disables preemption in the default model. */
void demo_locked_drop(void)
{
	unsigned long flags;

	spin_lock_irqsave(&demo_lock, flags);
	__this_cpu_inc(demo_pcpu.drops);
	spin_unlock_irqrestore(&demo_lock, flags);
}

/* Good: a timer callback runs in softirq context, pinned to its CPU. */
static void demo_timer_fn(struct timer_list *t)
{
	__this_cpu_inc(demo_pcpu.packets);
}

/* Good: the guard ends the section at every return. */
int demo_guarded(int len)
{
	guard(preempt)();
	if (len < 0)
		return -EINVAL;
	__this_cpu_add(demo_pcpu.packets, len);
	return 0;
}

/* Bad: interrupts restored from the wrong flags. */
void demo_irq_mixup(void)
{
	unsigned long outer, inner;

	local_irq_save(outer);
	local_irq_save(inner);
	__this_cpu_inc(demo_pcpu.drops);
	local_irq_restore(outer);
	local_irq_restore(inner);
}

void demo_init(void)
{
	timer_setup(&demo_timer, demo_timer_fn, 0);
	demo_ops.reset();
}
