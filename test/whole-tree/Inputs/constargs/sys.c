/* Process-context roots passing constants. */
extern int queue_work_mode(int *slot, int mode);
extern int freeze_others(int primary);

static int slot;

long __do_sys_queue_resume(void)
{
	return queue_work_mode(&slot, 1);
}

long __do_sys_queue_nmi(void)
{
	return queue_work_mode(&slot, 4);
}

long __do_sys_freeze_first(void)
{
	return freeze_others(0);
}

long __do_sys_freeze_any(void)
{
	int cpu = -1;

	return freeze_others(cpu);
}

extern int queue_work_flags(int *slot, int mode);
extern int freeze_rest(int primary);

long __do_sys_flags_resume(void)
{
	return queue_work_flags(&slot, 1 | 0x0100);
}

long __do_sys_flags_nmi(void)
{
	return queue_work_flags(&slot, 4 | 0x0100);
}

long __do_sys_rest_first(void)
{
	return freeze_rest(0);
}

long __do_sys_rest_any(void)
{
	return freeze_rest(-1);
}

extern int freeze_mixed(int primary);

long __do_sys_mixed_first(void)
{
	return freeze_mixed(0);
}
