/* preemptlint test header: x86 asm helpers. */
#ifndef _PLT_ASM_X86_ASM_H
#define _PLT_ASM_X86_ASM_H

#define _ASM_SP		"rsp"
#define _ASM_DX		"rdx"
#define _ASM_AX		"rax"

/* stack pointer as an asm operand, so calls from asm keep the frame sane */
register unsigned long current_stack_pointer asm(_ASM_SP);
#define ASM_CALL_CONSTRAINT "+r" (current_stack_pointer)

/* condition-code outputs (__GCC_ASM_FLAG_OUTPUTS__ is set by clang on x86) */
#define CC_SET(c) "\n\t/* output condition code " #c "*/\n"
#define CC_OUT(c) "=@cc" #c

#endif /* _PLT_ASM_X86_ASM_H */
