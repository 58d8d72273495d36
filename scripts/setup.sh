#!/usr/bin/env bash
# Installs what building and testing Distribufy needs on Debian/Ubuntu: the
# system packages (apt-get) and the pinned npm dependencies (deps/, and the
# runtime's in runtime/). Re-runs
# are fast: each step is skipped when its result is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and libclang-rt-14-dev (libFuzzer) build the fuzz targets of fuzz/.
packages=(libtree-sitter-dev libfmt-dev libspdlog-dev doctest-dev libmsgpack-cxx-dev
          llvm-14-tools cmake ninja-build g++ nodejs npm python3 clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  # Node.js may come from elsewhere (NodeSource's nodejs bundles npm, and
  # conflicts with Debian's npm): a working command is enough.
  case $p in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm ci only when node_modules is missing or older than the lock file.
stamp=deps/node_modules/.package-lock.json
if [[ ! -f $stamp || deps/package-lock.json -nt $stamp ]]; then
  echo "setup: npm ci --prefix deps"
  # --ignore-scripts: the grammar package would otherwise try to build its
  # node bindings (which need network access); only its C sources are used.
  npm ci --prefix deps --no-audit --no-fund --ignore-scripts
fi

# The runtime's own dependencies (@msgpack/msgpack), same rule.
stamp=runtime/node_modules/.package-lock.json
if [[ ! -f $stamp || runtime/package-lock.json -nt $stamp ]]; then
  echo "setup: npm ci --prefix runtime"
  npm ci --prefix runtime --no-audit --no-fund --ignore-scripts
fi
