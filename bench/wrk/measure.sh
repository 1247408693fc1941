#!/usr/bin/env bash
# One measured wrk run against a running courserec server, with the server's CPU time per request.
#   bench/wrk/measure.sh PORT CLIENTS SECONDS USERS_FILE [PATH]
# PATH defaults to /recommend?k=10 (learners drawn at random from USERS_FILE by bench/wrk/recommend.lua, which adds
# user=); "/search?q=data%20analysis&k=10" for personalised search; "/health" for the floor (no learner added).
# Prints wrk's latency distribution, then req/s, the server's CPU ms per request (utime + stime of the process
# listening on PORT, from /proc, before and after) and the load average. Linux only; needs wrk, ss and bc.
set -euo pipefail
PORT=$1; C=$2; S=$3; USERS=$4; ROUTE=${5:-/recommend?k=10}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PID=$(ss -ltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n "$PID" ]] || { echo "no process listens on port $PORT" >&2; exit 2; }
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
t0=$(ticks)
if [[ "$ROUTE" == /health* ]]; then
  OUT=$(wrk -t"$C" -c"$C" -d"${S}s" --latency "http://127.0.0.1:$PORT$ROUTE")
else
  OUT=$(wrk -t"$C" -c"$C" -d"${S}s" --latency -s "$HERE/recommend.lua" "http://127.0.0.1:$PORT" -- "$USERS" "$ROUTE")
fi
t1=$(ticks)
REQ=$(echo "$OUT" | awk '/requests in/ {print $1}')
RPS=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')
echo "$OUT" | grep -E ' 50%| 90%| 99%|Non-2xx|Socket errors' || true
HZ=$(getconf CLK_TCK)
echo "req/s $RPS  requests $REQ  server cpu ms/req $(echo "scale=3; ($t1 - $t0) * 1000 / $HZ / $REQ" | bc)  load $(cut -d' ' -f1 /proc/loadavg)"
