#!/bin/sh
# test-pg-faults.sh — the server stopped under a running command: in the
# middle of a copy onto it (pg_ctl stop -m immediate) and in the middle
# of a CSV import into it (pg_ctl stop -m fast). Each time the command
# ends by itself with status 1 and a message that names the lost
# connection (no crash), and once the server is back, the database holds
# exactly what it held before: nothing half-written.
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: pg-cluster test-pg-faults.sh PATH/TO/touchpoint

set -eu

touchpoint=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
: "${TP_TEST_PG_URI:?run under tests/pg-cluster}"
: "${TP_TEST_PG_CTL:?run under tests/pg-cluster}"

fail () {
  echo "not ok: $*" >&2
  exit 1
}

base=${TP_TEST_PG_URI%/*}

rows () {
  "$touchpoint" --database "$1" --export-backup "$dir/rows.json" || fail "--export-backup $1"
  grep -v '"exported_at"' "$dir/rows.json"
}

# Waits until the file $1 has a line that matches $2.
wait_for_line () {
  i=0
  until grep -q "$2" "$1"; do
    i=$((i + 1))
    [ "$i" -lt 1200 ] || fail "waited in vain for “$2” in $(cat "$1")"
    sleep 0.05
  done
}

# Waits until Touchpoint holds a transaction open on the server.
wait_for_transaction () {
  i=0
  until [ "$(psql -X -At "$TP_TEST_PG_URI" -c "SELECT count(*) FROM pg_stat_activity
      WHERE application_name = 'Touchpoint' AND xact_start IS NOT NULL
      AND backend_xid IS NOT NULL")" != 0 ]; do
    i=$((i + 1))
    [ "$i" -lt 1200 ] || fail "Touchpoint never wrote to the server"
    sleep 0.05
  done
}

# A business of 200,000 customers in a file
"$touchpoint" --database "$dir/big.db" --sample small >/dev/null || fail "--sample small"
sqlite3 "$dir/big.db" "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 200000) INSERT INTO customers (name, email, created_at, updated_at)
  SELECT 'Customer ' || i, 'c' || i || '@example.com', '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00Z' FROM n" || fail "sqlite3"

# 1. A copy onto the server, the server killed halfway.
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_fault_copy' || fail "createdb"
copy=$base/tp_fault_copy
"$touchpoint" --database "$copy" --export-csv "$dir/none.csv" --table customers ||
  fail "setting up the empty team database"
before=$(rows "$copy")
"$touchpoint" --database "$dir/big.db" --copy-to "$copy" >/dev/null 2>"$dir/err" &
pid=$!
wait_for_line "$dir/err" 'Copying… [1-9]'
"$TP_TEST_PG_CTL" stop -m immediate >/dev/null || fail "pg_ctl stop"
status=0
wait "$pid" || status=$?
[ "$status" = 1 ] || fail "the copy with the server gone: exit status $status: $(cat "$dir/err")"
[ "$(wc -l < "$dir/err" | tr -d ' ')" -ge 1 ] &&
  tail -1 "$dir/err" | grep -q "^touchpoint: The connection to “postgresql://.*/tp_fault_copy” was lost" ||
  fail "the copy with the server gone: $(cat "$dir/err")"
"$TP_TEST_PG_CTL" start >/dev/null || fail "pg_ctl start"
after=$(rows "$copy")
[ "$before" = "$after" ] || fail "the interrupted copy left rows behind"
# … and the same copy, tried again, goes through.
"$touchpoint" --database "$dir/big.db" --copy-to "$copy" >/dev/null 2>&1 ||
  fail "the copy tried again"
n=$(psql -X -At "$copy" -c 'SELECT count(*) FROM customers')
[ "$n" -gt 200000 ] || fail "the copy tried again holds $n customers"

# 2. A CSV import into the server, the server stopped halfway.
"$touchpoint" --database "$dir/big.db" --export-csv "$dir/customers.csv" --table customers ||
  fail "--export-csv"
psql -X -q "$TP_TEST_PG_URI" -c 'CREATE DATABASE tp_fault_csv' || fail "createdb"
csv=$base/tp_fault_csv
"$touchpoint" --database "$csv" --sample small >/dev/null || fail "--sample small on the server"
before=$(rows "$csv")
"$touchpoint" --database "$csv" --import-csv "$dir/customers.csv" --table customers \
  >/dev/null 2>"$dir/err" &
pid=$!
wait_for_transaction
sleep 0.5
"$TP_TEST_PG_CTL" stop -m fast >/dev/null || fail "pg_ctl stop"
status=0
wait "$pid" || status=$?
[ "$status" = 1 ] || fail "the import with the server gone: exit status $status: $(cat "$dir/err")"
grep -q "postgresql://.*/tp_fault_csv" "$dir/err" ||
  fail "the import with the server gone names no database: $(cat "$dir/err")"
# One line, that says so
[ "$(wc -l < "$dir/err" | tr -d ' ')" = 1 ] && grep -q "was lost" "$dir/err" ||
  fail "the import with the server gone: $(cat "$dir/err")"
"$TP_TEST_PG_CTL" start >/dev/null || fail "pg_ctl start"
after=$(rows "$csv")
[ "$before" = "$after" ] || fail "the interrupted import changed the database"

echo "ok"
