# piiscan — the two commands of README.md are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Build: libpcre2-dev, libarchive-dev, pkg-config. Tests make archives with the usual tools.
APT_PACKAGES := libpcre2-dev libarchive-dev pkg-config zip unzip bzip2 xz-utils zstd 7zip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/piiscan

.PHONY: deps build run test patterns samples bench lint clean spark-deps spark-test

# Installs the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
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
test: deps spark-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) spark-test

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

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build
