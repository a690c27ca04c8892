/* Nine implementations of one method, each in an ops table of its own:
 * more than the link follows through one field (8), so a call through
 * file_operations.write reaches none of them. */
#include "tnet.h"

#define TWRITE(n)								\
static ssize_t twrite##n(struct file *f, const char __user *b, size_t l,	\
			 loff_t *pos)						\
{										\
	struct tnet_priv *tp = f->private_data;					\
										\
	mutex_lock(&tp->cfg_lock);						\
	tp->stats += l;								\
	mutex_unlock(&tp->cfg_lock);						\
	return l;								\
}										\
const struct file_operations twrite_fops##n = { .write = twrite##n };

TWRITE(1)
TWRITE(2)
TWRITE(3)
TWRITE(4)
TWRITE(5)
TWRITE(6)
TWRITE(7)
TWRITE(8)
TWRITE(9)
