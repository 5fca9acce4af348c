#!/bin/sh
# run-with-keyring.sh: run a test inside its own D-Bus session, with its
# own gnome-keyring-daemon unlocked and nothing shared with the user's.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-with-keyring.sh [--no-secret-service] PROGRAM [ARGS...]
#
# With --no-secret-service, the session bus knows no services at all (a
# bus configuration without service directories), so nothing can start a
# Secret Service: plain dbus-run-session would D-Bus-activate
# gnome-keyring through /usr/share/dbus-1/services.
#
# See TOOLCHAIN.md §4: a fresh XDG_DATA_HOME (an old login.keyring with
# another password stays locked), a non-empty password (an empty one
# creates no login collection), no DISPLAY (a prompt must fail fast
# instead of opening on Xvfb), and waiting for the bus name (the daemon
# returns before it owns org.freedesktop.secrets).

set -eu

mode=keyring
if [ "${1-}" = "--no-secret-service" ]; then
  mode=none
  shift
fi

if [ $# -lt 1 ]; then
  echo "usage: $0 [--no-secret-service] PROGRAM [ARGS...]" >&2
  exit 2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/attest-keyring-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$tmp/run" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/home"

export XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export HOME="$tmp/home"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

if [ "$mode" = none ]; then
  cat > "$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp/run</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  status=0
  dbus-run-session --config-file="$tmp/session.conf" -- "$@" || status=$?
  exit "$status"
fi

# stdout is the test's TAP stream: the daemon's environment lines must
# not end up in it.
status=0
dbus-run-session -- sh -c '
  printf %s attest-test-password |
    gnome-keyring-daemon --unlock --components=secrets >/dev/null
  gdbus wait --session --timeout 10 org.freedesktop.secrets
  exec "$@"' sh "$@" || status=$?
exit "$status"
