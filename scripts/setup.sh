# Shared set-up for ./run.sh and ./test.sh (sourced, not run): installs what is missing and
# starts a local PostgreSQL 15 + PostGIS cluster owned by the postgres user.
set -euo pipefail

CC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CC_PG_PORT="${CC_PG_PORT:-55432}"
CC_PG_BIN="${CC_PG_BIN:-/usr/lib/postgresql/15/bin}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cc_log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

# Installs Debian packages that are not installed yet (needs root, as on the dev and CI machines).
cc_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  cc_log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

cc_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (https://dot.net); it is not on PATH." >&2
    exit 1
  fi
}

# Starts (or reuses) the cluster under .data/pg on 127.0.0.1:$CC_PG_PORT and creates database $1.
cc_start_postgres() {
  local db="$1"
  cc_apt_install postgresql-15 postgresql-15-postgis-3
  local data="$CC_ROOT/.data/pg"
  mkdir -p "$CC_ROOT/.data"
  chmod 755 "$CC_ROOT/.data"
  # The postgres user must be able to reach the data folder; a checkout under /root is not reachable.
  if ! runuser -u postgres -- test -x "$CC_ROOT/.data"; then
    data="/var/tmp/commandcenter-pg-$(printf '%s' "$CC_ROOT" | md5sum | cut -c1-8)"
    cc_log "postgres cannot reach $CC_ROOT/.data; using $data"
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    cc_log "initialising PostgreSQL cluster in $data"
    mkdir -p "$data"
    chown postgres:postgres "$data"
    chmod 700 "$data"
    runuser -u postgres -- "$CC_PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if runuser -u postgres -- "$CC_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    cc_log "PostgreSQL already running on 127.0.0.1:$CC_PG_PORT"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$CC_PG_PORT") 2>/dev/null; then
      echo "Port $CC_PG_PORT is taken by another server (another checkout's cluster?). Stop it, or pick another port: CC_PG_PORT=55440 $0" >&2
      exit 1
    fi
    cc_log "starting PostgreSQL on 127.0.0.1:$CC_PG_PORT"
    runuser -u postgres -- "$CC_PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $CC_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" start >/dev/null
  fi
  if ! psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" postgres | grep -q 1; then
    psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -qc "CREATE DATABASE \"$db\"" postgres
  fi
}

# Uses the server already answering on 127.0.0.1:$CC_PG_PORT (e.g. the one ./test.sh started), else starts the
# local cluster as cc_start_postgres does; either way creates database $1.
cc_ensure_postgres() {
  local db="$1"
  if command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -tAc "SELECT 1" postgres >/dev/null 2>&1; then
    if ! psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" postgres | grep -q 1; then
      psql -h 127.0.0.1 -p "$CC_PG_PORT" -U postgres -qc "CREATE DATABASE \"$db\"" postgres
    fi
  else
    cc_start_postgres "$db"
  fi
}

cc_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres;Include Error Detail=true' "$CC_PG_PORT" "$1"
}

# Starts (or reuses) a Redis on 127.0.0.1:$CC_REDIS_PORT for the scale-out tests (no persistence, pid and log under .data/).
cc_start_redis() {
  cc_apt_install redis-server
  local port="${CC_REDIS_PORT:-56379}"
  mkdir -p "$CC_ROOT/.data/redis"
  if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
    cc_log "Redis already running on 127.0.0.1:$port"
    return 0
  fi
  cc_log "starting Redis on 127.0.0.1:$port"
  # The daemon outlives this script: it must not keep the caller's other descriptors (e.g. a flock's) open.
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$CC_ROOT/.data/redis" --pidfile "$CC_ROOT/.data/redis/redis.pid" --logfile "$CC_ROOT/.data/redis/redis.log" \
    3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.2
  done
  echo "Redis did not start on 127.0.0.1:$port (see $CC_ROOT/.data/redis/redis.log)" >&2
  exit 1
}
