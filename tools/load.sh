#!/usr/bin/env bash
# A region on one server (issue 16): runs the load tool (buurtsignaal-load, tests/load/DeskLoad.cpp)
# against a throwaway PostgreSQL with its safe defaults (fsync and synchronous commit on), holding
# a demo registry, once per number of desks. Each desk is its own process with its own login.
# Beside the tool's figures it samples the machine's CPU (vmstat) and what the server's backends
# wait for (pg_stat_activity), to say what limits the figures.
#   tools/load.sh [--signals N] [--seconds S] [--think-ms MS] [--crash] CLIENTS...
#   tools/load.sh 10 25 50              the figures at 10, 25 and 50 desks, 120 s each
#   tools/load.sh --crash 25            25 desks; half-way the server is stopped as in a crash
#                                       (pg_ctl -m immediate) and started again 5 s later
# Release build in build-load (made when missing); the demo registry is made once and kept in
# /var/tmp/buurtsignaal-bench. The server is stopped afterwards, also when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."
signals=100000
seconds=120
think_ms=1000
crash=no
clients=()
while [ $# -gt 0 ]; do
  case "$1" in
    --signals) signals=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --think-ms) think_ms=$2; shift 2 ;;
    --crash) crash=yes; shift ;;
    *) clients+=("$1"); shift ;;
  esac
done
[ ${#clients[@]} -gt 0 ] || clients=(10 25 50)
export BUURTSIGNAAL_TODAY=2026-11-27

cmake -S . -B build-load -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=ON >/dev/null
cmake --build build-load --parallel --target buurtsignaal-load buurtsignaal-cli >/dev/null
cli=build-load/bin/buurtsignaal-cli
bench_dir=${BENCH_DIR:-/var/tmp/buurtsignaal-bench}
registry="$bench_dir/demo-$signals.buurtsignaal"
if [ ! -f "$registry" ]; then
  mkdir -p "$bench_dir"
  "$cli" --db "$registry" demo --signals "$signals" --seed 7 >/dev/null
fi
"$cli" --db "$registry" signal list --limit 1 >/dev/null 2>&1  # migrated to this version first

pg_server="$PWD/tests/pg/server.sh"
pg_dir=$("$pg_server" start durable)
copy=$(mktemp --suffix=.buurtsignaal)
samplers=()
cleanup() {
  for pid in "${samplers[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$pg_server" stop "$pg_dir"
  rm -f "$copy"*
}
trap cleanup EXIT
owner=$("$pg_server" uri "$pg_dir")
port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$owner")
psql_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -qAtX -h "$pg_dir" -p "$port" -d postgres "$@"
  else psql -qAtX -h "$pg_dir" -p "$port" -d postgres "$@"; fi
}
cp "$registry" "$copy"
echo "moving $signals demo signals to the server ..." >&2
"$cli" --db "$owner" server init >/dev/null
"$cli" --db "$owner" server import-file "$copy" >/dev/null 2>&1
most=0
for n in "${clients[@]}"; do [ "$n" -gt "$most" ] && most=$n; done
for i in $(seq 1 "$most"); do
  role=medewerker
  [ $((i % 5)) -eq 0 ] && role=coordinator  # one desk in five coordinates
  "$cli" --db "$owner" user add "$(printf 'bureau%02d' "$i")" --role "$role" >/dev/null
done
psql_server -c 'VACUUM ANALYZE'
desk_uri=${owner/postgresql:\/\/postgres@/postgresql:\/\/%1@}
echo "server: PostgreSQL $(psql_server -c 'SHOW server_version'), fsync $(psql_server -c 'SHOW fsync')," \
     "synchronous_commit $(psql_server -c 'SHOW synchronous_commit'), max_connections $(psql_server -c 'SHOW max_connections');" \
     "$signals demo signals; $(nproc) cores"

out_root=$(mktemp -d /tmp/buurtsignaal-load.XXXX)
status=0
for n in "${clients[@]}"; do
  run="r$n"
  if [ "$crash" = yes ]; then run="${run}c"; fi
  out="$out_root/$run"
  mkdir -p "$out"
  vmstat -n 5 >"$out/vmstat.txt" &
  samplers=($!)
  ( while sleep 2; do
      psql_server -c "SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-')
                      FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null || true
      psql_server -c "SELECT 'verbindingen ' || count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'" 2>/dev/null || true
    done >"$out/waits.txt" ) &
  samplers+=($!)
  if [ "$crash" = yes ]; then
    ( sleep $((seconds / 2)); echo "$(date +%T) server crash (pg_ctl -m immediate)" >&2; "$pg_server" crash "$pg_dir"
      sleep 5; "$pg_server" resume "$pg_dir"; echo "$(date +%T) server weer gestart" >&2 ) &
    samplers+=($!)
  fi
  echo
  echo "== $n bureaus =="
  build-load/bin/buurtsignaal-load --uri "$desk_uri" --check-uri "$owner" --clients "$n" --seconds "$seconds" \
    --think-ms "$think_ms" --run "$run" --out "$out" || status=1
  for pid in "${samplers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  samplers=()
  # CPU over the run (vmstat's first line is the average since boot: skipped).
  awk 'NR>3 {us+=$13; sy+=$14; id+=$15; wa+=$16; n++} END {if (n) printf "machine: CPU gebruiker %.0f %%, systeem %.0f %%, vrij %.0f %%, wacht op schijf %.0f %% (gemiddeld over %d x 5 s)\n", us/n, sy/n, id/n, wa/n, n}' "$out/vmstat.txt"
  awk '/^verbindingen/ {if ($2>m) m=$2; next} NF {w[$0]++; t++} END {printf "server: hoogstens %d verbindingen; actieve backends per meting naar wat ze deden:", m; for (k in w) printf " %s %.0f%%", k, 100*w[k]/t; print ""}' "$out/waits.txt"
done
echo
echo "uitvoer per bureau: $out_root"
exit $status
