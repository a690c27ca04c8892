/* Hardware helpers: one sleeps, one spins. */
#include <linux/delay.h>
#include "tnet.h"

void tnet_hw_sync(struct tnet_priv *p)
{
	msleep(10);
	p->stats = 0;
}

void tnet_hw_kick(struct tnet_priv *p)
{
	p->stats++;
}
