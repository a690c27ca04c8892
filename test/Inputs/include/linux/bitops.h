/* preemptlint test header: a few atomic bit operations (x86 asm). */
#ifndef _PLT_LINUX_BITOPS_H
#define _PLT_LINUX_BITOPS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bits.h>
#include <asm/asm.h>

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	asm volatile("lock; btsq %1,%0" : "+m" (*addr) : "Ir" (nr) : "memory");
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	asm volatile("lock; btrq %1,%0" : "+m" (*addr) : "Ir" (nr) : "memory");
}

static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	bool c;

	asm volatile("lock; btsq %[val], %[var]" CC_SET(c)
		     : [var] "+m" (*addr), CC_OUT(c) (c)
		     : [val] "Ir" (nr) : "memory");
	return c;
}

static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[nr / BITS_PER_LONG] >> (nr & (BITS_PER_LONG - 1)));
}

#endif /* _PLT_LINUX_BITOPS_H */
