#!/bin/bash
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
$J --enable-native-access=ALL-UNNAMED -Xmx2g -jar /work/main/target/verbatim.jar serve --index /tmp/bench-work/index-generated --corpus /tmp/emptyc --port 8099 > /tmp/serve-h.log 2>&1 &
SP=$!
for i in $(seq 60); do curl -sf localhost:8099/api/health >/dev/null && break; sleep 1; done
wrk -t1 -c16 -d60s -s /tmp/bench-work/wrk-search.lua http://127.0.0.1:8099 > /dev/null
for c in 16 64 256; do
  (wrk -t1 -c$c -d20s -s /tmp/bench-work/wrk-search.lua http://127.0.0.1:8099 > /tmp/wrk-h-$c.txt &)
  sleep 2
  : > /tmp/h-$c.txt
  end=$((SECONDS+15))
  while [ $SECONDS -lt $end ]; do curl -s -o /dev/null -w '%{time_total}\n' localhost:8099/api/health >> /tmp/h-$c.txt; sleep 0.05; done
  sleep 4
  sort -n /tmp/h-$c.txt | awk -v c=$c '{a[NR]=$1} END {printf "%s connections: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", c, NR, 1000*a[int(NR*0.5)], 1000*a[int(NR*0.99)], 1000*a[NR]}'
  grep -E "Requests/sec|Non-2xx" /tmp/wrk-h-$c.txt | tr '\n' ' '; echo
done
kill $SP; wait $SP 2>/dev/null
