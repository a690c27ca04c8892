# Copies the sources of Inputs/<tree>/ into DIR and writes DIR/compile_commands.json
# for them, one translation unit each, with kernel-style flags over the
# hermetic headers. Usage: make-tree-db.py TREE DIR INCLUDE
import json, os, shutil, sys

tree, d, inc = sys.argv[1:4]
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), tree)
db = []
for name in sorted(os.listdir(src)):
    shutil.copy(os.path.join(src, name), os.path.join(d, name))
    if name.endswith(".c"):
        db.append({"directory": d, "file": name,
                   "arguments": ["clang", "-nostdinc", "-isystem", inc, "-include",
                                 inc + "/config-full.h", "-std=gnu11", "-ffreestanding",
                                 "--target=x86_64-linux-gnu", "-c", name]})
json.dump(db, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
