#include <linux/preempt.h>
void broken(void) { preempt_disable( }
