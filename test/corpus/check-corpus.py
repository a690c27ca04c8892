#!/usr/bin/env python3
"""Checks a preemptlint JSON report on the real kernel corpus: the document
follows the output contract, no file failed, and the findings are exactly
the reviewed list (docs/triage.md holds the verdicts)."""
import json
import sys

report, expected_path, db_path = sys.argv[1], sys.argv[2], sys.argv[3]
doc = json.load(open(report))
db = json.load(open(db_path))
fail = []

for key in ("tool", "version", "diagnostics", "errors", "stats"):
    if key not in doc:
        fail.append("missing top-level key %r" % key)
if doc.get("tool") != "preemptlint":
    fail.append("tool is %r" % doc.get("tool"))
for d in doc["diagnostics"]:
    for key, typ in (("check", str), ("severity", str), ("file", str), ("line", int),
                     ("column", int), ("function", str), ("message", str), ("notes", list)):
        if not isinstance(d.get(key), typ):
            fail.append("diagnostic field %r is not %s: %r" % (key, typ.__name__, d))
    if d["file"].startswith("/"):
        fail.append("file not relative to the database directory: %s" % d["file"])
keys = [(d["file"], d["line"], d["column"], d["check"]) for d in doc["diagnostics"]]
if keys != sorted(keys):
    fail.append("diagnostics are not sorted by file, line, column, check")
if doc["errors"]:
    fail.append("files failed: %s" % doc["errors"][:5])
n_c = len([e for e in db if e["file"].endswith(".c")])
if doc["stats"]["files"] != n_c:
    fail.append("analysed %d files, the database has %d .c files" % (doc["stats"]["files"], n_c))
if doc["stats"]["functions"] < 100:
    fail.append("only %d functions analysed" % doc["stats"]["functions"])

got = sorted("%s %s:%d %s" % (d["check"], d["file"], d["line"], d["function"]) for d in doc["diagnostics"])
want = sorted(l.strip() for l in open(expected_path) if l.strip() and not l.startswith("#"))
if got != want:
    gs, ws = set(got), set(want)
    for l in sorted(gs - ws):
        fail.append("new finding:     " + l)
    for l in sorted(ws - gs):
        fail.append("missing finding: " + l)

if fail:
    print("\n".join(fail))
    sys.exit(1)
print("corpus: %d files, %d functions, %d findings as reviewed" %
      (doc["stats"]["files"], doc["stats"]["functions"], len(got)))
