#!/usr/bin/env python3
"""Checks the output of `make C=2 CHECK=preemptlint DIR/` on the corpus tree:

  check-kbuild.py PREEMPTLINT DB DIR MAKE_LOG

Every .c file of DIR in the database was checked, the checker reported no
error, and its findings and notes are exactly those of the command line run
on each file with the database (`preemptlint -p DB file`, one file at a
time, as Kbuild checks them), of which there is at least one."""
import concurrent.futures, json, os, re, subprocess, sys

tool, db_path, d, log = sys.argv[1:5]
tree = os.path.dirname(os.path.abspath(db_path))
d = d.rstrip("/") + "/"
text = open(log).read()
fail = []

files = sorted(os.path.relpath(e["file"], tree) for e in json.load(open(db_path))
               if e["file"].endswith(".c") and os.path.relpath(e["file"], tree).startswith(d))
checked = set(re.findall(r"^\s*CHECK\s+(\S+\.c)$", text, re.M))
if not files or not set(files) <= checked:
    fail.append("not checked: %s" % sorted(set(files) - checked))

diag = re.compile(r"^\S+\.c:\d+:\d+: (warning|note): .*$", re.M)
def ours(f):
    p = subprocess.run([tool, "-p", db_path, f], cwd=tree, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        fail.append("%s: exit %d: %s" % (f, p.returncode, p.stderr.strip()[:200]))
    return [m.group(0) for m in diag.finditer(p.stdout)]
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    want = sorted(l for ls in ex.map(ours, files) for l in ls)
got = sorted(m.group(0) for m in diag.finditer(text) if m.group(0).startswith(d))
if got != want:
    fail.append("kbuild only: %s" % sorted(set(got) - set(want)))
    fail.append("command line only: %s" % sorted(set(want) - set(got)))
if not [l for l in got if ": warning: " in l]:
    fail.append("no findings in %s" % d)
if "preemptlint: error" in text:
    fail.append("checker errors: %s" % re.findall(r"preemptlint: error.*", text)[:3])
if fail:
    print("\n".join(fail))
    sys.exit(1)
print("kbuild: %d files checked, %d findings, as the command line's" %
      (len(files), len([l for l in got if ": warning: " in l])))
