/* preemptlint test header: kernel threads. */
#ifndef _PLT_LINUX_KTHREAD_H
#define _PLT_LINUX_KTHREAD_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/err.h>
#include <linux/sched.h>

#define NUMA_NO_NODE	(-1)

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data,
					   int node,
					   const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

/* create and wake in one go; evaluates to the task or an ERR_PTR */
#define kthread_run(threadfn, data, namefmt, ...)			   \
({									   \
	struct task_struct *__k						   \
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						   \
		wake_up_process(__k);					   \
	__k;								   \
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);

#endif /* _PLT_LINUX_KTHREAD_H */
