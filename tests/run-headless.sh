#!/bin/sh
# Usage: run-headless.sh PROGRAM ARGS...
#
# Runs a program that opens windows: as it is when there is a display and a
# session bus, else under xvfb-run and dbus-run-session.
set -eu

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$@"
fi
exec "$@"
