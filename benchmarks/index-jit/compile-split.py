#!/usr/bin/env python3
"""Compile time per method and per top-level package of a JFR recording with jdk.Compilation
events (threshold 0), and the deoptimizations by method and reason.
usage: compile-split.py RECORDING.jfr"""
import collections, json, os, re, subprocess, sys

JFR = os.environ.get("JFR", "jfr")
rec = sys.argv[1]

def events(kind):
    raw = subprocess.run([JFR, "print", "--json", "--events", kind, rec],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(raw)["recording"]["events"]

def seconds(iso):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", iso)
    return int(m.group(1) or 0) * 60 + float(m.group(2)) if m else 0.0

def method(v):
    m = v["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

time, count, owner = collections.Counter(), collections.Counter(), collections.Counter()
compilations = events("jdk.Compilation")
for e in compilations:
    v = e["values"]
    name, t = method(v), seconds(v["duration"])
    time[name] += t
    count[name] += 1
    owner[".".join(name.split(".")[:3])] += t
print("compilations %d, %.2f s" % (len(compilations), sum(time.values())))
print("by package (first three parts):")
for k, t in owner.most_common(8):
    print("  %6.2f s  %s" % (t, k))
print("by method (s, compilations):")
for k, t in time.most_common(15):
    print("  %6.2f s %3d  %s" % (t, count[k], k))
deopts = collections.Counter()
for e in events("jdk.Deoptimization"):
    v = e["values"]
    deopts[(method(v), v["reason"])] += 1
print("deoptimizations %d; most frequent:" % sum(deopts.values()))
for (m, r), n in deopts.most_common(8):
    print("  %3d  %s  (%s)" % (n, m, r))
