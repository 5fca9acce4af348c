#!/bin/bash
# Installs the dependencies, builds Attest and runs it on the demo data
# (a local sandbox server it starts and stops by itself).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh build
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
ninja -C build
# devenv prepends the source tree's icons; keep the system's data dirs too.
export XDG_DATA_DIRS="${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec meson devenv -C build attest --demo "$@"
