#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the hub's test suite (CI and local runs).
#
#   eval "$(scripts/ci-postgres.sh start)"   # prints TEST_DATABASE_URL=… and CI_POSTGRES_DIR=…
#   export TEST_DATABASE_URL
#   scripts/ci-postgres.sh stop "$CI_POSTGRES_DIR"
#   scripts/ci-postgres.sh start --durable   # fsync and synchronous commit on (benchmarks)
#
# Only the two variable lines go to stdout, so the output can be eval'd; progress goes to stderr.
# The cluster lives in a temp folder, listens on 127.0.0.1 on a free port with trust auth
# (nothing else can reach it) and runs without fsync: it holds only test data. With --durable it
# keeps PostgreSQL's default durability settings, so that timings include real commits.
set -euo pipefail

DB_NAME=channel_desk_test

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    echo "ci-postgres: no PostgreSQL found in /usr/lib/postgresql (apt-get install postgresql), or set PG_BIN" >&2
    exit 1
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root; as root we run it as the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local bin dir port durability
  case "${1:-}" in
    '') durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" ;;
    --durable) durability="" ;;
    *) echo "usage: $0 start [--durable]" >&2; exit 2 ;;
  esac
  bin=$(find_pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/channel-desk-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  port=$(free_port)
  echo "ci-postgres: initdb in $dir" >&2
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=200" >&2
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME"
  echo "ci-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port" >&2
  echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/$DB_NAME"
  echo "CI_POSTGRES_DIR=$dir"
}

stop() {
  local dir=${1:-}
  if [ -z "$dir" ] || [ ! -f "$dir/data/PG_VERSION" ]; then
    echo "ci-postgres: usage: $0 stop DIR (the CI_POSTGRES_DIR printed by start)" >&2
    exit 2
  fi
  as_owner "$(find_pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 [start [--durable] | stop DIR]" >&2; exit 2 ;;
esac
