#!/bin/bash
# Issue 6's inspection cost at the gateway's own throughput: the most legacy -> legacy messages per second one
# gateway relays through Kamailio (closed loop, load --in-flight), with inspection off (--no-inspect) and with all
# three sinks on (JSON Lines file, pcap file, HEP to a UDP port), alternating in one run so that both see the same
# machine. Needs the Kamailio of kamailio-core.sh on 127.0.0.1:5070 and ACCOUNTS (see relay-gateway.sh).
# Usage: gateway/load/inspect-cost.sh [ROUNDS] [SECONDS] [IN_FLIGHT]     (defaults 2, 30, 200)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-2}; seconds=${2:-30}; inflight=${3:-200}
out=$(mktemp -d)
echo "results in $out"
for round in $(seq 1 "$rounds"); do
    for mode in off sinks; do
        dir="$out/$round-$mode"; mkdir -p "$dir"
        if [ "$mode" = off ]; then
            opts="--no-inspect"
        else
            # Port 9 (discard) has no listener here: the gateway pays for every HEP datagram all the same.
            opts="--inspect-log $dir/pairs.jsonl --pcap $dir/legs.pcap --hep 127.0.0.1:9"
        fi
        GWOPTS="$opts" OUT="$dir" "$here/relay-gateway.sh" --sessions 1000 --first-account 0 --ramp 500 \
            --login-threads 64 --in-flight "$inflight" --duration "$seconds" --warmup 10 --json > /dev/null
        rate=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.0f %.2f %.2f %d" % (r["steadyPerSecond"], r["answer"]["p50Ms"], r["answer"]["p99Ms"], r["errorCount"]))' "$dir/load.out")
        events=$(awk '/^sipc_gateway_messages_total/ {s += $2} END {printf "%d", s}' "$dir/metrics.txt")
        dropped=$(awk '/^sipc_gateway_inspection_dropped_total/ {printf "%d", $2}' "$dir/metrics.txt")
        echo "round $round $mode: steady msg/s, p50 ms, p99 ms, errors = $rate; events ${events:-?}, dropped ${dropped:-0}"
        echo "$mode $rate" >> "$out/rates"
    done
done
python3 - "$out/rates" <<'PY'
import sys, collections
r = collections.defaultdict(list)
for line in open(sys.argv[1]):
    mode, rate = line.split()[:2]
    r[mode].append(float(rate))
off, on = sum(r["off"]) / len(r["off"]), sum(r["sinks"]) / len(r["sinks"])
print("mean steady rate: off %.0f msg/s, all sinks %.0f msg/s, ratio %.2f" % (off, on, on / off))
PY
