# Writes a compilation database whose commands try every way a compile
# command can write a file or load code (into W), plus a response file and
# a --config file that try the same. Usage: hostile-db.py DIR W INCLUDE
import json, os, sys

d, w, inc = sys.argv[1:4]
hostile = [
    "--serialize-diagnostics", w + "/serialize",
    "-Xclang", "-dependency-file", "-Xclang", w + "/depfile", "-Xclang", "-MT", "-Xclang", "x.o",
    "-Xclang", "-stats-file=" + w + "/stats", "-Xclang", "-print-stats",
    "-Xclang", "-header-include-file", "-Xclang", w + "/headers", "-H",
    "--config=" + d + "/evil.cfg",
    "-MD", "-MF", w + "/mf", "-MJ", w + "/mj",
    "-Wp,-MMD," + w + "/wp",
    "-o", w + "/out.o",
    "-save-temps",
    "-ftime-trace", "-ftime-trace=" + w + "/trace.json",
    "-fcrash-diagnostics-dir=" + w,
    "-fplugin=" + w + "/nope.so",
    "-Xclang", "-load", "-Xclang", w + "/nope.so",
    "-mllvm", "-info-output-file=" + w + "/info",
    "-B", w,
    "-fproc-stat-report=" + w + "/report",
    "-fmodules", "-fmodules-cache-path=" + w + "/modules",
    "-fsave-optimization-record", "-foptimization-record-file=" + w + "/opt",
    "@args.rsp",
]
base = ["clang", "-nostdinc", "-isystem", inc, "-include", inc + "/config-full.h",
        "-std=gnu11", "-ffreestanding", "--target=x86_64-linux-gnu"]
db = [{"directory": d, "file": f, "arguments": base + hostile + ["-c", f]}
      for f in ("a.c", "b.c")]
json.dump(db, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
with open(os.path.join(d, "args.rsp"), "w") as r:
    r.write("--serialize-diagnostics '%s/rsp-serialize'\n-DFROM_RSP=1 @nested.rsp\n" % w)
with open(os.path.join(d, "nested.rsp"), "w") as r:
    r.write("-DFROM_NESTED=1 -Xclang -dependency-file -Xclang %s/nested-dep\n" % w)
with open(os.path.join(d, "evil.cfg"), "w") as c:
    c.write("--serialize-diagnostics %s/cfg-serialize\n" % w)
for f in ("a.c", "b.c"):
    with open(os.path.join(d, f), "w") as s:
        s.write("#if !defined(FROM_RSP) || !defined(FROM_NESTED)\n"
                "#error the response files were not expanded\n#endif\n")
        s.write(open(os.path.join(os.path.dirname(__file__), "bad.c")).read())
