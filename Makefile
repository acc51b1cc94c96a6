# piiscan — the two commands of README.md are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Build: libpcre2-dev, libarchive-dev, pkg-config. Tests make archives with the usual tools.
APT_PACKAGES := libpcre2-dev libarchive-dev pkg-config zip unzip bzip2 xz-utils zstd 7zip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/piiscan

.PHONY: deps build run test patterns samples bench lint clean man completions

# Installs the Debian packages the build needs, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# The SARIF tests validate against the OASIS schema with Python's jsonschema (PyPI).
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

build: deps
	$(SWIFT) build -c release --product piiscan

# The main job: scan the synthetic samples (masked), then count per file and category.
run: build
	$(BIN) scan samples/data --as-of 2026-11-29 || [ $$? -eq 1 ]
	$(BIN) scan --count samples/data --as-of 2026-11-29 || [ $$? -eq 1 ]

# The whole test suite: unit, pipeline invariance, rule examples, end-to-end against goldens.
test: deps
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

# Man pages (piiscan.1 and one per subcommand) from the command's own help, with
# swift-argument-parser's generate-manual plugin, into .build/man/.
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
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	rm -rf .build
