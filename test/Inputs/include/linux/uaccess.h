/* preemptlint test header: user copies and pagefault disabling. */
#ifndef _PLT_LINUX_UACCESS_H
#define _PLT_LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/sched.h>
#include <asm/asm.h>

static __always_inline void pagefault_disabled_inc(void)
{
	current->pagefault_disabled++;
}

static __always_inline void pagefault_disabled_dec(void)
{
	current->pagefault_disabled--;
}

/* while disabled, user accesses fail instead of sleeping on a fault */
static inline void pagefault_disable(void)
{
	pagefault_disabled_inc();
	barrier();
}

static inline void pagefault_enable(void)
{
	barrier();
	pagefault_disabled_dec();
}

static inline bool pagefault_disabled(void)
{
	return current->pagefault_disabled != 0;
}

#define faulthandler_disabled() (pagefault_disabled() || in_atomic())

static __always_inline bool check_copy_size(const void *addr, size_t bytes, bool is_source)
{
	return true;
}

/* x86 does not inline the copies: both go to out-of-line lib/usercopy.c */
extern __must_check unsigned long
_copy_from_user(void *, const void __user *, unsigned long);
extern __must_check unsigned long
_copy_to_user(void __user *, const void *, unsigned long);

static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!check_copy_size(to, n, false))
		return n;
	return _copy_from_user(to, from, n);
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!check_copy_size(from, n, true))
		return n;
	return _copy_to_user(to, from, n);
}

extern __must_check long strncpy_from_user(char *dst, const char __user *src, long count);
extern __must_check unsigned long clear_user(void __user *mem, unsigned long len);

/*
 * get_user()/put_user(): might_fault() then an asm call to the
 * __get_user_N/__put_user_N thunks (simplified register handling).
 */
#define do_get_user_call(fn, x, ptr)					\
({									\
	int __ret_gu;							\
	register unsigned long __val_gu asm("%"_ASM_DX);			\
	asm volatile("call __" #fn "_%c[size]"				\
		     : "=a" (__ret_gu), "=r" (__val_gu),		\
			ASM_CALL_CONSTRAINT				\
		     : "0" (ptr), [size] "i" (sizeof(*(ptr))));		\
	(x) = (__force __typeof__(*(ptr))) __val_gu;			\
	__builtin_expect(__ret_gu, 0);					\
})

#define get_user(x, ptr) ({ might_fault(); do_get_user_call(get_user, x, ptr); })

#define do_put_user_call(fn, x, ptr)					\
({									\
	int __ret_pu;							\
	void __user *__ptr_pu;						\
	register __typeof__(*(ptr)) __val_pu asm("%"_ASM_AX);		\
	__ptr_pu = (ptr);						\
	__val_pu = (x);							\
	asm volatile("call __" #fn "_%c[size]"				\
		     : "=c" (__ret_pu),					\
			ASM_CALL_CONSTRAINT				\
		     : "0" (__ptr_pu),					\
		       "r" (__val_pu),					\
		       [size] "i" (sizeof(*(ptr)))			\
		     : "ebx");						\
	__builtin_expect(__ret_pu, 0);					\
})

#define put_user(x, ptr) ({ might_fault(); do_put_user_call(put_user, x, ptr); })

#endif /* _PLT_LINUX_UACCESS_H */
