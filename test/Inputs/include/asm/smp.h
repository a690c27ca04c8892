/* preemptlint test header: x86 CPU number. */
#ifndef _PLT_ASM_X86_SMP_H
#define _PLT_ASM_X86_SMP_H

#include <asm/percpu.h>
#include <asm/current.h>

#ifdef CONFIG_SMP
/* volatile asm read, no preemption check */
#define raw_smp_processor_id()  this_cpu_read(pcpu_hot.cpu_number)
/* non-volatile asm read, with the (DEBUG_PREEMPT-only) check hook */
#define __smp_processor_id() __this_cpu_read(pcpu_hot.cpu_number)
#endif

#endif /* _PLT_ASM_X86_SMP_H */
