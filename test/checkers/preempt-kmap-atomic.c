// RUN: not %check_preempt --checks='-*,preempt-kmap-atomic' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: not %check_preempt --checks='-*,preempt-kmap-atomic' %s -- %kflags -include %inputs/include/config-debug.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: not %check_preempt --checks='-*,preempt-kmap-atomic' %s -- %kflags -include %inputs/include/config-nopreempt.h | %FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// preempt-kmap-atomic: kmap_atomic() is deprecated; kmap_local_page() maps
// the page without disabling preemption and page faults.
//
// Functions named good_* must produce nothing; bad_* must produce exactly the
// warnings written under them (no notes), in three configurations (see
// preempt-balance.c).

#include <linux/kernel.h>
#include <linux/highmem.h>

void bad_kmap_atomic(struct page *p, char c)
{
	char *v = kmap_atomic(p);
// CHECK: :[[@LINE-1]]:12: warning: kmap_atomic() is deprecated; use kmap_local_page() (it does not disable preemption or page faults: add preempt_disable() or pagefault_disable() only where the code relies on them) [preempt-kmap-atomic]
	v[0] = c;
	kunmap_atomic(v);
}

void bad_kmap_atomic_twice(struct page *a, struct page *b)
{
	char *va = kmap_atomic(a);
// CHECK: :[[@LINE-1]]:13: warning: kmap_atomic() is deprecated; use kmap_local_page() (it does not disable preemption or page faults: add preempt_disable() or pagefault_disable() only where the code relies on them) [preempt-kmap-atomic]
	char *vb = kmap_atomic(b);
// CHECK: :[[@LINE-1]]:13: warning: kmap_atomic() is deprecated; use kmap_local_page() (it does not disable preemption or page faults: add preempt_disable() or pagefault_disable() only where the code relies on them) [preempt-kmap-atomic]
	vb[0] = va[0];
	kunmap_atomic(vb);
	kunmap_atomic(va);
}

void good_kmap_local_page(struct page *p, char c)
{
	char *v = kmap_local_page(p);
	v[0] = c;
	kunmap_local(v);
}

void good_kmap_local_page_nested(struct page *a, struct page *b)
{
	char *va = kmap_local_page(a);
	char *vb = kmap_local_page(b);
	vb[0] = va[0];
	kunmap_local(vb);
	kunmap_local(va);
}

/* (static, uncalled: each function answers for its own per-CPU accesses)
   A conversion to kmap_local_page() that still relies on what kmap_atomic()
   did: per-CPU data inside the section is no longer pinned. */
#include <linux/percpu.h>
#include <linux/spinlock.h>

static DEFINE_PER_CPU(unsigned long, kmap_hits);
static DEFINE_SPINLOCK(kmap_lock);

static void bad_percpu_in_kmap_local(struct page *p)
{
	char *a = kmap_local_page(p);

	__this_cpu_inc(kmap_hits);
// CHECK: :[[@LINE-1]]:2: warning: __this_cpu_inc() on per-CPU data inside a kmap_local_page() section; unlike kmap_atomic(), kmap_local_page() does not disable preemption [preempt-kmap-atomic]
// CHECK-NEXT: :[[@LINE-4]]:12: note: kmap_local_page() section begins here
	a[0] = 1;
	kunmap_local(a);
}

static void good_percpu_in_kmap_local_locked(struct page *p)
{
	char *a = kmap_local_page(p);

	spin_lock(&kmap_lock);
	__this_cpu_inc(kmap_hits);
	spin_unlock(&kmap_lock);
	a[0] = 1;
	kunmap_local(a);
}

static void good_percpu_after_kmap_local(struct page *p)
{
	char *a = kmap_local_page(p);

	a[0] = 1;
	kunmap_local(a);
	this_cpu_inc(kmap_hits);
}
