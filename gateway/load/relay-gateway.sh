#!/bin/bash
# One load run through a fresh gateway in front of the Kamailio started by kamailio-core.sh (127.0.0.1:5070):
# starts the gateway, warms it with a short run, runs `load` with the given options, prints the report, stops it.
# Usage: gateway/load/relay-gateway.sh LOAD_OPTIONS...      e.g. --sessions 1000 --in-flight 64 --duration 20
# Environment: JAR (default gateway/target/sipc-gateway.jar), ACCOUNTS (generate-accounts output, at least
# sessions + 10000 accounts), GWFLAGS (JVM options of the gateway), GWOPTS (extra `run` options, e.g. the
# inspection sinks), LOADFLAGS (JVM options of the load tool), WARMUP_SECONDS (default 40 at 500 msg/s: the JIT needs
# it, a shorter one left p50 at 25 ms instead of 3 ms at 1,000 msg/s), OUT (directory for logs, default a temporary
# one; the gateway's GC log goes there).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-$root/gateway/target/sipc-gateway.jar}
accounts=${ACCOUNTS:?generate them first: java -jar JAR generate-accounts --count 12000 --out FILE}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
# shellcheck disable=SC2086
java ${GWFLAGS:--Xms1g -Xmx1g -XX:+UseG1GC} -Xlog:gc:file="$out/gc.log" -jar "$jar" run --accounts "$accounts" --sipc-listen 127.0.0.1:18080 \
    --http-listen 127.0.0.1:18081 --https-listen 127.0.0.1:18443 --sip-listen 127.0.0.1:15070 \
    --admin-listen 127.0.0.1:18090 --core 'sip:127.0.0.1:5070;transport=tcp' --domain sipc.local ${GWOPTS:-} \
    > "$out/gateway.log" 2>&1 &
gw=$!
trap 'kill $gw 2>/dev/null; wait $gw 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    grep -q "SIP-C listener on" "$out/gateway.log" && break
    kill -0 $gw || { cat "$out/gateway.log"; exit 1; }
    sleep 0.1
done
# shellcheck disable=SC2086
load() { java ${LOADFLAGS:-} -jar "$jar" load --server 127.0.0.1:18080 "$@"; }
if [ "${WARMUP_SECONDS:-40}" -gt 0 ]; then
    # Warm the JIT on other accounts than the measured run's, so both runs sign in afresh.
    load --sessions 200 --first-account 10000 --ramp 500 --login-threads 32 --rate 500 \
        --duration "${WARMUP_SECONDS:-40}" > "$out/warm.out" 2> "$out/warm.err" || true
fi
load "$@" 2> "$out/load.err" | tee "$out/load.out"
curl -s http://127.0.0.1:18090/metrics > "$out/metrics.txt" || true   # the gateway's own counters at the end
