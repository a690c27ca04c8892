// Input of nolint.test: the same finding four times, three of them
// suppressed the clang-tidy way.
#include <linux/preempt.h>
void plain(int x) {
  preempt_disable();
  if (x)
    return;
  preempt_enable();
}
void same_line(int x) {
  preempt_disable();
  if (x)
    return; // NOLINT(preempt-balance)
  preempt_enable();
}
void next_line(int x) {
  preempt_disable();
  if (x)
    // NOLINTNEXTLINE(preempt-*)
    return;
  preempt_enable();
}
// NOLINTBEGIN(preempt-balance)
void region(int x) {
  preempt_disable();
  if (x)
    return;
  preempt_enable();
}
// NOLINTEND(preempt-balance)
void other_check_named(int x) {
  preempt_disable();
  if (x)
    return; // NOLINT(preempt-percpu-access)
  preempt_enable();
}
