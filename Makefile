# Touchpoint — the two commands of README.md:
#   make run    install what is missing, build, start the app
#   make test   install what is missing, build with warnings as errors,
#               run every test suite headless under one Xvfb display
#
# The build lives in build/ (the app is build/src/touchpoint).

BUILDDIR ?= build
CLANG_BUILDDIR ?= build-clang
ASAN_BUILDDIR ?= build-asan
ARGS ?=
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -noreset"

.PHONY: all deps build run test test-asan test-valgrind test-fuzz bench clean

all: build

deps:
	@build-aux/install-deps

$(BUILDDIR)/build.ninja: | deps
	meson setup $(BUILDDIR) --werror

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	$(BUILDDIR)/src/touchpoint $(ARGS)

# unit, gui, e2e, lint and install (a `meson install` into a temporary
# folder, whose binary is run) under one display and one session bus (the
# e2e suite needs the accessibility bus), then the unit suite under valgrind,
# then the unit and gui suites built with AddressSanitizer and
# UndefinedBehaviorSanitizer, then a clang build (warnings as errors too)
# that runs the fuzzers briefly.
test: build
	$(XVFB) dbus-run-session -- meson test -C $(BUILDDIR) --print-errorlogs \
	  --suite unit --suite gui --suite e2e --suite lint --suite install
	$(MAKE) test-valgrind
	$(MAKE) test-asan
	$(MAKE) test-fuzz

test-valgrind: build
	meson test -C $(BUILDDIR) --print-errorlogs --setup valgrind --suite unit

# gcc's ASan and UBSan; the test environment (tests/meson.build) makes the
# first error or leak fail the test, with tests/lsan.supp for the leaks of
# system libraries.
$(ASAN_BUILDDIR)/build.ninja: | deps
	meson setup $(ASAN_BUILDDIR) --werror -Db_sanitize=address,undefined -Db_lundef=false

test-asan: deps $(ASAN_BUILDDIR)/build.ninja
	meson compile -C $(ASAN_BUILDDIR)
	$(XVFB) meson test -C $(ASAN_BUILDDIR) --print-errorlogs --suite unit --suite gui \
	  --no-suite durability

# -Dfuzz=enabled: a clang that cannot build the fuzzers stops here instead
# of running an empty suite.
$(CLANG_BUILDDIR)/build.ninja: | deps
	CC=clang meson setup $(CLANG_BUILDDIR) --werror -Dfuzz=enabled

test-fuzz: deps $(CLANG_BUILDDIR)/build.ninja
	meson configure $(CLANG_BUILDDIR) -Dfuzz=enabled
	meson compile -C $(CLANG_BUILDDIR)
	@for t in fuzz-backup fuzz-csv; do \
	  meson test -C $(CLANG_BUILDDIR) --list --suite fuzz 2>/dev/null | grep -q "/ $$t$$" || \
	    { echo "error: the fuzzer $$t was not built in $(CLANG_BUILDDIR)" >&2; exit 1; }; \
	done
	meson test -C $(CLANG_BUILDDIR) --print-errorlogs --suite fuzz

# The speed budgets of DESIGN.md §8 and #21, measured on the sample
# businesses named in SIZES (large, huge: each made once and cached), with
# the growth from large to huge (the backup and CSV rows only at the sizes
# in SLOW_SIZES); writes benchmarks/RESULTS.md. Not part of
# `make test`. run-pg adds the rows of the large business against a team
# database on a throwaway local cluster.
SIZES ?= large huge
SLOW_SIZES ?= $(SIZES)
bench: build
	TOUCHPOINT_BENCH_SIZES="$(SIZES)" TOUCHPOINT_BENCH_SLOW_SIZES="$(SLOW_SIZES)" \
	  $(XVFB) python3 benchmarks/run $(BUILDDIR)
	$(XVFB) python3 benchmarks/run-pg $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) $(CLANG_BUILDDIR) $(ASAN_BUILDDIR)
