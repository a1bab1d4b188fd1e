#!/usr/bin/env bash
# Installs what is missing, builds Buurtsignaal (release) and starts the desktop application on
# the user's own registry (created on first start; an empty registry offers demo data).
# Without a display (a server, a CI machine) it shows the command line on a demo registry instead.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=OFF >/dev/null
cmake --build build-release --parallel

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build-release/bin/buurtsignaal "$@"
fi

echo "Geen beeldscherm gevonden (DISPLAY/WAYLAND_DISPLAY leeg): de opdrachtregel op een demoregister."
cli=build-release/bin/buurtsignaal-cli
demo=build-release/demo.buurtsignaal
if [ ! -f "$demo" ]; then
  "$cli" --db "$demo" demo --signals 5000 --seed 1
fi
echo
echo "== Open signalen (nieuwste 15) =="
"$cli" --db "$demo" signal list --open --limit 15
echo
echo "== Doorverwijzingen die te laat zijn =="
"$cli" --db "$demo" referral list --late --limit 10
echo
echo "== Gestagneerde escalaties (hoogste treden eerst) =="
"$cli" --db "$demo" escalation stalled | head -n 10 || true
echo
echo "Meer: $cli --db $demo --help"
