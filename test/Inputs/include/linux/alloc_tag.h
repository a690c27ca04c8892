/* preemptlint test header: allocation tagging wrapper (!MEM_ALLOC_PROFILING). */
#ifndef _PLT_LINUX_ALLOC_TAG_H
#define _PLT_LINUX_ALLOC_TAG_H

#include <linux/compiler.h>

struct alloc_tag;

#define DEFINE_ALLOC_TAG(_alloc_tag)
#define alloc_tag_save(_tag)			NULL
#define alloc_tag_restore(_tag, _old)		do {} while (0)

#define alloc_hooks_tag(_tag, _do_alloc)				\
({									\
	struct alloc_tag * __maybe_unused _old = alloc_tag_save(_tag);	\
	typeof(_do_alloc) _res = _do_alloc;				\
	alloc_tag_restore(_tag, _old);					\
	_res;								\
})

/* every allocator macro wraps its *_noprof call in this statement expression */
#define alloc_hooks(_do_alloc)						\
({									\
	DEFINE_ALLOC_TAG(_alloc_tag);					\
	alloc_hooks_tag(&_alloc_tag, _do_alloc);			\
})

#endif /* _PLT_LINUX_ALLOC_TAG_H */
