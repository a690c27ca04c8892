/* preemptlint test header: x86 hot per-CPU data and 'current'. */
#ifndef _PLT_ASM_X86_CURRENT_H
#define _PLT_ASM_X86_CURRENT_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/build_bug.h>
#include <asm/percpu.h>

struct task_struct;

/* frequently used per-CPU fields, one cache line */
struct pcpu_hot {
	union {
		struct {
			struct task_struct	*current_task;
			int			preempt_count;
			int			cpu_number;
			unsigned long		top_of_stack;
			void			*hardirq_stack_ptr;
			u16			softirq_pending;
			bool			hardirq_stack_inuse;
		};
		u8	pad[64];
	};
};
static_assert(sizeof(struct pcpu_hot) == 64);

DECLARE_PER_CPU_ALIGNED(struct pcpu_hot, pcpu_hot);

/* read-only alias of pcpu_hot; only usable with GCC named address spaces */
DECLARE_PER_CPU_ALIGNED(const struct pcpu_hot __percpu_seg_override,
			const_pcpu_hot);

/*
 * clang builds have no CONFIG_USE_X86_SEG_SUPPORT: the first branch is
 * constant-false but stays in the AST (with its BUILD_BUG call).
 */
static __always_inline struct task_struct *get_current(void)
{
	if (IS_ENABLED(CONFIG_USE_X86_SEG_SUPPORT))
		return this_cpu_read_const(const_pcpu_hot.current_task);

	return this_cpu_read_stable(pcpu_hot.current_task);
}

#define current get_current()

#endif /* _PLT_ASM_X86_CURRENT_H */
