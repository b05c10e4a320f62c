#!/bin/sh
# Baseline MESSAGE relay sipp -> Kamailio -> sipp, same transport as the gateway (one TCP connection each side).
# Usage: gateway/load/relay.sh RATE SECONDS [CORE_HOST:PORT] [DOMAIN]; the UAS (message_uas.xml on 127.0.0.1:5090)
# must be running and registered (register.xml), see BENCHMARKS.md. Prints sipp's totals and RTT percentiles (ms).
set -eu
rate=$1; seconds=$2; core=${3:-127.0.0.1:5070}; domain=${4:-sipc.local}
dir=$(cd "$(dirname "$0")" && pwd); out=$(mktemp -d)
cd "$out"
timeout $((seconds + 30)) sipp "$core" -sf "$dir/message_uac.xml" -t t1 -i 127.0.0.1 -p 5092 -key domain "$domain" \
    -r "$rate" -m $((rate * seconds)) -l $((rate * 5)) -nostdin -trace_rtt -rtt_freq 1000 > uac.out 2>&1 || true
grep -E "Elapsed Time|Call Rate|Successful call|Failed call" uac.out | tail -4
python3 - message_uac_*_rtt.csv <<'PY'
import sys
v = sorted(float(l.split(';')[1]) for l in open(sys.argv[1]).readlines()[1:])
p = lambda q: v[min(len(v) - 1, int(q * len(v)))]
print("rtt n=%d p50=%.0f p99=%.0f p99.9=%.0f max=%.0f ms (sipp's 1 ms resolution)" % (len(v), p(.5), p(.99), p(.999), v[-1]))
PY
rm -rf "$out"
