/* preemptlint test header: per-CPU variables (umbrella + dynamic allocation). */
#ifndef _PLT_LINUX_PERCPU_H
#define _PLT_LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/gfp_types.h>
#include <linux/alloc_tag.h>
#include <linux/percpu-defs.h>
#include <asm/percpu.h>

extern void __percpu *pcpu_alloc_noprof(size_t size, size_t align, bool reserved,
					gfp_t gfp) __alloc_size(1);

#define __alloc_percpu_gfp(_size, _align, _gfp)				\
	alloc_hooks(pcpu_alloc_noprof(_size, _align, false, _gfp))
#define __alloc_percpu(_size, _align)					\
	alloc_hooks(pcpu_alloc_noprof(_size, _align, false, GFP_KERNEL))

#define alloc_percpu_gfp(type, gfp)					\
	(typeof(type) __percpu *)__alloc_percpu_gfp(sizeof(type),	\
						__alignof__(type), gfp)
#define alloc_percpu(type)						\
	(typeof(type) __percpu *)__alloc_percpu(sizeof(type),		\
						__alignof__(type))

extern void free_percpu(void __percpu *__pdata);

#endif /* _PLT_LINUX_PERCPU_H */
