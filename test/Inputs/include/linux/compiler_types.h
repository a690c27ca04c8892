/* preemptlint test header: attributes and annotations (clang, no __CHECKER__). */
#ifndef _PLT_LINUX_COMPILER_TYPES_H
#define _PLT_LINUX_COMPILER_TYPES_H

#include <linux/kconfig.h>

/* sparse address spaces: empty for a compiler build */
#define __kernel
#define __user
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __bitwise
#define __safe

/* sparse lock-context annotations: empty for a compiler build */
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		(void)0
#define __release(x)		(void)0
#define __cond_lock(x, c)	(c)

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)

/* compiler attributes */
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __always_inline		inline __attribute__((__always_inline__))
#define __cleanup(func)		__attribute__((__cleanup__(func)))
#define __gnu_inline		__attribute__((__gnu_inline__))
#define __maybe_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __noreturn		__attribute__((__noreturn__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __section(s)		__attribute__((__section__(s)))
#define __used			__attribute__((__used__))
#define __weak			__attribute__((__weak__))
#define __alloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__)))
#define noinline		__attribute__((__noinline__))
#define notrace			__attribute__((__no_instrument_function__))
#define __inline_maybe_unused	__maybe_unused

/* every 'inline' in the kernel carries gnu_inline semantics and notrace */
#define inline inline __gnu_inline __inline_maybe_unused notrace

#define asmlinkage

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))

#define __compiletime_error(msg)	__attribute__((__error__(msg)))

#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__compiletime_error(msg);			\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)

#define _compiletime_assert(condition, msg, prefix, suffix)		\
	__compiletime_assert(condition, msg, prefix, suffix)

#define compiletime_assert(condition, msg)				\
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)

#endif /* _PLT_LINUX_COMPILER_TYPES_H */
