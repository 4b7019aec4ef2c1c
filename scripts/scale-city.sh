#!/usr/bin/env bash
# Loads the city at scale into its own database: the synthetic 20,000-grid city (CommandCenter.CityGen --synthetic,
# deterministic) through the normal importer, then 200,000 benchmark cases spread over a year (CommandCenter.Bench
# load-cases: bulk COPY, benchmark data, not a workflow history). Does nothing when the database already holds them.
#   scripts/scale-city.sh [--grids 20000] [--cases 200000] [--database commandcenter_scale] [--force]
# CC_NO_BUILD=1 skips the Release builds. Serve it afterwards with:
#   Database__Name=commandcenter_scale Database__CityDataPath=$PWD/.data/scale-city ./run.sh
source "$(dirname "$0")/setup.sh"
cd "$CC_ROOT"

grids=20000 cases=200000 db=commandcenter_scale force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --grids) grids="$2"; shift 2 ;;
    --cases) cases="$2"; shift 2 ;;
    --database) db="$2"; shift 2 ;;
    --force) force=true; shift ;;
    *) echo "usage: scripts/scale-city.sh [--grids N] [--cases N] [--database NAME] [--force]" >&2; exit 2 ;;
  esac
done
city="$CC_ROOT/.data/scale-city"
[ "$grids" != 20000 ] && city="$CC_ROOT/.data/scale-city-$grids"

cc_require_dotnet
cc_ensure_postgres "$db"
psql_db() { psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -tAc "$1" "$db" 2>/dev/null || true; }
have_grids=$(psql_db "SELECT count(*) FROM unit_grids")
have_cases=$(psql_db "SELECT count(*) FROM cases")
if [ "$force" = false ] && [ "${have_grids:-0}" -gt 0 ] && [ "${have_cases:-0}" -ge "$cases" ]; then
  cc_log "$db already holds ${have_grids} unit grids and ${have_cases} cases"
  exit 0
fi
if [ "$force" = true ] || [ "${have_grids:-0}" -gt 0 ]; then
  cc_log "dropping $db to load it afresh"
  psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" postgres
  psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -qc "CREATE DATABASE \"$db\"" postgres
fi

if [ "${CC_NO_BUILD:-0}" != "1" ]; then
  cc_log "building CityGen, Web and Bench (Release)"
  dotnet build CommandCenter.CityGen -c Release -nologo -v quiet
  dotnet build CommandCenter.Bench -c Release -nologo -v quiet
fi
if [ ! -f "$city/unit-grids.geojson" ]; then
  cc_log "generating the synthetic city of $grids grids in $city"
  dotnet CommandCenter.CityGen/bin/Release/net10.0/CommandCenter.CityGen.dll --synthetic "$grids" "$city" --seed 1
fi
cc_log "importing the city into $db"
start=$(date +%s)
(
  cd CommandCenter.Web
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__CommandCenter="$(cc_connection_string commandcenter)" \
    Database__Name="$db" Database__CityDataPath="$city" Database__PrepareOnly=true \
    dotnet bin/Release/net10.0/CommandCenter.Web.dll
)
cc_log "city imported in $(( $(date +%s) - start )) s; loading $cases benchmark cases"
dotnet CommandCenter.Bench/bin/Release/net10.0/CommandCenter.Bench.dll load-cases --connection "$(cc_connection_string "$db")" --cases "$cases"
