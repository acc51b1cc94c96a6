# piiscan — the two commands of README.md are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Build: libpcre2-dev, libarchive-dev, pkg-config, and the codecs gzip, bzip2, xz and zstd are
# decoded with (zlib1g-dev, libbz2-dev, liblzma-dev, libzstd-dev: see Sources/CArchive/shim.h).
# Tests make archives with the usual tools.
APT_PACKAGES := libpcre2-dev libarchive-dev pkg-config zlib1g-dev libbz2-dev liblzma-dev \
  libzstd-dev zip unzip bzip2 xz-utils zstd lz4 7zip
# The tests that look at reports as a person does: headless Chromium (with CJK fonts) renders
# the HTML sizing report, LibreOffice Calc opens the CSV. Installed by `make test` only, when
# missing.
TEST_APT_PACKAGES := chromium fonts-noto-cjk libreoffice-calc-nogui
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/piiscan

.PHONY: deps test-deps build run test patterns samples bench bench-micro lint clean man \
  completions fuzz fuzz-smoke fuzz-build spark-deps spark-test

# Installs the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# The SARIF tests validate against the OASIS schema with Python's jsonschema (PyPI).
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

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

# The whole test suite: lint, unit, pipeline invariance, rule examples, end-to-end against
# goldens (and the report tests that need test-deps), the Spark job in local mode, and a short
# smoke of every fuzz target.
test: deps test-deps spark-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) spark-test
	$(MAKE) fuzz-smoke

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

# The Spark job (spark/README.md) is tested with PySpark in local mode, which needs Java 17
# (openjdk-17-jre-headless, from apt) and PySpark (from PyPI, with pip): each installed only
# when missing.
PYTHON ?= python3
JAVA_PACKAGE := openjdk-17-jre-headless
PYSPARK := pyspark>=3.5,<5

spark-deps:
	@command -v java >/dev/null 2>&1 || { echo "installing: $(JAVA_PACKAGE)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(JAVA_PACKAGE); }
	@$(PYTHON) -c 'import pyspark' 2>/dev/null || { echo "installing: $(PYSPARK)"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check '$(PYSPARK)'; }

# The job in local mode against `piiscan size` on the samples and a 64 MiB dense file cut into
# 8 MiB shards, with and without a task killed (spark/test_piiscan_spark.py); it runs the debug
# binaries that `swift build --build-tests` made.
spark-test: spark-deps
	PIISCAN=.build/debug/piiscan $(PYTHON) -m unittest -v spark/test_piiscan_spark.py

# Micro-benchmarks (Benchmarks/Micro, a package of its own on ordo-one/benchmark): the cost per
# value of the byte kernel, each validator and each reporter. Only some of them:
# make bench-micro BENCH_MICRO="--filter Luhn".
bench-micro: deps
	cd Benchmarks/Micro && $(SWIFT) package benchmark --target PIIScanMicro $(BENCH_MICRO)

# Man pages (piiscan.1 and one per subcommand) from the command's own help, with
# swift-argument-parser's generate-manual plugin, into .build/man/. The plugin builds piiscan
# in release first, so the first run takes as long as `make build`.
man:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page \
	  --output-directory .build/man --product piiscan
	@ls .build/man

# Shell completion scripts into .build/completions/ (docs/CI.md says how to install them).
completions: build
	mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/piiscan.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_piiscan
	$(BIN) --generate-completion-script fish > .build/completions/piiscan.fish

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Fuzz Benchmarks

# Fuzzing (Fuzz/README.md): libFuzzer targets with AddressSanitizer, built apart in .build-fuzz.
# `make fuzz` runs each for FUZZ_SECONDS; `make fuzz-smoke` for a few seconds each (for CI).
# Both fail when a target finds a crash, a leak, a hang or an oracle violation.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 6
FUZZ_BUILD ?= .build-fuzz
FUZZ_CONFIG ?= debug
FUZZ_TARGETS ?= text xlsx xls archive check pipeline
# SwiftPM's --sanitize passes each sanitizer as its own -sanitize= flag and swiftc keeps the
# last one only, so Swift code gets both through -Xswiftc; --sanitize covers the C code.
FUZZ_SWIFT_FLAGS := --package-path Fuzz --scratch-path $(FUZZ_BUILD) -c $(FUZZ_CONFIG) \
  --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address

fuzz-build: deps
	@set -o pipefail; $(SWIFT) build $(FUZZ_SWIFT_FLAGS) 2>&1 \
	  | grep -v -e 'Cannot export local symbol' -e 'Wconstant-conversion' -e '^ *[0-9]* |' \
	    -e '^ *|' -e '^ *`-'

fuzz: fuzz-build
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_CONFIG=$(FUZZ_CONFIG) Fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Environment for the smoke's targets only (e.g. PIISCAN_FUZZ_SKIP_UNDECODABLE=1 to leave the
# count of undecodable bytes out of the pipeline's comparison); empty: the smoke checks all
# that `make fuzz` checks.
FUZZ_SMOKE_ENV ?=

# The smoke starts from the seeds alone: libFuzzer replays a whole corpus before it looks at
# the time, and the one `make fuzz` grows would make the smoke as long as the corpus.
fuzz-smoke: fuzz-build
	rm -rf $(FUZZ_BUILD)/smoke-corpus
	$(FUZZ_SMOKE_ENV) FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_CONFIG=$(FUZZ_CONFIG) \
	  FUZZ_CORPUS=$(FUZZ_BUILD)/smoke-corpus Fuzz/run $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build
