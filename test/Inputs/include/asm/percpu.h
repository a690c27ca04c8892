/*
 * preemptlint test header: x86_64 per-CPU accessors.
 * Shape of a clang build (no CONFIG_USE_X86_SEG_SUPPORT, which needs GCC
 * named address spaces): every access is inline asm on a %gs: operand.
 */
#ifndef _PLT_ASM_X86_PERCPU_H
#define _PLT_ASM_X86_PERCPU_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/build_bug.h>
#include <asm/asm.h>

#define __percpu_seg		gs

#ifdef CONFIG_SMP
# define __percpu_seg_override
# define __percpu_prefix	"%%"__stringify(__percpu_seg)":"
# define __force_percpu_prefix	"%%"__stringify(__percpu_seg)":"
# define __my_cpu_offset	this_cpu_read(this_cpu_off)

/* this CPU's copy of a per-CPU pointer: one asm read of this_cpu_off */
# define arch_raw_cpu_ptr(_ptr)						\
({									\
	unsigned long tcp_ptr__ = raw_cpu_read_long(this_cpu_off);	\
									\
	tcp_ptr__ += (__force unsigned long)(_ptr);			\
	(typeof(*(_ptr)) __kernel __force *)tcp_ptr__;			\
})
#else /* !CONFIG_SMP */
# define __percpu_seg_override
# define __percpu_prefix	""
# define __force_percpu_prefix	""
#endif /* CONFIG_SMP */

#define __my_cpu_type(var)	typeof(var) __percpu_seg_override
#define __my_cpu_ptr(ptr)	(__my_cpu_type(*(ptr))*)(__force uintptr_t)(ptr)
#define __my_cpu_var(var)	(*__my_cpu_ptr(&(var)))
#define __percpu_arg(x)		__percpu_prefix "%" #x
#define __force_percpu_arg(x)	__force_percpu_prefix "%" #x

/* operand-size helpers */
#define __pcpu_type_1		u8
#define __pcpu_type_2		u16
#define __pcpu_type_4		u32
#define __pcpu_type_8		u64

#define __pcpu_cast_1(val)	((u8)(((unsigned long) val) & 0xff))
#define __pcpu_cast_2(val)	((u16)(((unsigned long) val) & 0xffff))
#define __pcpu_cast_4(val)	((u32)(((unsigned long) val) & 0xffffffff))
#define __pcpu_cast_8(val)	((u64)(val))

#define __pcpu_op1_1(op, dst)	op "b " dst
#define __pcpu_op1_2(op, dst)	op "w " dst
#define __pcpu_op1_4(op, dst)	op "l " dst
#define __pcpu_op1_8(op, dst)	op "q " dst

#define __pcpu_op2_1(op, src, dst) op "b " src ", " dst
#define __pcpu_op2_2(op, src, dst) op "w " src ", " dst
#define __pcpu_op2_4(op, src, dst) op "l " src ", " dst
#define __pcpu_op2_8(op, src, dst) op "q " src ", " dst

#define __pcpu_reg_1(mod, x)	mod "q" (x)
#define __pcpu_reg_2(mod, x)	mod "r" (x)
#define __pcpu_reg_4(mod, x)	mod "r" (x)
#define __pcpu_reg_8(mod, x)	mod "r" (x)

#define __pcpu_reg_imm_1(x)	"qi" (x)
#define __pcpu_reg_imm_2(x)	"ri" (x)
#define __pcpu_reg_imm_4(x)	"ri" (x)
#define __pcpu_reg_imm_8(x)	"re" (x)

/* qual is empty for raw_cpu_* and 'volatile' for this_cpu_* */
#define __raw_cpu_read(size, qual, _var)				\
({									\
	__pcpu_type_##size pfo_val__;					\
									\
	asm qual (__pcpu_op2_##size("mov", __percpu_arg([var]), "%[val]") \
	    : [val] __pcpu_reg_##size("=", pfo_val__)			\
	    : [var] "m" (__my_cpu_var(_var)));				\
									\
	(typeof(_var))(unsigned long) pfo_val__;			\
})

#define __raw_cpu_write(size, qual, _var, _val)				\
do {									\
	__pcpu_type_##size pto_val__ = __pcpu_cast_##size(_val);	\
									\
	if (0) {							\
		typeof(_var) pto_tmp__;					\
		pto_tmp__ = (_val);					\
		(void)pto_tmp__;					\
	}								\
	asm qual(__pcpu_op2_##size("mov", "%[val]", __percpu_arg([var])) \
	    : [var] "=m" (__my_cpu_var(_var))				\
	    : [val] __pcpu_reg_imm_##size(pto_val__));			\
} while (0)

#define __raw_cpu_read_stable(size, _var)				\
({									\
	__pcpu_type_##size pfo_val__;					\
									\
	asm(__pcpu_op2_##size("mov", __force_percpu_arg(a[var]), "%[val]") \
	    : [val] __pcpu_reg_##size("=", pfo_val__)			\
	    : [var] "i" (&(_var)));					\
									\
	(typeof(_var))(unsigned long) pfo_val__;			\
})

#define percpu_unary_op(size, qual, op, _var)				\
({									\
	asm qual (__pcpu_op1_##size(op, __percpu_arg([var]))		\
	    : [var] "+m" (__my_cpu_var(_var)));				\
})

#define percpu_binary_op(size, qual, op, _var, _val)			\
do {									\
	__pcpu_type_##size pto_val__ = __pcpu_cast_##size(_val);	\
									\
	if (0) {							\
		typeof(_var) pto_tmp__;					\
		pto_tmp__ = (_val);					\
		(void)pto_tmp__;					\
	}								\
	asm qual(__pcpu_op2_##size(op, "%[val]", __percpu_arg([var]))	\
	    : [var] "+m" (__my_cpu_var(_var))				\
	    : [val] __pcpu_reg_imm_##size(pto_val__));			\
} while (0)

/* add of a constant +1/-1 becomes inc/dec: three asm statements in all */
#define percpu_add_op(size, qual, var, val)				\
do {									\
	const int pao_ID__ = (__builtin_constant_p(val) &&		\
			      ((val) == 1 || (val) == -1)) ?		\
				(int)(val) : 0;				\
									\
	if (0) {							\
		typeof(var) pao_tmp__;					\
		pao_tmp__ = (val);					\
		(void)pao_tmp__;					\
	}								\
	if (pao_ID__ == 1)						\
		percpu_unary_op(size, qual, "inc", var);		\
	else if (pao_ID__ == -1)					\
		percpu_unary_op(size, qual, "dec", var);		\
	else								\
		percpu_binary_op(size, qual, "add", var, val);		\
} while (0)

#define raw_cpu_read_1(pcp)		__raw_cpu_read(1, , pcp)
#define raw_cpu_read_2(pcp)		__raw_cpu_read(2, , pcp)
#define raw_cpu_read_4(pcp)		__raw_cpu_read(4, , pcp)
#define raw_cpu_read_8(pcp)		__raw_cpu_read(8, , pcp)
#define raw_cpu_write_1(pcp, val)	__raw_cpu_write(1, , pcp, val)
#define raw_cpu_write_2(pcp, val)	__raw_cpu_write(2, , pcp, val)
#define raw_cpu_write_4(pcp, val)	__raw_cpu_write(4, , pcp, val)
#define raw_cpu_write_8(pcp, val)	__raw_cpu_write(8, , pcp, val)
#define raw_cpu_add_1(pcp, val)		percpu_add_op(1, , (pcp), val)
#define raw_cpu_add_2(pcp, val)		percpu_add_op(2, , (pcp), val)
#define raw_cpu_add_4(pcp, val)		percpu_add_op(4, , (pcp), val)
#define raw_cpu_add_8(pcp, val)		percpu_add_op(8, , (pcp), val)
#define raw_cpu_and_4(pcp, val)		percpu_binary_op(4, , "and", (pcp), val)
#define raw_cpu_or_4(pcp, val)		percpu_binary_op(4, , "or", (pcp), val)

#define this_cpu_read_1(pcp)		__raw_cpu_read(1, volatile, pcp)
#define this_cpu_read_2(pcp)		__raw_cpu_read(2, volatile, pcp)
#define this_cpu_read_4(pcp)		__raw_cpu_read(4, volatile, pcp)
#define this_cpu_read_8(pcp)		__raw_cpu_read(8, volatile, pcp)
#define this_cpu_write_1(pcp, val)	__raw_cpu_write(1, volatile, pcp, val)
#define this_cpu_write_2(pcp, val)	__raw_cpu_write(2, volatile, pcp, val)
#define this_cpu_write_4(pcp, val)	__raw_cpu_write(4, volatile, pcp, val)
#define this_cpu_write_8(pcp, val)	__raw_cpu_write(8, volatile, pcp, val)
#define this_cpu_add_1(pcp, val)	percpu_add_op(1, volatile, (pcp), val)
#define this_cpu_add_2(pcp, val)	percpu_add_op(2, volatile, (pcp), val)
#define this_cpu_add_4(pcp, val)	percpu_add_op(4, volatile, (pcp), val)
#define this_cpu_add_8(pcp, val)	percpu_add_op(8, volatile, (pcp), val)

#define this_cpu_read_stable_1(pcp)	__raw_cpu_read_stable(1, pcp)
#define this_cpu_read_stable_2(pcp)	__raw_cpu_read_stable(2, pcp)
#define this_cpu_read_stable_4(pcp)	__raw_cpu_read_stable(4, pcp)
#define this_cpu_read_stable_8(pcp)	__raw_cpu_read_stable(8, pcp)

#define raw_cpu_read_long(pcp)		raw_cpu_read_8(pcp)

/* needs named address spaces (GCC only): a build error if ever reached */
#define __raw_cpu_read_const(pcp)	({ BUILD_BUG(); (typeof(pcp))0; })
#define this_cpu_read_const(pcp)	__raw_cpu_read_const(pcp)

/* for values the compiler may cache (e.g. 'current') */
#define this_cpu_read_stable(pcp)	__pcpu_size_call_return(this_cpu_read_stable_, pcp)

#include <asm-generic/percpu.h>

/* per-CPU offset of the running CPU, read with one %gs: load */
DECLARE_PER_CPU_READ_MOSTLY(unsigned long, this_cpu_off);

#endif /* _PLT_ASM_X86_PERCPU_H */
