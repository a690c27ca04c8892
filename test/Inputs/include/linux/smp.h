/* preemptlint test header: SMP helpers and the CPU-id macros. */
#ifndef _PLT_LINUX_SMP_H
#define _PLT_LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef void (*smp_call_func_t)(void *info);
typedef bool (*smp_cond_func_t)(int cpu, void *info);

/* normally linux/cpumask.h */
struct cpumask {
	unsigned long bits[1];
};
extern struct cpumask __cpu_online_mask;
#define cpu_online_mask   ((const struct cpumask *)&__cpu_online_mask)

int smp_call_function_single(int cpuid, smp_call_func_t func, void *info,
			     int wait);

void on_each_cpu_cond_mask(smp_cond_func_t cond_func, smp_call_func_t func,
			   void *info, bool wait, const struct cpumask *mask);

/* run func on every online CPU (including this one) */
static inline void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_cond_mask(NULL, func, info, wait, cpu_online_mask);
}

static inline void on_each_cpu_mask(const struct cpumask *mask,
				    smp_call_func_t func, void *info, bool wait)
{
	on_each_cpu_cond_mask(NULL, func, info, wait, mask);
}

#ifdef CONFIG_SMP

#include <linux/preempt.h>
#include <asm/smp.h>

void smp_call_function(smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask,
			    smp_call_func_t func, void *info, bool wait);
int smp_call_function_any(const struct cpumask *mask,
			  smp_call_func_t func, void *info, int wait);

#else /* !CONFIG_SMP */

#include <linux/preempt.h>

#define raw_smp_processor_id()			0
static inline void up_smp_call_function(smp_call_func_t func, void *info)
{
}
#define smp_call_function(func, info, wait) \
			(up_smp_call_function(func, info))

#endif /* !CONFIG_SMP */

#ifndef __smp_processor_id
#define __smp_processor_id() raw_smp_processor_id()
#endif

#ifdef CONFIG_DEBUG_PREEMPT
  extern unsigned int debug_smp_processor_id(void);
# define smp_processor_id() debug_smp_processor_id()
#else
# define smp_processor_id() __smp_processor_id()
#endif

#define get_cpu()		({ preempt_disable(); __smp_processor_id(); })
#define put_cpu()		preempt_enable()

#endif /* _PLT_LINUX_SMP_H */
