#!/usr/bin/env bash
# Compile-throughput benchmark (issue: foundation). For each input, measures
# a bare tree-sitter parse and the full parse -> IR -> emit path in separate
# processes in the same run, and reports MB/s, the time ratio full/parse, and
# peak memory as a multiple of the input size.
#   bench/compile-throughput.sh [BUILD_DIR] [REPEAT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
repeat=${2:-5}
bin=$build/bench/dist-bench-throughput
[ -x "$bin" ] || { echo "build first: $bin not found" >&2; exit 1; }
deps=$root/deps/node_modules
printf '%-16s %9s %10s %10s %7s %11s %11s\n' file MB 'parse MB/s' 'full MB/s' ratio 'parse mem×' 'full mem×'
for f in "$deps/typescript/lib/typescript.js" "$deps/lodash/lodash.js" "$deps/acorn/dist/acorn.js"; do
  read -r _ bytes tp rp _ < <("$bin" parse "$f" "$repeat")
  read -r _ _ tf rf _ < <("$bin" full "$f" "$repeat")
  awk -v n="$(basename "$f")" -v b="$bytes" -v tp="$tp" -v tf="$tf" -v rp="$rp" -v rf="$rf" 'BEGIN {
    printf "%-16s %9.2f %10.1f %10.1f %6.2fx %10.1fx %10.1fx\n", n, b/1e6, b/1e6/tp, b/1e6/tf, tf/tp, rp*1024/b, rf*1024/b }'
done
