/* A network driver split over files, a core that calls it through its ops,
 * and a cpuidle driver: which functions an ops field reaches is the tree's. */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/fs.h>
#include <linux/cpuidle.h>

struct tnet_priv {
	struct mutex cfg_lock;
	spinlock_t tx_lock;
	unsigned int stats;
};

/* tnet_ops.c: the methods */
netdev_tx_t tnet_start_xmit(struct sk_buff *skb, struct net_device *dev);
netdev_tx_t tbond_xmit(struct sk_buff *skb, struct net_device *dev);
int tnet_open(struct net_device *dev);
int tnet_stop(struct net_device *dev);
ssize_t tnet_read(struct file *file, char __user *buf, size_t len, loff_t *pos);
long tnet_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int tidle_enter_deep(struct cpuidle_device *dev, struct cpuidle_driver *drv, int index);

/* tnet_hw.c: hardware helpers */
void tnet_hw_sync(struct tnet_priv *p);
void tnet_hw_kick(struct tnet_priv *p);
