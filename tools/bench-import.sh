#!/usr/bin/env bash
# Prints how fast a large melding export imports, beside two references from the sqlite3 shell:
# its .import of the same file into a plain table (reading only), and the same work as the import
# in SQL (the file read, then the same signals and history rows inserted into a new registry of the
# same schema, with its indexes and count triggers, one transaction). Not a test: it asserts nothing.
#   tools/bench-import.sh [ROWS]      (default 1000000; needs a release build in build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && echo "work folder kept: $work"
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
# The day's backup is made after the first command of a day that changes something; made now, on
# the empty registry, so the timed import is the import and not also a backup of its result.
"$cli" --db "$work/registry.buurtsignaal" backup >/dev/null
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
# The same work in the shell: a new registry of this version, the export read into a temporary
# table, and in one transaction the same signal rows (reference, dates, buurt, category and status
# as the mapping gives them) and one history row each. Like the import, the per-row access-log
# trigger is off for the file and one entry is written for it.
"$cli" --db "$work/same.buurtsignaal" init >/dev/null
access_trigger=$(sqlite3 "$work/same.buurtsignaal" "SELECT sql FROM sqlite_master WHERE name = 'history_access'")
stamp=$(sqlite3 "$work/registry.buurtsignaal" "SELECT registered_at FROM signals LIMIT 1")
level_due=$(sqlite3 "$work/registry.buurtsignaal" "SELECT level_due_on FROM signals WHERE level_due_on IS NOT NULL LIMIT 1")
start=$(date +%s.%N)
sqlite3 "$work/same.buurtsignaal" <<SQL
PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;
PRAGMA cache_size = -65536;
.mode csv
.separator ";" "\r\n"
.import --schema temp "$work/export.csv" m
BEGIN IMMEDIATE;
DROP TRIGGER history_access;
INSERT INTO signals (reference, observed_on, registered_at, registered_by, buurt_id, street, impact, category_code,
                     source_code, external_id, urgency, description, consent, status, escalation_level, level_since,
                     level_due_on, outcome, outcome_text, closed_on, updated_at)
SELECT printf('S-2025-%06d', m.rowid),
       substr(m."Datum melding", 7, 4) || '-' || substr(m."Datum melding", 4, 2) || '-' || substr(m."Datum melding", 1, 2),
       '$stamp', 'bench', b.id, NULL, 'straat',
       CASE m."Soort melding" WHEN 'Zwerfafval' THEN 'vervuiling' WHEN 'Overlast jongeren' THEN 'jongerenoverlast'
            WHEN 'Geluidsoverlast' THEN 'geluidsoverlast' ELSE m."Soort melding" END,
       'fixie', m."Meldingnummer", 'normaal', m."Omschrijving", 'niet_gevraagd',
       CASE m."Status" WHEN 'Afgehandeld' THEN 'afgehandeld' ELSE 'nieuw' END, 0, substr('$stamp', 1, 10),
       CASE m."Status" WHEN 'Afgehandeld' THEN NULL ELSE '$level_due' END,
       CASE m."Status" WHEN 'Afgehandeld' THEN 'opgelost' END,
       CASE m."Status" WHEN 'Afgehandeld' THEN 'Afgehandeld in Fixi (meldingsapp)' END,
       CASE m."Status" WHEN 'Afgehandeld' THEN substr(m."Afgehandeld op", 7, 4) || '-' || substr(m."Afgehandeld op", 4, 2)
                                               || '-' || substr(m."Afgehandeld op", 1, 2) END,
       '$stamp'
FROM temp.m AS m JOIN buurten b ON b.name = m."Buurt" ORDER BY m.rowid;
INSERT INTO history (signal_id, at, actor, action, detail)
SELECT id, '$stamp', 'bench', 'aangemaakt', 'Geïmporteerd uit Fixi (meldingsapp) (export.csv), extern nummer ' || external_id
FROM signals ORDER BY id;
$access_trigger;
INSERT INTO access_log (at, actor, role, action, signal_id, detail)
VALUES ('$stamp', 'bench', 'beheerder', 'aangemaakt', NULL, 'import van $rows meldingen');
INSERT INTO signal_sequence (year, last_number) VALUES (2025, $rows)
  ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number;
COMMIT;
SQL
end=$(date +%s.%N)
same=$(echo "$end - $start" | bc -l)
same_rows=$(sqlite3 "$work/same.buurtsignaal" "SELECT count(*) FROM signals")
ours_rows=$(sqlite3 "$work/registry.buurtsignaal" "SELECT count(*) FROM signals")

printf '\nrows: %d (%s)\n' "$rows" "$size"
printf 'buurtsignaal import meldingen: %6.2f s  %9.0f rows/s  (checks every row, signals + history + day counts, one transaction)\n' "$ours" "$(echo "$rows / $ours" | bc -l)"
printf 'sqlite3 .import (plain table): %6.2f s  %9.0f rows/s\n' "$shell" "$(echo "$rows / $shell" | bc -l)"
printf 'sqlite3 same work (SQL):       %6.2f s  %9.0f rows/s  (%d signals; the import stored %d)\n' "$same" "$(echo "$rows / $same" | bc -l)" "$same_rows" "$ours_rows"
printf 'import / same work: %.2f\n' "$(echo "$ours / $same" | bc -l)"
