#!/usr/bin/env bash
# Build, then run the whole test suite (lit golden tests, unit tests, the
# install test) with ctest. Arguments go to the configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh "$@"
build=${BUILD_DIR:-build}
ctest --test-dir "$build" --output-on-failure
