#!/usr/bin/env bash
# Prints how fast a large melding export imports, beside the sqlite3 shell's .import of the same
# file into a plain table (not a test: it asserts nothing).
#   tools/bench-import.sh [ROWS]      (default 1000000; needs a release build in build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli=build-release/bin/buurtsignaal-cli
export BUURTSIGNAAL_TODAY=${BUURTSIGNAAL_TODAY:-2026-11-27}

python3 - "$rows" "$work/export.csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
buurten = ["Oranjebuurt", "Schildersbuurt", "Staatsliedenbuurt", "Kinderdijk", "Souburgh", "Kortland", "Redersbuurt", "Rivierenbuurt"]
soorten = ["Zwerfafval", "Overlast jongeren", "Geluidsoverlast", "vernieling", "onderhoud"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("Meldingnummer;Datum melding;Buurt;Soort melding;Omschrijving;Status;Afgehandeld op\r\n")
    for i in range(rows):
        d = 1 + i % 28; m = 1 + (i // 28) % 12
        closed = i % 3 == 0
        f.write(f"FX-{i:08d};{d:02d}-{m:02d}-2025;{random.choice(buurten)};{random.choice(soorten)};"
                f"\"Melding {i}; zie foto\";{'Afgehandeld' if closed else 'Open'};{f'{min(d+2,28):02d}-{m:02d}-2025' if closed else ''}\r\n")
PY
cat > "$work/map.json" <<'JSON'
{"source": "fixie",
 "columns": {"external_id": "Meldingnummer", "date": "Datum melding", "buurt": "Buurt", "category": "Soort melding",
             "description": "Omschrijving", "status": "Status", "closed": "Afgehandeld op"},
 "categories": {"Zwerfafval": "vervuiling", "Overlast jongeren": "jongerenoverlast", "Geluidsoverlast": "geluidsoverlast"},
 "statuses": {"Open": "nieuw", "Afgehandeld": "afgehandeld"}}
JSON
"$cli" --db "$work/registry.buurtsignaal" init >/dev/null
size=$(du -h "$work/export.csv" | cut -f1)
start=$(date +%s.%N)
${PERF:-} "$cli" --db "$work/registry.buurtsignaal" import meldingen "$work/export.csv" --mapping "$work/map.json"
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc -l)
start=$(date +%s.%N)
sqlite3 "$work/plain.sqlite" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
.mode csv
.separator ";" "\r\n"
.import "$work/export.csv" meldingen
SQL
end=$(date +%s.%N)
shell=$(echo "$end - $start" | bc -l)
printf '\nrows: %d (%s)\n' "$rows" "$size"
printf 'buurtsignaal import meldingen: %6.2f s  %9.0f rows/s  (checks every row, signals + history + day counts, one transaction)\n' "$ours" "$(echo "$rows / $ours" | bc -l)"
printf 'sqlite3 .import (plain table): %6.2f s  %9.0f rows/s\n' "$shell" "$(echo "$rows / $shell" | bc -l)"
