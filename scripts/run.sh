#!/usr/bin/env bash
# Installs what is missing, builds Buurtsignaal (release) and starts it.
# Until the desktop window exists (issue 3), "starting" shows the command line on a demo
# registry: the open work, late referrals and stalled escalations.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=OFF >/dev/null
cmake --build build-release --parallel

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
echo "== Gestagneerde escalaties (trede 1 en hoger) =="
"$cli" --db "$demo" escalation stalled | grep -v ' trede 0 ' | head -n 10 || true
echo
first=$("$cli" --db "$demo" signal list --open --limit 1 --json | sed -n 's/.*"reference": "\(S-[0-9-]*\)".*/\1/p' | head -n 1)
if [ -n "$first" ]; then
  echo "== Eén signaal in detail =="
  "$cli" --db "$demo" signal show "$first"
fi
echo
echo "Meer: $cli --db $demo --help"
