/* A small driver split over several files: what one file does, another relies on. */
#include <linux/kernel.h>
#include <linux/spinlock.h>

struct tdev {
	spinlock_t lock;
	int val;
	int ready;
	spinlock_t arm_lock;
};

void tree_wait_ready(struct tdev *d);
void tree_reset(struct tdev *d);
void tree_count_hit(void);
void tdev_lock(struct tdev *d);
void tdev_unlock(struct tdev *d);
int tdev_update(struct tdev *d, int v);
void tdev_clear(struct tdev *d);
void tdev_walk(struct tdev *d, int n);
void tree_wait_unlocked(struct tdev *d);
struct timer_list;
void tree_timer_fn(struct timer_list *t);
