/* preemptlint test header: network devices (after include/linux/netdevice.h).
 * The transmit path calls ndo_start_xmit through inline helpers, as the
 * kernel does: dev_hard_start_xmit() -> xmit_one() -> netdev_start_xmit()
 * -> __netdev_start_xmit() -> ops->ndo_start_xmit(). */
#ifndef _PLT_LINUX_NETDEVICE_H
#define _PLT_LINUX_NETDEVICE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/rcupdate.h>

struct net_device;

struct sk_buff {
	struct sk_buff		*next;
	struct net_device	*dev;
	unsigned int		len;
};

enum netdev_tx {
	__NETDEV_TX_MIN	 = -2147483647 - 1,
	NETDEV_TX_OK	 = 0x00,
	NETDEV_TX_BUSY	 = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

struct net_device_ops {
	int			(*ndo_init)(struct net_device *dev);
	void			(*ndo_uninit)(struct net_device *dev);
	int			(*ndo_open)(struct net_device *dev);
	int			(*ndo_stop)(struct net_device *dev);
	netdev_tx_t		(*ndo_start_xmit)(struct sk_buff *skb,
						  struct net_device *dev);
	void			(*ndo_set_rx_mode)(struct net_device *dev);
	int			(*ndo_change_mtu)(struct net_device *dev,
						  int new_mtu);
};

struct net_device {
	char			name[16];
	const struct net_device_ops *netdev_ops;
	unsigned int		mtu;
	void			*priv;
};

static inline void *netdev_priv(const struct net_device *dev)
{
	return dev->priv;
}

static __always_inline netdev_tx_t __netdev_start_xmit(const struct net_device_ops *ops,
							struct sk_buff *skb, struct net_device *dev,
							bool more)
{
	return ops->ndo_start_xmit(skb, dev);
}

static inline netdev_tx_t netdev_start_xmit(struct sk_buff *skb, struct net_device *dev,
					    bool more)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	return __netdev_start_xmit(ops, skb, dev, more);
}

int register_netdev(struct net_device *dev);

#endif
