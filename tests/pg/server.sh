#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests: socket only (no TCP), fsync off, in a short temporary
# folder. `start` prints the folder (pass it to `stop`); `uri DIR` prints the connection URI.
#   dir=$(tests/pg/server.sh start) ; tests/pg/server.sh uri "$dir" ; tests/pg/server.sh stop "$dir"
# `halt DIR` stops the server but keeps its data, `resume DIR` starts it again (a server that goes
# away and comes back, for the reconnect tests). `crash DIR` stops it as a crash does
# (`pg_ctl -m immediate`: no checkpoint, backends killed); `resume` then recovers from the WAL.
# `start durable` keeps the server's safe defaults (fsync, synchronous_commit, full_page_writes):
# for the load tool and the crash run, where an acknowledged commit must survive.
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
port=54329

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

run_server() {
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ -f "$1/durable" ] && speed=""
  as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories=$1 -c port=$port $speed" \
    start >/dev/null || { cat "$1/server.log" >&2; exit 1; }
}

test_folder() {
  case "$1" in /tmp/bspg.*) echo "$1" ;; *) echo "geen testserver-map: $1" >&2; exit 1 ;; esac
}

case "${1:-}" in
  start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 ontbreekt ($bin); draai scripts/install-deps.sh" >&2; exit 1; }
    # Short: a socket path must stay under about 100 bytes.
    dir=$(mktemp -d /tmp/bspg.XXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    [ "${2:-}" = durable ] && touch "$dir/durable"
    run_server "$dir"
    echo "$dir"
    ;;
  halt)
    dir=$(test_folder "${2:-}")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  crash)
    dir=$(test_folder "${2:-}")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    run_server "$(test_folder "${2:-}")"
    ;;
  uri)
    echo "postgresql://postgres@/postgres?host=${2:?folder}&port=$port"
    ;;
  stop)
    dir=$(test_folder "${2:-}")
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "gebruik: $0 start [durable] | uri DIR | halt DIR | crash DIR | resume DIR | stop DIR" >&2
    exit 2
    ;;
esac
