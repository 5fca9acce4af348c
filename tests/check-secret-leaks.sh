#!/bin/sh
# check-secret-leaks.sh: runs the token and client tests with every debug
# message on, then looks for the secrets they used in everything they
# printed and in every file they left in their config and data directories.
#
# Usage: check-secret-leaks.sh TEST-PROGRAM...
#
# The test programs take their secrets from ATTEST_TEST_API_KEY and
# ATTEST_TEST_INTEGRATION_KEY (see att-test-utils.c); fresh, distinctive
# values are made here for each run, so that a match can only be a leak.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

if [ "$#" -eq 0 ]; then
  echo "usage: $0 TEST-PROGRAM..." >&2
  exit 2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/attest-leaks-XXXXXX")" || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/out"
chmod 700 "$tmp"

suffix="$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
ATTEST_TEST_API_KEY="leakcheck-api-key-$suffix"
ATTEST_TEST_INTEGRATION_KEY="leakcheck-integration-key-$suffix"
export ATTEST_TEST_API_KEY ATTEST_TEST_INTEGRATION_KEY

# Finds $1 in the captured output and in the files under the directories
# the tests could write to.  Prints where, returns 0 if found.
find_secret () {
  found=1
  if grep -r -F -l -e "$1" "$tmp/out" "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache"; then
    found=0
  fi
  return $found
}

# The check itself must be able to fail: a planted marker, in the output
# and in a file deep in the config directory, has to be found.
marker="planted-marker-$suffix"
printf 'some output %s more output\n' "$marker" > "$tmp/out/planted.log"
if ! find_secret "$marker" > /dev/null; then
  echo "FAIL: the search missed a marker planted in the captured output" >&2
  exit 1
fi
rm -f "$tmp/out/planted.log"
mkdir -p "$tmp/config/attest/deep"
printf '[Account]\nkey=%s\n' "$marker" > "$tmp/config/attest/deep/planted.ini"
if ! find_secret "$marker" > /dev/null; then
  echo "FAIL: the search missed a marker planted in a config file" >&2
  exit 1
fi
rm -rf "$tmp/config/attest"
echo "ok: the search finds planted markers"

status=0
for program in "$@"; do
  name="$(basename "$program")"
  echo "running $name with G_MESSAGES_DEBUG=all"
  if ! env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
         XDG_CACHE_HOME="$tmp/cache" G_MESSAGES_DEBUG=all \
         "$program" > "$tmp/out/$name.log" 2>&1; then
    echo "FAIL: $name failed; its output follows (secrets masked)" >&2
    sed -e "s/$ATTEST_TEST_API_KEY/<api key>/g" \
        -e "s/$ATTEST_TEST_INTEGRATION_KEY/<integration key>/g" \
        "$tmp/out/$name.log" | tail -n 40 >&2
    status=1
  fi

  # The run must have used the secrets at all, or the search means nothing:
  # the debug log names the requests, which carried them.
  if ! grep -q -F "POST /pic-api/v1/products/search" "$tmp/out/$name.log"; then
    echo "FAIL: $name logged no request; was debug logging on?" >&2
    status=1
  fi
done

for secret in "$ATTEST_TEST_API_KEY" "$ATTEST_TEST_INTEGRATION_KEY"; do
  if find_secret "$secret" > "$tmp/where" 2>/dev/null; then
    echo "FAIL: a test secret was found in:" >&2
    sed -e "s|^$tmp/||" "$tmp/where" >&2
    status=1
  fi
done

bytes="$(cat "$tmp"/out/*.log | wc -c)"
files="$(find "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" -type f | wc -l)"
echo "searched $bytes bytes of output and $files files for 2 secrets"

if [ "$status" -eq 0 ]; then
  echo "ok: no secret leaked"
fi
exit "$status"
