// RUN: not %check_preempt --checks='-*,preempt-balance,preempt-percpu-access' %s -- %kflags -include %inputs/include/config-full.h | %FileCheck %s --implicit-check-not='warning:'
// clang-tidy shows a finding outside the main file only under its own
// --header-filter (docs/editors.md):
// UNSUPPORTED: tidy-frontend
//
// A source file the unit includes (the kernel's #include "rt.c") is the
// unit's own: its functions are analysed and reported at their place.
#include <linux/preempt.h>
#include <linux/percpu.h>

static DEFINE_PER_CPU(int, part_hits);

#include "Inputs/included-part.c"
// CHECK: included-part.c:8:3: warning: 'part_leak' returns with preemption disabled on this path but not on others [preempt-balance]

void use_part(void)
{
	part_pinned();
}
