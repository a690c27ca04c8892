/* The methods of the ops tables in tnet_main.c. */
#include "tnet.h"

/* ndo_start_xmit runs with bottom halves off: the helper it calls sleeps. */
netdev_tx_t tnet_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct tnet_priv *p = netdev_priv(dev);

	tnet_hw_sync(p);
	return NETDEV_TX_OK;
}

/* Another ndo_start_xmit, which sleeps itself. */
netdev_tx_t tbond_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct tnet_priv *p = netdev_priv(dev);

	mutex_lock(&p->cfg_lock);
	p->stats++;
	mutex_unlock(&p->cfg_lock);
	return NETDEV_TX_OK;
}

/* ndo_open runs in process context: the same helper is fine. */
int tnet_open(struct net_device *dev)
{
	struct tnet_priv *p = netdev_priv(dev);

	tnet_hw_sync(p);
	return 0;
}

/* ndo_stop: a spinning helper under the driver's spinlock is fine. */
int tnet_stop(struct net_device *dev)
{
	struct tnet_priv *p = netdev_priv(dev);

	spin_lock(&p->tx_lock);
	tnet_hw_kick(p);
	spin_unlock(&p->tx_lock);
	return 0;
}

/* file_operations.read sleeps itself: a process-context method. */
ssize_t tnet_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct tnet_priv *p = file->private_data;

	mutex_lock(&p->cfg_lock);
	p->stats++;
	mutex_unlock(&p->cfg_lock);
	return 0;
}

long tnet_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return 0;
}

/* cpuidle_state.enter runs with interrupts off. */
int tidle_enter_deep(struct cpuidle_device *dev, struct cpuidle_driver *drv, int index)
{
	msleep(1);
	return index;
}
