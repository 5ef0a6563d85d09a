#!/bin/sh
# test-pg-cli.sh — the real binary on a team database: --database takes a
# postgresql:// URI (run under tests/pg-cluster, which gives one), sets
# up an empty server database on first use, and names a server it cannot
# reach or a refused password in one line, with exit status 1 and never
# the password.
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: pg-cluster test-pg-cli.sh PATH/TO/touchpoint

set -eu

touchpoint=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
: "${TP_TEST_PG_URI:?run under tests/pg-cluster}"

fail () {
  echo "not ok: $*" >&2
  exit 1
}

# A sample business into the empty database, then its customers as CSV.
"$touchpoint" --database "$TP_TEST_PG_URI" --sample small || fail "--sample small"
"$touchpoint" --database "$TP_TEST_PG_URI" --export-csv "$dir/c.csv" --table customers ||
  fail "--export-csv"
head -1 "$dir/c.csv" | grep -q '^id,name,email' || fail "the CSV has no header"
n=$(wc -l < "$dir/c.csv")
[ "$n" -gt 10 ] || fail "the CSV has $n lines"

# The customers into a second, empty server database, and out again.
second=${TP_TEST_PG_URI%/*}/tp_cli_second
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_cli_second' || fail "createdb"
"$touchpoint" --database "$second" --import-csv "$dir/c.csv" --table customers \
  >"$dir/import.out" || fail "--import-csv: $(cat "$dir/import.out")"
"$touchpoint" --database "$second" --export-csv "$dir/c2.csv" --table customers ||
  fail "--export-csv of the import"
cut -d, -f2-4 "$dir/c.csv" | sort > "$dir/names1"
cut -d, -f2-4 "$dir/c2.csv" | sort > "$dir/names2"
cmp -s "$dir/names1" "$dir/names2" || fail "the imported customers differ: $(diff "$dir/names1" "$dir/names2" | head -5)"

# Touches, with their tactic and place, go through the import's
# temporary staging table on the server too.
"$touchpoint" --database "$TP_TEST_PG_URI" --export-csv "$dir/t.csv" --table touches ||
  fail "--export-csv of the touches"
head -1 "$dir/t.csv" | grep -q ',place' || fail "the touches CSV has no place column"
"$touchpoint" --database "$second" --import-csv "$dir/t.csv" --table touches \
  >"$dir/import.out" || fail "--import-csv of the touches: $(cat "$dir/import.out")"
n1=$(psql -X -At "$TP_TEST_PG_URI" -c 'SELECT count(*) FROM touches')
n2=$(psql -X -At "$second" -c 'SELECT count(*) FROM touches')
[ "$n1" = "$n2" ] || fail "$n1 touches exported, $n2 imported"

# A backup of the team database restores into a file identically: the
# file's own backup is the same, but for the time it was made.
"$touchpoint" --database "$TP_TEST_PG_URI" --export-backup "$dir/pg.json" || fail "--export-backup"
"$touchpoint" --database "$dir/restored.db" --import-backup "$dir/pg.json" >/dev/null ||
  fail "--import-backup into a file"
"$touchpoint" --database "$dir/restored.db" --export-backup "$dir/file.json" ||
  fail "--export-backup of the file"
grep -v '"exported_at"' "$dir/pg.json" > "$dir/a"
grep -v '"exported_at"' "$dir/file.json" > "$dir/b"
cmp -s "$dir/a" "$dir/b" || fail "the backups differ: $(diff "$dir/a" "$dir/b" | head -5)"
grep -q '"touches": \[' "$dir/a" || fail "the backup has no touches"

# What worked reads the same from the server as from the file.
"$touchpoint" --database "$TP_TEST_PG_URI" --export-csv "$dir/r1.csv" --table results ||
  fail "--export-csv --table results on the server"
"$touchpoint" --database "$dir/restored.db" --export-csv "$dir/r2.csv" --table results ||
  fail "--export-csv --table results of the file"
[ "$(wc -l < "$dir/r1.csv")" -gt 3 ] || fail "the results have no rows: $(cat "$dir/r1.csv")"
cmp -s "$dir/r1.csv" "$dir/r2.csv" || fail "the results differ: $(diff "$dir/r1.csv" "$dir/r2.csv" | head -5)"

# … and back into a team database: the server's backup is the same again.
# The restore keeps the server's old rows as a backup in Touchpoint's
# data folder.
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_cli_third' || fail "createdb"
third=${TP_TEST_PG_URI%/*}/tp_cli_third
XDG_DATA_HOME="$dir/data" "$touchpoint" --database "$third" --sample small >/dev/null ||
  fail "--sample small into the third database"
XDG_DATA_HOME="$dir/data" "$touchpoint" --database "$third" --import-backup "$dir/file.json" \
  >"$dir/out" || fail "--import-backup into the server"
grep -q "$dir/data/touchpoint/team-tp_cli_third.before-restore-" "$dir/out" ||
  fail "--import-backup into the server: $(cat "$dir/out")"
"$touchpoint" --database "$third" --export-backup "$dir/third.json" || fail "--export-backup"
grep -v '"exported_at"' "$dir/third.json" > "$dir/c"
cmp -s "$dir/a" "$dir/c" || fail "the restored server differs: $(diff "$dir/a" "$dir/c" | head -5)"

# The schema's version is kept in the database.
v=$(psql -X -At "$TP_TEST_PG_URI" -c 'SELECT version FROM touchpoint_schema')
[ "$v" -ge 3 ] || fail "touchpoint_schema says $v"

# A server that is not there: one line, status 1, no password.
status=0
"$touchpoint" --database "postgresql://ann:hunter2@%2Fnonexistent%2Fsock/shop" \
  --export-csv "$dir/x.csv" --table customers 2>"$dir/err" || status=$?
[ "$status" = 1 ] || fail "unreachable: exit status $status"
grep -q 'Could not reach the database server of “postgresql://ann@/nonexistent/sock/shop”' \
  "$dir/err" || fail "unreachable: $(cat "$dir/err")"
grep -q hunter2 "$dir/err" && fail "the password is in the message"
[ ! -e "$dir/x.csv" ] || fail "a CSV was written"

# A wrong password: named as such, never shown.
host=${TP_TEST_PG_URI#*@}
status=0
"$touchpoint" --database "postgresql://tp_pw:wrong-pw-77@$host" --sample small \
  2>"$dir/err" || status=$?
[ "$status" = 1 ] || fail "wrong password: exit status $status"
grep -q 'did not accept the password' "$dir/err" || fail "wrong password: $(cat "$dir/err")"
grep -q wrong-pw-77 "$dir/err" && fail "the password is in the message"

echo "ok"
