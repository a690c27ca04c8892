# Copies Inputs/bad.c under names with a backslash, a newline, an escape
# sequence (named by a database) and a Latin-1 (not UTF-8) byte.
# Usage: odd-names.py DIR INCLUDE
import json, os, sys

d, inc = sys.argv[1].encode(), sys.argv[2]
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad.c"), "rb").read()
names = [b"back\\slash.c", b"new\nline.c", b"esc\x1b[31mape.c"]
# Not UTF-8: no JSON database can name it; the test names it on the command line.
open(os.path.join(d, b"latin\xe9.c"), "wb").write(src)
entries = []
for n in names:
    open(os.path.join(d, n), "wb").write(src)
    name = n.decode()
    entries.append({"directory": d.decode(), "file": name,
                    "arguments": ["clang", "-nostdinc", "-isystem", inc, "-include",
                                  inc + "/config-full.h", "-std=gnu11", "-ffreestanding",
                                  "--target=x86_64-linux-gnu", "-c", name]})
json.dump(entries, open(os.path.join(d, b"compile_commands.json"), "w"), indent=1)
