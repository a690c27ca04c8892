/* preemptlint test header: slab allocator (6.12 alloc_hooks/_noprof shape). */
#ifndef _PLT_LINUX_SLAB_H
#define _PLT_LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/alloc_tag.h>
#include <linux/cleanup.h>

struct kmem_cache;

#define KMALLOC_SHIFT_HIGH	(12 + 1)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)

enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

extern struct kmem_cache *
kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags, unsigned long caller)
{
	if (likely((flags & (__GFP_DMA | __GFP_RECLAIMABLE)) == 0))
		return KMALLOC_NORMAL;
	return (flags & __GFP_DMA) ? KMALLOC_DMA : KMALLOC_RECLAIM;
}

static __always_inline unsigned int __kmalloc_index(size_t size)
{
	unsigned int i = 3;

	while ((1UL << i) < size && i < KMALLOC_SHIFT_HIGH)
		i++;
	return i;
}
#define kmalloc_index(s) __kmalloc_index(s)

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
void kvfree(const void *addr);

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))

void *__kmalloc_noprof(size_t size, gfp_t flags)
				__alloc_size(1);
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size)
				__alloc_size(3);
void *__kmalloc_large_noprof(size_t size, gfp_t flags)
				__alloc_size(1);

/* constant sizes go straight to a cache, everything else out of line */
static __always_inline __alloc_size(1) void *kmalloc_noprof(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return __kmalloc_large_noprof(size, flags);

		index = kmalloc_index(size);
		return __kmalloc_cache_noprof(
				kmalloc_caches[kmalloc_type(flags, _RET_IP_)][index],
				flags, size);
	}
	return __kmalloc_noprof(size, flags);
}
#define kmalloc(...)			alloc_hooks(kmalloc_noprof(__VA_ARGS__))

static inline __alloc_size(1) void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | __GFP_ZERO);
}
#define kzalloc(...)			alloc_hooks(kzalloc_noprof(__VA_ARGS__))

static inline __alloc_size(1, 2) void *kmalloc_array_noprof(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc_noprof(bytes, flags);
}
#define kmalloc_array(...)		alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))
#define kcalloc(n, size, flags)		kmalloc_array(n, size, (flags) | __GFP_ZERO)

void *kmem_cache_alloc_noprof(struct kmem_cache *cachep, gfp_t flags);
#define kmem_cache_alloc(...)		alloc_hooks(kmem_cache_alloc_noprof(__VA_ARGS__))
void kmem_cache_free(struct kmem_cache *s, void *objp);

extern void *vmalloc_noprof(unsigned long size) __alloc_size(1);
#define vmalloc(...)			alloc_hooks(vmalloc_noprof(__VA_ARGS__))
extern void vfree(const void *addr);

#endif /* _PLT_LINUX_SLAB_H */
