#!/bin/sh
# Starts the project's Kamailio (gateway/src/main/resources/kamailio/kamailio.cfg) on loopback for load runs, with a
# fresh db_text store in DIR, in the background; writes its PID to DIR/kamailio.pid and waits until it listens.
# Usage: gateway/load/kamailio-core.sh DIR [PORT] [DOMAIN]     (stop it with: kill $(cat DIR/kamailio.pid))
# The same steps as the tests' KamailioCore (BENCHMARKS.md, "Setup used by every measurement").
set -eu
dir=$1; port=${2:-5070}; domain=${3:-sipc.local}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$dir"; mkdir -p "$dir/db" "$dir/run"
for t in version presentity active_watchers watchers xcap silo; do
    cp /usr/share/kamailio/dbtext/kamailio/$t "$dir/db/"
done
# db_text needs the columns that may be empty declared nullable (reference/kamailio-core.md, gotchas).
sed -i '1s/(int)/(int,null)/g; 1s/(string)/(string,null)/g' "$dir"/db/presentity "$dir"/db/active_watchers \
    "$dir"/db/watchers "$dir"/db/xcap "$dir"/db/silo
kamailio -f "$root/gateway/src/main/resources/kamailio/kamailio.cfg" -DD -E -m 1024 -M 32 -w "$dir/run" \
    -Y "$dir/run" -A KC_LISTEN_IP=127.0.0.1 -A KC_PORT="$port" -A "KC_DOMAIN=\"$domain\"" \
    -A "KC_SELF_URI=\"sip:127.0.0.1:$port\"" -A "KC_DB_URL=\"text://$dir/db\"" --debug=1 \
    > "$dir/kamailio.log" 2>&1 &
echo $! > "$dir/kamailio.pid"
for _ in $(seq 1 50); do
    if grep -q "listening on" "$dir/kamailio.log" 2>/dev/null; then
        break
    fi
    sleep 0.2
done
kill -0 "$(cat "$dir/kamailio.pid")" || { cat "$dir/kamailio.log"; exit 1; }
echo "kamailio $(cat "$dir/kamailio.pid") on 127.0.0.1:$port ($domain), log $dir/kamailio.log"
