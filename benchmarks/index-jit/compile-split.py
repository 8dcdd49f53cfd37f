#!/usr/bin/env python3
"""Compile time per top-level package, class and method of a JFR recording with jdk.Compilation
events (threshold 0), each with its part in C2 on-stack replacements (OSR), and the
deoptimizations by method and reason.
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

time, count, osr = collections.Counter(), collections.Counter(), collections.Counter()
owner, owner_osr = collections.Counter(), collections.Counter()
klass, klass_osr = collections.Counter(), collections.Counter()
compilations = events("jdk.Compilation")
for e in compilations:
    v = e["values"]
    name, t = method(v), seconds(v["duration"])
    replaced = t if v["isOsr"] and v["compileLevel"] == 4 else 0.0
    package, cls = ".".join(name.split(".")[:3]), name.rsplit(".", 1)[0]
    time[name] += t
    count[name] += 1
    osr[name] += replaced
    owner[package] += t
    owner_osr[package] += replaced
    klass[cls] += t
    klass_osr[cls] += replaced
print("compilations %d, %.2f s (C2 OSR %.2f s)" % (len(compilations), sum(time.values()),
                                                  sum(osr.values())))
for title, table, part, n in (("package (first three parts)", owner, owner_osr, 8),
                              ("class", klass, klass_osr, 8)):
    print("by %s (s, of which C2 OSR):" % title)
    for k, t in table.most_common(n):
        print("  %6.2f s (%5.2f)  %s" % (t, part[k], k))
print("by method (s, of which C2 OSR, compilations):")
for k, t in time.most_common(15):
    print("  %6.2f s (%5.2f) %3d  %s" % (t, osr[k], count[k], k))
deopts = collections.Counter()
for e in events("jdk.Deoptimization"):
    v = e["values"]
    deopts[(method(v), v["reason"])] += 1
print("deoptimizations %d; most frequent:" % sum(deopts.values()))
for (m, r), n in deopts.most_common(8):
    print("  %3d  %s  (%s)" % (n, m, r))
