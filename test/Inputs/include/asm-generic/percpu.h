/* preemptlint test header: generic per-CPU glue. */
#ifndef _PLT_ASM_GENERIC_PERCPU_H
#define _PLT_ASM_GENERIC_PERCPU_H

#include <linux/compiler.h>
#include <linux/percpu-defs.h>

#ifndef NR_CPUS
#define NR_CPUS		CONFIG_NR_CPUS	/* normally linux/threads.h */
#endif

#ifdef CONFIG_SMP

extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(x)	(__per_cpu_offset[x])

#ifndef __my_cpu_offset
#define __my_cpu_offset		per_cpu_offset(raw_smp_processor_id())
#endif

/* with DEBUG_PREEMPT the offset comes from the checked smp_processor_id() */
#ifdef CONFIG_DEBUG_PREEMPT
#define my_cpu_offset		per_cpu_offset(smp_processor_id())
#else
#define my_cpu_offset		__my_cpu_offset
#endif

#ifndef arch_raw_cpu_ptr
#define arch_raw_cpu_ptr(ptr)	SHIFT_PERCPU_PTR(ptr, __my_cpu_offset)
#endif

#define PER_CPU_BASE_SECTION	".data..percpu"

#else /* !CONFIG_SMP */

#define PER_CPU_BASE_SECTION	".data"

#endif /* CONFIG_SMP */

#define PER_CPU_ATTRIBUTES

#endif /* _PLT_ASM_GENERIC_PERCPU_H */
