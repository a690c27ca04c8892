/*
 * Smoke test for the kernel-style test headers: every primitive once.
 * Must compile warning-free with
 *   clang-19 -fsyntax-only -nostdinc -std=gnu11 -Wall -I include \
 *     [-include include/config-{full,nopreempt,debug}.h] smoke.c
 */
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/cleanup.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/highmem.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/uaccess.h>
#include <linux/local_lock.h>
#include <asm/fpu/api.h>

struct foo {
	int a;
	struct rcu_head rcu;
	struct timer_list timer;
	struct hrtimer hrt;
	struct tasklet_struct tasklet;
	struct work_struct work;
};

static DEFINE_SPINLOCK(s_lock);
static DEFINE_RAW_SPINLOCK(s_raw_lock);
static DEFINE_RWLOCK(s_rwlock);
static DEFINE_MUTEX(s_mutex);
static DEFINE_PER_CPU(int, s_counter);
static DEFINE_PER_CPU(struct foo, s_foo);
static DEFINE_PER_CPU(local_lock_t, s_llock) = INIT_LOCAL_LOCK(s_llock);
static struct foo *s_gp;

static void smoke_timer_fn(struct timer_list *t)
{
	struct foo *f = from_timer(f, t, timer);

	f->a++;
}

static enum hrtimer_restart smoke_hrtimer_fn(struct hrtimer *t)
{
	return HRTIMER_NORESTART;
}

static irqreturn_t smoke_irq(int irq, void *dev)
{
	return IRQ_HANDLED;
}

static void smoke_tasklet_fn(struct tasklet_struct *t)
{
}

static void smoke_work_fn(struct work_struct *w)
{
}

static int smoke_thread_fn(void *data)
{
	while (!kthread_should_stop())
		schedule();
	return 0;
}

static void smoke_ipi(void *info)
{
}

static void smoke_rcu_cb(struct rcu_head *head)
{
	kfree(container_of(head, struct foo, rcu));
}

static void smoke_preempt(void)
{
	int cpu;
	int *p;

	preempt_disable();
	preempt_enable();
	preempt_disable();
	preempt_enable_no_resched();
	preempt_check_resched();
	preempt_disable_notrace();
	preempt_enable_notrace();

	migrate_disable();
	migrate_enable();

	cpu = smp_processor_id();
	cpu += raw_smp_processor_id();
	cpu += get_cpu();
	put_cpu();

	if (in_atomic() || in_interrupt() || in_task() || irqs_disabled() ||
	    preemptible() || in_nmi() || in_hardirq() || in_softirq())
		cpu++;
	cpu += preempt_count();

	__this_cpu_write(s_counter, cpu);
	__this_cpu_add(s_counter, 2);
	__this_cpu_inc(s_counter);
	__this_cpu_dec(s_counter);
	cpu = __this_cpu_read(s_counter);
	this_cpu_write(s_counter, cpu);
	this_cpu_add(s_counter, 3);
	this_cpu_inc(s_counter);
	this_cpu_dec(s_counter);
	cpu = this_cpu_read(s_counter);
	raw_cpu_write(s_counter, cpu);
	raw_cpu_add(s_counter, 4);
	raw_cpu_inc(s_counter);
	raw_cpu_dec(s_counter);
	cpu = raw_cpu_read(s_counter);

	p = this_cpu_ptr(&s_counter);
	*p = 1;
	p = raw_cpu_ptr(&s_counter);
	*p = 2;
	p = per_cpu_ptr(&s_counter, cpu);
	*p = 3;
	per_cpu(s_counter, 0) = 4;
	per_cpu(s_foo, 1).a = 5;

	get_cpu_var(s_counter)++;
	put_cpu_var(s_counter);
	p = get_cpu_ptr(&s_counter);
	*p = 6;
	put_cpu_ptr(&s_counter);

	{
		guard(preempt)();
		*this_cpu_ptr(&s_counter) = 7;
	}
	{
		guard(migrate)();
		cpu = smp_processor_id();
	}
	scoped_guard(preempt) {
		cpu = smp_processor_id();
	}
	(void)cpu;
}

static void smoke_irqs(void)
{
	unsigned long flags;

	local_irq_save(flags);
	local_irq_restore(flags);
	local_irq_disable();
	local_irq_enable();
	raw_local_irq_save(flags);
	raw_local_irq_restore(flags);
	local_save_flags(flags);
	if (irqs_disabled_flags(flags))
		lockdep_assert_irqs_disabled();

	local_bh_disable();
	local_bh_enable();

	{
		guard(irq)();
		lockdep_assert_irqs_disabled();
	}
	scoped_guard(irqsave) {
		lockdep_assert_preemption_disabled();
	}
}

static void smoke_locks(void)
{
	unsigned long flags;

	spin_lock(&s_lock);
	lockdep_assert_held(&s_lock);
	spin_unlock(&s_lock);
	spin_lock_bh(&s_lock);
	spin_unlock_bh(&s_lock);
	spin_lock_irq(&s_lock);
	spin_unlock_irq(&s_lock);
	spin_lock_irqsave(&s_lock, flags);
	spin_unlock_irqrestore(&s_lock, flags);
	if (spin_trylock(&s_lock))
		spin_unlock(&s_lock);
	if (spin_is_locked(&s_lock))
		flags = 0;

	raw_spin_lock(&s_raw_lock);
	raw_spin_unlock(&s_raw_lock);
	raw_spin_lock_irqsave(&s_raw_lock, flags);
	raw_spin_unlock_irqrestore(&s_raw_lock, flags);
	if (raw_spin_trylock(&s_raw_lock))
		raw_spin_unlock(&s_raw_lock);

	read_lock(&s_rwlock);
	read_unlock(&s_rwlock);
	write_lock(&s_rwlock);
	write_unlock(&s_rwlock);
	write_lock_irqsave(&s_rwlock, flags);
	write_unlock_irqrestore(&s_rwlock, flags);

	mutex_lock(&s_mutex);
	lockdep_assert_held(&s_mutex);
	mutex_unlock(&s_mutex);
	if (mutex_trylock(&s_mutex))
		mutex_unlock(&s_mutex);
	if (!mutex_lock_interruptible(&s_mutex))
		mutex_unlock(&s_mutex);

	{
		guard(spinlock)(&s_lock);
		udelay(1);
	}
	scoped_guard(spinlock, &s_lock) {
	}
	scoped_guard(spinlock_irqsave, &s_lock) {
		mdelay(1);
	}
	scoped_guard(spinlock_irq, &s_lock) {
	}
	scoped_guard(raw_spinlock, &s_raw_lock) {
	}
	scoped_guard(spinlock_try, &s_lock) {
	}
	{
		guard(mutex)(&s_mutex);
		msleep(1);
	}
	scoped_guard(mutex, &s_mutex) {
		might_sleep();
	}
	scoped_cond_guard(mutex_intr, return, &s_mutex) {
		cond_resched();
	}

	local_lock(&s_llock);
	local_unlock(&s_llock);
	local_lock_irqsave(&s_llock, flags);
	local_unlock_irqrestore(&s_llock, flags);
	{
		guard(local_lock)(&s_llock);
	}
}

static void smoke_rcu(void)
{
	struct foo *f;

	rcu_read_lock();
	f = rcu_dereference(s_gp);
	if (f)
		f->a = 1;
	rcu_read_unlock();
	rcu_read_lock_bh();
	rcu_read_unlock_bh();
	rcu_read_lock_sched();
	rcu_read_unlock_sched();
	{
		guard(rcu)();
		f = rcu_dereference(s_gp);
	}
	scoped_guard(rcu) {
		f = rcu_dereference(s_gp);
	}
	if (f)
		call_rcu(&f->rcu, smoke_rcu_cb);
	synchronize_rcu();
}

static int smoke_misc(void __user *ubuf, struct page *page)
{
	struct foo *f;
	struct task_struct *t;
	void *addr;
	char buf[8];
	int val = 0;
	int ret;

	f = kmalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	kfree(f);
	f = kzalloc(sizeof(*f), GFP_ATOMIC);
	kfree(f);
	f = kmalloc(sizeof(*f), GFP_NOWAIT);
	{
		struct foo *g __free(kfree) = kmalloc(sizeof(*g), GFP_KERNEL);

		if (g)
			g->a = 1;
	}
	if (!f)
		return -ENOMEM;

	timer_setup(&f->timer, smoke_timer_fn, 0);
	mod_timer(&f->timer, jiffies + 1);
	del_timer_sync(&f->timer);

	hrtimer_init(&f->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	f->hrt.function = smoke_hrtimer_fn;
	hrtimer_start(&f->hrt, ms_to_ktime(1), HRTIMER_MODE_REL);
	hrtimer_cancel(&f->hrt);

	ret = request_irq(1, smoke_irq, IRQF_SHARED, "smoke", f);
	if (!ret)
		free_irq(1, f);
	tasklet_setup(&f->tasklet, smoke_tasklet_fn);
	tasklet_schedule(&f->tasklet);

	INIT_WORK(&f->work, smoke_work_fn);
	schedule_work(&f->work);
	queue_work(system_wq, &f->work);
	flush_work(&f->work);

	t = kthread_run(smoke_thread_fn, f, "smoke/%d", 0);
	if (!IS_ERR(t))
		kthread_stop(t);

	on_each_cpu(smoke_ipi, f, 1);
	smp_call_function_single(0, smoke_ipi, f, 1);

	if (copy_from_user(buf, ubuf, sizeof(buf)))
		ret = -EINVAL;
	if (copy_to_user(ubuf, buf, sizeof(buf)))
		ret = -EINVAL;
	if (get_user(val, (int __user *)ubuf))
		ret = -EINVAL;
	if (put_user(val, (int __user *)ubuf))
		ret = -EINVAL;

	addr = kmap_atomic(page);
	kunmap_atomic(addr);
	addr = kmap_local_page(page);
	kunmap_local(addr);
	pagefault_disable();
	pagefault_enable();

	kernel_fpu_begin();
	kernel_fpu_end();

	might_sleep();
	cond_resched();
	schedule();
	msleep(1);
	usleep_range(10, 20);
	udelay(10);
	mdelay(2);

	kfree(f);
	return ret;
}

int smoke_main(void __user *ubuf, struct page *page)
{
	smoke_preempt();
	smoke_irqs();
	smoke_locks();
	smoke_rcu();
	return smoke_misc(ubuf, page);
}
