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

# --copy-to: a file onto an empty server database and back into a new
# file, in one transaction each; the backups are the same throughout.
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_cli_copy' || fail "createdb"
copy=${TP_TEST_PG_URI%/*}/tp_cli_copy
"$touchpoint" --database "$dir/restored.db" --copy-to "$copy" >"$dir/out" 2>"$dir/err" ||
  fail "--copy-to the server: $(cat "$dir/err")"
grep -q "Copied the business into postgresql://" "$dir/out" || fail "--copy-to: $(cat "$dir/out")"
grep -q "Copying… 100%" "$dir/err" || fail "--copy-to shows no progress: $(cat "$dir/err")"
"$touchpoint" --database "$copy" --copy-to "$dir/back.db" >/dev/null 2>&1 ||
  fail "--copy-to a file"
for name in copy back; do
  src=$copy
  [ "$name" = back ] && src=$dir/back.db
  "$touchpoint" --database "$src" --export-backup "$dir/$name.json" || fail "--export-backup $name"
  grep -v '"exported_at"' "$dir/$name.json" > "$dir/$name.rows"
  cmp -s "$dir/a" "$dir/$name.rows" || fail "the $name copy differs: $(diff "$dir/a" "$dir/$name.rows" | head -5)"
done

# Never over a business or a file that is there: one line, status 1, and
# the target as it was.
status=0
"$touchpoint" --database "$dir/restored.db" --copy-to "$copy" 2>"$dir/err" || status=$?
[ "$status" = 1 ] || fail "--copy-to a full server database: exit status $status"
grep -q 'already holds a business' "$dir/err" || fail "--copy-to a full server: $(cat "$dir/err")"
cp "$dir/back.db" "$dir/back-before.db"
status=0
"$touchpoint" --database "$copy" --copy-to "$dir/back.db" 2>"$dir/err" || status=$?
[ "$status" = 1 ] || fail "--copy-to an existing file: exit status $status"
grep -q 'already exists' "$dir/err" || fail "--copy-to an existing file: $(cat "$dir/err")"
cmp -s "$dir/back.db" "$dir/back-before.db" || fail "--copy-to changed an existing file"

# Ctrl+C in the middle of a copy: the server database stays empty.
cp "$dir/restored.db" "$dir/big.db"
sqlite3 "$dir/big.db" "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 200000) INSERT INTO customers (name, created_at, updated_at)
  SELECT 'Customer ' || i, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n" ||
  fail "sqlite3"
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_cli_stopped' || fail "createdb"
stopped=${TP_TEST_PG_URI%/*}/tp_cli_stopped
"$touchpoint" --database "$dir/big.db" --copy-to "$stopped" >/dev/null 2>"$dir/err" &
pid=$!
i=0
until grep -q 'Copying… [1-9]' "$dir/err"; do
  i=$((i + 1))
  [ "$i" -lt 600 ] || fail "the copy showed no progress: $(cat "$dir/err")"
  sleep 0.1
done
kill -INT "$pid"
status=0
wait "$pid" || status=$?
[ "$status" = 1 ] || fail "--copy-to stopped with Ctrl+C: exit status $status"
grep -q 'the copy was stopped; nothing was copied into' "$dir/err" ||
  fail "--copy-to stopped: $(cat "$dir/err")"
for table in customers touches orders settings; do
  n=$(psql -X -At "$stopped" -c "SELECT count(*) FROM $table")
  [ "$n" = 0 ] || fail "the stopped copy left $n rows in $table"
done

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
