/* preemptlint test header: stddef bits. */
#ifndef _PLT_LINUX_STDDEF_H
#define _PLT_LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

enum {
	false	= 0,
	true	= 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

#define sizeof_field(TYPE, MEMBER)	sizeof((((TYPE *)0)->MEMBER))
#define typeof_member(T, m)	typeof(((T *)0)->m)

/* normally linux/container_of.h */
#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)(__mptr - offsetof(type, member))); })

#endif /* _PLT_LINUX_STDDEF_H */
