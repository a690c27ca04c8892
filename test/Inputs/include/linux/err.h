/* preemptlint test header: error pointers. */
#ifndef _PLT_LINUX_ERR_H
#define _PLT_LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

#define EPERM		1
#define ENOENT		2
#define EINTR		4
#define EIO		5
#define EAGAIN		11
#define ENOMEM		12
#define EBUSY		16
#define EINVAL		22

static inline void * __must_check ERR_PTR(long error)
{
	return (void *) error;
}

static inline long __must_check PTR_ERR(const void *ptr)
{
	return (long) ptr;
}

static inline bool __must_check IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool __must_check IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _PLT_LINUX_ERR_H */
