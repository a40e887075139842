# Reprise — the two commands most people need: `make reproduce` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT        ?= swift
RELEASE_BIN  := .build/release/reprise
PROFILE      ?= default
THREADS      ?= 1
RUN          := $(RELEASE_BIN)
APT_PACKAGES := libhdf5-dev libopenblas-dev zlib1g-dev pkg-config gnuplot-nox hdf5-tools dataset-fashion-mnist

.PHONY: help setup build test reproduce run figures show list bench clean-results clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

setup: ## Install the system packages that are missing (apt-get; needs root or sudo)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "system packages: all present"; fi

build: setup ## Build the release binary (everything that trains uses it)
	$(SWIFT) build -c release --product reprise

test: build ## Unit tests, then the first experiment end to end at the quick profile (spec → HDF5 → figures)
	$(SWIFT) test
	bash scripts/end-to-end.sh $(RELEASE_BIN)

reproduce: build ## Run every experiment at PROFILE (default: default), then draw all figures
	$(RUN) reproduce --profile $(PROFILE) --threads $(THREADS)

run: build ## Run one experiment: make run EXP=NAME [PROFILE=quick|default|paper]
	@test -n "$(EXP)" || { echo "usage: make run EXP=NAME [PROFILE=...]; experiments: $$(ls experiments | sed 's/.toml//' | tr '\n' ' ')"; exit 2; }
	$(RUN) run $(EXP) --profile $(PROFILE) --threads $(THREADS)
	$(RUN) figures $(EXP) --profile $(PROFILE)

figures: build ## Redraw figures from results/ only: make figures [EXP=NAME] [PROFILE=...]
	$(RUN) figures $(EXP) --profile $(PROFILE)

show: build ## Print an experiment's summary table: make show EXP=NAME
	$(RUN) show $(EXP) --profile $(PROFILE)

list: build ## List experiments and how many of their cells are stored
	$(RUN) list

bench: build ## Time a training step against the machine's sgemm throughput
	$(RUN) bench --threads $(THREADS)

clean-results: ## Delete every stored result (asks first)
	@read -p "Delete everything under results/ (the committed results come back with git checkout)? [y/N] " a; \
	[ "$$a" = y ] && find results -mindepth 1 ! -name README.md -delete && echo "results/ emptied" || echo "kept"

clean: ## Delete build products
	rm -rf .build
