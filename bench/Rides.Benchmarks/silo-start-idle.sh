#!/usr/bin/env bash
# Start time, memory and idle CPU of the embedded silo (in-memory providers), measured from outside:
# for each run, the time from launching `dotnet Rides.Silo.dll` until /health/ready answers 200, the
# process's RSS then and after it has idled, and its CPU time (utime + stime from /proc/PID/stat)
# over the idle window as a share of one core. Linux only; needs curl.
#
#   bench/Rides.Benchmarks/silo-start-idle.sh [runs (3)] [idle seconds (30)]
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
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

echo "$(nproc) cores, kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | ready after ms | RSS at ready MB | RSS after idle MB | idle CPU % of a core | warn/fail log lines |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
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

  # Let start-up work (JIT, the first membership and statistics rounds) finish before measuring idle.
  sleep 5
  before=$(cpu_ticks "$pid")
  sleep "$idle"
  after=$(cpu_ticks "$pid")
  rss_idle=$(rss_mb "$pid")
  cpu=$(awk -v d=$(( after - before )) -v hz="$hz" -v s="$idle" 'BEGIN { printf "%.2f", 100 * d / hz / s }')

  kill -INT "$pid"
  wait "$pid" || true
  noisy=$(grep -cE '^(warn|fail|crit):' "$log" || true)
  echo "| $run | $ready | $rss_ready | $rss_idle | $cpu | $noisy |"
done
echo "silo logs: $logs"
