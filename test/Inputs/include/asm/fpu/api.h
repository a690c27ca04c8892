/* preemptlint test header: in-kernel FPU use (x86). */
#ifndef _PLT_ASM_X86_FPU_API_H
#define _PLT_ASM_X86_FPU_API_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bits.h>

/* state to initialise in kernel_fpu_begin_mask() */
#define KFPU_387	_BITUL(0)
#define KFPU_MXCSR	_BITUL(1)

/* both out of line (arch/x86/kernel/fpu/core.c); begin disables preemption */
extern void kernel_fpu_begin_mask(unsigned int kfpu_mask);
extern void kernel_fpu_end(void);
extern bool irq_fpu_usable(void);

static inline void kernel_fpu_begin(void)
{
	kernel_fpu_begin_mask(KFPU_MXCSR);
}

#endif /* _PLT_ASM_X86_FPU_API_H */
