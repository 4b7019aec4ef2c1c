#!/usr/bin/env bash
# Benchmarks the first full render of /wall against a static MapLibre page drawing the same layers.
#   CommandCenter.Bench/run-bench.sh [--runs N] [--warmups N]
# Starts (or reuses) the local PostgreSQL cluster with database commandcenter_bench, builds CommandCenter.Web in
# Release (skip with CC_BENCH_NO_BUILD=1) and the bench, then runs it. The table lands in artifacts/bench-wall.md.
# The whole set of measures (P1-P5) is ./bench.sh.
source "$(dirname "$0")/../scripts/setup.sh"
cd "$CC_ROOT"

cc_require_dotnet
if [ -z "${CC_BENCH_CONNECTION:-}" ]; then
  cc_start_postgres commandcenter_bench
  export CC_BENCH_CONNECTION="$(cc_connection_string commandcenter_bench)"
else
  cc_log "using the database in CC_BENCH_CONNECTION"
fi

if [ "${CC_BENCH_NO_BUILD:-0}" != "1" ]; then
  cc_log "building CommandCenter.Web (Release)"
  dotnet build CommandCenter.Web -c Release -nologo -v quiet
fi
cc_log "building CommandCenter.Bench"
dotnet build CommandCenter.Bench -c Release -nologo -v quiet
exec dotnet CommandCenter.Bench/bin/Release/net10.0/CommandCenter.Bench.dll wall "$@"
