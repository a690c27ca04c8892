/* Helpers whose per-CPU need lies where a parameter has one value. */
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/smp.h>

struct qitem {
	int n;
};
static DEFINE_PER_CPU(struct qitem, nmi_item);
static DEFINE_MUTEX(frz_mutex);

extern int any_cpu(void);

/* Only `case 4:` touches this CPU's item (task_work_add()'s TWA_NMI_CURRENT). */
int queue_work_mode(int *slot, int mode)
{
	*slot = mode;
	switch (mode) {
	case 0:
		break;
	case 1:
		*slot = 2;
		break;
	case 4:
		this_cpu_ptr(&nmi_item)->n++;
		break;
	}
	return 0;
}

/* Asks another file for this CPU only when primary is -1
 * (freeze_secondary_cpus() -> housekeeping_any_cpu()). */
int freeze_others(int primary)
{
	mutex_lock(&frz_mutex);
	if (primary == -1)
		primary = any_cpu();
	mutex_unlock(&frz_mutex);
	return primary;
}

/* The mode masked before the switch (task_work_add()'s `notify &= ~TWA_FLAGS`):
 * a caller's flags do not change which case it reaches. */
#define QF_FLAGS 0xff00
#define QF_NO_ALLOC 0x0100
extern int first_cpu(void);

int queue_work_flags(int *slot, int mode)
{
	int flags = mode & QF_FLAGS;

	mode &= ~QF_FLAGS;
	*slot = flags;
	switch (mode) {
	case 1:
		*slot = 2;
		break;
	case 4:
		this_cpu_ptr(&nmi_item)->n++;
		break;
	}
	return 0;
}

/* The parameter tested, then written, then the call (freeze_secondary_cpus()
 * assigns primary before it asks housekeeping_any_cpu()). */
int freeze_rest(int primary)
{
	mutex_lock(&frz_mutex);
	if (primary == -1) {
		primary = first_cpu();
		if (primary < 0)
			primary = any_cpu();
	}
	mutex_unlock(&frz_mutex);
	return primary;
}

/* Two sources of a need: one only when primary is -1, one always. */
extern void other_need(void);

int freeze_mixed(int primary)
{
	if (primary == -1)
		primary = any_cpu();
	other_need();
	return primary;
}
