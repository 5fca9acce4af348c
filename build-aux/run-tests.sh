#!/bin/bash
# Installs the dependencies, builds Attest with warnings as errors and runs
# the whole test suite headless (Xvfb, a private D-Bus session), then again
# built with AddressSanitizer and UndefinedBehaviorSanitizer. Ends with a
# line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

build-aux/deps.sh test || exit 1

# Tests write caches, settings and keyrings: keep them out of the real home.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/cache" "$tmp/config" "$tmp/data"
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
       XDG_DATA_HOME="$tmp/data"
unset DBUS_SESSION_BUS_ADDRESS

headless() {
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$@"
}

status=0
rm -rf build-ci build-ci-asan

echo "== Build (-Dwerror=true)"
meson setup build-ci -Dwerror=true -Dwarning_level=3 >/dev/null &&
  ninja -C build-ci || status=1

if [ $status -eq 0 ]; then
  echo "== Tests"
  headless meson test -C build-ci --print-errorlogs --num-processes 2 || status=1

  echo "== Build with ASan+UBSan"
  meson setup build-ci-asan -Dwerror=true -Db_sanitize=address,undefined \
    -Dbuildtype=debug >/dev/null && ninja -C build-ci-asan || status=1
  if [ -f build-ci-asan/build.ninja ]; then
    echo "== Tests with ASan+UBSan"
    headless meson test -C build-ci-asan --print-errorlogs --num-processes 2 \
      --no-suite a11y --no-suite data || status=1
  fi
fi

BUILD_STATUS=$status python3 - build-ci/meson-logs/testlog.json build-ci-asan/meson-logs/testlog.json <<'PY'
import json, sys, os
passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        res = r.get("result")
        if res in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif res == "SKIP":
            skipped += 1
        else:
            failed += 1
            print("FAILED: %s (%s)" % (r.get("name"), res))
if os.environ.get("BUILD_STATUS") != "0" and failed == 0:
    # A build or setup step failed before any test could: count it.
    print("FAILED: build")
    failed = 1
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
PY
exit $status
