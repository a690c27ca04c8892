#!/usr/bin/env python3
"""CPU time of one edited file against clang-19 -fsyntax-only.

For each named file of a compilation database: a copy beside it (NAME_pl_edit.c,
removed afterwards) in a scratch database; then, best of three, the CPU time
(user+sys of the process tree) of clang-19 -fsyntax-only with the file's flags,
of preemptlint without the cache, and of preemptlint on a warm cache after a
comment was appended to the file (the entry is stale by the file alone: the
header function bodies its last analysis did not use are skipped).

    bench/one-edit.py DB.json kernel/sched/core.c net/core/dev.c [--tool BIN]
"""
import argparse, json, os, resource, shlex, shutil, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("files", nargs="+")
ap.add_argument("--tool", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "preemptlint"))
ap.add_argument("--runs", type=int, default=3)
a = ap.parse_args()
tool = os.path.abspath(a.tool)
db = json.load(open(a.db))


def cpu(cmd, cwd, before=None):
    best = float("inf")
    for _ in range(a.runs):
        if before:
            before()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return best


scratch = tempfile.mkdtemp(prefix="pl-one-edit.")
copies = []
try:
    entries = []
    for name in a.files:
        e = next((x for x in db if x["file"].endswith(name)), None)
        if not e:
            sys.exit("one-edit: no entry for %s" % name)
        src = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
        dst = src[:-2] + "_pl_edit.c"
        shutil.copy(src, dst)
        copies.append(dst)
        args = e.get("arguments") or shlex.split(e["command"])
        names = (e["file"], src, os.path.relpath(src, e["directory"]))
        e = dict(e, file=dst, arguments=[dst if x in names else x for x in args])
        e.pop("command", None)
        entries.append(e)
    json.dump(entries, open(os.path.join(scratch, "compile_commands.json"), "w"))
    cache = os.path.join(scratch, "cache")
    print("%-28s %10s %16s %16s" % ("file", "clang", "cold", "edit"))
    for e in entries:
        flags, skip = [], False
        for x in e["arguments"][1:]:
            if skip:
                skip = False
            elif x == "-o":
                skip = True
            elif x != "-c" and not x.startswith("-Wp,-M"):
                flags.append(x)
        f = e["file"]
        c = cpu(["clang-19", "-fsyntax-only", "-w"] + flags, e["directory"])
        base = [tool, "-p", scratch, "-j", "1", "--whole-tree=false", "-o", "/dev/null", f]
        n = cpu(base[:1] + ["--no-cache"] + base[1:], scratch)
        subprocess.run(base[:1] + ["--cache-dir", cache] + base[1:], capture_output=True)
        w = cpu(base[:1] + ["--cache-dir", cache] + base[1:], scratch,
                before=lambda: open(f, "a").write("/* edit */\n"))
        print("%-28s %9.2fs %9.2fs %5.2fx %9.2fs %5.2fx" % (os.path.basename(f)[:28], c, n, n / c, w, w / c))
finally:
    for c in copies:
        os.remove(c)
    shutil.rmtree(scratch, ignore_errors=True)
