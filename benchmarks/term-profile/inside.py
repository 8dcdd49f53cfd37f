#!/usr/bin/env python3
"""What the main thread's samples under one frame were doing: the samples whose stack holds
FRAME (a substring of Class.method), grouped by the DEPTH frames called from it.
usage: inside.py RECORDING.jfr FRAME [DEPTH]   e.g. inside.py and.jfr Paging.rescored 3"""
import collections, json, os, subprocess, sys

JFR = os.environ.get("JFR", "jfr")
rec, frame = sys.argv[1], sys.argv[2]
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 3
raw = subprocess.run([JFR, "print", "--json", "--stack-depth", "512", "--events",
                      "jdk.ExecutionSample", rec], capture_output=True, text=True, check=True).stdout

def short(f):
    m = f["method"]
    return m["type"]["name"].rsplit("/", 1)[-1] + "." + m["name"]

groups, total = collections.Counter(), 0
for e in json.loads(raw)["recording"]["events"]:
    v = e["values"]
    if (v.get("sampledThread") or {}).get("javaName") != "main":
        continue
    names = [short(f) for f in v["stackTrace"]["frames"]]  # leaf first
    at = [i for i, n in enumerate(names) if frame in n]
    if not at:
        continue
    total += 1
    callees = names[:max(at)][::-1]  # from the frame's callee down to the leaf
    groups[" > ".join(callees[:depth]) or "(self)"] += 1
print("%d samples under %s" % (total, frame))
for g, n in groups.most_common(20):
    print("%5d %5.1f%%  %s" % (n, 100.0 * n / total, g))
