import json, sys
d = json.load(open(sys.argv[1]))
print("keys:", " ".join(d.keys()))
print("diag:", " ".join(d["diagnostics"][0].keys()))
for x in d["diagnostics"]:
    extra = " notes=%d" % len(x["notes"]) if x["notes"] else ""
    print(x["check"], x["severity"], x["file"].split("/")[-1], x["line"], x["column"], x["function"] + extra)
print("stats: files=%d functions=%d" % (d["stats"]["files"], d["stats"]["functions"]))
