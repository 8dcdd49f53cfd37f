#!/usr/bin/env bash
# The profile behind BENCHMARKS.md, "Issue 15 ... where a term query's time goes": the bench's
# queries of one class through Searcher.search (SearchBench.verbatim) and through bare Lucene
# (SearchBench.bare) on one index, on the main thread, A B B A; thread CPU per query per round and
# a JFR recording of the timed rounds, split into phases by split.py. MatchProfile times matching
# alone (bare query and Verbatim's first pass at depth 10 and 500, the one-pass BM25F query, and
# the first pass through the time-limit wrappers). Not part of the build: compiled here against the
# product jar, into the bench's package (the classes it uses are package-private).
#
#   benchmarks/term-profile/run.sh /tmp/bench-work/index-generated            # term, 30 passes, 4 rounds
#   KIND=and PASSES=10 benchmarks/term-profile/run.sh INDEX
#   JAVA_OPTS=-Dverbatim.candidates=200 benchmarks/term-profile/run.sh INDEX  # another depth
# PerQuery times each query of a class alone on both sides, slowest first (after one run.sh, whose
# classes it reuses): java -cp target/verbatim.jar:$OUT/classes dev.verbatim.bench.PerQuery INDEX phrase 15
set -euo pipefail
cd "$(dirname "$0")/../.."
INDEX="$1"
KIND="${KIND:-term}"
PASSES="${PASSES:-30}"
ROUNDS="${ROUNDS:-4}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OUT="${OUT:-/tmp/term-profile}"
mkdir -p "$OUT/classes"
"$JAVA_HOME/bin/javac" -cp target/verbatim.jar -d "$OUT/classes" benchmarks/term-profile/*.java
CP="target/verbatim.jar:$OUT/classes"
echo "== $(date -u +%FT%TZ) $(uptime)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 \
  ${JAVA_OPTS:-} -cp "$CP" dev.verbatim.bench.TermProfile "$INDEX" "$KIND" "$PASSES" "$ROUNDS" "$OUT/$KIND.jfr" \
  2> "$OUT/$KIND.log"
JFR="$JAVA_HOME/bin/jfr" python3 benchmarks/term-profile/split.py "$OUT/$KIND.jfr" main
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g ${JAVA_OPTS:-} -cp "$CP" \
  dev.verbatim.bench.MatchProfile "$INDEX" "$KIND" 10 2>> "$OUT/$KIND.log"
echo "== $(date -u +%FT%TZ) $(uptime)"
