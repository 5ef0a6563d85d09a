#!/bin/sh
# test-csv-cli.sh — `touchpoint --import-csv` refuses a file with a row it
# cannot import: exit status 1, a line naming file, line and field for
# each such row, and the database unchanged to the byte; with
# --skip-bad-rows it imports the others, lists each row left out and
# exits 0. `--export-csv` writes a cell a spreadsheet would run as a
# formula with a quote mark before it, and the import takes it off.
#
# With TP_TEST_ENGINE=postgresql (csv-cli-pg, run under tests/pg-cluster)
# each database is a new one on the throwaway server, and "unchanged"
# means every row the same (a sequence a refused insert moved on aside).
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: [pg-cluster] test-csv-cli.sh PATH/TO/touchpoint

set -eu

touchpoint=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

engine=${TP_TEST_ENGINE:-sqlite}
if [ "$engine" = postgresql ]; then
  : "${TP_TEST_PG_URI:?run under tests/pg-cluster}"
  bindir=${TP_TEST_PG_BINDIR:?run under tests/pg-cluster}
fi

# A new database called NAME: a file, or a new database on the server
new_db () {
  if [ "$engine" = postgresql ]; then
    "$bindir/psql" -X -q "$TP_TEST_PG_URI" -c "CREATE DATABASE tp_csv_cli_$1" >/dev/null ||
      fail "could not make the server database $1"
    echo "${TP_TEST_PG_URI%/*}/tp_csv_cli_$1"
  else
    echo "$dir/$1.db"
  fi
}

# The rows of a query, a line each, the columns joined by |
query () {
  if [ "$engine" = postgresql ]; then
    "$bindir/psql" -X -q -A -t -F '|' -d "$1" -c "$2"
  else
    sqlite3 "$1" "$2"
  fi
}

# Every row of the database, as SQL (without the random key of a newer
# pg_dump's \restrict lines)
dump () {
  if [ "$engine" = postgresql ]; then
    "$bindir/pg_dump" --data-only -d "$1" |
      grep -v -e '^SELECT pg_catalog.setval' -e '^\\restrict ' -e '^\\unrestrict '
  else
    sqlite3 "$1" .dump
  fi
}

# The database's bytes, with everything in the file itself; on the
# server, its rows
fingerprint () {
  if [ "$engine" = postgresql ]; then
    dump "$1" | sha256sum
  else
    sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    sha256sum <"$1"
  fi
}

db=$(new_db shop)
cat >"$dir/customers.csv" <<'CSV'
name,email
Ada,ada@example.org
"=HYPERLINK(""http://x"",""y"")",link@example.org
CSV
"$touchpoint" --database "$db" --import-csv "$dir/customers.csv" --table customers >/dev/null \
  || fail "could not import the customers"

printf 'customer_email,customer_name,happened_at,channel,note\r\n%s\r\n%s\r\n%s\r\n%s\r\n' \
  'ada@example.org,,2026-01-01,call,first' \
  'zed@example.org,,2026-01-02,call,nobody' \
  'ada@example.org,Ada,2026-01-03,email,third' \
  ',Nobody,2026-01-04,call,fourth' >"$dir/touches.csv"

# An option of the import without the import says so, and opens nothing
if "$touchpoint" --database "$db" --skip-bad-rows >"$dir/stdout" 2>"$dir/stderr"; then
  fail "--skip-bad-rows without --import-csv succeeded"
fi
grep -q -- "--skip-bad-rows: this option goes with --import-csv" "$dir/stderr" ||
  fail "--skip-bad-rows alone said: $(cat "$dir/stderr")"

# The same refused import into a database that was not there leaves no
# new, empty database behind (a file only: a server database is made by
# its owner before Touchpoint sees it)
if [ "$engine" = sqlite ]; then
  if "$touchpoint" --database "$dir/new.db" --import-csv "$dir/touches.csv" --table touches \
       >/dev/null 2>&1; then
    fail "an import into a new database of rows that cannot be linked succeeded"
  fi
  for f in "$dir/new.db" "$dir/new.db-wal" "$dir/new.db-shm"; do
    [ ! -e "$f" ] || fail "a refused import left $f behind"
  done
fi

# A touch for a customer who is not there: nothing imported, exit 1, a
# line for each row that cannot be imported
before=$(fingerprint "$db")
dump_before=$(dump "$db")
if "$touchpoint" --database "$db" --import-csv "$dir/touches.csv" --table touches \
     >"$dir/stdout" 2>"$dir/stderr"; then
  fail "an import with a row that cannot be linked succeeded"
else
  status=$?
fi
[ "$status" = 1 ] || fail "the import exited with $status"
cat >"$dir/expected" <<'TXT'
touchpoint: touches.csv: line 3: field “customer_email”: there is no customer with the email “zed@example.org”
touchpoint: touches.csv: line 5: field “customer_name”: there is no customer “Nobody”
TXT
diff -u "$dir/expected" "$dir/stderr" || fail "the import said something else"
[ ! -s "$dir/stdout" ] || fail "the import printed: $(cat "$dir/stdout")"
[ "$(fingerprint "$db")" = "$before" ] || fail "the refused import changed the database file"
[ "$(dump "$db")" = "$dump_before" ] || fail "the refused import changed the data"

# However many there are, each has its line
{
  echo "customer_email,happened_at,channel"
  i=0
  while [ $i -lt 250 ]; do echo "nobody$i@example.org,2026-01-01,call"; i=$((i + 1)); done
} >"$dir/many.csv"
if "$touchpoint" --database "$db" --import-csv "$dir/many.csv" --table touches 2>"$dir/stderr"; then
  fail "an import of 250 rows that cannot be linked succeeded"
fi
[ "$(grep -c '^touchpoint: many.csv: line [0-9]*: field “customer_email”: there is no customer' \
      "$dir/stderr")" = 250 ] || fail "not every row was listed: $(wc -l <"$dir/stderr") lines"
[ "$(wc -l <"$dir/stderr")" = 250 ] || fail "the import said more: $(tail -1 "$dir/stderr")"
[ "$(fingerprint "$db")" = "$before" ] || fail "the refused import changed the database file"

# --skip-bad-rows: the others come in, each row left out is listed
"$touchpoint" --database "$db" --import-csv "$dir/touches.csv" --table touches --skip-bad-rows \
  >"$dir/stdout" 2>"$dir/stderr" || fail "--skip-bad-rows exited with $?"
diff -u "$dir/expected" "$dir/stderr" || fail "--skip-bad-rows listed something else"
grep -q '^2 touches imported, 2 rows skipped' "$dir/stdout" \
  || fail "--skip-bad-rows said: $(cat "$dir/stdout")"
[ "$(query "$db" "SELECT note FROM touches ORDER BY id")" = "first
third" ] || fail "--skip-bad-rows imported the wrong rows"

# The formula goes out with a quote mark and comes back without it
"$touchpoint" --database "$db" --export-csv "$dir/out.csv" --table customers \
  || fail "the export failed"
grep -q "^2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",link@example.org," "$dir/out.csv" \
  || fail "the export wrote the formula as it is: $(grep link@ "$dir/out.csv")"
copy=$(new_db copy)
"$touchpoint" --database "$copy" --import-csv "$dir/out.csv" --table customers >/dev/null \
  || fail "the export does not import again"
[ "$(query "$copy" 'SELECT name FROM customers ORDER BY id')" \
  = "$(query "$db" 'SELECT name FROM customers ORDER BY id')" ] \
  || fail "the names did not come back: $(query "$copy" 'SELECT name FROM customers')"

# A row of too many fields is refused with its line, and changes nothing
before=$(fingerprint "$db")
{
  echo "name,email"
  printf 'Bob'
  i=0
  while [ $i -lt 1000 ]; do printf ',x'; i=$((i + 1)); done
  echo
} >"$dir/wide.csv"
if "$touchpoint" --database "$db" --import-csv "$dir/wide.csv" --table customers --skip-bad-rows \
     2>"$dir/stderr"; then
  fail "a row of 1001 fields was imported"
else
  status=$?
fi
[ "$status" = 1 ] || fail "the wide import exited with $status"
[ "$(cat "$dir/stderr")" = \
  "touchpoint: wide.csv: line 2: field “1001”: a row may have at most 1000 fields" ] \
  || fail "the wide import said: $(cat "$dir/stderr")"
[ "$(fingerprint "$db")" = "$before" ] || fail "the wide import changed the database"

# A shop's export needs no --table: the header says what it holds. The
# issue's own example: a Shopify orders export with dates such as
# "2026-03-01 14:30:00 +0000"; the second import changes nothing.
data=$(dirname "$0")/data/imports
shop=$(new_db shopify)
"$touchpoint" --database "$shop" --import-csv "$data/shopify-orders.csv" >"$dir/stdout" \
  || fail "the Shopify orders did not import"
[ "$(cat "$dir/stdout")" = "2 orders imported, 2 new customers added from them" ] \
  || fail "the Shopify import said: $(cat "$dir/stdout")"
[ "$(query "$shop" 'SELECT ordered_at, item, amount_minor FROM orders ORDER BY id')" = \
  "2026-03-01T13:30:00Z|Blue Mug, Poster|5400
2026-03-02T09:05:00Z|Tea Towel|1250" ] \
  || fail "the Shopify orders are: $(query "$shop" 'SELECT * FROM orders')"
before=$(fingerprint "$shop")
"$touchpoint" --database "$shop" --import-csv "$data/shopify-orders.csv" >/dev/null \
  || fail "the Shopify orders did not import a second time"
[ "$(fingerprint "$shop")" = "$before" ] || fail "importing the same orders again changed them"

# A file of no known shop still needs --table
printf 'Who,When,What,Paid\nAda Lovelace,01/03/2026,Vase,20.00\n' >"$dir/own.csv"
if "$touchpoint" --database "$shop" --import-csv "$dir/own.csv" 2>"$dir/stderr"; then
  fail "an unknown file imported without --table"
fi
grep -q "say which table with --table" "$dir/stderr" || fail "without --table: $(cat "$dir/stderr")"

# --map names the columns; a date that can be read either way is asked for
before=$(fingerprint "$shop")
if "$touchpoint" --database "$shop" --import-csv "$dir/own.csv" --table orders \
     --map customer_name=Who --map ordered_at=When --map item=What --map amount=paid \
     >/dev/null 2>"$dir/stderr"; then
  fail "an import with dates that can be read two ways succeeded"
else
  status=$?
fi
[ "$status" = 1 ] || fail "the ambiguous import exited with $status"
[ "$(cat "$dir/stderr")" = "touchpoint: own.csv: line 2: field “When”: “01/03/2026” can be read \
day first or month first, and no date in the file says which; say which with the date order \
(--date-order dmy or mdy)" ] || fail "the ambiguous import said: $(cat "$dir/stderr")"
[ "$(fingerprint "$shop")" = "$before" ] || fail "the ambiguous import changed the database"

"$touchpoint" --database "$shop" --import-csv "$dir/own.csv" --table orders --date-order dmy \
  --map customer_name=Who --map ordered_at=When --map item=What --map amount=paid >/dev/null \
  || fail "the mapped import with --date-order failed"
[ "$(query "$shop" "SELECT ordered_at FROM orders WHERE item = 'Vase'")" = \
  "2026-03-01T00:00:00Z" ] || fail "01/03/2026 day first is not 1 March"

# Mistakes in the new options are named
for args in "--map nothing" "--map colour=Who" "--map item=Nowhere" "--date-order dym"; do
  # shellcheck disable=SC2086
  if "$touchpoint" --database "$shop" --import-csv "$dir/own.csv" --table orders $args \
       2>"$dir/stderr"; then
    fail "$args was accepted"
  fi
  [ -s "$dir/stderr" ] || fail "$args said nothing"
done
"$touchpoint" --database "$shop" --import-csv "$dir/own.csv" --table orders --map colour=Who \
  2>"$dir/stderr" || true
grep -q "“colour” is not a field of orders: use one of customer_name," "$dir/stderr" \
  || fail "--map colour=Who said: $(cat "$dir/stderr")"
"$touchpoint" --database "$shop" --import-csv "$dir/own.csv" --table orders --date-order dym \
  2>"$dir/stderr" || true
[ "$(cat "$dir/stderr")" = "touchpoint: --date-order: “dym” is not a date order: use dmy, mdy or \
ymd" ] || fail "--date-order dym said: $(cat "$dir/stderr")"
for option in "--map item=What" "--date-order dmy"; do
  # shellcheck disable=SC2086
  if "$touchpoint" --database "$shop" $option 2>"$dir/stderr"; then
    fail "$option without --import-csv succeeded"
  fi
  grep -q "this option goes with --import-csv" "$dir/stderr" \
    || fail "$option alone said: $(cat "$dir/stderr")"
done

# --import-vcard: the contacts of a .vcf file, once
cards=$(new_db cards)
"$touchpoint" --database "$cards" --import-vcard "$data/contacts.vcf" >"$dir/stdout" \
  || fail "the vCard file did not import"
[ "$(cat "$dir/stdout")" = "3 customers imported" ] || fail "--import-vcard said: $(cat "$dir/stdout")"
before=$(fingerprint "$cards")
"$touchpoint" --database "$cards" --import-vcard "$data/contacts.vcf" >/dev/null \
  || fail "the vCard file did not import a second time"
[ "$(fingerprint "$cards")" = "$before" ] || fail "importing the same cards again changed them"
if "$touchpoint" --database "$cards" --import-vcard "$dir/own.csv" 2>"$dir/stderr"; then
  fail "a CSV file imported as vCard"
fi
[ "$(cat "$dir/stderr")" = "touchpoint: $dir/own.csv: this is not a vCard file: it does not start \
with BEGIN:VCARD" ] || fail "--import-vcard of a CSV file said: $(cat "$dir/stderr")"

# The results table: a line per tactic, place and audience of the sample
sample=$(new_db sample)
"$touchpoint" --database "$sample" --sample small >/dev/null || fail "no small sample"
"$touchpoint" --database "$sample" --export-csv "$dir/results.csv" --table results \
  || fail "the results export failed"
head -n 1 "$dir/results.csv" | grep -q "^kind,id,name,planned,done,touches,reached,first_touch,last_touch," \
  || fail "the results export has no header: $(head -n 1 "$dir/results.csv")"
grep -q "^tactic,[0-9]*,Saturday stall at Riverside Farmers' Market," "$dir/results.csv" \
  || fail "the results export lacks the market stall: $(cat "$dir/results.csv")"
grep -q "^place,[0-9]*,Riverside Farmers' Market," "$dir/results.csv" \
  || fail "the results export lacks the market's place"
[ "$(grep -c '^audience,' "$dir/results.csv")" = 2 ] || fail "the results export lacks an audience"

echo "ok"
