#!/usr/bin/env bash
# Failover of a real cluster (deploy/local-cluster.sh: 3 silos, 2 edges, private PostgreSQL): kill -9 of the silo
# hosting a ride, TRIALS times (default 20), timing until every one of 24 live rides answers again through the
# edges; then the rolling restart. Prints the times and writes them to bench/failover/results.txt.
#   bash bench/failover/run.sh [TRIALS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
trials="${1:-20}"
out="$PWD/bench/failover/results.txt"
dotnet build tests/Edge.Tests -nologo -v q >/dev/null
RIDES_FAILOVER_TRIALS="$trials" RIDES_FAILOVER_REPORT="$out" dotnet test tests/Edge.Tests --no-build \
  --filter "FullyQualifiedName~LocalClusterTests.Rides_of_a_killed_silo|FullyQualifiedName~LocalClusterTests.A_rolling_restart" \
  --logger "console;verbosity=detailed" | grep -E "trial|failover over|rolling restart|locations reached|Passed |Failed "
cat "$out"
