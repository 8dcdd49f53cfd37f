#!/bin/bash
# The http section once per jar in ORDER (default 4 8 12 12 8 4), results in /tmp/waiters.
# /tmp/bench-waiters-M.jar: ecc1a40 built with Admission's "4 * maxWaiting" changed to M (sed);
# /tmp/bench-waiters-ship.jar: 5a06d32. RUN0 numbers the runs on from a previous call.
# Results: benchmarks/2026-12-07-waiters-ab.log and -waiters-*.{md,json}.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
J="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -Xmx8g"
out=/tmp/waiters
mkdir -p $out
run=${RUN0:-0}
for m in ${ORDER:-4 8 12 12 8 4}; do
  run=$((run+1))
  echo "== waiters ${m}x run $run start $(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)"
  $J -jar /tmp/bench-waiters-$m.jar bench --corpus /tmp/bench-gen/gen-1m.jsonl.gz --reuters none \
    --work /tmp/bench-work --only http --rounds 1 --seconds 4 --queries 50 \
    --json $out/w$m-$run.json > $out/w$m-$run.md 2>$out/w$m-$run.err
  grep -E "^http " $out/w$m-$run.err  # the bench prints its progress lines on stderr
  sleep 5
done
echo "== done $(date -u +%T)"
