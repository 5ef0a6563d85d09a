#!/bin/sh
# test-worksheet-cli.sh — `touchpoint --worksheet … --output F.pdf` writes
# valid PDFs with the right number of pages, and fails with one line on
# stderr and exit status 1 on bad input.
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-worksheet-cli.sh PATH/TO/touchpoint

set -eu

touchpoint=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

pages () {
  pdfinfo "$1" | sed -n 's/^Pages: *//p'
}

page_size () {
  pdfinfo "$1" | sed -n 's/^Page size: *//p'
}

db=$dir/business.db
"$touchpoint" --database "$db" --sample small || fail "could not fill the sample business"
audiences=$(sqlite3 "$db" 'SELECT count(*) FROM audiences')
[ "$audiences" -ge 2 ] || fail "the sample has $audiences audiences"

# Filled in, A4 by default.
"$touchpoint" --database "$db" --worksheet plan --output "$dir/plan.pdf" || fail "plan"
[ "$(pages "$dir/plan.pdf")" = 1 ] || fail "the plan is not a one-pager"
case $(page_size "$dir/plan.pdf") in
  "595.276 x 841.89"*) ;;
  *) fail "the plan is not on A4: $(page_size "$dir/plan.pdf")" ;;
esac
pdftotext "$dir/plan.pdf" - | grep -q "Marketing Plan" || fail "the plan has no title"
pdftotext "$dir/plan.pdf" - | grep -q "Page 1 of 1" || fail "the plan has no page number"
pdftotext "$dir/plan.pdf" - | grep -q "What worked" || fail "the plan does not say what worked"

# One page per audience.
"$touchpoint" --database "$db" --worksheet audience --paper letter --output "$dir/audience.pdf" \
  || fail "audience"
[ "$(pages "$dir/audience.pdf")" = "$audiences" ] \
  || fail "$(pages "$dir/audience.pdf") pages for $audiences audiences"
case $(page_size "$dir/audience.pdf") in
  "612 x 792"*) ;;
  *) fail "--paper letter gave $(page_size "$dir/audience.pdf")" ;;
esac

"$touchpoint" --database "$db" --worksheet brand --output "$dir/brand.pdf" || fail "brand"
[ "$(pages "$dir/brand.pdf")" -ge 1 ] || fail "brand has no pages"
pdftotext "$dir/brand.pdf" - | grep -q "Competitors" || fail "brand has no competitor grid"

# Blank: the same sheets with room to write, one audience sheet, and no
# database needed (nor created) for it.
"$touchpoint" --database "$dir/none.db" --worksheet plan --blank --output "$dir/blank.pdf" \
  || fail "blank plan without a database"
[ "$(pages "$dir/blank.pdf")" = 1 ] || fail "the blank plan is not a one-pager"
[ ! -e "$dir/none.db" ] || fail "a blank worksheet created a database"
"$touchpoint" --database "$db" --worksheet audience --blank --output "$dir/blank-audience.pdf" \
  || fail "blank audience"
if pdftotext "$dir/blank-audience.pdf" - | grep -q "$(sqlite3 "$db" 'SELECT name FROM audiences LIMIT 1')"; then
  fail "the blank audience sheet shows an audience"
fi

# Bad input: exit status 1, one line naming what was wrong, no file.
expect_error () {
  what=$1
  shift
  if "$touchpoint" "$@" 2>"$dir/stderr"; then
    fail "$what succeeded"
  else
    status=$?
  fi
  [ "$status" = 1 ] || fail "$what exited with $status"
  [ "$(wc -l <"$dir/stderr")" = 1 ] || fail "$what printed: $(cat "$dir/stderr")"
  grep -q '^touchpoint: ' "$dir/stderr" || fail "$what printed: $(cat "$dir/stderr")"
}

expect_error "an unknown worksheet" --database "$db" --worksheet brandy --output "$dir/x.pdf"
grep -q 'brandy' "$dir/stderr" || fail "the message does not name the worksheet"
expect_error "an unknown paper" --database "$db" --worksheet plan --paper a5 --output "$dir/x.pdf"
expect_error "no --output" --database "$db" --worksheet plan
expect_error "a missing database" --database "$dir/missing.db" --worksheet plan --output "$dir/x.pdf"
[ ! -e "$dir/missing.db" ] || fail "a filled worksheet created a database"
expect_error "an unwritable output" --database "$db" --worksheet plan --output "$dir/no/such/x.pdf"
grep -q "$dir/no/such/x.pdf" "$dir/stderr" || fail "the message does not name the file"
[ ! -e "$dir/x.pdf" ] || fail "a failed export left a file"

echo "ok"
