#include <linux/percpu.h>
#include "tree.h"

static DEFINE_PER_CPU(int, tree_hits);

/* A per-CPU accessor: its callers must keep the task on its CPU. */
void tree_count_hit(void)
{
	__this_cpu_inc(tree_hits);
}
