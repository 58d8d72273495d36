#!/usr/bin/env bash
# The main job: build, then compile every program in examples/ with
# distribufyc and show the result. Outputs go to build/examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh "$@"
build=${BUILD_DIR:-build}
out="$build/examples"
mkdir -p "$out"
status=0
for src in examples/*.js; do
  dst="$out/$(basename "$src" .js).out.js"
  echo "=== distribufyc $src -o $dst --func -t catch"
  if "$build/tools/distribufyc/distribufyc" "$src" -o "$dst" --func -t catch; then
    cat "$dst"
  else
    status=1
  fi
  echo
done
exit $status
