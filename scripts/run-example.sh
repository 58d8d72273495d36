#!/usr/bin/env bash
# The main job: build, then compile and run an example on the embedded local
# engine with `distribufyc run` (default examples/sleep.js: it checkpoints,
# waits 5 s, and resumes from the stored bytes in a fresh node process).
#   scripts/run-example.sh                      # examples/sleep.js
#   scripts/run-example.sh examples/closures.js [-- run flags...]
# Configure arguments for the build go in CMAKE_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
example=${1:-examples/sleep.js}
shift || true
[[ ${1:-} == -- ]] && shift
# shellcheck disable=SC2086
scripts/build.sh ${CMAKE_ARGS:-}
build=${BUILD_DIR:-build}
store="$build/example-store"
echo "=== distribufyc run $example --fresh-process --result --store $store $*"
exec "$build/tools/distribufyc/distribufyc" run "$example" --fresh-process --result --store "$store" "$@"
