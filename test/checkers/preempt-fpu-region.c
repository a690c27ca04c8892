// RUN: not %check_preempt --checks='-*,preempt-fpu-region' %s -- %kflags -msse -msse2 -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: not %check_preempt --checks='-*,preempt-fpu-region' %s -- %kflags -msse -msse2 -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// preempt-fpu-region: kernel code may touch FPU/SIMD state (floating-point
// or vector arithmetic and conversions, inline asm on xmm/ymm/zmm/st/mm
// registers or with 'x' constraints, calls to FPU routines such as *_avx2)
// only between kernel_fpu_begin() and kernel_fpu_end(); sections do not nest,
// must not sleep, and fpregs_restore_userregs() needs preemption disabled.
//
// Compiled the way the kernel compiles its FPU files (-msse -msse2).
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings and notes written under them. At most one FPU-use finding is
// reported per function. Every function is static and referenced from
// hooks[] below: an exported function that does not begin an FPU section
// itself is assumed to be called inside one and is not reported, and a
// static function with direct callers defers its finding to the call sites.

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <asm/fpu/api.h>

typedef float v4sf __attribute__((vector_size(16)));

/* out-of-line FPU routine (matches fpu_routine_patterns "*_avx2") */
void sha256_transform_avx2(void *state, const void *data, int blocks);
extern void fpregs_restore_userregs(void);

/* ---- floating-point arithmetic and conversions ---- */

static int bad_int_to_float(int a, int b)
{
	float f = a;
// CHECK: :[[@LINE-1]]:12: warning: a floating-point conversion outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
	return (int)(f * 1.5f) + b;	/* same function: not repeated */
}

static int bad_double_cast(long x)
{
	return (int)(double)x;
// CHECK: :[[@LINE-1]]:14: warning: a floating-point conversion outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static float bad_float_multiply(float a, float b)
{
	return a * b;
// CHECK: :[[@LINE-1]]:9: warning: floating-point arithmetic outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static int good_float_in_section(int a)
{
	int r;

	kernel_fpu_begin();
	float f = a;
	r = (int)(f * 2.5f);
	kernel_fpu_end();
	return r;
}

/* ---- SSE/AVX inline asm ---- */

static void bad_sse_asm(void)
{
	asm volatile("pxor %%xmm0, %%xmm0" ::: "xmm0");
// CHECK: :[[@LINE-1]]:2: warning: inline asm on FPU/SIMD registers outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static void bad_avx_clobber_only(void)
{
	asm volatile("vzeroupper" ::: "ymm0", "ymm1");
// CHECK: :[[@LINE-1]]:2: warning: inline asm on FPU/SIMD registers outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static void bad_x_constraint(v4sf *p)
{
	v4sf v = *p;
	asm volatile("" : "+x"(v));
// CHECK: :[[@LINE-1]]:2: warning: inline asm on FPU/SIMD registers outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
	*p = v;
}

static void good_sse_asm_in_section(v4sf *p)
{
	v4sf v = *p;

	kernel_fpu_begin();
	asm volatile("pxor %%xmm0, %%xmm0" ::: "xmm0");
	asm volatile("vzeroupper" ::: "ymm0", "ymm1");
	asm volatile("" : "+x"(v));
	kernel_fpu_end();
	*p = v;
}

static void good_integer_asm(unsigned long *p)
{
	asm volatile("incq %0" : "+m"(*p) :: "memory");
}

/* ---- vector types ---- */

static v4sf bad_vector_add(v4sf a, v4sf b)
{
	return a + b;
// CHECK: :[[@LINE-1]]:9: warning: vector arithmetic outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static void good_vector_add_in_section(v4sf *d, const v4sf *a, const v4sf *b)
{
	kernel_fpu_begin();
	*d = *a + *b;
	kernel_fpu_end();
}

/* ---- a static helper: its callers answer for it ---- */

static void xor_helper(void)
{
	asm volatile("pxor %%xmm1, %%xmm1" ::: "xmm1");
}

static void good_helper_in_section(void)
{
	kernel_fpu_begin();
	xor_helper();
	kernel_fpu_end();
}

static void bad_helper_outside(void)
{
	xor_helper();
// CHECK: :[[@LINE-1]]:2: warning: call to 'xor_helper', which uses FPU state (inline asm on FPU/SIMD registers), outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-14]]:2: note: inline asm on FPU/SIMD registers here
}

/* ---- an out-of-line FPU routine ---- */

static void bad_extern_routine(void *st, const void *d, int n)
{
	sha256_transform_avx2(st, d, n);
// CHECK: :[[@LINE-1]]:2: warning: call to FPU routine 'sha256_transform_avx2' outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

/*
 * Its caller's section is dropped around other work and not taken back (the
 * kernel_fpu_begin() after it is missing): sections do not nest, so the
 * routine after the end runs outside any, whatever the caller holds.
 */
static void bad_drop_without_retake(void *st, const void *d, int n)
{
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	sha256_transform_avx2(st, d, n);
// CHECK: :[[@LINE-1]]:2: warning: call to FPU routine 'sha256_transform_avx2' outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-3]]:2: note: the FPU section ended here (kernel_fpu_end())
}

static void good_drop_and_retake(void *st, const void *d, int n)
{
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
}

void use_drop(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	good_drop_and_retake(st, d, n);
	bad_drop_without_retake(st, d, n);
}

static void good_extern_routine(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
}

/* Balanced on every path; the early return comes before the section.
   (An early return between begin and end would leave the section open: that
   is preempt-balance's finding, not this check's.) */
static int good_all_paths_early_return(void *st, const void *d, int n)
{
	if (n <= 0)
		return -1;
	kernel_fpu_begin();
	if (n > 8)
		sha256_transform_avx2(st, d, 8);
	else
		sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	return 0;
}

static void good_irq_fpu_usable(void *st, const void *d, int n)
{
	if (!irq_fpu_usable())
		return;
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
}

/* ---- use after the section ended on some path ---- */

static void bad_use_after_end(void *st, const void *d, int n, int more)
{
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	if (!more)
		kernel_fpu_end();
	sha256_transform_avx2(st, d, n);
// CHECK: :[[@LINE-1]]:2: warning: call to FPU routine 'sha256_transform_avx2' outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-3]]:3: note: the FPU section ended here (kernel_fpu_end())
// CHECK-NEXT: :[[@LINE-5]]:6: note: assuming this condition is true
	if (more)
		kernel_fpu_end();
}

/* ---- nesting ---- */

static void bad_nested(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	kernel_fpu_begin();
// CHECK: :[[@LINE-1]]:2: warning: kernel_fpu_begin() begins an FPU section inside another; FPU sections do not nest [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-3]]:2: note: outer section begun here (kernel_fpu_begin())
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	kernel_fpu_end();
}

static void good_two_sections(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
}

/* ---- sleeping inside a section ---- */

static void bad_msleep_in_section(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	msleep(10);
// CHECK: :[[@LINE-1]]:2: warning: msleep(), which may sleep, inside an FPU section; kernel_fpu_begin() disabled preemption [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-4]]:2: note: FPU section begun here (kernel_fpu_begin())
	kernel_fpu_end();
}

static void good_msleep_between_sections(void *st, const void *d, int n)
{
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
	msleep(10);
	kernel_fpu_begin();
	sha256_transform_avx2(st, d, n);
	kernel_fpu_end();
}

/* ---- restoring user FPU registers ---- */

static void bad_restore_preemptible(void)
{
	fpregs_restore_userregs();
// CHECK: :[[@LINE-1]]:2: warning: fpregs_restore_userregs() restores FPU registers with preemption enabled; a preemption in between loses or corrupts them [preempt-fpu-region]
}

static void good_restore_pinned(void)
{
	preempt_disable();
	fpregs_restore_userregs();
	preempt_enable();
}

/* ---- no FPU at all ---- */

static int good_integer_only(int a, int b)
{
	int r = a * b + (a >> 2);

	if (r > 100)
		r /= 3;
	return r;
}

/* ---- more FPU users and pinning ---- */

static void bad_x87_asm(void)
{
	asm volatile("fninit" ::: "st");
// CHECK: :[[@LINE-1]]:2: warning: inline asm on FPU/SIMD registers outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static void bad_mmx_asm(void)
{
	asm volatile("movq %%mm0, %%mm1; emms" ::);
// CHECK: :[[@LINE-1]]:2: warning: inline asm on FPU/SIMD registers outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static int bad_float_compare(float a, float b)
{
	return a < b;
// CHECK: :[[@LINE-1]]:9: warning: floating-point arithmetic outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

extern void aesni_enc(void *ctx, unsigned char *dst, const unsigned char *src);

static void bad_aesni_outside(void *ctx, unsigned char *buf)
{
	aesni_enc(ctx, buf, buf);
// CHECK: :[[@LINE-1]]:2: warning: call to FPU routine 'aesni_enc' outside kernel_fpu_begin()/kernel_fpu_end(); the kernel does not save FPU registers for kernel code [preempt-fpu-region]
}

static void good_aesni_loop_of_sections(void *ctx, unsigned char *buf, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		kernel_fpu_begin();
		aesni_enc(ctx, buf + 16 * i, buf + 16 * i);
		kernel_fpu_end();
	}
}

static void sleepy_helper(void)
{
	msleep(1);
}

static void bad_sleep_via_helper_in_section(void)
{
	kernel_fpu_begin();
	sleepy_helper();
// CHECK: :[[@LINE-1]]:2: warning: call to 'sleepy_helper', which may sleep (msleep), inside an FPU section; kernel_fpu_begin() disabled preemption [preempt-fpu-region]
// CHECK-NEXT: :[[@LINE-3]]:2: note: FPU section begun here (kernel_fpu_begin())
	kernel_fpu_end();
}

static void good_restore_irqs_off(void)
{
	unsigned long flags;

	local_irq_save(flags);
	fpregs_restore_userregs();
	local_irq_restore(flags);
}

void *hooks[] = {
	bad_x87_asm, bad_mmx_asm, bad_float_compare, bad_aesni_outside,
	good_aesni_loop_of_sections, bad_sleep_via_helper_in_section,
	good_restore_irqs_off,
	bad_int_to_float, bad_double_cast, bad_float_multiply, good_float_in_section,
	bad_sse_asm, bad_avx_clobber_only, bad_x_constraint, good_sse_asm_in_section,
	good_integer_asm, bad_vector_add, good_vector_add_in_section,
	good_helper_in_section, bad_helper_outside, bad_extern_routine,
	good_extern_routine, good_all_paths_early_return, good_irq_fpu_usable,
	bad_use_after_end, bad_nested, good_two_sections, bad_msleep_in_section,
	good_msleep_between_sections, bad_restore_preemptible, good_restore_pinned,
	good_integer_only,
};
