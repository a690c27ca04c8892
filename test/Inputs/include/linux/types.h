/* preemptlint test header: basic kernel types. */
#ifndef _PLT_LINUX_TYPES_H
#define _PLT_LINUX_TYPES_H

#include <linux/compiler.h>
#include <linux/stddef.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef u8  __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;

typedef _Bool			bool;

typedef unsigned long		__kernel_ulong_t;
typedef long			__kernel_long_t;
typedef __kernel_ulong_t	size_t;
typedef __kernel_long_t		ssize_t;
typedef long			ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long			intptr_t;
typedef s64			ktime_t;
typedef int			pid_t;
typedef int			clockid_t;
typedef long long		loff_t;
typedef u64			phys_addr_t;

typedef unsigned int __bitwise	gfp_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef atomic64_t		atomic_long_t;

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

#endif /* _PLT_LINUX_TYPES_H */
