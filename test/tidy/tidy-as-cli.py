#!/usr/bin/env python3
"""Runs clang-tidy with the preemptlint module the way the checker tests run
the command line, and prints what the command line would:

  tidy-as-cli.py CLANG_TIDY MODULE [--checks=G] [--preempt-model=M]
                 [--core-paths=P,...] [--model=F]... FILE... -- FLAGS...

The options become clang-tidy's --checks and CheckOptions (PreemptModel,
CorePaths, ModelFiles). Only the finding lines of clang-tidy's stdout are
kept (clang-tidy adds the source line and a caret under each). Exit status
as the command line's: 0 no findings, 1 findings, 2 errors."""
import json
import re
import subprocess
import sys

clang_tidy, module, args = sys.argv[1], sys.argv[2], sys.argv[3:]
if "--" not in args:
    sys.exit("tidy-as-cli: expected '--' and compiler flags")
sep = args.index("--")
opts, flags = args[:sep], args[sep + 1:]
checks, options, models, files = "preempt-*", {}, [], []
i = 0
while i < len(opts):
    a = opts[i]
    if a.startswith("--checks="):
        checks = a.split("=", 1)[1]
    elif a.startswith("--preempt-model="):
        options["PreemptModel"] = a.split("=", 1)[1]
    elif a.startswith("--core-paths="):
        options["CorePaths"] = a.split("=", 1)[1]
    elif a.startswith("--model="):
        models.append(a.split("=", 1)[1])
    elif a == "--model":
        i += 1
        models.append(opts[i])
    elif a.startswith("-"):
        sys.exit("tidy-as-cli: no clang-tidy equivalent for %s" % a)
    else:
        files.append(a)
    i += 1
if models:
    options["ModelFiles"] = ";".join(models)

config = {"Checks": "-*," + checks, "CheckOptions": options}
cmd = [clang_tidy, "--load=" + module, "--quiet", "--config=" + json.dumps(config)] + files + ["--"] + flags
p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
finding = re.compile(r"^.+:\d+:\d+: (warning|note|error): ")
warnings = errors = 0
for line in p.stdout.splitlines():
    m = finding.match(line)
    if not m:
        continue
    print(line)
    warnings += m.group(1) == "warning"
    errors += m.group(1) == "error"
for line in p.stderr.splitlines():
    if not re.match(r"^\d+ (warning|error)s? generated\.$", line):
        print(line, file=sys.stderr)
if errors or p.returncode != 0:
    sys.exit(2)
sys.exit(1 if warnings else 0)
