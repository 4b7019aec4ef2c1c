#!/usr/bin/env bash
# The benchmarks of issue 12: P1 push, P2 intake (empty and with 100,000 cases), P3 lookup, P4 tiles, P5 the wall,
# and of issue 11: E1 monthly evaluation and E2 the year's trend page on the generated year,
# each against its anchor measured in the same run. Results: bench/results/latest.md and latest.json.
#   ./bench.sh [--quick] [--only P1,P2,…,E1,E2,R] [--runs N] [--warmups N]
# A full pass (no --quick) also runs the fault and abuse tests R1–R6 at full size (scripts/bench-faults.sh → bench/results/faults.md).
# Uses (or starts) the local PostgreSQL on 127.0.0.1:$CC_PG_PORT: the demo city in commandcenter_bench
# (CC_BENCH_CONNECTION overrides) and the 20,000-grid city in commandcenter_scale, loaded once by scripts/scale-city.sh
# (a few minutes the first time, a no-op afterwards). E1/E2 load the generated year (CityGen --history --if-empty, the
# ./run.sh --demo-history path) into commandcenter_year once (CC_BENCH_YEAR_DATABASE overrides; with --quick and no year
# yet, a slice of 26,000 cases a year into commandcenter_year_quick). CC_BENCH_NO_BUILD=1 skips the Release builds.
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
# R (the fault and abuse tests at full size, scripts/bench-faults.sh) runs in a full pass or when --only names R;
# --quick leaves it out. The other arguments go to CommandCenter.Bench.
quick=0; faults=auto; scale=yes; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; args+=("$1") ;;
    --only)
      rest=$(tr ',' '\n' <<<"${2:-}" | grep -viE '^R$' | paste -sd, -)
      if grep -qiE '(^|,)R(,|$)' <<<"${2:-}"; then faults=yes; else faults=no; fi
      [ -n "$rest" ] && args+=(--only "$rest") || args+=(--only none)
      # The city at scale is for P3 and P4 only.
      [[ ",${rest^^}," =~ ,P[34], ]] || scale=no
      shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ "$faults" = auto ] && { [ $quick -eq 1 ] && faults=no || faults=yes; }

status=0
if ! [[ " ${args[*]} " == *" --only none "* ]]; then
  if [ "$scale" = yes ]; then CC_NO_BUILD=1 scripts/scale-city.sh; fi
  dotnet CommandCenter.Bench/bin/Release/net10.0/CommandCenter.Bench.dll "${args[@]}" || status=$?
fi
if [ "$faults" = yes ]; then
  scripts/bench-faults.sh || status=$?
fi
exit $status
