#!/usr/bin/env bash
# Builds the fuzzers with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer) and runs each
# for FUZZ_SECONDS (default 30): the CSV/import reader from the nasty files in tests/corpus, the
# GeoPackage geometry reader of the buurt map import from the blobs in tests/corpus-geo.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUURTSIGNAAL_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz_csv fuzz_geopackage
work=$(mktemp -d)
geo=$(mktemp -d)
trap 'rm -rf "$work" "$geo"' EXIT
cp tests/corpus/* "$work"/
cp tests/corpus-geo/* "$geo"/
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-fuzz/tests/fuzz/fuzz_csv -max_total_time="${FUZZ_SECONDS:-30}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$work"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-fuzz/tests/fuzz/fuzz_geopackage -max_total_time="${FUZZ_SECONDS:-30}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$geo"
