#include <linux/preempt.h>
#include <linux/smp.h>
int cpus[64];
static void same_line(void) { cpus[smp_processor_id()]++; } // NOLINT(preempt-percpu-access)
static void bare(void) { cpus[smp_processor_id()]++; } // NOLINT
static void other_check(void) { cpus[smp_processor_id()]++; } // NOLINT(preempt-balance)
static void glob(void) { cpus[smp_processor_id()]++; } /* NOLINT(preempt-*) */
static void listed(void) { cpus[smp_processor_id()]++; } // NOLINT(preempt-balance, preempt-percpu-access)
// NOLINTNEXTLINE(preempt-percpu-access)
static void next_line(void) { cpus[smp_processor_id()]++; }
// NOLINTNEXTLINE(preempt-balance)
static void next_line_other(void) { cpus[smp_processor_id()]++; }
// NOLINTBEGIN(preempt-percpu-access)
static void in_block1(void) { cpus[smp_processor_id()]++; }
static void in_block2(void) { cpus[smp_processor_id()]++; }
// NOLINTEND(preempt-percpu-access)
static void after_block(void) { cpus[smp_processor_id()]++; }
static void not_a_marker(void) { cpus[smp_processor_id()]++; } // NOLINTED
// NOLINTBEGIN(preempt-percpu-access)
static void unterminated(void) { cpus[smp_processor_id()]++; }
void (*hooks[])(void) = { same_line, bare, other_check, glob, listed, next_line, next_line_other, in_block1, in_block2, after_block, not_a_marker, unterminated };
