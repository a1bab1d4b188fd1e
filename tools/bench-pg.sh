#!/usr/bin/env bash
# The figures of tools/bench.sh also on PostgreSQL: starts a throwaway server (tests/pg/server.sh),
# moves the benchmark's demo registry onto it (server init, server import-file, a stuurgroep
# login, VACUUM ANALYZE), runs tools/bench.sh with the owner's and the stuurgroep's address, and
# stops the server again, also when something fails.
#   tools/bench-pg.sh [SIGNALS]      (default 1000000; makes the demo registry first when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
signals=${1:-1000000}
export BUURTSIGNAAL_TODAY=2026-11-27
bench_dir=${BENCH_DIR:-/var/tmp/buurtsignaal-bench}
cli=build-release/bin/buurtsignaal-cli
registry="$bench_dir/demo-$signals.buurtsignaal"
if [ ! -f "$registry" ]; then
  mkdir -p "$bench_dir"
  cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=OFF >/dev/null
  cmake --build build-release --parallel >/dev/null
  "$cli" --db "$registry" demo --signals "$signals" --seed 7 >/dev/null
fi
"$cli" --db "$registry" signal list --limit 1 >/dev/null 2>&1  # migrated to this version first

pg_server="$PWD/tests/pg/server.sh"
pg_dir=$("$pg_server" start)
copy=$(mktemp --suffix=.buurtsignaal)
trap '"$pg_server" stop "$pg_dir"; rm -f "$copy"*' EXIT
owner=$("$pg_server" uri "$pg_dir")
stuurgroep=${owner/postgresql:\/\/postgres@/postgresql:\/\/bench_stuurgroep@}
cp "$registry" "$copy"
echo "moving the demo registry to the server ..." >&2
"$cli" --db "$owner" server init >/dev/null
"$cli" --db "$owner" server import-file "$copy" >/dev/null 2>&1
"$cli" --db "$owner" user add bench_stuurgroep --role stuurgroep >/dev/null
port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$owner")
if [ "$(id -u)" -eq 0 ]; then
  runuser -u postgres -- psql -q -h "$pg_dir" -p "$port" -d postgres -c 'VACUUM ANALYZE'
else
  psql -q -h "$pg_dir" -p "$port" -d postgres -c 'VACUUM ANALYZE'
fi
BENCH_PG="$owner $stuurgroep" tools/bench.sh "$signals"
