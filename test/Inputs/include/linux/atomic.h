/* preemptlint test header: a few atomic_t operations (x86 lock-prefixed asm). */
#ifndef _PLT_LINUX_ATOMIC_H
#define _PLT_LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/asm.h>

static __always_inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline void atomic_inc(atomic_t *v)
{
	asm volatile("lock; incl %0" : "+m" (v->counter) :: "memory");
}

static __always_inline void atomic_dec(atomic_t *v)
{
	asm volatile("lock; decl %0" : "+m" (v->counter) :: "memory");
}

static __always_inline bool atomic_dec_and_test(atomic_t *v)
{
	bool c;

	asm volatile("lock; decl %[var]" CC_SET(e)
		     : [var] "+m" (v->counter), CC_OUT(e) (c) : : "memory");
	return c;
}

static __always_inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

#endif /* _PLT_LINUX_ATOMIC_H */
