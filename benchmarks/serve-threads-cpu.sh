#!/bin/bash
# A standalone `verbatim serve` on the 1M index under wrk: CPU per thread group (Jetty request
# threads, search lanes, GC, JIT) and the machine's idle share over 20 s, after a warm-up.
#   JAR=target/verbatim.jar C=16 WARM=30 benchmarks/serve-threads-cpu.sh
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
mkdir -p /tmp/emptyc
JAR=${JAR:-/work/main/target/verbatim.jar}
C=${C:-16}
$J --enable-native-access=ALL-UNNAMED -Xmx2g $JOPTS -jar $JAR serve --index /tmp/bench-work/index-generated --corpus /tmp/emptyc --port 8099 > ${TMPDIR:-/tmp}/serve.log 2>&1 &
SP=$!
for i in $(seq 90); do curl -sf localhost:8099/api/health >/dev/null && break; sleep 1; done
wrk -t1 -c16 -d${WARM:-40}s -s /tmp/bench-work/wrk-search.lua http://127.0.0.1:8099 > /dev/null; sleep 2
wrk -t1 -c$C -d25s --latency -s /tmp/bench-work/wrk-search.lua http://127.0.0.1:8099 > ${TMPDIR:-/tmp}/wrk.txt &
WP=$!
sleep 3
snap() { for t in /proc/$SP/task/*; do echo "$(cat $t/comm)|$(awk '{print $14+$15, $10, $12}' $t/stat)|$(grep -E '^(voluntary|nonvoluntary)_ctxt_switches' $t/status | awk '{print $2}' | tr '\n' ' ')"; done; }
snap > ${TMPDIR:-/tmp}/snap0; grep -E "^cpu " /proc/stat > ${TMPDIR:-/tmp}/stat0
sleep 20
snap > ${TMPDIR:-/tmp}/snap1; grep -E "^cpu " /proc/stat > ${TMPDIR:-/tmp}/stat1
wait $WP
grep -E "Requests/sec|99%|Non-2xx" ${TMPDIR:-/tmp}/wrk.txt | tr '\n' ' '; echo
kill $SP; wait $SP 2>/dev/null
python3 - <<'PY'
import collections,re
def load(p):
    d={}
    for l in open(p):
        name,cpu,cs=l.rstrip('\n').split('|')
        d.setdefault(name,[]).append((cpu,cs))
    return d
def agg(p):
    c=collections.defaultdict(lambda:[0,0,0])
    for l in open(p):
        name,cpu,cs=l.rstrip('\n').split('|')
        k=re.sub(r'[-#]?\d+$','',name)
        if name.startswith('qtp') or name.startswith('JettyServerTh') or name.startswith('verbatim-http'): k='jetty'
        t=cpu.split(); s=cs.split()
        c[k][0]+=int(t[0]); c[k][1]+=int(s[0]) if s else 0; c[k][2]+=int(s[1]) if len(s)>1 else 0
    return c
a=agg('${TMPDIR:-/tmp}/snap0'); b=agg('${TMPDIR:-/tmp}/snap1')
for k in sorted(b,key=lambda k:-(b[k][0]-a.get(k,[0,0,0])[0])):
    d=[b[k][i]-a.get(k,[0,0,0])[i] for i in range(3)]
    if d[0]>0 or d[1]>100: print(f"{k:30s} cores {d[0]/100/20:.3f} vol cs/s {d[1]/20:.0f} invol cs/s {d[2]/20:.0f}")
s0=list(map(int,open('${TMPDIR:-/tmp}/stat0').read().split()[1:])); s1=list(map(int,open('${TMPDIR:-/tmp}/stat1').read().split()[1:]))
d=[y-x for x,y in zip(s0,s1)]; tot=sum(d[:8])
print('machine: user %.3f sys %.3f idle %.3f iowait %.3f softirq %.3f'%(d[0]/tot,d[2]/tot,d[3]/tot,d[4]/tot,d[6]/tot))
PY
