#!/bin/sh
# Usage: run-with-keyring-gui.sh PROGRAM ARGS...
#
# Runs a GTK test against a real, unlocked gnome-keyring in a private
# session bus, as tests/run-with-keyring.sh does (TOOLCHAIN.md §4), but keeps
# DISPLAY: the program shows windows.  That is safe only because the keyring
# is created and unlocked with a non-empty password before the program
# starts, so no unlock prompt can appear and hang on the X server.
#
# Without a display there is nothing to test: report a TAP skip.
set -eu

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display (run under xvfb-run)"
  exit 0
fi

for tool in dbus-run-session gnome-keyring-daemon gdbus; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/run" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/home"
# A fresh keyring (a leftover one with another password would stay locked)
# and a fresh home: GTK writes caches and settings there.
export XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" HOME="$tmp/home"

# stdout is the test's TAP stream, and whatever the bus starts (the
# accessibility registry says hello on its stdout) inherits the bus's: so the
# bus gets stderr, and only the test program gets the TAP stream, on fd 3.
exec 3>&1
dbus-run-session -- sh -c '
  printf %s attest-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  gdbus wait --session --timeout 10 org.freedesktop.secrets
  exec "$@" >&3 3>&-' sh "$@" >&2
