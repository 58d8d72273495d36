#!/usr/bin/env bash
# Set up (if needed), configure and build into build/. Extra arguments are
# passed to the CMake configure step (e.g. -DDISTRIBUFY_WERROR=ON).
# BUILD_DIR overrides the build directory, JOBS the parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja "$@"
cmake --build "$build" -j "${JOBS:-$(nproc)}"
