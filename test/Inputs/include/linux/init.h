/* preemptlint test header: initcalls, with the shape of the x86 kernel's
 * (PREL32 relocations, no LTO): the function's address is kept by
 * __ADDRESSABLE() and an asm() section entry names it. */
#ifndef _PLT_LINUX_INIT_H
#define _PLT_LINUX_INIT_H

#include <linux/compiler.h>

#define __init		__section(".init.text")
#define __exit		__section(".exit.text")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __initcall_id(fn)	__PASTE(__COUNTER__, __PASTE(_, fn))
#define __initcall_name(prefix, __iid, id)	__PASTE(__, __PASTE(prefix, __PASTE(__, __PASTE(__iid, id))))
#define __initcall_section(__sec, __iid)	#__sec ".init"
#define __initcall_stub(fn, __iid, id)	fn
#define __define_initcall_stub(__stub, fn)	__ADDRESSABLE(fn)

#define ____define_initcall(fn, __stub, __name, __sec)		\
	__define_initcall_stub(__stub, fn)			\
	asm(".section	\"" __sec "\", \"a\"		\n"	\
	    __stringify(__name) ":			\n"	\
	    ".long	" __stringify(__stub) " - .	\n"	\
	    ".previous					\n");	\
	_Static_assert(__builtin_types_compatible_p(initcall_t, typeof(&fn)), "initcall")

#define __unique_initcall(fn, id, __sec, __iid)			\
	____define_initcall(fn,					\
		__initcall_stub(fn, __iid, id),			\
		__initcall_name(initcall, __iid, id),		\
		__initcall_section(__sec, __iid))

#define ___define_initcall(fn, id, __sec)	__unique_initcall(fn, id, __sec, __initcall_id(fn))
#define __define_initcall(fn, id)	___define_initcall(fn, id, .initcall##id)

#define early_initcall(fn)		__define_initcall(fn, early)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)
#define __initcall(fn)			device_initcall(fn)

#endif
