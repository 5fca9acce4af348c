#!/bin/sh
# Usage: check-po.sh MSGFMT FILE.po
# Fails when msgfmt --check finds a problem or when a message is untranslated
# or fuzzy.
set -eu
out=$("$1" --check --statistics -o /dev/null "$2" 2>&1)
echo "$out"
case "$out" in
  *untranslated*|*fuzzy*) echo "$2 is incomplete" >&2; exit 1 ;;
esac
