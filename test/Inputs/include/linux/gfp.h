/* preemptlint test header: page allocator entry points. */
#ifndef _PLT_LINUX_GFP_H
#define _PLT_LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/alloc_tag.h>

struct page;

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

extern unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order);
#define __get_free_pages(...)	alloc_hooks(get_free_pages_noprof(__VA_ARGS__))
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
extern void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order);
#define alloc_pages(...)	alloc_hooks(alloc_pages_noprof(__VA_ARGS__))
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
extern void __free_pages(struct page *page, unsigned int order);

#endif /* _PLT_LINUX_GFP_H */
