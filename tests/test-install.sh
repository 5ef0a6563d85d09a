#!/bin/sh
# test-install.sh — the two ways README.md says to run Touchpoint work:
# the executable of a fresh build, started as `build/src/touchpoint`
# without any environment set up for it, and a `meson install` of the
# same build, started from where it was installed.
#
# Copyright 2026 The Touchpoint authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.sh BUILD_ROOT PREFIX
# Needs a display (the window is opened until its first frame).

set -eu

build=$1
prefix=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "not ok: $*" >&2
  exit 1
}

# Nothing the test environment sets may help the binaries find their files.
unset GSETTINGS_SCHEMA_DIR GSETTINGS_BACKEND G_DEBUG
export XDG_DATA_HOME="$dir/home/data" XDG_CONFIG_HOME="$dir/home/config"
export XDG_CACHE_HOME="$dir/home/cache" XDG_DATA_DIRS=/usr/share
export GSETTINGS_BACKEND=memory
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

# 1. The uninstalled binary opens its window (it reads GSettings there).
out=$(TOUCHPOINT_QUIT_AFTER_FIRST_FRAME=1 "$build/src/touchpoint" --database "$dir/shop.db" 2>&1) ||
  fail "build/src/touchpoint --database did not start (status $?): $out"
echo "$out" | grep -q '^first-frame-monotonic-us: ' ||
  fail "build/src/touchpoint showed no window: $out"
echo "ok 1 build/src/touchpoint --database opens its window"

# 2. meson install, into a folder of its own (DESTDIR, as a package build
# does). meson leaves its post-install scripts to the package manager
# then: compile the schemas as its trigger would.
meson install -C "$build" --no-rebuild --quiet --destdir "$dir/root" > "$dir/install.log" 2>&1 ||
  fail "meson install: $(cat "$dir/install.log")"
root="$dir/root$prefix"
bin="$root/bin/touchpoint"
[ -x "$bin" ] || fail "no executable at $bin"
for f in share/applications/io.github.touchpoint.Touchpoint.desktop \
         share/metainfo/io.github.touchpoint.Touchpoint.metainfo.xml \
         share/glib-2.0/schemas/io.github.touchpoint.Touchpoint.gschema.xml \
         share/icons/hicolor/scalable/apps/io.github.touchpoint.Touchpoint.svg \
         share/locale/de/LC_MESSAGES/touchpoint.mo; do
  [ -f "$root/$f" ] || fail "meson install left out $f"
done
glib-compile-schemas "$root/share/glib-2.0/schemas"
echo "ok 2 meson install puts the binary and its data under the prefix"

# 3. The installed binary, headless: a command that writes and one that reads.
"$bin" --version | grep -q '^touchpoint ' || fail "$bin --version"
"$bin" --database "$dir/installed.db" --sample small > "$dir/sample.log" 2>&1 ||
  fail "--sample small: $(cat "$dir/sample.log")"
"$bin" --database "$dir/installed.db" --export-csv "$dir/customers.csv" --table customers ||
  fail "--export-csv"
[ "$(wc -l < "$dir/customers.csv")" -gt 5 ] || fail "the exported sample holds no customers"
echo "ok 3 the installed binary runs commands headless"

# 4. The installed binary's window, with the installed schema only: it is
# not in a build tree, so the build's schema is out of its reach.
out=$(XDG_DATA_DIRS="$root/share:/usr/share" TOUCHPOINT_QUIT_AFTER_FIRST_FRAME=1 \
      "$bin" --database "$dir/installed.db" 2>&1) ||
  fail "the installed binary did not start (status $?): $out"
echo "$out" | grep -q '^first-frame-monotonic-us: ' || fail "the installed binary showed no window: $out"
out=$(TOUCHPOINT_QUIT_AFTER_FIRST_FRAME=1 "$bin" --database "$dir/installed.db" 2>&1) &&
  fail "the installed binary found a schema that is not installed: $out"
echo "$out" | grep -q 'is not installed' || fail "unexpected failure: $out"
echo "ok 4 the installed binary opens its window with the installed schema"
echo "1..4"
