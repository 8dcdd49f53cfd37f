#!/bin/bash
# A B A B: the search and http sections with the jar before (06468cd) and after (18de592)
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -Xmx8g"
O=/work/main/benchmarks/2026-12-06-late
for run in 1 2; do
  for side in 06468cd 18de592; do
    echo "== $side run $run start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    $J -jar /tmp/bench-$side.jar bench --corpus /tmp/bench-gen/gen-1m.jsonl.gz --reuters none --work /tmp/bench-work \
      --only search,http --rounds 1 --seconds 4 --queries 50 --json $O-$side-$run.json > $O-$side-$run.md 2> /tmp/ab-$side-$run.log
    echo "== $side run $run end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
