# Prints the parts of a SARIF log the tests check, one per line.
import json, sys

d = json.load(open(sys.argv[1]))
print("version", d["version"], "runs", len(d["runs"]))
run = d["runs"][0]
drv = run["tool"]["driver"]
print("driver", drv["name"], "informationUri", drv["informationUri"][:8])
rules = drv["rules"]
for r in rules:
    assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
    print("rule", r["id"], r["defaultConfiguration"]["level"], r["helpUri"])
print("SRCROOT", run["originalUriBaseIds"]["SRCROOT"]["uri"])
for res in run["results"]:
    ok = rules[res["ruleIndex"]]["id"] == res["ruleId"]
    loc = res["locations"][0]["physicalLocation"]
    flows = res.get("codeFlows", [{"threadFlows": [{"locations": []}]}])
    n = len(flows[0]["threadFlows"][0]["locations"])
    assert res["partialFingerprints"]
    print("result", res["ruleId"], "index-ok" if ok else "index-BAD",
          loc["artifactLocation"]["uri"],
          "%d:%d" % (loc["region"]["startLine"], loc["region"]["startColumn"]), "flows=%d" % n)
inv = run["invocations"][0]
for n in inv["toolExecutionNotifications"]:
    print("notification", n["level"],
          n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
print("executionSuccessful", inv["executionSuccessful"])
