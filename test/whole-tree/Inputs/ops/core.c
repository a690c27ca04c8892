/* The callers: a core that reaches the methods only through ops fields. */
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include "tnet.h"

static DEFINE_SPINLOCK(core_lock);

/* A read through file_operations.read under a spinlock: tnet_read() sleeps. */
ssize_t core_read_locked(struct file *f, char __user *buf, size_t len)
{
	ssize_t ret;

	spin_lock(&core_lock);
	ret = f->f_op->read(f, buf, len, &f->f_pos);
	spin_unlock(&core_lock);
	return ret;
}

/* The same read from process context: fine. */
ssize_t core_read(struct file *f, char __user *buf, size_t len)
{
	return f->f_op->read(f, buf, len, &f->f_pos);
}

/* A write under the lock: file_operations.write holds more methods than
 * the link follows (fanout.c), so it reaches none. */
ssize_t core_write_locked(struct file *f, const char __user *buf, size_t len)
{
	ssize_t ret;

	spin_lock(&core_lock);
	ret = f->f_op->write(f, buf, len, &f->f_pos);
	spin_unlock(&core_lock);
	return ret;
}

/* ioctl under the lock: no method stored there sleeps. */
long core_ioctl_locked(struct file *f, unsigned int cmd)
{
	long ret;

	spin_lock(&core_lock);
	ret = f->f_op->unlocked_ioctl(f, cmd, 0);
	spin_unlock(&core_lock);
	return ret;
}

/* dev_open(): ndo_open with interrupts off, through a pointer to the ops. */
int core_open_irqs_off(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	ret = ops->ndo_open(dev);
	local_irq_restore(flags);
	return ret;
}

/* __dev_queue_xmit(): the transmit through the inline helpers, bh off. */
int core_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	netdev_tx_t rc;

	rcu_read_lock_bh();
	rc = netdev_start_xmit(skb, dev, false);
	rcu_read_unlock_bh();
	return rc;
}

/* cpuidle_enter_state(): the idle loop calls it with interrupts off. */
int core_idle_enter(struct cpuidle_device *dev, struct cpuidle_driver *drv, int index)
{
	struct cpuidle_state *target_state = &drv->states[index];

	return target_state->enter(dev, drv, index);
}
