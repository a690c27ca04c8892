#!/usr/bin/env python3
"""Robustness run: mutate real source files and count crashes and hangs.

Takes the .c files of a compilation database (a kernel tree's, or the
example tree's), makes mutants by deleting, duplicating and swapping random
lines, and runs preemptlint over them in batches. Every mutant must end in
one of the documented outcomes: findings, no findings, or a one-line error
for a file that does not compile. Counted as failures:

  crash       the file's worker died (internal error in the report)
  timeout     the file's worker outlived --timeout
  tool-crash  preemptlint itself died, or exited with a code other than 0, 1, 2
  tool-hang   preemptlint did not finish within the outer time limit
  bad-report  the JSON report was missing or not valid

The target is zero of each. Failing mutants are kept in --keep (with a
compile_commands.json that reproduces them). Run by hand, e.g.:

  scripts/robustness.py --preemptlint build/bin/preemptlint -p ~/linux \\
      --mutants 500 --jobs 2 --seed 1 --keep /tmp/robustness
"""
import argparse
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time


def mutate(lines, rng):
    """One to three random edits: delete, duplicate or swap lines. Most edits
    pick statement lines (ending in ';'), so that many mutants still compile
    and reach the analysis; the others pick any line."""
    lines = list(lines)
    edits = []
    for _ in range(rng.randint(1, 3)):
        if len(lines) < 2:
            break
        op = rng.choice(("delete", "duplicate", "swap"))
        stmts = [k for k, l in enumerate(lines) if l.rstrip().endswith(";")]
        pick = lambda: rng.choice(stmts) if stmts and rng.random() < 0.8 else rng.randrange(len(lines))
        i = pick()
        if op == "delete":
            n = 1 if rng.random() < 0.7 else rng.randint(1, min(5, len(lines) - i))
            del lines[i:i + n]
            edits.append("delete %d lines at %d" % (n, i + 1))
        elif op == "duplicate":
            lines.insert(i, lines[i])
            edits.append("duplicate line %d" % (i + 1))
        else:
            j = pick()
            lines[i], lines[j] = lines[j], lines[i]
            edits.append("swap lines %d and %d" % (i + 1, j + 1))
    return lines, edits


def arguments(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preemptlint", required=True)
    ap.add_argument("-p", dest="db", required=True, help="build dir or compile_commands.json")
    ap.add_argument("--mutants", type=int, default=200)
    ap.add_argument("--batch", type=int, default=20, help="mutants per preemptlint run")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60, help="per file (--timeout)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="directory for failing mutants")
    ap.add_argument("--filter", default="", help="only files whose name contains this")
    args = ap.parse_args()

    db_path = args.db
    if os.path.isdir(db_path):
        db_path = os.path.join(db_path, "compile_commands.json")
    db_dir = os.path.dirname(os.path.abspath(db_path))
    entries = []
    for e in json.load(open(db_path)):
        d = os.path.normpath(os.path.join(db_dir, e["directory"]))
        f = os.path.normpath(os.path.join(d, e["file"]))
        if f.endswith(".c") and args.filter in f and os.path.isfile(f):
            entries.append((d, f, arguments(e), e["file"]))
    if not entries:
        sys.exit("robustness: no .c files in %s" % db_path)

    rng = random.Random(args.seed)
    counts = {"mutants": 0, "findings": 0, "clean": 0, "compile-error": 0, "crash": 0,
              "timeout": 0, "tool-crash": 0, "tool-hang": 0, "bad-report": 0}
    failures = []
    start = time.time()
    work = tempfile.mkdtemp(prefix="preemptlint-robustness-")
    try:
        done = 0
        while done < args.mutants:
            batch = min(args.batch, args.mutants - done)
            bdir = os.path.join(work, "b%d" % done)
            os.makedirs(bdir)
            db, meta = [], {}
            for k in range(batch):
                d, f, argv, name = rng.choice(entries)
                lines, edits = mutate(open(f, encoding="utf-8", errors="surrogateescape")
                                      .read().split("\n"), rng)
                mname = "m%04d_%s" % (done + k, os.path.basename(f))
                mpath = os.path.join(bdir, mname)
                with open(mpath, "w", encoding="utf-8", errors="surrogateescape") as out:
                    out.write("\n".join(lines))
                # The mutant replaces the file in its own command; quoted
                # includes still find the original file's neighbours.
                margv = [mpath if os.path.normpath(os.path.join(d, a)) == f else a for a in argv]
                margv.insert(1, "-iquote")
                margv.insert(2, os.path.dirname(f))
                db.append({"directory": d, "file": mpath, "arguments": margv})
                meta[mname] = (f, edits)
            json.dump(db, open(os.path.join(bdir, "compile_commands.json"), "w"), indent=1)
            report = os.path.join(bdir, "report.json")
            cmd = [args.preemptlint, "-p", bdir, "-j", str(args.jobs), "--timeout",
                   str(args.timeout), "--format=json", "-o", report]
            outer = args.timeout * batch + 120
            try:
                p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   timeout=outer)
                rc = p.returncode
            except subprocess.TimeoutExpired:
                rc = None
            counts["mutants"] += batch
            done += batch
            if rc is None or rc not in (0, 1, 2):
                kind = "tool-hang" if rc is None else "tool-crash"
                counts[kind] += 1
                failures.append((kind, bdir, "exit %s" % rc))
                if args.keep:
                    shutil.copytree(bdir, os.path.join(args.keep, os.path.basename(bdir)),
                                    dirs_exist_ok=True)
                continue
            try:
                rep = json.load(open(report))
            except (OSError, ValueError):
                counts["bad-report"] += 1
                failures.append(("bad-report", bdir, ""))
                continue
            bad = {}
            for e in rep["errors"]:
                name = os.path.basename(e["file"])
                if "internal error" in e["message"]:
                    bad[name] = "crash"
                elif "timed out" in e["message"]:
                    bad[name] = "timeout"
                else:
                    bad[name] = "compile-error"
            with_findings = {os.path.basename(x["file"]) for x in rep["diagnostics"]}
            for mname, (orig, edits) in meta.items():
                kind = bad.get(mname) or ("findings" if mname in with_findings else "clean")
                counts[kind] += 1
                if kind in ("crash", "timeout"):
                    failures.append((kind, os.path.join(bdir, mname),
                                     "%s: %s" % (orig, "; ".join(edits))))
                    if args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        shutil.copy(os.path.join(bdir, mname), args.keep)
                        with open(os.path.join(args.keep, mname + ".txt"), "w") as t:
                            t.write("%s\n%s\n%s\n" % (orig, "; ".join(edits),
                                    json.dumps([x for x in db if x["file"].endswith(mname)])))
            print("robustness: %d/%d mutants, %s" % (done, args.mutants,
                  ", ".join("%s %d" % kv for kv in counts.items() if kv[0] != "mutants")),
                  file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.time() - start
    print(json.dumps({"counts": counts, "seconds": round(elapsed, 1),
                      "files": len(entries), "seed": args.seed,
                      "failures": [{"kind": k, "where": w, "what": m} for k, w, m in failures]},
                     indent=1))
    failed = sum(counts[k] for k in ("crash", "timeout", "tool-crash", "tool-hang", "bad-report"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
