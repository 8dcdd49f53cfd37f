#!/usr/bin/env python3
"""Splits a JFR recording's execution samples of the main thread into the phases of
Searcher.search (SearchBench.verbatim) and of the bare side (SearchBench.bare); with --inside,
what the samples under one frame were doing instead: those whose stack holds FRAME (a substring of
Class.method), grouped by the DEPTH frames called from it.
usage: split.py RECORDING.jfr [THREAD] [-v] [--inside FRAME [--depth DEPTH]]
   e.g. split.py and.jfr main --inside Paging.rescored --depth 2"""
import argparse, collections, json, os, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("rec")
ap.add_argument("thread", nargs="?", default="main")
ap.add_argument("-v", action="store_true", help="the leaf methods of each phase")
ap.add_argument("--inside", metavar="FRAME")
ap.add_argument("--depth", type=int, default=3)
args = ap.parse_args()
JFR = os.environ.get("JFR", "jfr")
rec, thread = args.rec, args.thread
raw = subprocess.run([JFR, "print", "--json", "--stack-depth", "512", "--events",
                      "jdk.ExecutionSample", rec], capture_output=True, text=True, check=True).stdout
events = json.loads(raw)["recording"]["events"]

def name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

def inside(frame, depth):
    groups, total = collections.Counter(), 0
    for e in events:
        v = e["values"]
        if (v.get("sampledThread") or {}).get("javaName") != thread:
            continue
        # Class.method without the package, leaf first
        names = [".".join(name(f).rsplit(".", 2)[-2:]) for f in v["stackTrace"]["frames"]]
        at = [i for i, n in enumerate(names) if frame in n]
        if not at:
            continue
        total += 1
        callees = names[:max(at)][::-1]  # from the frame's callee down to the leaf
        groups[" > ".join(callees[:depth]) or "(self)"] += 1
    print("%d samples under %s" % (total, frame))
    for g, n in groups.most_common(20):
        print("%5d %5.1f%%  %s" % (n, 100.0 * n / total, g))

if args.inside:
    inside(args.inside, args.depth)
    sys.exit(0)

# (substring of Class.method, category, condition on current category or None)
V_MARKERS = [
    ("dev.verbatim.search.LocalSearcher.search", "other (budget, retry, setup)", None),
    ("dev.verbatim.search.query.Ranking.interpret", "parse", None),
    ("dev.verbatim.search.SearchTimeLimit$Budget.bounded", "other (budget, retry, setup)", None),
    ("dev.verbatim.search.Search.<init>", "other (budget, retry, setup)", None),
    ("dev.verbatim.search.Search.match", "match: rewrite, first-pass query", None),
    ("dev.verbatim.search.Paging.page", "match: page walk (collapse)", None),
    ("org.apache.lucene.search.IndexSearcher.search", "match: first pass", {"match: page walk (collapse)"}),
    ("dev.verbatim.search.QuoteGroups$Counting$1.collect", "match: first pass, distinct count", None),
    ("org.apache.lucene.search.TopScoreDocCollector", "match: first pass, top-k collector", {"match: first pass, distinct count", "match: first pass"}),
    ("org.apache.lucene.search.TopFieldCollector", "match: first pass, top-k collector", {"match: first pass, distinct count", "match: first pass"}),
    ("org.apache.lucene.facet.FacetsCollector", "match: first pass, facet collector", {"match: first pass"}),
    ("dev.verbatim.search.Paging.rescored", "rescoring (QueryRescorer)", None),
    ("dev.verbatim.search.Paging.shownBefore", "match: page walk (collapse)", None),
    ("dev.verbatim.search.QuoteGroups.group", "match: page walk (collapse)", None),
    ("dev.verbatim.search.Search.hits", "hits: building", None),
    ("org.apache.lucene.index.StoredFields.document", "hits: stored fields", {"hits: building"}),
    ("org.apache.lucene.codecs.lucene90.compressing", "hits: stored fields", {"hits: building"}),
    ("dev.verbatim.search.QuoteGroups.sources", "hits: quote groups (sources, id)", None),
    ("dev.verbatim.search.QuoteGroups.quoteId", "hits: quote groups (sources, id)", None),
    ("dev.verbatim.search.Search.mark", "highlighting", None),
    ("dev.verbatim.search.Search.facets", "facets", None),
    ("dev.verbatim.search.Search.suggestion", "suggestion", None),
]
B_MARKERS = [
    ("dev.verbatim.bench.SearchBench.bare", "other", None),
    ("org.apache.lucene.search.IndexSearcher.search", "match", {"other"}),
    ("org.apache.lucene.search.TopScoreDocCollector", "match: top-k collector", {"match"}),
    ("org.apache.lucene.facet.FacetsCollector", "match: facet collector", {"match"}),
    ("org.apache.lucene.search.uhighlight.UnifiedHighlighter.highlight", "highlighting", None),
    ("org.apache.lucene.index.StoredFields.document", "stored fields", {"other"}),
    ("dev.verbatim.bench.SearchBench.countFacets", "facets", None),
]

def classify(frames, markers):
    cat = None
    for f in reversed(frames):  # root to leaf
        n = name(f)
        for sub, c, cond in markers:
            if sub in n and (cond is None or cat in cond):
                cat = c
                break
    return cat

counts = {"verbatim": collections.Counter(), "bare": collections.Counter()}
leaf = {"verbatim": collections.defaultdict(collections.Counter), "bare": collections.defaultdict(collections.Counter)}
total = 0
for e in events:
    v = e["values"]
    t = v.get("sampledThread") or {}
    if t.get("javaName") != thread:
        continue
    frames = v["stackTrace"]["frames"]
    names = [name(f) for f in frames]
    total += 1
    if any("SearchBench.verbatim" in n for n in names):
        side, markers = "verbatim", V_MARKERS
    elif any("SearchBench.bare" in n for n in names):
        side, markers = "bare", B_MARKERS
    else:
        continue
    c = classify(frames, markers)
    counts[side][c] += 1
    leaf[side][c][names[0]] += 1

print(f"{rec}: {total} samples on thread {thread}")
for side in ("verbatim", "bare"):
    n = sum(counts[side].values())
    print(f"\n{side}: {n} samples")
    for c, k in counts[side].most_common():
        print(f"  {k:6d}  {k / max(1, n):6.1%}  {c}")
        if args.v:
            for m, j in leaf[side][c].most_common(6):
                print(f"            {j:5d}  {m}")
