#!/usr/bin/env python3
"""The preemptlint benchmark over the real Linux corpus: one command, one table.

  bench/bench.py [compile_commands.json] [--parts LIST] [--files N] [--tree-files N]
                 [--repeat R] [--json OUT] ...

Without a database the corpus is built first with scripts/make-corpus.sh
(build/corpus/linux-6.12/bench.json, the directories of DEFAULT_DIRS); an
existing build is reused.

Parts (--parts, comma separated, default all):
  perfile    per file, on --files N files spread evenly over the database:
             wall and CPU time of preemptlint, Sparse (as Kbuild's C=1 runs it)
             and clang-tidy-19 with the plugin, each against clang-19
             -fsyntax-only with the same flags, and peak RSS against clang;
             median and worst per-file ratio. Runs are paired (the tools one
             after the other on the same file) and repeated --repeat times;
             each figure is the median of its repeats.
  jobs       -j1 against -j2 over the same files (wall time).
  cache      cold (empty --cache-dir), warm (unchanged) and one-edit runs
             over a sub-database of --tree-files files, and the one edit
             with the file alone in its database; "n/a" when the binary
             has no --cache-dir. The edited file is a copy in the scratch
             tree (the corpus is never written).
  wholetree  the default whole-tree run against --whole-tree=false over the
             sub-database: the cost of the link.
  shards     the sub-database in --shards parts (--shard K/N, then --merge;
             with an older binary, parts sharing one --facts-dir, the last
             one linking) gives the findings of one single run.
  callgrind  total instructions (Ir, valgrind --tool=callgrind) of
             preemptlint and clang-19 -fsyntax-only on --callgrind-files files:
             the figure that stays stable on a loaded machine.
  parse      what the parse of --parse-files is made of: clang-19
             -ftime-report, and the parse with the bodies of functions
             defined in headers skipped, or all bodies skipped
             (bench/parse-probe.cpp, built on demand), in CPU time and Ir:
             what a warm cache could skip.

CPU time (user + system, from /usr/bin/time, including worker processes) is
reported next to wall time: on a shared machine wall time measures the load
as much as the tool. Targets are those of docs/performance.md."""
import argparse, datetime, json, os, platform, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
TOOL = os.path.join(BUILD, "bin", "preemptlint")
TIDY_MODULE = os.path.join(BUILD, "lib", "libPreemptTidyModule.so")
PROBE_SRC = os.path.join(ROOT, "bench", "parse-probe.cpp")
PROBE = os.path.join(BUILD, "bench", "parse-probe")
RESOURCE_DIR = "/usr/lib/llvm-19/lib/clang/19"
DEFAULT_DIRS = ["kernel/sched", "kernel/locking", "kernel/time", "kernel/irq",
                "arch/x86/kernel/fpu", "mm", "lib", "arch/x86/crypto"]
PARSE_FILES = ["kernel/sched/core.c", "net/core/dev.c", "mm/page_alloc.c"]
PARTS = ["perfile", "jobs", "cache", "wholetree", "shards", "callgrind", "parse"]

# What Kbuild's C=1 passes to Sparse before the compile command's c_flags:
# CHECKFLAGS of the top Makefile (linux-6.12/Makefile: the -D list and
# -Wbitwise -Wno-return-void -Wno-unknown-attribute; --arch=$(ARCH),
# -mlittle-endian, -m64) and arch/x86/Makefile (-D__x86_64__ for 64-bit).
# scripts/Makefile.build runs `$(CHECK) $(CHECKFLAGS) $(c_flags) $<`.
SPARSE_CHECKFLAGS = ["-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__",
                     "-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
                     "--arch=x86_64", "-mlittle-endian", "-m64", "-D__x86_64__"]

TARGETS = {
    "time": 1.10, "rss": 1.30, "jobs": 1.8, "warm": 0.05, "edit": 0.70, "link": 0.10,
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- commands -----------------------------------------------------------

def entry_file(e):
    return e["file"] if os.path.isabs(e["file"]) else os.path.normpath(os.path.join(e["directory"], e["file"]))


def entry_args(e):
    return list(e["arguments"]) if "arguments" in e else shlex.split(e["command"])


def compile_flags(e):
    """The compile command without the compiler, -c, -o, dependency output and
    -Werror: what clang -fsyntax-only and Sparse are given (c_flags and the file)."""
    out, skip = [], False
    for a in entry_args(e)[1:]:
        if skip:
            skip = False
            continue
        if a in ("-c", "-Werror") or a.startswith("-Wp,-M") or a.startswith("-Werror="):
            continue
        if a == "-o":
            skip = True
            continue
        out.append(a)
    return out


def clang_cmd(e, extra=()):
    return ["clang-19"] + compile_flags(e) + ["-fsyntax-only", "-w", "-fno-caret-diagnostics"] + list(extra)


def sparse_cmd(e):
    return ["sparse"] + SPARSE_CHECKFLAGS + compile_flags(e)


def tidy_cmd(dbdir, e):
    return ["clang-tidy-19", "--load=" + TIDY_MODULE, "--checks=-*,preempt-*", "--quiet",
            "-p", dbdir, entry_file(e)]


class Lint:
    """preemptlint, with or without the result cache of its binary."""

    def __init__(self):
        help_text = subprocess.run([TOOL, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True).stdout
        self.has_cache = "--cache-dir" in help_text and "--no-cache" in help_text
        self.has_shards = "--shard" in help_text and "--merge" in help_text

    def cmd(self, db, files=(), jobs=None, cache=None, extra=()):
        """cache: None = no cache (--no-cache when the binary has one), or a directory."""
        c = [TOOL, "-p", db]
        if jobs:
            c.append("-j%d" % jobs)
        if self.has_cache:
            c += ["--cache-dir", cache] if cache else ["--no-cache"]
        return c + list(extra) + list(files)


def measure(cmd, cwd=None):
    """Wall s, CPU s (user + system, children included), peak RSS KB, exit code."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.monotonic() - start
        fields = t.read().strip().splitlines()[-1].split()
    return {"wall": wall, "cpu": float(fields[1]) + float(fields[2]), "rss": int(fields[3]), "rc": p.returncode}


def median_of(runs, key):
    return statistics.median(r[key] for r in runs)


def ratio_summary(xs):
    return {"median": statistics.median(xs), "worst": max(xs)} if xs else None


# ---- databases ----------------------------------------------------------

def spread(entries, n, offset=0.5):
    if n >= len(entries):
        return list(entries)
    step = len(entries) / n
    return [entries[min(len(entries) - 1, int(i * step + step * offset))] for i in range(n)]


def write_db(dirpath, entries):
    os.makedirs(dirpath, exist_ok=True)
    path = os.path.join(dirpath, "compile_commands.json")
    with open(path, "w") as f:
        json.dump(entries, f, indent=1)
    return path


def scratch_copy(e, scratch):
    """A copy of e's file under scratch, and an entry compiling the copy with
    the original directory first on the quote include path."""
    src = entry_file(e)
    dst = os.path.join(scratch, "src", os.path.relpath(src, "/"))
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    args = entry_args(e)
    args = [dst if os.path.normpath(os.path.join(e["directory"], a)) == src else a for a in args]
    args[1:1] = ["-iquote", os.path.dirname(src)]
    return dst, {"directory": e["directory"], "file": dst, "arguments": args}


# ---- parts ----------------------------------------------------------------

def part_perfile(o, lint, sample, sampledir, res):
    rows = []
    tools = ["clang", "lint"] + (["sparse"] if o.sparse else []) + (["tidy"] if o.tidy else [])
    runs = {id(e): {t: [] for t in tools} for e in sample}
    for r in range(o.repeat):
        for i, e in enumerate(sample):
            log("perfile: repeat %d/%d, file %d/%d %s" % (r + 1, o.repeat, i + 1, len(sample), e["file"]))
            d = e["directory"]
            runs[id(e)]["clang"].append(measure(clang_cmd(e), d))
            with tempfile.TemporaryDirectory(prefix="bench-cache-") as cdir:
                runs[id(e)]["lint"].append(measure(lint.cmd(sampledir, [entry_file(e)],
                                                            cache=cdir if lint.has_cache else None), d))
            if o.sparse:
                runs[id(e)]["sparse"].append(measure(sparse_cmd(e), d))
            if o.tidy:
                runs[id(e)]["tidy"].append(measure(tidy_cmd(sampledir, e), d))
    for e in sample:
        row = {"file": os.path.relpath(entry_file(e), o.treeroot)}
        for t in tools:
            rr = runs[id(e)][t]
            row[t] = {k: median_of(rr, k) for k in ("wall", "cpu", "rss")}
            row[t]["rc"] = max(x["rc"] for x in rr)
        rows.append(row)
    res["perfile"] = {"files": rows, "tools": tools, "repeat": o.repeat}
    summ = {}
    for t in tools[1:]:
        for k in ("wall", "cpu"):
            summ["%s_%s" % (t, k)] = ratio_summary([r[t][k] / r["clang"][k] for r in rows])
    summ["lint_rss"] = ratio_summary([r["lint"]["rss"] / r["clang"]["rss"] for r in rows])
    summ["lint_total_cpu"] = sum(r["lint"]["cpu"] for r in rows) / sum(r["clang"]["cpu"] for r in rows)
    res["perfile"]["summary"] = summ
    errs = [r["file"] for r in rows if r["lint"]["rc"] >= 2]
    if errs:
        res["perfile"]["lint_errors"] = errs

    hdr = "%-40s %7s %7s %7s %7s" % ("file", "clang", "lint", "ratio", "cpu r")
    if "sparse" in tools:
        hdr += " %7s %7s" % ("sparse", "ratio")
    if "tidy" in tools:
        hdr += " %7s %7s" % ("tidy", "ratio")
    hdr += " %6s %6s %6s" % ("clangMB", "lintMB", "ratio")
    print("\nPer file (wall s; 'cpu r' = CPU-time ratio; medians of %d repeats)" % o.repeat)
    print(hdr)
    for r in rows:
        c = r["clang"]
        line = "%-40s %7.2f %7.2f %7.2f %7.2f" % (r["file"][-40:], c["wall"], r["lint"]["wall"],
                                                 r["lint"]["wall"] / c["wall"], r["lint"]["cpu"] / c["cpu"])
        if "sparse" in tools:
            line += " %7.2f %7.2f" % (r["sparse"]["wall"], r["sparse"]["wall"] / c["wall"])
        if "tidy" in tools:
            line += " %7.2f %7.2f" % (r["tidy"]["wall"], r["tidy"]["wall"] / c["wall"])
        line += " %6.0f %6.0f %6.2f" % (c["rss"] / 1024, r["lint"]["rss"] / 1024, r["lint"]["rss"] / c["rss"])
        print(line)


def part_jobs(o, lint, sample, sampledir, res):
    t = {1: [], 2: []}
    for r in range(o.repeat):
        for j in (1, 2):
            log("jobs: repeat %d/%d, -j%d over %d files" % (r + 1, o.repeat, j, len(sample)))
            t[j].append(measure(lint.cmd(sampledir, jobs=j)))
    w1, w2 = median_of(t[1], "wall"), median_of(t[2], "wall")
    res["jobs"] = {"files": len(sample), "j1_wall": w1, "j2_wall": w2, "speedup": w1 / w2,
                   "j1_cpu": median_of(t[1], "cpu"), "j2_cpu": median_of(t[2], "cpu")}


def part_cache(o, lint, treedb, edited, edit_entry, res):
    if not lint.has_cache:
        res["cache"] = None
        return
    cdir = tempfile.mkdtemp(prefix="bench-cache-")
    try:
        log("cache: cold run over %s" % treedb)
        cold = measure(lint.cmd(treedb, jobs=o.jobs, cache=cdir))
        log("cache: warm run")
        warm = [measure(lint.cmd(treedb, jobs=o.jobs, cache=cdir)) for _ in range(o.tree_repeat)]
        log("cache: one edited file (%s), a comment appended: the same facts" % edited)
        edits = []
        for i in range(o.tree_repeat):
            with open(edited, "a") as f:
                f.write("/* bench edit %d */\n" % i)
            edits.append(measure(lint.cmd(treedb, jobs=o.jobs, cache=cdir)))
        # a line inserted at the top: every position of the file moves, no
        # summary changes (the earlier link stands, moved)
        log("cache: one edited file, a line inserted at its top: positions moved")
        moved, moved_how = [], set()
        out = os.path.join(cdir, "..", os.path.basename(cdir) + ".json")
        for i in range(o.tree_repeat):
            with open(edited) as f:
                text = f.read()
            with open(edited, "w") as f:
                f.write("/* bench moved %d */\n" % i + text)
            moved.append(measure(lint.cmd(treedb, jobs=o.jobs, cache=cdir, extra=("--format=json", "-o", out))))
            with open(out) as f:
                moved_how.add(json.load(f)["stats"].get("cached_link"))
        # the same facts linked again (the link entries removed): the moved
        # findings must be the linked ones
        shutil.rmtree(os.path.join(cdir, "v1", "link"), ignore_errors=True)
        relinked = out + ".relinked"
        subprocess.run(lint.cmd(treedb, jobs=o.jobs, cache=cdir, extra=("--format=json", "-o", relinked)),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        moved_equal = findings(out) == findings(relinked)
        # a function appended: the file's summary changes, the tree is linked again
        log("cache: one edited file, a function appended: the summary changed")
        changed = []
        for i in range(o.tree_repeat):
            with open(edited, "a") as f:
                f.write("static void __attribute__((unused)) pl_bench_probe_%d(void) { }\n" % i)
            changed.append(measure(lint.cmd(treedb, jobs=o.jobs, cache=cdir)))
        base = [measure(clang_cmd(edit_entry), edit_entry["directory"]) for _ in range(o.repeat)]
        # the same file in a database of its own: the edit without the
        # fixed cost of a run over the tree
        log("cache: one edited file, alone in its database")
        shutil.rmtree(cdir, ignore_errors=True)
        alone = write_db(os.path.join(os.path.dirname(os.path.dirname(treedb)), "alone"), [edit_entry])
        measure(lint.cmd(alone, cache=cdir))
        alone_edits = []
        for i in range(o.tree_repeat):
            with open(edited, "a") as f:
                f.write("/* bench edit, alone %d */\n" % i)
            alone_edits.append(measure(lint.cmd(alone, cache=cdir)))
    finally:
        shutil.rmtree(cdir, ignore_errors=True)
    res["cache"] = {
        "cold_wall": cold["wall"], "cold_cpu": cold["cpu"],
        "warm_wall": median_of(warm, "wall"), "warm_cpu": median_of(warm, "cpu"),
        "edit_wall": median_of(edits, "wall"), "edit_cpu": median_of(edits, "cpu"),
        "edit_clang_wall": median_of(base, "wall"), "edit_clang_cpu": median_of(base, "cpu"),
        "edited": edited,
        "moved_wall": median_of(moved, "wall"), "moved_cpu": median_of(moved, "cpu"),
        "moved_link": sorted(str(x) for x in moved_how), "moved_equal": moved_equal,
        "changed_wall": median_of(changed, "wall"), "changed_cpu": median_of(changed, "cpu"),
        "alone_edit_wall": median_of(alone_edits, "wall"), "alone_edit_cpu": median_of(alone_edits, "cpu"),
    }


def findings(path):
    with open(path) as f:
        doc = json.load(f)
    return sorted(json.dumps({k: d[k] for k in ("check", "file", "line", "column", "message")}, sort_keys=True)
                  for d in doc["diagnostics"])


def part_wholetree(o, lint, treedb, scratch, res):
    runs = {"pertu": [], "tree": []}
    out = os.path.join(scratch, "single.json")
    for r in range(o.tree_repeat):
        for mode in ("pertu", "tree"):
            log("wholetree: repeat %d/%d, %s" % (r + 1, o.tree_repeat, mode))
            extra = ["--format", "json", "-o", out if mode == "tree" else os.devnull]
            if mode == "pertu":
                extra.append("--whole-tree=false")
            runs[mode].append(measure(lint.cmd(treedb, jobs=o.jobs, extra=extra)))
    p, t = runs["pertu"], runs["tree"]
    res["wholetree"] = {"pertu_wall": median_of(p, "wall"), "tree_wall": median_of(t, "wall"),
                        "pertu_cpu": median_of(p, "cpu"), "tree_cpu": median_of(t, "cpu")}
    res["wholetree"]["overhead_cpu"] = res["wholetree"]["tree_cpu"] / res["wholetree"]["pertu_cpu"] - 1
    res["wholetree"]["overhead_wall"] = res["wholetree"]["tree_wall"] / res["wholetree"]["pertu_wall"] - 1
    return out


def part_shards(o, lint, treedb, tree, scratch, single, res):
    """With --shard/--merge: N shard runs, each into its own --facts-dir,
    then --merge of the N directories. Without them: N runs over parts of
    the files sharing one --facts-dir, the last one linking."""
    if not single or not os.path.exists(single):
        single = os.path.join(scratch, "single.json")
        log("shards: single run")
        measure(lint.cmd(treedb, jobs=o.jobs, extra=["--format", "json", "-o", single]))
    base = tempfile.mkdtemp(prefix="bench-facts-")
    got, k, times = [], o.shards, []
    try:
        if lint.has_shards:
            dirs = [os.path.join(base, str(i + 1)) for i in range(k)]
            for i in range(k):
                log("shards: --shard %d/%d" % (i + 1, k))
                times.append(measure(lint.cmd(treedb, jobs=o.jobs,
                                              extra=["--shard", "%d/%d" % (i + 1, k), "--facts-dir", dirs[i]])))
            out = os.path.join(scratch, "merged.json")
            log("shards: --merge")
            m = measure([TOOL, "--merge", "--format", "json", "-o", out] + dirs)
            got = findings(out)
            merge_cpu = m["cpu"]
        else:
            files = [entry_file(e) for e in tree]
            for i in range(k):
                part = files[i::k]
                out = os.path.join(scratch, "shard%d.json" % i)
                extra = ["--facts-dir", base, "--format", "json", "-o", out]
                if i < k - 1:
                    extra.append("--whole-tree=false")
                log("shards: part %d/%d (%d files)" % (i + 1, k, len(part)))
                times.append(measure(lint.cmd(treedb, files=part, jobs=o.jobs, extra=extra)))
                got += findings(out)
            merge_cpu = None
    finally:
        shutil.rmtree(base, ignore_errors=True)
    want = findings(single)
    got.sort()
    res["shards"] = {"shards": k, "method": "--shard/--merge" if lint.has_shards else "shared --facts-dir",
                     "single_findings": len(want), "sharded_findings": len(got), "equal": got == want,
                     "only_single": len(set(want) - set(got)), "only_sharded": len(set(got) - set(want)),
                     "shard_cpu": [t["cpu"] for t in times], "merge_cpu": merge_cpu}


def callgrind_ir(cmd, cwd):
    d = tempfile.mkdtemp(prefix="bench-cg-")
    try:
        subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes", "--dump-before=_Fork",
                        "--callgrind-out-file=" + os.path.join(d, "cg.%p")] + cmd,
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # preemptlint forks its workers, and a forked child inherits the
        # parent's counts: --dump-before=_Fork writes the parent's counts so
        # far to a part file and zeroes them before each fork, so the sum over
        # the part files counts every instruction once
        total = 0
        for name in os.listdir(d):
            ir = {}
            with open(os.path.join(d, name)) as f:
                for line in f:
                    if line.startswith(("summary:", "totals:")):
                        ir[line.split(":")[0]] = int(line.split()[1])
            total += ir.get("totals", ir.get("summary", 0))
        return total
    finally:
        shutil.rmtree(d, ignore_errors=True)


def part_callgrind(o, lint, entries, sample, scratch, res):
    picked = []
    if o.callgrind_files:
        want = o.callgrind_files.split(",")
        picked = [next(e for e in entries if entry_file(e).endswith("/" + w)) for w in want]
    else:
        # quartiles of the clang times when known, else spread over the sample
        rows = res.get("perfile", {}).get("files")
        if rows:
            order = sorted(range(len(sample)), key=lambda i: rows[i]["clang"]["cpu"])
            picked = [sample[order[int(len(order) * q)]] for q in (0.25, 0.5, 0.75)]
        else:
            picked = spread(sample, 3)
    cgdir = os.path.dirname(write_db(os.path.join(scratch, "callgrind"), picked))
    out = []
    for e in picked:
        log("callgrind: %s" % e["file"])
        c = callgrind_ir(clang_cmd(e), e["directory"])
        l = callgrind_ir(lint.cmd(cgdir, [entry_file(e)]), e["directory"])
        out.append({"file": os.path.relpath(entry_file(e), o.treeroot), "clang_ir": c, "lint_ir": l,
                    "ratio": l / c if c else None})
    res["callgrind"] = out


def build_probe():
    if os.path.exists(PROBE) and os.path.getmtime(PROBE) >= os.path.getmtime(PROBE_SRC):
        return
    os.makedirs(os.path.dirname(PROBE), exist_ok=True)
    log("parse: building %s" % PROBE)
    cxxflags = subprocess.run(["llvm-config-19", "--cxxflags"], stdout=subprocess.PIPE, text=True,
                              check=True).stdout.split()
    libdir = subprocess.run(["llvm-config-19", "--libdir"], stdout=subprocess.PIPE, text=True,
                            check=True).stdout.strip()
    subprocess.run(["clang++-19", "-std=c++17", "-O2", "-fno-exceptions"] + cxxflags +
                   ['-DPROBE_RESOURCE_DIR="%s"' % RESOURCE_DIR, PROBE_SRC, "-o", PROBE,
                    "-L" + libdir, os.path.join(libdir, "libclang-cpp.so.19.1"), "-lLLVM-19",
                    "-Wl,-rpath," + libdir, "-fuse-ld=lld"], check=True)


def time_report(e):
    """The front-end total of clang-19 -ftime-report (seconds: user+system, wall)."""
    p = subprocess.run(clang_cmd(e, ["-ftime-report"]), cwd=e["directory"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    for line in p.stderr.splitlines():
        if "Clang front-end timer" in line:
            nums = re.findall(r"([0-9.]+) \(", line)
            # columns: user, system, user+system, wall
            if len(nums) >= 4:
                return {"cpu": float(nums[2]), "wall": float(nums[3])}
    return None


def part_parse(o, db, res):
    build_probe()
    out = []
    for name in o.parse_files.split(","):
        es = [e for e in db if entry_file(e).endswith("/" + name)]
        if not es:
            log("parse: %s is not in the database" % name)
            continue
        e = es[0]
        row = {"file": name, "modes": {}}
        reports = []
        for r in range(o.repeat):
            log("parse: %s repeat %d/%d" % (name, r + 1, o.repeat))
            reports.append(time_report(e))
        reports = [x for x in reports if x]
        if reports:
            row["time_report_cpu"] = statistics.median(x["cpu"] for x in reports)
            row["time_report_wall"] = statistics.median(x["wall"] for x in reports)
        for mode in ("full", "skip-headers", "skip-all"):
            cmd = [PROBE, mode, "--"] + clang_cmd(e)
            runs = [measure(cmd, e["directory"]) for _ in range(o.repeat)]
            m = {"cpu": median_of(runs, "cpu"), "wall": median_of(runs, "wall"), "rss": median_of(runs, "rss")}
            p = subprocess.run(cmd, cwd=e["directory"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
            mm = re.search(r"definitions main (\d+) headers (\d+)", p.stderr)
            if mm:
                row["defs_main"], row["defs_headers"] = int(mm.group(1)), int(mm.group(2))
            if o.parse_callgrind:
                log("parse: callgrind %s %s" % (name, mode))
                m["ir"] = callgrind_ir(cmd, e["directory"])
            row["modes"][mode] = m
        out.append(row)
    res["parse"] = out


# ---- report ---------------------------------------------------------------

def verdict(ok):
    return "met" if ok else "NOT met"
# "busy": not measurable, the machine had no free core (see the jobs row)


def report(o, res):
    rows = []

    def add(metric, measured, target, ok=None):
        rows.append((metric, measured, target, "" if ok is None else verdict(ok)))

    pf = res.get("perfile")
    if pf:
        s = pf["summary"]
        n = len(pf["files"])
        add("cold per file, preemptlint / clang -fsyntax-only (%d files), CPU" % n,
            "median %.2fx, worst %.2fx" % (s["lint_cpu"]["median"], s["lint_cpu"]["worst"]), "<= 1.10x",
            s["lint_cpu"]["median"] <= TARGETS["time"])
        add("  same, wall", "median %.2fx, worst %.2fx" % (s["lint_wall"]["median"], s["lint_wall"]["worst"]),
            "<= 1.10x", s["lint_wall"]["median"] <= TARGETS["time"])
        if "sparse_cpu" in s:
            add("Sparse (Kbuild C=1 flags) / clang -fsyntax-only, CPU",
                "median %.2fx, worst %.2fx" % (s["sparse_cpu"]["median"], s["sparse_cpu"]["worst"]), "(reference)")
            add("preemptlint / Sparse, CPU", "median %.2fx" % statistics.median(
                r["lint"]["cpu"] / r["sparse"]["cpu"] for r in pf["files"]), "(reference)")
        if "tidy_cpu" in s:
            add("clang-tidy-19 + plugin / clang -fsyntax-only, CPU",
                "median %.2fx, worst %.2fx" % (s["tidy_cpu"]["median"], s["tidy_cpu"]["worst"]), "(reference)")
        add("peak RSS, preemptlint / clang -fsyntax-only",
            "median %.2fx, worst %.2fx" % (s["lint_rss"]["median"], s["lint_rss"]["worst"]), "<= 1.3x",
            s["lint_rss"]["worst"] <= TARGETS["rss"])
    j = res.get("jobs")
    if j:
        # cores the tool got: CPU over wall. Under 0.9 at -j1, the machine had
        # no second core to give and the speedup says nothing about the tool.
        u1, u2 = j["j1_cpu"] / j["j1_wall"], j["j2_cpu"] / j["j2_wall"]
        ok = j["speedup"] >= TARGETS["jobs"]
        add("-j2 over -j1 (%d files, wall)" % j["files"],
            "%.2fx (%.1f s / %.1f s; cores used %.2f / %.2f)" % (j["speedup"], j["j1_wall"], j["j2_wall"], u1, u2),
            ">= 1.8x", ok)
        if not ok and u1 < 0.9:
            rows[-1] = rows[-1][:3] + ("busy",)
    if "cache" in res:
        c = res["cache"]
        if c is None:
            add("unchanged tree / cold (%d files)" % o.tree_files, "n/a (no cache support in this binary)", "<= 5%")
            add("one edited file / its clang -fsyntax-only", "n/a (no cache support in this binary)", "<= 0.7x")
        else:
            add("cold run, %d files, -j%d" % (o.tree_files, o.jobs),
                "%.1f s wall, %.1f s CPU" % (c["cold_wall"], c["cold_cpu"]), "")
            w = c["warm_cpu"] / c["cold_cpu"]
            add("unchanged tree / cold, CPU", "%.1f%% (%.2f s wall)" % (100 * w, c["warm_wall"]), "<= 5%",
                w <= TARGETS["warm"])
            e = c["edit_cpu"] / c["edit_clang_cpu"]
            add("one edited file / its clang -fsyntax-only, CPU", "%.2fx (%.2f s vs %.2f s)" % (
                e, c["edit_cpu"], c["edit_clang_cpu"]), "<= 0.7x", e <= TARGETS["edit"])
            if "moved_cpu" in c:
                m = c["moved_cpu"] / c["edit_clang_cpu"]
                add("  a line inserted at its top (link: %s), CPU" % "/".join(c["moved_link"]),
                    "%.2fx (%.2f s); == a new link: %s" % (m, c["moved_cpu"], "equal" if c["moved_equal"] else "DIFFERENT"),
                    "<= 0.7x", m <= TARGETS["edit"] and c["moved_equal"])
                g = c["changed_cpu"] / c["edit_clang_cpu"]
                add("  a function appended (summary changed, linked again), CPU", "%.2fx (%.2f s)" % (g, c["changed_cpu"]),
                    "")
            # the run's fixed cost (database, cache look-ups, link) is the warm run's
            add("  of which the edited file (one-edit less warm run), CPU", "%.2fx" % (
                (c["edit_cpu"] - c["warm_cpu"]) / c["edit_clang_cpu"]), "")
            a = c["alone_edit_cpu"] / c["edit_clang_cpu"]
            add("  the edited file alone in its database, CPU", "%.2fx (%.2f s)" % (a, c["alone_edit_cpu"]),
                "<= 0.7x", a <= TARGETS["edit"])
    w = res.get("wholetree")
    if w:
        add("whole-tree link over per-file (%d files, CPU)" % o.tree_files,
            "%+.1f%% (%.1f s vs %.1f s; wall %+.1f%%)" % (100 * w["overhead_cpu"], w["tree_cpu"], w["pertu_cpu"],
                                                         100 * w["overhead_wall"]), "<= 10%",
            w["overhead_cpu"] <= TARGETS["link"])
    s = res.get("shards")
    if s:
        add("%d shards == single run (%d files, %s)" % (s["shards"], o.tree_files, s["method"]),
            "%s (%d vs %d findings)" % ("equal" if s["equal"] else "DIFFERENT", s["sharded_findings"],
                                        s["single_findings"]), "equal", s["equal"])
    for c in res.get("callgrind", []):
        add("Ir preemptlint / clang, %s" % c["file"], "%.3fx (%.2fG vs %.2fG)" % (
            c["ratio"], c["lint_ir"] / 1e9, c["clang_ir"] / 1e9), "<= 1.10x", c["ratio"] <= TARGETS["time"])
    for p in res.get("parse", []):
        m = p["modes"]
        for key, unit in (("cpu", "CPU"), ("ir", "Ir")):
            if key not in m["full"]:
                continue
            full = m["full"][key]
            add("%s: header function bodies, share of the parse (%s)" % (p["file"], unit),
                "%.0f%% (%d of %d definitions)" % (100 * (1 - m["skip-headers"][key] / full),
                                                   p.get("defs_headers", 0),
                                                   p.get("defs_headers", 0) + p.get("defs_main", 0)),
                "(what a warm cache could skip)")
            add("%s: main-file bodies / declarations+preprocessing (%s)" % (p["file"], unit),
                "%.0f%% / %.0f%%" % (100 * (m["skip-headers"][key] - m["skip-all"][key]) / full,
                                     100 * m["skip-all"][key] / full), "")
        if "time_report_cpu" in p:
            add("%s: -ftime-report front-end total" % p["file"],
                "%.2f s CPU, %.2f s wall" % (p["time_report_cpu"], p["time_report_wall"]), "")

    w1 = max(len(r[0]) for r in rows) if rows else 10
    w2 = max(len(r[1]) for r in rows) if rows else 10
    print("\n| %-*s | %-*s | %-30s | %-7s |" % (w1, "measure", w2, "measured", "target", "verdict"))
    print("|-%s-|-%s-|-%s-|-%s-|" % ("-" * w1, "-" * w2, "-" * 30, "-" * 7))
    for r in rows:
        print("| %-*s | %-*s | %-30s | %-7s |" % (w1, r[0], w2, r[1], r[2], r[3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", nargs="?", help="compile_commands.json (default: build the corpus)")
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated subset of: " + ",".join(PARTS))
    ap.add_argument("--files", type=int, default=20, help="per-file sample size (default 20)")
    ap.add_argument("--filter", default="", help="only database files whose path contains this")
    ap.add_argument("--repeat", type=int, default=3, help="repeats of each per-file measurement (default 3)")
    ap.add_argument("--tree-files", type=int, default=80, help="files of the sub-database for cache, "
                    "wholetree and shards (default 80)")
    ap.add_argument("--tree-repeat", type=int, default=2, help="repeats of each whole-run measurement")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="jobs of the whole-run parts (default 2)")
    ap.add_argument("--shards", type=int, default=2)
    ap.add_argument("--no-sparse", dest="sparse", action="store_false", help="leave Sparse out of perfile")
    ap.add_argument("--no-tidy", dest="tidy", action="store_false", help="leave clang-tidy out of perfile")
    ap.add_argument("--tidy", action="store_true", help=argparse.SUPPRESS)  # older spelling: on by default now
    ap.add_argument("--callgrind-files", default="", help="comma-separated path suffixes (default: "
                    "the quartiles of the sample's clang times)")
    ap.add_argument("--parse-files", default=",".join(PARSE_FILES))
    ap.add_argument("--no-parse-callgrind", dest="parse_callgrind", action="store_false",
                    help="parse part without instruction counts")
    ap.add_argument("--scratch", help="scratch directory (default: a temporary one, removed)")
    ap.add_argument("--tool", help="the preemptlint binary (default build/bin/preemptlint); a copy "
                    "keeps a rebuild during the run from changing the binary the cache is keyed by")
    ap.add_argument("--json", help="write every measurement to this file")
    o = ap.parse_args()
    parts = [p for p in o.parts.split(",") if p]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        ap.error("unknown part(s): " + ",".join(bad))
    if o.sparse and "perfile" in parts and not shutil.which("sparse"):
        ap.error("sparse is not installed (apt-get install sparse), or pass --no-sparse")
    if not o.db:
        o.db = subprocess.run([os.path.join(ROOT, "scripts", "make-corpus.sh"), "-n", "bench.json"] + DEFAULT_DIRS,
                              check=True, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]
    o.treeroot = os.path.dirname(os.path.abspath(o.db))
    with open(o.db) as f:
        db = json.load(f)
    entries = [e for e in db if e["file"].endswith(".c") and o.filter in e["file"]]
    if o.tool:
        global TOOL
        TOOL = os.path.abspath(o.tool)
    lint = Lint()
    scratch = o.scratch or tempfile.mkdtemp(prefix="preemptlint-bench-")
    os.makedirs(scratch, exist_ok=True)
    res = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load": os.getloadavg()},
           "db": os.path.abspath(o.db), "files_in_db": len(entries), "cache_support": lint.has_cache,
           "parts": parts}
    try:
        sample = spread(entries, o.files)
        sampledir = os.path.dirname(write_db(os.path.join(scratch, "sample"), sample))
        # the whole-run sub-database: another even spread; its file of median
        # source size is compiled from a scratch copy, the one the cache part edits
        tree = spread(entries, o.tree_files, offset=0.25)
        mid = sorted(range(len(tree)), key=lambda i: os.path.getsize(entry_file(tree[i])))[len(tree) // 2]
        edited, edit_entry = scratch_copy(tree[mid], scratch)
        tree[mid] = edit_entry
        treedb = write_db(os.path.join(scratch, "tree"), tree)
        single = None
        if "perfile" in parts:
            part_perfile(o, lint, sample, sampledir, res)
        if "jobs" in parts:
            part_jobs(o, lint, sample, sampledir, res)
        if "wholetree" in parts:
            single = part_wholetree(o, lint, treedb, scratch, res)
        if "shards" in parts:
            part_shards(o, lint, treedb, tree, scratch, single, res)
        if "cache" in parts:
            part_cache(o, lint, treedb, edited, edit_entry, res)
        if "callgrind" in parts:
            part_callgrind(o, lint, entries, sample, scratch, res)
        if "parse" in parts:
            part_parse(o, entries, res)
    finally:
        if not o.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    res["machine"]["load_after"] = os.getloadavg()
    print("\n%s, %d CPUs, load average %.1f before / %.1f after; database %s (%d C files)" % (
        res["date"], res["machine"]["cpus"], res["machine"]["load"][0], res["machine"]["load_after"][0],
        res["db"], len(entries)))
    report(o, res)
    if o.json:
        with open(o.json, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
