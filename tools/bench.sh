#!/usr/bin/env bash
# One table of the figures a person waits on, on a registry of SIGNALS demo signals (default
# 1,000,000), each beside its target and, where one exists, a reference measured in the same run:
# the sqlite3 shell on the same SQL and file (figures) and on the same work (import).
#   tools/bench.sh [SIGNALS]
# Release build in build-release (made when missing). The demo registry is made once and kept in
# $BENCH_DIR (default /var/tmp/buurtsignaal-bench); later runs reuse it. "Today" is pinned to
# 2026-11-27 so every run measures the same work. It asserts nothing and is not part of the tests.
# With BENCH_PG="postgresql://… [postgresql://…]" (a registry made by `server init` + `server
# import-file` of the same demo file, see docs/server.md) the figures of each login are added.
set -euo pipefail
cd "$(dirname "$0")/.."
signals=${1:-1000000}
export BUURTSIGNAAL_TODAY=2026-11-27
bench_dir=${BENCH_DIR:-/var/tmp/buurtsignaal-bench}
bin=build-release/bin

if [ ! -x "$bin/buurtsignaal-bench-ui" ]; then
  cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUURTSIGNAAL_TESTS=OFF >/dev/null
fi
cmake --build build-release --parallel >/dev/null

mkdir -p "$bench_dir"
registry="$bench_dir/demo-$signals.buurtsignaal"
if [ ! -f "$registry" ]; then
  echo "making $registry (once) ..." >&2
  "$bin/buurtsignaal-cli" --db "$registry" demo --signals "$signals" --seed 7 >/dev/null
fi
# Opening it once migrates an older file, so no migration is timed below.
"$bin/buurtsignaal-cli" --db "$registry" signal list --limit 1 >/dev/null 2>&1

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "measuring the window ..." >&2
QT_QPA_PLATFORM=offscreen "$bin/buurtsignaal-bench-ui" "$registry" >"$out/ui.txt" 2>/dev/null
echo "measuring the figures ..." >&2
"$bin/buurtsignaal-bench-stats" "$registry" 2025-01-01 2025-12-31 >"$out/year.txt"
"$bin/buurtsignaal-bench-stats" "$registry" 2026-07-01 2026-09-30 >"$out/quarter.txt"
n=0
for address in ${BENCH_PG:-}; do  # one or more server addresses, e.g. a beheerder's and a stuurgroep login's
  n=$((n + 1))
  echo "$address" >"$out/pg$n.address"
  "$bin/buurtsignaal-bench-stats" "$address" 2026-07-01 2026-09-30 >"$out/pg$n-quarter.txt"
  "$bin/buurtsignaal-bench-stats" "$address" 2025-01-01 2025-12-31 >"$out/pg$n-year.txt"
done
echo "measuring the import of $signals meldingen ..." >&2
tools/bench-import.sh "$signals" >"$out/import.txt" 2>&1

python3 - "$out" "$registry" "$signals" <<'PY'
import os, re, sys
out, registry, signals = sys.argv[1], sys.argv[2], int(sys.argv[3])
def text(name):
    path = os.path.join(out, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""
ui, year, quarter, imp = text("ui.txt"), text("year.txt"), text("quarter.txt"), text("import.txt")
rows = []  # (figure, measured, target, reference, ratio)
def num(pattern, source, group=1):
    m = re.search(pattern, source, re.M)
    return float(m.group(group)) if m else None
def ms(v): return "—" if v is None else f"{v:.0f} ms" if v >= 10 else f"{v:.1f} ms"

rows.append(("start-up to first page (warm)", ms(num(r"start-up to first page shown: (\d+)", ui)), "—", "", ""))
for m in re.finditer(r"^(queue .+?|filter .+?|free text .+?|sort by .+?)\s{2,}([\d.]+)\s+\d+\s*$", ui, re.M):
    name, v = m.group(1).strip(), float(m.group(2))
    target = "≤ 50 ms" if name.startswith(("queue", "sort")) else "—"
    rows.append((f"first page, {name}", ms(v), target, "", ""))
for label, target in (("dashboard refresh, a quarter", "< 50 ms"), ("dashboard refresh, a year", "< 100 ms")):
    rows.append((label + " (window)", ms(num(re.escape(label) + r"\s+([\d.]+)", ui)), target, "", ""))
def shell_ratio(source):
    pairs = [(float(a), float(b)) for a, b in re.findall(r"^\d+\s+([\d.]+)\s+([\d.]+)\s+[\d.]+\s+\d+\s", source, re.M)]
    if not pairs: return "", ""
    qt, sh = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return f"sqlite3 shell {sh:.0f} ms ({len(pairs)} statements)", f"{qt / sh:.2f}" if sh else ""
for label, source, target in (("all figures of a quarter (file)", quarter, "< 50 ms"), ("all figures of a year (file)", year, "< 100 ms")):
    ref, ratio = shell_ratio(source)
    rows.append((label, ms(num(r"all figures incl\. success factors\s+([\d.]+)", source)), target, ref, ratio))
n = 1
while text(f"pg{n}.address"):
    login = re.sub(r"^postgresql://([^@/]*)@.*$", r"\1", text(f"pg{n}.address").strip()) or "server"
    for span, target in (("quarter", "< 50 ms"), ("year", "< 100 ms")):
        source = text(f"pg{n}-{span}.txt")
        rows.append((f"all figures of a {span} (server, login {login})", ms(num(r"all figures incl\. success factors\s+([\d.]+)", source)), target, "", ""))
    n += 1
rows.append(("scroll to the end, slowest of 200 jumps", ms(num(r"slowest jump (\d+)", ui)), "—", "", ""))
resident = num(r"resident now (\d+) MB", ui)
rows.append(("memory with the list open (resident)", "—" if resident is None else f"{resident:.0f} MB", "< 100 MB", "", ""))
ours, plain, same = num(r"import meldingen:\s+([\d.]+) s", imp), num(r"\.import \(plain table\):\s+([\d.]+) s", imp), num(r"same work \(SQL\):\s+([\d.]+) s", imp)
if ours is not None:
    rows.append((f"import of {signals:,} meldingen".replace(",", "."), f"{ours:.1f} s", "≤ 1.5 × same work",
                 f"sqlite3 same work {same:.1f} s; .import {plain:.1f} s" if same and plain else "", f"{ours / same:.2f}" if same else ""))
else:
    rows.append(("import", "failed", "", imp.strip().splitlines()[-1] if imp.strip() else "", ""))

print(f"registry: {registry} ({signals:_} demo signals), today 2026-11-27, release build, {os.cpu_count()} cores".replace("_", "."))
header = ("figure", "measured", "target", "reference (same run)", "ratio")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
print(line(header)); print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows: print(line(r))
PY
