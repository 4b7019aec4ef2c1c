#!/usr/bin/env bash
# Installs what is missing, starts PostgreSQL + PostGIS under .data/, migrates, seeds the demo
# city and serves CommandCenter on http://127.0.0.1:5080.   ./run.sh --reset  re-imports the city;
# ./run.sh --demo-history  also loads a generated year of cases (about 130,000, seeded) when there are none yet.
source "$(dirname "$0")/scripts/setup.sh"
cd "$CC_ROOT"

reset=false
history=false
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    --demo-history) history=true ;;
    *) echo "usage: ./run.sh [--reset] [--demo-history]" >&2; exit 2 ;;
  esac
done

cc_require_dotnet
if [ -z "${ConnectionStrings__CommandCenter:-}" ]; then
  cc_start_postgres commandcenter
  export ConnectionStrings__CommandCenter="$(cc_connection_string commandcenter)"
else
  cc_log "using the database in ConnectionStrings__CommandCenter"
fi
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

cc_log "building"
dotnet build CommandCenter.Web -c Release -nologo -v quiet
if [ "$history" = true ]; then
  # The generator prepares the database as the app does (and resets it when asked), so the app must not reset it again.
  cc_log "loading the demo year of cases (once; a few minutes)"
  history_args=(--history "$ConnectionStrings__CommandCenter" --if-empty)
  [ "$reset" = true ] && history_args+=(--reset)
  dotnet run --project CommandCenter.CityGen -c Release -- "${history_args[@]}"
  reset=false
fi
cc_log "serving on $ASPNETCORE_URLS (migrations and the demo city are applied at start)"
exec dotnet run --project CommandCenter.Web -c Release --no-build --no-launch-profile -- --Database:Reset=$reset
