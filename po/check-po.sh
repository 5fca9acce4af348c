#!/bin/sh
# Usage: check-po.sh SOURCE_ROOT LANG
# Extracts the current strings from the sources listed in POTFILES.in,
# merges them into LANG.po, and fails if msgfmt --check finds a problem or
# if any string is untranslated or fuzzy: a translation is complete only
# against the code as it is now.
set -eu
root=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$root/po/POTFILES.in" | grep . > "$tmp/files"
xgettext --package-name=attest --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$root" --files-from="$tmp/files" -o "$tmp/attest.pot"
msgmerge --quiet --no-fuzzy-matching "$root/po/$lang.po" "$tmp/attest.pot" -o "$tmp/$lang.po"
out=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang: $out"
case "$out" in
  *untranslated*|*fuzzy*) echo "$lang.po is incomplete" >&2; exit 1 ;;
esac
