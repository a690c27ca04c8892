// Input of rewrite.test. Sparse defines __CHECKER__, and under it the
// kernel's headers use Sparse-only attributes: it must not reach clang.
#ifdef __CHECKER__
#error "__CHECKER__ reached the compiler"
#endif
#include <linux/preempt.h>

void leak(int x)
{
	preempt_disable();
	if (x)
		return;
	preempt_enable();
}
