/* preemptlint test header: module_init(), built in (an initcall) or as a
 * module (init_module(), an alias of the function). */
#ifndef _PLT_LINUX_MODULE_H
#define _PLT_LINUX_MODULE_H

#include <linux/init.h>

#ifndef MODULE
#define module_init(x)	__initcall(x);
#else
#define module_init(initfn)					\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }					\
	int init_module(void) __attribute__((__copy__(initfn)))	\
		__attribute__((alias(#initfn)));
#endif

#endif
