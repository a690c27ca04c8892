/* The driver's ops tables: the methods are defined in tnet_ops.c. */
#include "tnet.h"

static const struct net_device_ops tnet_netdev_ops = {
	.ndo_open		= tnet_open,
	.ndo_stop		= tnet_stop,
	.ndo_start_xmit		= tnet_start_xmit,
};

static const struct file_operations tnet_fops = {
	.read			= tnet_read,
	.unlocked_ioctl		= tnet_ioctl,
};

static struct cpuidle_driver tidle_driver = {
	.name = "tidle",
	.states = {
		{ .name = "C1", .exit_latency = 1, },
		{ .name = "C6", .exit_latency = 100, .enter = tidle_enter_deep, },
	},
	.state_count = 2,
};

/* A loopback-like device whose transmit sleeps itself. */
static DEFINE_MUTEX(tloop_mutex);

static netdev_tx_t tloop_xmit(struct sk_buff *skb, struct net_device *dev)
{
	mutex_lock(&tloop_mutex);
	skb->len = 0;
	mutex_unlock(&tloop_mutex);
	return NETDEV_TX_OK;
}

static const struct net_device_ops tloop_ops = {
	.ndo_start_xmit		= tloop_xmit,
};

/* A bonding-like device: its transmit is defined in tnet_ops.c. */
static const struct net_device_ops tbond_ops = {
	.ndo_start_xmit		= tbond_xmit,
};

int tnet_probe(struct net_device *dev, struct file *f)
{
	dev->netdev_ops = dev->mtu ? &tnet_netdev_ops : &tloop_ops;
	if (dev->mtu > 9000)
		dev->netdev_ops = &tbond_ops;
	f->f_op = &tnet_fops;
	cpuidle_register(&tidle_driver, NULL);
	return register_netdev(dev);
}
