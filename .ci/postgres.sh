# Throw-away PostgreSQL for a test run: Debian's postgresql package (installed when missing and root),
# a cluster in a temporary folder on a free loopback port, removed by stop_postgres. Sourced by .ci/run
# and deploy/fleet/fleet-test.sh; start_postgres exports GUIDANCE_TEST_POSTGRES_URL.
PG_DIR=""
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

start_postgres() {
  if [ -n "${GUIDANCE_TEST_POSTGRES_URL:-}" ]; then
    echo "PostgreSQL: using GUIDANCE_TEST_POSTGRES_URL from the environment"
    return 0
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "PostgreSQL: installing Debian's postgresql package"
      if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/tmp/hcc-ci-postgresql-install.log 2>&1; then
        echo "PostgreSQL: the postgresql package could not be installed (see /tmp/hcc-ci-postgresql-install.log);" \
             "the PostgreSQL feedback tests will be SKIPPED, H2 tests still run"
        return 0
      fi
    else
      echo "PostgreSQL: not installed and cannot install it (not root); the PostgreSQL feedback tests will be SKIPPED"
      return 0
    fi
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  local port
  port=$(free_port) || { echo "PostgreSQL: no free port in 55432-55532" >&2; exit 1; }
  PG_DIR=$(mktemp -d /tmp/hcc-ci-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --no-sync -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }
  as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE guidance LOGIN PASSWORD 'guidance'" -c "CREATE DATABASE guidance_test OWNER guidance" >/dev/null
  export GUIDANCE_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/guidance_test?user=guidance&password=guidance"
  echo "PostgreSQL: $("$PG_BIN/postgres" --version) on 127.0.0.1:$port for this run"
}

