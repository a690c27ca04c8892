#!/usr/bin/env python3
"""Writes a long kernel-style function with many returns, for the exit
judgement tests: KIND names the section (lock, spin, preempt, irq, rcu, fpu),
SHAPE how the returns are laid out (returns, switch, goto, loop), N how many
error returns there are, and LEAK which of them forgets to end the section
(-1: none, the clean version). FileCheck lines are written into the output
under the line they are about, so the file is its own check file."""
import sys

kind, shape, n, leak = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

# begin, end, what the warning names, the check
SECTIONS = {
    "lock": ("if (mutex_lock_interruptible(&d->mtx))\n\t\treturn -EINTR;", "mutex_unlock(&d->mtx);",
             "'d.mtx' held", "preempt-lock-balance"),
    "spin": ("spin_lock(&d->lock);", "spin_unlock(&d->lock);", "'d.lock' held", "preempt-lock-balance"),
    "preempt": ("preempt_disable();", "preempt_enable();", "preemption disabled", "preempt-balance"),
    "irq": ("local_irq_save(flags);", "local_irq_restore(flags);", "interrupts disabled", "preempt-balance"),
    "rcu": ("rcu_read_lock();", "rcu_read_unlock();", "an RCU read-side critical section open",
            "preempt-balance"),
    "fpu": ("kernel_fpu_begin();", "kernel_fpu_end();", "an FPU section open", "preempt-balance"),
}
begin, end, what, check = SECTIONS[kind]
out = []


def emit(line=""):
    out.append(line)


def leak_here(i, indent):
    """An error return; the leaking one forgets the end of the section."""
    if i == leak:
        emit(f"{indent}return -{i + 1};")
        emit(f"// CHECK: :[[@LINE-1]]:{len(indent) + 1}: warning: 'big_{kind}_{shape}' returns with "
             f"{what} on this path but not on others [{check}]")
    else:
        emit(f"{indent}{end}")
        emit(f"{indent}return -{i + 1};")


emit("#include <linux/kernel.h>")
emit("#include <linux/err.h>")
emit("#include <linux/mutex.h>")
emit("#include <linux/spinlock.h>")
emit("#include <linux/rcupdate.h>")
emit("#include <linux/irqflags.h>")
emit("#include <asm/fpu/api.h>")
emit("struct dev { struct mutex mtx; spinlock_t lock; int ready; int v[64]; };")
emit("extern int step(struct dev *d, int i);")
emit(f"int big_{kind}_{shape}(struct dev *d, int a)")
emit("{")
emit("\tunsigned long flags;")
emit("\tint i, ret = 0;")
emit("")
emit("\t" + begin)
if shape == "returns":
    for i in range(n):
        emit(f"\tif (step(d, {i}) < 0) {{")
        leak_here(i, "\t\t")
        emit("\t}")
        emit(f"\td->v[{i % 64}] = a + {i};")
elif shape == "switch":
    emit("\tswitch (a) {")
    for i in range(n):
        emit(f"\tcase {i}:")
        emit(f"\t\tswitch (step(d, {i})) {{")
        emit("\t\tcase 0:")
        emit(f"\t\t\td->v[{i % 64}]++;")
        emit("\t\t\tbreak;")
        emit("\t\tdefault:")
        leak_here(i, "\t\t\t")
        emit("\t\t}")
        emit("\t\tbreak;")
    emit("\tdefault:")
    emit("\t\tbreak;")
    emit("\t}")
elif shape == "goto":
    # A ladder of labels that unwind; the leaking path jumps past the end.
    for i in range(n):
        emit(f"\tret = step(d, {i});")
        emit("\tif (ret < 0)")
        emit(f"\t\tgoto {'out_leak' if i == leak else 'out_unlock'};")
        emit(f"\td->v[{i % 64}] = ret;")
    emit("\t" + end)
    emit("\treturn 0;")
    emit("out_unlock:")
    emit("\t" + end)
    emit("\treturn ret;")
    if leak >= 0:
        emit("out_leak:")
        emit("\treturn ret - 1;")
        emit(f"// CHECK: :[[@LINE-1]]:2: warning: 'big_{kind}_{shape}' returns with "
             f"{what} on this path but not on others [{check}]")
    emit("}")
elif shape == "loop":
    emit(f"\tfor (i = 0; i < a; i++) {{")
    for i in range(n):
        emit(f"\t\tif (step(d, i + {i}) == {i}) {{")
        leak_here(i, "\t\t\t")
        emit("\t\t}")
    emit("\t\td->v[i & 63] = i;")
    emit("\t}")
if shape != "goto":
    emit("\t" + end)
    emit("\treturn ret;")
    emit("}")
print("\n".join(out))
