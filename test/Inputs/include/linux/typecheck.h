/* preemptlint test header: type checking helpers. */
#ifndef _PLT_LINUX_TYPECHECK_H
#define _PLT_LINUX_TYPECHECK_H

/* evaluates to 1; warns (distinct pointer types) if x is not of 'type' */
#define typecheck(type, x)			\
({						\
	type __dummy;				\
	typeof(x) __dummy2;			\
	(void)(&__dummy == &__dummy2);		\
	1;					\
})

#define typecheck_fn(type, function)		\
({						\
	typeof(type) __tmp = function;		\
	(void)__tmp;				\
})

#endif /* _PLT_LINUX_TYPECHECK_H */
