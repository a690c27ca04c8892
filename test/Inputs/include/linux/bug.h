/* preemptlint test header: BUG/WARN (x86 ud2 shape, no bug table). */
#ifndef _PLT_LINUX_BUG_H
#define _PLT_LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

#define __BUG_FLAGS(extra)						\
do {									\
	asm volatile("1:\tud2\n" extra : : : "memory");			\
} while (0)

#define BUG()								\
do {									\
	__BUG_FLAGS("");						\
	__builtin_unreachable();					\
} while (0)

#define __WARN()		__BUG_FLAGS("\t# warn\n")

#define BUG_ON(condition)	do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();						\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__BUG_FLAGS("\t# warn once\n");				\
	unlikely(__ret_warn_on);					\
})

#endif /* _PLT_LINUX_BUG_H */
