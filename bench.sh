#!/usr/bin/env bash
# The benchmarks of issue 12: P1 push, P2 intake (empty and with 100,000 cases), P3 lookup, P4 tiles, P5 the wall,
# and of issue 11: E1 monthly evaluation and E2 the year's trend page on the generated year,
# each against its anchor measured in the same run. Results: bench/results/latest.md and latest.json.
#   ./bench.sh [--quick] [--only P1,P2,…,E1,E2] [--runs N] [--warmups N]
# Uses (or starts) the local PostgreSQL on 127.0.0.1:$CC_PG_PORT: the demo city in commandcenter_bench
# (CC_BENCH_CONNECTION overrides) and the 20,000-grid city in commandcenter_scale, loaded once by scripts/scale-city.sh
# (a few minutes the first time, a no-op afterwards). E1/E2 load the generated year (CityGen --history --if-empty, the
# ./run.sh --demo-history path) into commandcenter_year once (CC_BENCH_YEAR_DATABASE overrides; with --quick and no year
# yet, a 26,000-case slice into commandcenter_year_quick). CC_BENCH_NO_BUILD=1 skips the Release builds.
source "$(dirname "$0")/scripts/setup.sh"
cd "$CC_ROOT"

cc_require_dotnet
if [ -z "${CC_BENCH_CONNECTION:-}" ]; then
  cc_ensure_postgres commandcenter_bench
  export CC_BENCH_CONNECTION="$(cc_connection_string commandcenter_bench)"
else
  cc_log "using the database in CC_BENCH_CONNECTION"
fi

if [ "${CC_BENCH_NO_BUILD:-0}" != "1" ]; then
  cc_log "building CommandCenter.Web, CityGen and Bench (Release)"
  dotnet build CommandCenter.Web -c Release -nologo -v quiet
  dotnet build CommandCenter.CityGen -c Release -nologo -v quiet
  dotnet build CommandCenter.Bench -c Release -nologo -v quiet
fi
# The city at scale is for P3 and P4: skip loading it when --only names neither.
only=""
for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--only" ] && { j=$((i + 1)); only="${!j:-}"; }; done
if [ -z "$only" ] || [[ ",${only^^}," =~ ,P[34], ]]; then
  CC_NO_BUILD=1 scripts/scale-city.sh
fi
exec dotnet CommandCenter.Bench/bin/Release/net10.0/CommandCenter.Bench.dll "$@"
