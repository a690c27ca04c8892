#!/usr/bin/env python3
"""Writes big kernel-style inputs for the bounded-work tests and benchmark.

  gen-bounded.py chain N [TERMS]   one `if` whose condition is N `&&` terms
  gen-bounded.py long N [SHAPE]    one function of N statements

chain: `chain()` disables preemption, tests the N terms and enables it only
when they all hold, so its `return -1` leaks; `corr()` ends with the same
chain behind a correlated test of `x`, and is clean. TERMS is `field` (each
term is a field of its own, so every term is a fact), `call` (each term is a
call) or `mixed` (the default, alternating).

long: `long_leak()` disables preemption on one path at its start and never
enables it (the leak is reported at its closing brace); then N statements of
SHAPE: `if` (the default: `if (step(d, i)) d->v[i % 64]++;`), `call` (`step(d, i);`) or
`assign` (`d->v[i % 64] = a + i;`). `long_cond()` and `long_err()` run the
same statements, then disable preemption on one path and return 1 (success,
the trylock convention: silent) or -5 (an error code: reported).
`long_clean()` is the body of `long_leak()` with the section closed before
the end and must stay silent.

FileCheck lines are written into the output under the line they are about,
so the file is its own check file."""
import sys

what, n = sys.argv[1], int(sys.argv[2])
variant = sys.argv[3] if len(sys.argv) > 3 else ""
out = []
emit = out.append

emit("#include <linux/kernel.h>")
emit("#include <linux/preempt.h>")
emit("extern int step(void *d, int i);")

if what == "chain":
    terms = variant or "mixed"
    fields = [f"f{i}" for i in range(n)]
    emit("struct dev {")
    for f in fields:
        emit(f"\tint {f};")
    emit("};")

    def term(i):
        if terms == "call" or (terms == "mixed" and i % 2):
            return f"step(d, {i})"
        return f"d->{fields[i]}"

    def chain(indent):
        # One term a line: the condition is a single expression.
        emit(f"{indent}if ({term(0)} &&")
        for i in range(1, n - 1):
            emit(f"{indent}    {term(i)} &&")
        emit(f"{indent}    {term(n - 1)}) {{")

    emit("int chain(struct dev *d)")
    emit("{")
    emit("\tpreempt_disable();")
    chain("\t")
    emit("\t\tpreempt_enable();")
    emit("\t\treturn 0;")
    emit("\t}")
    emit("\treturn -1;")
    emit("// CHECK: :[[@LINE-1]]:2: warning: 'chain' returns with preemption disabled "
         "on this path but not on others [preempt-balance]")
    emit("}")
    # The facts of the chain must not mix the paths of a correlated test.
    emit("void corr(struct dev *d, int x)")
    emit("{")
    emit("\tif (x)")
    emit("\t\tpreempt_disable();")
    chain("\t")
    emit("\t\td->f0 = 0;")
    emit("\t}")
    emit("\tif (x)")
    emit("\t\tpreempt_enable();")
    emit("}")
elif what == "long":
    shape = variant or "if"
    emit("struct dev { int v[64]; };")

    def body():
        for i in range(n):
            if shape == "if":
                emit(f"\tif (step(d, {i}))")
                emit(f"\t\td->v[{i % 64}]++;")
            elif shape == "call":
                emit(f"\tstep(d, {i});")
            else:
                emit(f"\td->v[{i % 64}] = a + {i};")

    emit("void long_leak(struct dev *d, int a)")
    emit("{")
    emit("\tif (a)")
    emit("\t\tpreempt_disable();")
    body()
    emit("}")
    emit("// CHECK: :[[@LINE-1]]:1: warning: 'long_leak' returns with preemption disabled "
         "on this path but not on others [preempt-balance]")
    # A section left open on the path that returns success (1) is the
    # trylock convention, not a leak; on the path that returns an error
    # code it is.
    for name, value in (("long_cond", "1"), ("long_err", "-5")):
        emit(f"int {name}(struct dev *d, int a)")
        emit("{")
        body()
        emit("\tif (a) {")
        emit("\t\tpreempt_disable();")
        emit(f"\t\treturn {value};")
        if name == "long_err":
            emit(f"// CHECK: :[[@LINE-1]]:3: warning: '{name}' returns with preemption disabled "
                 "on this path but not on others [preempt-balance]")
        emit("\t}")
        emit("\treturn 0;")
        emit("}")
    emit("void long_clean(struct dev *d, int a)")
    emit("{")
    emit("\tif (a)")
    emit("\t\tpreempt_disable();")
    body()
    emit("\tif (a)")
    emit("\t\tpreempt_enable();")
    emit("}")
else:
    sys.exit(f"unknown input kind {what}")
print("\n".join(out))
