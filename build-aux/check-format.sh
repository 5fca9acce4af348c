#!/bin/sh
# check-format.sh: fails, listing them, if any C source or header differs
# from what clang-format makes of it with the repository's .clang-format.
#
# Usage: check-format.sh [SOURCE_ROOT]
#
# The files are those git tracks (*.c, *.h); outside a git checkout, those
# under src/ and tests/, so that a build directory's generated sources are
# never checked.  The style is tuned for clang-format 14 (Debian 12, as in
# CI); other versions lay out some constructs differently, so the check
# is skipped with them rather than asking for changes 14 would undo.
# CLANG_FORMAT names the program to use.  Exits 77 (skipped) without it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

root=$(cd "${1:-$(dirname "$0")/..}" && pwd -P) || exit 99
cd "$root" || exit 99

clang_format=${CLANG_FORMAT:-}
if [ -z "$clang_format" ]; then
  for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null 2>&1; then
      clang_format=$candidate
      break
    fi
  done
fi
if [ -z "$clang_format" ] || ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "clang-format not found: skipped"
  exit 77
fi

version=$("$clang_format" --version | sed -n 's/.*clang-format version \([0-9][0-9]*\)\..*/\1/p')
if [ "$version" != 14 ]; then
  echo "$clang_format is version ${version:-unknown}; the style is checked with clang-format 14: skipped"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/attest-format-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
  git ls-files -z -- '*.c' '*.h' > "$tmp/files" || exit 99
else
  find src tests -type f \( -name '*.c' -o -name '*.h' \) -print0 > "$tmp/files" || exit 99
fi

# A file deleted in the work tree but not yet in the index is not a
# formatting problem.
: > "$tmp/existing"
tr '\0' '\n' < "$tmp/files" | while IFS= read -r file; do
  if [ -f "$file" ]; then
    printf '%s\0' "$file" >> "$tmp/existing"
  fi
done
total=$(tr -cd '\0' < "$tmp/existing" | wc -c)
if [ "$total" -eq 0 ]; then
  echo "no C sources found under $root"
  exit 99
fi

# One run over every file: clang-format's start-up costs more than the
# formatting.  Each line that would change gives one diagnostic naming
# its file.
xargs -0 "$clang_format" --style=file --dry-run --Werror < "$tmp/existing" \
  > "$tmp/out" 2>&1
status=$?

sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: code should be clang-formatted.*/\1/p' \
  "$tmp/out" | uniq > "$tmp/differ"
count=$(wc -l < "$tmp/differ")

if [ "$count" -gt 0 ]; then
  echo "$count of $total files differ from what clang-format makes of them:"
  sed 's/^/  /' "$tmp/differ"
  echo "Reformat them with: clang-format -i FILE..."
  exit 1
fi
if [ "$status" -ne 0 ]; then
  # Not a formatting difference: a bad .clang-format, an unreadable file.
  cat "$tmp/out"
  exit 99
fi
echo "$total files formatted as .clang-format says"
exit 0
