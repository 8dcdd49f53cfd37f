#!/bin/bash
# A B A B: the http section with the jar before (e6a0bc1: request threads taking turns, 3 at once)
# and after (searches on one lane per core); /tmp/bench-<side>.jar built from each commit.
# SIDES="<jar names>" RUNS="<run numbers>" pick other jars and run numbers (the later runs).
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -Xmx8g"
O=/work/main/benchmarks/2026-12-07-lanes
for run in ${RUNS:-1 2}; do
  for side in ${SIDES:-e6a0bc1 lanes}; do
    echo "== $side run $run start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    $J -jar /tmp/bench-$side.jar bench --corpus /tmp/bench-gen/gen-1m.jsonl.gz --reuters none --work /tmp/bench-work \
      --only http --rounds 1 --seconds 4 --queries 50 --json $O-$side-$run.json > $O-$side-$run.md 2> /tmp/ab-$side-$run.log
    echo "== $side run $run end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
