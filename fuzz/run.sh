#!/usr/bin/env bash
# Fuzz smoke test: replays each target's committed corpus, then fuzzes for
# SECONDS seconds (default 5) from it, with new inputs kept in a scratch
# directory (the committed corpus is never modified). Exits non-zero on the
# first crash, leak, timeout or sanitizer report; libFuzzer prints the
# offending input and writes it as crash-* in the scratch directory.
#
# usage: fuzz/run.sh BUILD_FUZZ_DIR/fuzz [SECONDS]
set -euo pipefail
bin=${1:?usage: run.sh FUZZ_BINARY_DIR [SECONDS]}
seconds=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in checkpoint frontend; do
  exe="$bin/fuzz-$target"
  [[ -x $exe ]] || { echo "run.sh: $exe is not built (configure with -DDISTRIBUFY_FUZZ=ON)" >&2; exit 1; }
  mkdir -p "$scratch/$target"
  echo "=== fuzz-$target: corpus replay, then ${seconds}s"
  (cd "$scratch" && "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$scratch/" \
      "$scratch/$target" "$here/corpus/$target")
done
