#!/usr/bin/env bash
# The full speed run of issue 15, for an idle machine: the code before the issue and this code, each
# through every bench section (1M generated articles and Reuters) in one command, then the
# before/after table and the ranking figures. Figures from a machine that other builds share are
# not comparable: the script stops when another JVM or Maven is running (FORCE=1 runs anyway and
# says so in the log). About 70-90 minutes on the 2-core machine.
#
#   benchmarks/final-run.sh                  # before = 0352613 (main before issue 15), after = HEAD
#   BEFORE=<commit> ROUNDS=2 benchmarks/final-run.sh
#   BEFORE=none benchmarks/final-run.sh      # this code only (about half the time)
#   OUT=benchmarks/2026-12-06-evening ...    # file prefix other than the day (a second run that day)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
J="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
BEFORE="${BEFORE:-0352613}"
ROUNDS="${ROUNDS:-1}"
DAY="$(date -u +%F)"
OUT="${OUT:-benchmarks/$DAY}"
CORPUS=/tmp/bench-gen/gen-1m.jsonl.gz
REUTERS="${REUTERS:-/work/shared/corpora/reuters21578.jsonl}"
LOG="$OUT-final-run.log"
mkdir -p benchmarks /tmp/bench-gen
exec > >(tee -a "$LOG") 2>&1

others="$(ps -eo pid,args | grep -E '[j]ava|[m]vn' | grep -v "$$" || true)"
echo "== $(date -u +%FT%TZ) $(uptime)"
if [ -n "$others" ]; then
  echo "other JVMs or builds are running:"
  echo "$others"
  if [ "${FORCE:-0}" != 1 ]; then
    echo "not an idle machine: stop them or run with FORCE=1 (the log will say so)"
    exit 1
  fi
  echo "FORCE=1: running anyway; these figures are NOT from an idle machine"
fi

# Without wrk the HTTP rows use the JDK's client inside the bench's JVM, whose CPU then competes
# with the server's on the same two cores (16 connections on 2026-12-06: 460 req/s that way, 586
# with wrk, in runs half an hour apart).
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q wrk > /dev/null
  else
    echo "wrk is not on PATH (apt-get install wrk): the HTTP rows would load the server from its own JVM"
    [ "${FORCE:-0}" = 1 ] || exit 1
  fi
fi

./mvnw -B -ntp -q -o -DskipTests package
cp target/verbatim.jar /tmp/bench-after.jar
SIDES="before after"
if [ "$BEFORE" = none ]; then
  SIDES=after
else
  rm -rf /tmp/bench-before-src && mkdir -p /tmp/bench-before-src
  git archive "$BEFORE" | tar -x -C /tmp/bench-before-src
  (cd /tmp/bench-before-src && ./mvnw -B -ntp -q -o -DskipTests package && cp target/verbatim.jar /tmp/bench-before.jar)
fi

[ -f "$CORPUS" ] || $J -jar /tmp/bench-after.jar bench generate --articles 1000000 --out "$CORPUS" --seed 42 --from "$REUTERS"

for side in $SIDES; do
  echo "== $side ($( [ $side = before ] && echo "$BEFORE" || git rev-parse --short HEAD )) start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf /tmp/bench-work
  $J -Xmx8g -jar /tmp/bench-$side.jar bench --corpus "$CORPUS" --reuters "$REUTERS" --work /tmp/bench-work \
    --rounds "$ROUNDS" --reuters-rounds 3 --seconds 4 --queries 50 --json "$OUT-$side.json" \
    > "$OUT-$side.md"
  echo "== $side end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ "$BEFORE" != none ]; then
  $J -jar /tmp/bench-after.jar bench compare "$OUT-before.json" "$OUT-after.json" > "$OUT-before-after.md"
  cat "$OUT-before-after.md"
fi

E=/work/shared/eval
for c in cranfield cisi; do
  for config in default bare-bm25; do
    echo "== eval-ranking $c $config (after)"
    $J -jar /tmp/bench-after.jar eval-ranking --docs "$E/$c/docs.jsonl" --queries "$E/$c/queries.tsv" \
      --qrels "$E/$c/qrels.trec" --config "$config" | tail -1
  done
  if [ "$BEFORE" != none ]; then
    echo "== eval-ranking $c default (before)"
    $J -jar /tmp/bench-before.jar eval-ranking --docs "$E/$c/docs.jsonl" --queries "$E/$c/queries.tsv" \
      --qrels "$E/$c/qrels.trec" --config default | tail -1
  fi
done
echo "== done $(date -u +%FT%TZ) $(uptime)"
