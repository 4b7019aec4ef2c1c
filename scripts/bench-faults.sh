#!/usr/bin/env bash
# The fault and abuse tests (R1–R6 and the two-node scale-out) at full size, as ./bench.sh runs them after the
# P measures: the same xUnit tests ./test.sh runs short, sized up through their CC_R* variables. Their figure lines go
# to bench/results/faults.md (and artifacts/figures/). Needs the Release build of CommandCenter.Tests.
source "$(dirname "$0")/setup.sh"
cd "$CC_ROOT"

cc_require_dotnet
cc_apt_install chromium fonts-noto-cjk
cc_ensure_postgres commandcenter_bench_faults
export CC_TEST_CONNECTION="$(cc_connection_string commandcenter_bench_faults)"
cc_start_redis
export CC_TEST_REDIS="127.0.0.1:${CC_REDIS_PORT:-56379}"
export CC_ARTIFACTS="$CC_ROOT/artifacts"
# Full size: R1 100 concurrent actions (as short), R2 1,000 intakes from 8 clients, R3 8 writers with PostgreSQL down 5 s.
export CC_R1_ACTIONS="${CC_R1_ACTIONS:-100}" CC_R2_INTAKES="${CC_R2_INTAKES:-1000}" CC_R2_CLIENTS="${CC_R2_CLIENTS:-8}"
export CC_R3_CLIENTS="${CC_R3_CLIENTS:-8}" CC_R3_DOWN_SECONDS="${CC_R3_DOWN_SECONDS:-5}"

if [ "${CC_BENCH_NO_BUILD:-0}" != "1" ]; then
  cc_log "building CommandCenter.Tests (Release)"
  dotnet build CommandCenter.Tests -c Release -nologo -v quiet
fi
rm -rf "$CC_ARTIFACTS/figures"
cc_log "fault and abuse tests at full size (R2 $CC_R2_INTAKES intakes × $CC_R2_CLIENTS clients, R3 $CC_R3_CLIENTS writers, ${CC_R3_DOWN_SECONDS} s down)"
status=0
started=$(date +%s)
dotnet test CommandCenter.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~CommandCenter.Tests.Faults|FullyQualifiedName~MalformedInputTests|FullyQualifiedName~HostileTextTests|FullyQualifiedName~RedisScaleOutTests|FullyQualifiedName~SignInSecurityTests" \
  --logger "console;verbosity=minimal" || status=$?

out="$CC_ROOT/bench/results/faults.md"
mkdir -p "$(dirname "$out")"
{
  echo "# Fault and abuse figures at full size ($(date -u '+%Y-%m-%d %H:%M') UTC, ./bench.sh)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"). Sizes: R1 $CC_R1_ACTIONS actions, R2 $CC_R2_INTAKES intakes from $CC_R2_CLIENTS clients, R3 $CC_R3_CLIENTS writers with PostgreSQL down $CC_R3_DOWN_SECONDS s. Tests $([ $status -eq 0 ] && echo passed || echo "FAILED (rc $status)") in $(( $(date +%s) - started )) s."
  echo
  if compgen -G "$CC_ARTIFACTS/figures/*.txt" >/dev/null; then
    for f in "$CC_ARTIFACTS"/figures/*.txt; do echo "- $(cat "$f")"; done
  else
    echo "- no figures were written"
  fi
} >"$out"
cat "$out"
exit $status
