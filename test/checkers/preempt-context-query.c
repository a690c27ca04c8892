// RUN: not %check_preempt --checks='-*,preempt-context-query' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-context-query' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: not %check_preempt --checks='-*,preempt-context-query' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:'
// RUN: %check_preempt --core-paths=%S/ --checks='-*,preempt-context-query' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --check-prefix=CORE --allow-empty --implicit-check-not='warning:' --implicit-check-not='note:'
//
// preempt-context-query: outside core kernel code, behaviour must not be
// chosen by querying the context (in_atomic(), irqs_disabled(),
// in_interrupt(), preemptible(), ...): the caller knows the context and
// should pass it (or a GFP mask) in. Assertions about the context
// (WARN_ON(), BUG_ON(), lockdep_assert_*()) are not behaviour, and
// returning a query's value is not a branch.
//
// The first three RUN lines analyse this file as driver code (it is not
// under one of the model's core_paths): good_* functions produce nothing,
// bad_* exactly the warnings (and notes, CHECK-NEXT) under them, in three
// configurations (see preempt-balance.c). The last RUN line names this
// file's directory with --core-paths, so the file is core kernel code and
// nothing at all is reported:
// CORE-NOT: {{warning|note}}:
//
// Known limits are listed in docs/checks/preempt-context-query.md.

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/delay.h>

extern void work(void);
extern void other_work(void);

void bad_if_in_atomic(void)
{
	if (in_atomic())
// CHECK: :[[@LINE-1]]:6: warning: behaviour chosen by in_atomic() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
		udelay(10);
	else
		msleep(10);
}

void bad_if_irqs_disabled(void)
{
	if (irqs_disabled())
// CHECK: :[[@LINE-1]]:6: warning: behaviour chosen by irqs_disabled() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
		work();
}

void *bad_gfp_chosen_by_in_interrupt(void)
{
	gfp_t gfp;

	if (in_interrupt())
// CHECK: :[[@LINE-1]]:6: warning: behaviour chosen by in_interrupt() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
		gfp = GFP_ATOMIC;
	else
		gfp = GFP_KERNEL;
	return kmalloc(32, gfp);
}

void bad_if_not_preemptible(void)
{
	if (!preemptible())
// CHECK: :[[@LINE-1]]:6: warning: behaviour chosen by preemptible() outside core kernel code; pass the context (or a GFP mask) in from the caller instead [preempt-context-query]
// CHECK-NEXT: :[[@LINE-2]]:7: note: preemptible() queried here
		return;
	msleep(1);
}

void good_warn_on_irqs_disabled(void)
{
	WARN_ON(!irqs_disabled());
	work();
}

void good_bug_on_in_atomic(void)
{
	BUG_ON(in_atomic());
	work();
}

void good_lockdep_assert_irqs_disabled(void)
{
	lockdep_assert_irqs_disabled();
	work();
}

int good_return_in_atomic(void)
{
	return in_atomic();
}

bool good_return_irqs_disabled(void)
{
	return irqs_disabled();
}

void good_no_query(int atomic)
{
	if (atomic)
		udelay(10);
	else
		msleep(10);
}
