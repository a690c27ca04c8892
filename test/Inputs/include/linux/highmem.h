/* preemptlint test header: page mapping helpers (!CONFIG_HIGHMEM, x86_64). */
#ifndef _PLT_LINUX_HIGHMEM_H
#define _PLT_LINUX_HIGHMEM_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/build_bug.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define _AC(X, Y)		(X##Y)

/* normally linux/mm_types.h + linux/mm.h */
struct page {
	unsigned long flags;
	unsigned long private;
	void *mapping;
	unsigned long index;
};

extern unsigned long page_offset_base;
extern unsigned long vmemmap_base;
#define PAGE_OFFSET		((unsigned long)page_offset_base)
#define vmemmap			((struct page *)vmemmap_base)

static __always_inline void *lowmem_page_address(const struct page *page)
{
	return (void *)((unsigned long)(page - vmemmap) * PAGE_SIZE + PAGE_OFFSET);
}

#define page_address(page) lowmem_page_address(page)

static inline void *kmap(struct page *page)
{
	might_sleep();
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
}

/* without HIGHMEM a local mapping is just the linear address */
static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void __kunmap_local(const void *addr)
{
}

/* both branches stay in the AST: the condition is a constant */
static inline void *kmap_atomic(struct page *page)
{
	if (IS_ENABLED(CONFIG_PREEMPT_RT))
		migrate_disable();
	else
		preempt_disable();
	pagefault_disable();
	return page_address(page);
}

static inline void __kunmap_atomic(const void *addr)
{
	pagefault_enable();
	if (IS_ENABLED(CONFIG_PREEMPT_RT))
		migrate_enable();
	else
		preempt_enable();
}

#define kunmap_atomic(__addr)					\
do {								\
	BUILD_BUG_ON(__same_type((__addr), struct page *));	\
	__kunmap_atomic(__addr);				\
} while (0)

#define kunmap_local(__addr)					\
do {								\
	BUILD_BUG_ON(__same_type((__addr), struct page *));	\
	__kunmap_local(__addr);					\
} while (0)

#endif /* _PLT_LINUX_HIGHMEM_H */
