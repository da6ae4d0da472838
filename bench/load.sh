#!/usr/bin/env bash
# Load on the Replete server with wrk (Debian package) on loopback, bounded in time: a server with ATHLETES athletes x
# DAYS days of food logs, then DURATION at 64 connections against the saved-assessment endpoint, the food search and a
# trivial endpoint of the same server, side by side; the server's memory is sampled before and after. Run on demand:
#   bench/load.sh [ATHLETES=100] [DAYS=90] [DURATION=60s]
# Needs the food database in the data directory (REPLETE_DATA_DIR or the default; `./replete foods init` builds it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
athletes="${1:-100}" days="${2:-90}" duration="${3:-60s}"
command -v wrk >/dev/null || { echo "wrk is needed: sudo apt-get install wrk"; exit 2; }
work="$(mktemp -d)"
port=$(( 40000 + RANDOM % 20000 ))
dotnet publish "$root/src/Replete.Web/Replete.Web.csproj" -c Release -o "$work/server" --nologo -v quiet >/dev/null
dotnet "$work/server/Replete.Web.dll" --urls "http://127.0.0.1:$port" --database "$work/load.db" --sign-in-limit 1000000 \
  --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
base="http://127.0.0.1:$port"
echo "== seeding $athletes athletes x $days days"
python3 "$root/bench/load/seed.py" "$base" "$athletes" "$days" >"$work/athletes.txt"
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
echo "server memory after seeding: $(rss)"
run() {
  echo "== $1"
  wrk -t2 -c64 -d"$duration" --latency -s "$root/bench/load/tokens.lua" "$base$2" -- "$work/athletes.txt" | grep -E "Requests/sec|Non-2xx|Socket errors|50%|99%|Latency"
  echo "server memory: $(rss)"
}
run "trivial endpoint (/health)" "/health"
run "food search" "/api/v1/foods?q=chicken%20breast%20grilled"
run "saved assessment (snapshot)" "/api/v1/athletes/me/snapshots/{snapshot}"
