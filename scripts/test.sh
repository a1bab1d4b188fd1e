#!/usr/bin/env bash
# Installs what is missing, builds Buurtsignaal with warnings as errors and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBUURTSIGNAAL_WERROR=ON >/dev/null
cmake --build build-ci --parallel

# A throwaway PostgreSQL 15 for the server-mode variants of the suites, stopped also when a test fails.
pg_server="$PWD/tests/pg/server.sh"
pg_dir=$("$pg_server" start)
trap '"$pg_server" stop "$pg_dir"' EXIT
BUURTSIGNAAL_TEST_PG=$("$pg_server" uri "$pg_dir")
export BUURTSIGNAAL_TEST_PG

cd build-ci
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600

# The CSV/import reader under libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer, bounded.
cd ..
FUZZ_SECONDS="${FUZZ_SECONDS:-30}" ./scripts/fuzz.sh

# The Debian package: built in build-package and checked (lintian, AppStream, desktop entry,
# dependencies, a scratch install that runs).
./scripts/package.sh
