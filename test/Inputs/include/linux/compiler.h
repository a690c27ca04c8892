/* preemptlint test header: compiler helpers. */
#ifndef _PLT_LINUX_COMPILER_H
#define _PLT_LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		__asm__ __volatile__("" : : : "memory")

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define RELOC_HIDE(ptr, off)					\
({								\
	unsigned long __ptr;					\
	__ptr = (unsigned long)(ptr);				\
	(typeof(ptr))(__ptr + (off));				\
})

#define ___ADDRESSABLE(sym, __attrs)					\
	static void * __used __attrs					\
	__UNIQUE_ID(__PASTE(__addressable_, sym)) = (void *)(uintptr_t)&sym;

#define __ADDRESSABLE(sym)						\
	___ADDRESSABLE(sym, __section(".discard.addressable"))

/* rwonce */
#define __READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define READ_ONCE(x)		({ __READ_ONCE(x); })
#define __WRITE_ONCE(x, val)						\
do {									\
	*(volatile typeof(x) *)&(x) = (val);				\
} while (0)
#define WRITE_ONCE(x, val)						\
do {									\
	__WRITE_ONCE(x, val);						\
} while (0)

/* instruction_pointer.h */
#define _RET_IP_		(unsigned long)__builtin_return_address(0)
#define _THIS_IP_		({ __label__ __here; __here: (unsigned long)&&__here; })

#endif /* _PLT_LINUX_COMPILER_H */
