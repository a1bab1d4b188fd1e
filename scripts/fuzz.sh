#!/usr/bin/env bash
# Builds the CSV/import fuzzer with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs it for FUZZ_SECONDS (default 30) from the corpus of nasty files in tests/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUURTSIGNAAL_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz_csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/corpus/* "$work"/
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-fuzz/tests/fuzz/fuzz_csv -max_total_time="${FUZZ_SECONDS:-30}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$work"
