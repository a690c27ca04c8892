// RUN: not %check_preempt --checks='-*,preempt-context-query' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// preempt-context-query in expressions: a query deciding a ?: choice, in an
// initializer or directly as a macro argument, and one note per finding.
// Notes are checked strictly here (--implicit-check-not='note:').

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/delay.h>

// The GFP mask chosen by a conditional operator on the context: the query
// only becomes a branch in refineAtom() when a condition location is set,
// and a ?: condition never sets one.
// nothing reported (all three functions).
void *bad_gfp_ternary_assignment(void)
{
	gfp_t gfp;

	gfp = in_interrupt() ? GFP_ATOMIC : GFP_KERNEL;
// CHECK: :[[@LINE-1]]:8: warning: behaviour chosen by in_interrupt() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
	return kmalloc(32, gfp);
}

void *bad_gfp_ternary_initializer(void)
{
	gfp_t gfp = in_interrupt() ? GFP_ATOMIC : GFP_KERNEL;
// CHECK: :[[@LINE-1]]:14: warning: behaviour chosen by in_interrupt() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]

	return kmalloc(32, gfp);
}

void *bad_gfp_ternary_argument(void)
{
	return kmalloc(32, in_atomic() ? GFP_ATOMIC : GFP_KERNEL);
// CHECK: :[[@LINE-1]]:21: warning: behaviour chosen by in_atomic() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
}

// When the query is the whole condition, ContextQueryCheck means to leave
// out the "queried here" note (E.Loc != CondLoc), but the query's location
// is the macro expansion and the condition's the file location, so a note
// at the very same line:column follows the warning.
// <file>:51:6: warning: behaviour chosen by in_atomic() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
//                <file>:51:6: note: in_atomic() queried here
void bad_redundant_note(void)
{
	if (in_atomic())
// CHECK: :[[@LINE-1]]:6: warning: behaviour chosen by in_atomic() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
		udelay(10);
	else
		msleep(10);
}
