#!/usr/bin/env bash
# Installs what is missing, starts PostgreSQL + PostGIS under .data/, migrates, seeds the demo
# city and serves CommandCenter on http://127.0.0.1:5080.   ./run.sh --reset  re-imports the city.
source "$(dirname "$0")/scripts/setup.sh"
cd "$CC_ROOT"

reset=false
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    *) echo "usage: ./run.sh [--reset]" >&2; exit 2 ;;
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
cc_log "serving on $ASPNETCORE_URLS (migrations and the demo city are applied at start)"
exec dotnet run --project CommandCenter.Web -c Release --no-build --no-launch-profile -- --Database:Reset=$reset
