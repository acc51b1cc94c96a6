# piiscan — the two commands of README.md are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Build: libpcre2-dev, libarchive-dev, pkg-config. Tests make archives with the usual tools.
APT_PACKAGES := libpcre2-dev libarchive-dev pkg-config zip unzip bzip2 xz-utils zstd 7zip
# The tests that look at reports as a person does: headless Chromium (with CJK fonts) renders
# the HTML sizing report, LibreOffice Calc opens the CSV. Installed by `make test` only, when
# missing.
TEST_APT_PACKAGES := chromium fonts-noto-cjk libreoffice-calc-nogui
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/piiscan

.PHONY: deps test-deps build run test patterns samples bench lint clean

# Installs the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product piiscan

# The main job: scan the synthetic samples (masked), then count per file and category.
run: build
	$(BIN) scan samples/data --as-of 2026-11-29 || [ $$? -eq 1 ]
	$(BIN) scan --count samples/data --as-of 2026-11-29 || [ $$? -eq 1 ]

# The whole test suite: unit, pipeline invariance, rule examples, end-to-end against goldens.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Re-embeds Patterns/ into the binary after a rule or table changes.
patterns:
	$(SWIFT) run generate-embedded-patterns

# Regenerates samples/ (and its labels) with the deterministic generator.
samples:
	$(SWIFT) run -c release piiscan-corpus samples --out samples

# Times piiscan against ripgrep and grep -P at every density and records the run under
# Benchmarks/runs/ (Benchmarks/README.md). A quick one: make bench BENCH="--bytes 20M --runs 2".
bench: build
	Benchmarks/run $(BENCH)

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build
