#!/bin/sh
# test-open-cli.sh — the real binary refuses another program's SQLite
# file with one line that names it and exit status 1, and leaves the
# file, its -wal and its -journal byte for byte as they were.
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-open-cli.sh PATH/TO/touchpoint

set -eu

touchpoint=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

sums () {
  for f in "$1" "$1-wal" "$1-journal" "$1-shm"; do
    if [ -e "$f" ]; then sha256sum < "$f"; else echo "$f: none"; fi
  done
}

# Another program's notes, user_version 1, in rollback-journal mode.
python3 - "$dir/f1.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
c.execute("INSERT INTO notes (body) VALUES ('call the mill')")
c.execute("PRAGMA user_version = 1")
c.commit()
c.close()
PY

before=$(sums "$dir/f1.db")
status=0
"$touchpoint" --database "$dir/f1.db" --export-csv "$dir/c.csv" --table customers \
  2> "$dir/stderr" || status=$?
after=$(sums "$dir/f1.db")

[ "$status" -eq 1 ] || fail "exit status $status, not 1"
[ "$before" = "$after" ] || fail "the file or its -wal/-journal changed"
[ "$(wc -l < "$dir/stderr")" -eq 1 ] || fail "not one line: $(cat "$dir/stderr")"
grep -q "f1.db" "$dir/stderr" || fail "the message does not name the file: $(cat "$dir/stderr")"
grep -q "another program" "$dir/stderr" || fail "the message does not say why: $(cat "$dir/stderr")"
[ ! -e "$dir/c.csv" ] || fail "a CSV file was written"

echo "ok: $(cat "$dir/stderr")"
