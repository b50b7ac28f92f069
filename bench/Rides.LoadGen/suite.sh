#!/usr/bin/env bash
# The load suite's five scenarios at a modest size, one after the other, on one or more targets:
#   bench/Rides.LoadGen/suite.sh [embedded] [postgres] [cluster]       (default: all three)
# Each run writes bench/results/<UTC time>-<scenario>-<target>/result.{json,md}; a failed run does not stop the rest.
# Goal-sized runs: see docs/benchmarks.md, "The load suite".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet build bench/Rides.LoadGen -c Release -nologo -v q >/dev/null || { echo "build failed: dotnet build bench/Rides.LoadGen -c Release" >&2; exit 1; }
# Run a copy, so a rebuild during the runs does not change the program under them (the holders start it again).
bin=$(mktemp -d "${TMPDIR:-/tmp}/rides-loadgen-bin.XXXXXX")
trap 'rm -rf "$bin"' EXIT
cp -r bench/Rides.LoadGen/bin/Release/net10.0/. "$bin/"
export RIDES_SILO_DLL="${RIDES_SILO_DLL:-$root/src/Silo/bin/Release/net10.0/Rides.Silo.dll}"
dll=$bin/Rides.LoadGen.dll
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(embedded postgres cluster)
status=0
for target in "${targets[@]}"; do
  for run in \
    "--scenario location --pairs 200 --seconds 20" \
    "--scenario dispatch --drivers 500 --rate 50 --seconds 30" \
    "--scenario lifecycle --rides 200 --locations 3 --seconds 30" \
    "--scenario idle --connections 5000 --ride-activations 1000" \
    "--scenario soak --rides 200 --connections 1000 --minutes 3"; do
    echo "== $(date -u +%H:%M:%S) $run --target $target (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    dotnet "$dll" $run --target "$target" > /dev/null 2> >(tail -5 >&2) || { echo "   failed (exit $?)"; status=1; }
    ls -td bench/results/*/ | head -1
  done
done
exit $status
