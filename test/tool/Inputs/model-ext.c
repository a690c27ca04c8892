// Input of model.test.
#include <linux/smp.h>
void my_pin(void);
void my_unpin(void);
int cpus[64];
static void pinned_by_extension(void) {
  my_pin(); cpus[smp_processor_id()]++; my_unpin();
}
void (*hook)(void) = pinned_by_extension;
