#!/usr/bin/env bash
# The same set-up as ./run.sh on its own database, then every test (unit, integration on PostGIS,
# bUnit, Playwright in Chromium). Screenshots land in artifacts/.
source "$(dirname "$0")/scripts/setup.sh"
cd "$CC_ROOT"

cc_require_dotnet
cc_apt_install chromium fonts-noto-cjk
cc_start_postgres commandcenter_test
export CC_TEST_CONNECTION="$(cc_connection_string commandcenter_test)"
# The two-node scale-out test runs its nodes on this Redis backplane.
cc_start_redis
export CC_TEST_REDIS="127.0.0.1:${CC_REDIS_PORT:-56379}"
export CC_ARTIFACTS="$CC_ROOT/artifacts"
mkdir -p "$CC_ARTIFACTS"

cc_log "building"
dotnet build CommandCenter.sln -c Release -nologo -v quiet
cc_log "testing"
rm -rf "$CC_ROOT/TestResults" "$CC_ARTIFACTS/figures"
status=0
dotnet test CommandCenter.Tests -c Release --no-build --logger "trx;LogFileName=tests.trx" \
  --results-directory "$CC_ROOT/TestResults" --logger "console;verbosity=normal" || status=$?

# The figures of the fault, abuse and scale-out tests (short runs; ./bench.sh runs them at full size).
if compgen -G "$CC_ARTIFACTS/figures/*.txt" >/dev/null; then
  cc_log "figures"
  cat "$CC_ARTIFACTS"/figures/*.txt
fi

# One plain closing line for CI: "N passed, N failed".
trx="$CC_ROOT/TestResults/tests.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "${passed:-0} passed, ${failed:-0} failed"
fi
exit $status
