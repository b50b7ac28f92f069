#!/usr/bin/env bash
# Start time, memory and idle CPU of the embedded silo (in-memory providers), measured from outside:
# for each run, the time from launching `dotnet Rides.Silo.dll` until /health/ready answers 200, the
# process's RSS then and after it has idled, and its CPU time (utime + stime from /proc/PID/stat) as a
# share of one core over two idle windows: one right after start (from 5 s after ready), when start-up
# work is still finishing, and one once it has settled (from 60 s after ready). Linux only; needs curl.
#
#   bench/Rides.Benchmarks/silo-start-idle.sh [runs (3)] [idle window seconds (30)]
#
# Builds src/Silo in Release first if it has not been built. PORT (default 5077) picks the port.
set -euo pipefail

runs=${1:-3}
idle=${2:-30}
port=${PORT:-5077}
root=$(cd "$(dirname "$0")/../.." && pwd)
dll=$root/src/Silo/bin/Release/net10.0/Rides.Silo.dll
url=http://127.0.0.1:$port
hz=$(getconf CLK_TCK)
logs=$(mktemp -d)

[[ -f $dll ]] || dotnet build -c Release "$root/src/Silo" >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU time of process $1 over the next $2 seconds, in % of one core.
idle_cpu() {
  local before after
  before=$(cpu_ticks "$1")
  sleep "$2"
  after=$(cpu_ticks "$1")
  awk -v d=$(( after - before )) -v hz="$hz" -v s="$2" 'BEGIN { printf "%.1f %%", 100 * d / hz / s }'
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

echo "$(nproc) cores, kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | ready after ms | RSS at ready MB | RSS after idle MB | idle CPU, from 5 s after ready | idle CPU, from 60 s after ready | warn/fail log lines |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for run in $(seq 1 "$runs"); do
  log=$logs/silo-$run.log
  started=$(now_ms)
  dotnet "$dll" --urls "$url" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$url/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null || (( $(now_ms) - started > 60000 )); then
      echo "run $run: the silo did not become ready; its log:" >&2
      cat "$log" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.02
  done
  ready=$(( $(now_ms) - started ))
  rss_ready=$(rss_mb "$pid")

  # The first window still sees start-up work (tiered JIT, the first membership and statistics rounds).
  sleep 5
  early=$(idle_cpu "$pid" "$idle")
  sleep $(( 60 - 5 - idle > 0 ? 60 - 5 - idle : 0 ))
  settled=$(idle_cpu "$pid" "$idle")
  rss_idle=$(rss_mb "$pid")

  kill -TERM "$pid"
  wait "$pid" || true
  noisy=$(grep -cE '^(warn|fail|crit):' "$log" || true)
  echo "| $run | $ready | $rss_ready | $rss_idle | $early | $settled | $noisy |"
done
echo "silo logs: $logs"
