/*
 * preemptlint test header: static calls, x86_64 shape
 * (HAVE_STATIC_CALL + HAVE_STATIC_CALL_INLINE, built-in code, not MODULE).
 */
#ifndef _PLT_LINUX_STATIC_CALL_TYPES_H
#define _PLT_LINUX_STATIC_CALL_TYPES_H

#include <linux/compiler.h>

#define STATIC_CALL_KEY_PREFIX		__SCK__
#define STATIC_CALL_KEY(name)		__PASTE(STATIC_CALL_KEY_PREFIX, name)
#define STATIC_CALL_TRAMP_PREFIX	__SCT__
#define STATIC_CALL_TRAMP(name)		__PASTE(STATIC_CALL_TRAMP_PREFIX, name)
#define STATIC_CALL_TRAMP_STR(name)	__stringify(STATIC_CALL_TRAMP(name))

struct static_call_key {
	void *func;
	unsigned long type;
};

#define DECLARE_STATIC_CALL(name, func)					\
	extern struct static_call_key STATIC_CALL_KEY(name);		\
	extern typeof(func) STATIC_CALL_TRAMP(name);

#define __raw_static_call(name)	(&STATIC_CALL_TRAMP(name))

#define __STATIC_CALL_ADDRESSABLE(name) \
	__ADDRESSABLE(STATIC_CALL_KEY(name))

#define __static_call(name)						\
({									\
	__STATIC_CALL_ADDRESSABLE(name);				\
	__raw_static_call(name);					\
})

#define __STATIC_CALL_MOD_ADDRESSABLE(name) __STATIC_CALL_ADDRESSABLE(name)
#define static_call_mod(name)	__static_call(name)
#define static_call(name)	__static_call(name)

#endif /* _PLT_LINUX_STATIC_CALL_TYPES_H */
