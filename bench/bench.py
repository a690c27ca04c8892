#!/usr/bin/env python3
"""Times preemptlint against clang-19 -fsyntax-only with the same flags over
the same real kernel files, and -j 2 against -j 1.

  bench/bench.py [compile_commands.json] [--files N] [--filter SUBSTR] [--tidy]

Without a database, the corpus is built first with scripts/make-corpus.sh
(build/corpus/linux-6.12/bench.json: kernel/sched kernel/locking kernel/time
kernel/irq arch/x86/kernel/fpu mm lib arch/x86/crypto). --tidy also times
clang-tidy-19 with the preemptlint plugin on the same files.

Prints per-file wall time and peak RSS for both, then the median and total
ratios (targets: time <= 1.10x, memory <= 1.3x) and the -j scaling (target
>= 1.8x with 2 jobs). Uses /usr/bin/time for peak memory."""
import argparse, json, os, shlex, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = os.path.join(ROOT, "build", "bin", "preemptlint")
TIDY_MODULE = os.path.join(ROOT, "build", "lib", "libPreemptTidyModule.so")
DEFAULT_DIRS = ["kernel/sched", "kernel/locking", "kernel/time", "kernel/irq",
                "arch/x86/kernel/fpu", "mm", "lib", "arch/x86/crypto"]

def syntax_only_args(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = ["clang-19"], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-c", "-Werror") or a.startswith("-Wp,-M") or a.startswith("-Werror="):
            continue
        if a == "-o":
            skip = True
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-w", "-fno-caret-diagnostics"]

def measure(cmd, cwd):
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.monotonic()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.monotonic() - start
        rss = int(t.read().strip().splitlines()[-1])
    return wall, rss

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?")
    ap.add_argument("--tidy", action="store_true", help="also time clang-tidy-19 with the plugin")
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--filter", default="")
    o = ap.parse_args()
    if not o.db:
        o.db = subprocess.run([os.path.join(ROOT, "scripts", "make-corpus.sh"), "-n", "bench.json"] + DEFAULT_DIRS,
                              check=True, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]
    db = json.load(open(o.db))
    dbdir = os.path.dirname(os.path.abspath(o.db))
    entries = [e for e in db if e["file"].endswith(".c") and o.filter in e["file"]]
    step = max(1, len(entries) // o.files)
    entries = entries[::step][:o.files]
    rows, tidy = [], []
    # clang-tidy looks for compile_commands.json by that name
    tidy_dir = tempfile.mkdtemp()
    os.symlink(os.path.abspath(o.db), os.path.join(tidy_dir, "compile_commands.json"))
    print("%-48s %8s %8s %6s %8s %8s %6s" % ("file", "clang s", "lint s", "ratio", "clang MB", "lint MB", "ratio")
          + ("  %8s %6s" % ("tidy s", "ratio") if o.tidy else ""))
    for e in entries:
        f = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
        ct, cm = measure(syntax_only_args(e), e["directory"])
        lt, lm = measure([TOOL, "-p", tidy_dir, f], e["directory"])
        rows.append((ct, lt, cm, lm))
        extra = ""
        if o.tidy:
            tt, _ = measure(["clang-tidy-19", "--load=" + TIDY_MODULE, "--checks=-*,preempt-*", "--quiet",
                             "-p", tidy_dir, f], e["directory"])
            tidy.append(tt / ct)
            extra = "  %8.2f %6.2f" % (tt, tt / ct)
        print("%-48s %8.2f %8.2f %6.2f %8.0f %8.0f %6.2f" % (os.path.relpath(f, dbdir)[-48:], ct, lt, lt / ct, cm / 1024, lm / 1024, lm / cm) + extra)
    tr = [r[1] / r[0] for r in rows]
    mr = [r[3] / r[2] for r in rows]
    print("\nfiles: %d" % len(rows))
    print("time   ratio: median %.3f, total %.3f (target <= 1.10)" % (statistics.median(tr), sum(r[1] for r in rows) / sum(r[0] for r in rows)))
    print("memory ratio: median %.3f, max %.3f (target <= 1.30)" % (statistics.median(mr), max(mr)))
    if tidy:
        print("clang-tidy plugin time ratio to syntax-only: median %.3f" % statistics.median(tidy))
    files = [e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"]) for e in entries]
    t = {}
    for j in (1, 2):
        start = time.monotonic()
        subprocess.run([TOOL, "-p", o.db, "-j", str(j)] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t[j] = time.monotonic() - start
    print("-j scaling: -j1 %.1f s, -j2 %.1f s, speedup %.2fx (target >= 1.8)" % (t[1], t[2], t[1] / t[2]))

if __name__ == "__main__":
    sys.exit(main())
