#!/usr/bin/env bash
# Runs every corpus program twice under node and fails if any program exits
# non-zero, writes to stderr, or prints different output on the two runs.
# Usage: check-deterministic.sh [path-to-node]   (default: $NODE or /usr/bin/node)
set -u
NODE="${1:-${NODE:-/usr/bin/node}}"
DIR="$(cd "$(dirname "$0")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail=0
count=0
for f in "$DIR"/*.js; do
  name="$(basename "$f")"
  count=$((count + 1))
  ok=1
  for run in 1 2; do
    (cd "$DIR" && timeout 10 "$NODE" "$name" >"$TMP/out$run" 2>"$TMP/err$run")
    rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "FAIL $name: exit status $rc on run $run"
      sed 's/^/    /' "$TMP/err$run" | head -20
      ok=0
      break
    fi
    if [ -s "$TMP/err$run" ]; then
      echo "FAIL $name: wrote to stderr on run $run"
      sed 's/^/    /' "$TMP/err$run" | head -20
      ok=0
      break
    fi
    if [ ! -s "$TMP/out$run" ]; then
      echo "FAIL $name: printed nothing on run $run"
      ok=0
      break
    fi
  done
  if [ "$ok" -eq 1 ] && ! cmp -s "$TMP/out1" "$TMP/out2"; then
    echo "FAIL $name: output differs between runs"
    diff "$TMP/out1" "$TMP/out2" | head -20 | sed 's/^/    /'
    ok=0
  fi
  [ "$ok" -eq 1 ] || fail=$((fail + 1))
done
echo "checked $count programs, $fail failed"
[ "$fail" -eq 0 ]
