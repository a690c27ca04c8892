/* Built inside included-source.c by #include, as kernel/sched/build_policy.c
   builds rt.c: its functions are the unit's own. */

void part_leak(int x)
{
	preempt_disable();
	if (x)
		return;
	preempt_enable();
}

static void part_pinned(void)
{
	preempt_disable();
	__this_cpu_inc(part_hits);
	preempt_enable();
}
