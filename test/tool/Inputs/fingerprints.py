# Prints "fingerprint line" for each result of a SARIF log on stdin.
import json, sys

for r in json.load(sys.stdin)["runs"][0]["results"]:
    line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
    print(r["partialFingerprints"]["preemptlintFingerprint/v1"], line)
