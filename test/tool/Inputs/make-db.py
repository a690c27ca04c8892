# Writes DIR/compile_commands.json for the named sources in DIR (kernel-style
# flags, the hermetic headers). NAME=bad copies Inputs/bad.c to NAME,
# NAME=ok copies Inputs/ok.c, NAME=deep generates a 10,000-branch else-if
# chain (Clang overflows its stack on it). Usage: make-db.py DIR INCLUDE NAME=KIND...
import json, os, sys

d, inc = sys.argv[1:3]
here = os.path.dirname(os.path.abspath(__file__))
db = []
for spec in sys.argv[3:]:
    name, kind = spec.split("=")
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if kind == "deep":
        lines = ["int deep(int x)", "{", "\tif (x == 0)", "\t\treturn 0;"]
        for i in range(1, 10000):
            lines += ["\telse if (x == %d)" % i, "\t\treturn %d;" % i]
        text = "\n".join(lines + ["\treturn -1;", "}", ""])
    else:
        text = open(os.path.join(here, kind + ".c")).read()
    with open(path, "w") as f:
        f.write(text)
    db.append({"directory": d, "file": name,
               "arguments": ["clang", "-nostdinc", "-isystem", inc, "-include",
                             inc + "/config-full.h", "-std=gnu11", "-ffreestanding",
                             "--target=x86_64-linux-gnu", "-c", name]})
json.dump(db, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
