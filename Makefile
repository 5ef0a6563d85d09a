# Touchpoint — the two commands of README.md:
#   make run    install what is missing, build, start the app
#   make test   install what is missing, build with warnings as errors,
#               run every test suite headless under one Xvfb display
#
# The build lives in build/ (the app is build/src/touchpoint).

BUILDDIR ?= build
CLANG_BUILDDIR ?= build-clang
ARGS ?=
XVFB = xvfb-run -a -s "-screen 0 1280x1024x24 -noreset"

.PHONY: all deps build run test test-valgrind test-fuzz bench clean

all: build

deps:
	@build-aux/install-deps

$(BUILDDIR)/build.ninja: | deps
	meson setup $(BUILDDIR) --werror

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/touchpoint $(ARGS)

# unit, gui, e2e and lint under one display and one session bus (the e2e
# suite needs the accessibility bus), then the unit suite under valgrind,
# then a clang build (warnings as errors too) that runs the fuzzers briefly.
test: build
	$(XVFB) dbus-run-session -- meson test -C $(BUILDDIR) --print-errorlogs \
	  --suite unit --suite gui --suite e2e --suite lint
	$(MAKE) test-valgrind
	$(MAKE) test-fuzz

test-valgrind: build
	meson test -C $(BUILDDIR) --print-errorlogs --setup valgrind --suite unit

$(CLANG_BUILDDIR)/build.ninja: | deps
	CC=clang meson setup $(CLANG_BUILDDIR) --werror

test-fuzz: deps $(CLANG_BUILDDIR)/build.ninja
	meson compile -C $(CLANG_BUILDDIR)
	meson test -C $(CLANG_BUILDDIR) --print-errorlogs --suite fuzz

# The speed budgets of DESIGN.md §8, measured on the large sample business;
# writes benchmarks/RESULTS.md. Not part of `make test`.
bench: build
	$(XVFB) python3 benchmarks/run $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) $(CLANG_BUILDDIR)
