/* A module's init: run in the task of init_module(2), preemptible. */
#define MODULE
#include <linux/module.h>

extern void count_boot(void);

static int __init mod_init(void)
{
	count_boot();
	return 0;
}
module_init(mod_init);
