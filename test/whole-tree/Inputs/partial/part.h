/* A driver split over two files: locks and sections begun or ended on some paths only. */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/percpu.h>
#include <linux/workqueue.h>

struct pdev {
	spinlock_t lock;
	int val;
	struct work_struct work;
};

void pdev_clear(struct pdev *d, int n);
void pdev_clear_held(struct pdev *d, int n);
int pdev_update(struct pdev *d, int v);
int pdev_lock_if(struct pdev *d, int v);
void pdev_inner(struct pdev *d, int n);
void pdev_walk_tail(int n);
void pdev_count(void);
int pdev_list_show(char *buf);
void pdev_wait(struct pdev *d);

/* A lock inside an anonymous struct member, as in struct blk_mq_ctx. */
struct pdev_ctx {
	struct {
		spinlock_t lock;
		int queued;
	};
	int cpu;
};
int pdev_ctx_merge(struct pdev_ctx *c, int n);
void pdev_refill(struct pdev *d);

/* A header helper: the call it makes is its caller's, for the whole tree. */
static inline void pdev_sync(struct pdev *d)
{
	if (d->val)
		pdev_wait(d);
}
