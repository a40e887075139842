# Reprise — the two commands most people need: `make reproduce` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT        ?= swift
RELEASE_BIN  := .build/release/reprise
PROFILE      ?= default
THREADS      ?= 1
JOBS         ?= $(shell nproc)
RUN          := $(RELEASE_BIN)
# Tests run on the kernel the CLI pins (OpenBLAS's Haswell kernels), whatever OPENBLAS_CORETYPE the
# environment sets; on a CPU without AVX2 and FMA the tests that compare bits say they are skipped.
TEST_PIN     := $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo && echo OPENBLAS_CORETYPE=Haswell)
APT_PACKAGES := libhdf5-dev libopenblas-dev zlib1g-dev pkg-config gnuplot-nox hdf5-tools dataset-fashion-mnist

.PHONY: help setup build test test-pin test-slurm reproduce run figures report show list bench bench-peer catalog verify clean-results clean

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

test: build ## Unit tests (on the pinned BLAS kernel), then the first experiment end to end at the quick profile (spec → HDF5 → figures)
	env $(TEST_PIN) $(SWIFT) test
	bash scripts/end-to-end.sh $(RELEASE_BIN)

test-pin: build ## With OpenBLAS forced onto Sandybridge: the bit tests pass under the pin and refuse without it; verify is identical (reproducible, portable; every sgemm path and thread count) and differs (native)
	SWIFT=$(SWIFT) bash scripts/kernel-pin.sh $(RELEASE_BIN)

test-slurm: build ## A one-node Slurm cluster on this machine (root): taso-vs-adaptive's quick profile as job arrays, checked against a serial run
	bash scripts/test-slurm.sh $(RELEASE_BIN)

reproduce: build ## Run every experiment at PROFILE (default: default) with JOBS cells at once (default: the cores), then draw all figures; refuses uncommitted code unless ALLOW_DIRTY=1
	$(RUN) reproduce --profile $(PROFILE) --threads $(THREADS) --jobs $(JOBS) $(if $(ALLOW_DIRTY),--allow-dirty)

run: build ## Run one experiment: make run EXP=NAME [PROFILE=quick|default|paper]
	@test -n "$(EXP)" || { echo "usage: make run EXP=NAME [PROFILE=...]; experiments: $$(ls experiments | sed 's/.toml//' | tr '\n' ' ')"; exit 2; }
	$(RUN) run $(EXP) --profile $(PROFILE) --threads $(THREADS) --jobs $(JOBS)
	$(RUN) figures $(EXP) --profile $(PROFILE)

figures: build ## Redraw figures from results/ only: make figures [EXP=NAME] [PROFILE=...]
	$(RUN) figures $(EXP) --profile $(PROFILE)

report: build ## Write paper-figures/REPORT.md from results/ only (every paper's claims, tables and figures) and redraw README.md's status table
	$(RUN) report --profile $(PROFILE)

show: build ## Print an experiment's summary table: make show EXP=NAME [PROFILE=...]
	@test -n "$(EXP)" || { echo "usage: make show EXP=NAME [PROFILE=...]; experiments: $$(ls experiments | sed 's/.toml//' | tr '\n' ' ')"; exit 2; }
	$(RUN) show $(EXP) --profile $(PROFILE)

list: build ## List experiments and how many of their cells are stored
	$(RUN) list

bench: build ## Time a training step against the machine's sgemm throughput, on the reproducible, portable and native BLAS kernels
	$(RUN) bench --threads $(THREADS) --blas-kernel reproducible
	$(RUN) bench --threads $(THREADS) --blas-kernel portable
	$(RUN) bench --threads $(THREADS) --blas-kernel native
	$(RUN) bench --threads $(THREADS) --curvature
	$(RUN) bench --threads $(THREADS) --isaac
	$(RUN) bench --threads $(THREADS) --cnn

verify: build ## Rerun stored cells and compare every dataset with the stored one: make verify [EXP=NAME] [CELLS=N | ALL=1]
	@for e in $${EXP:-$$(ls experiments | sed 's/.toml//')}; do \
	  $(RUN) verify $$e --profile $(PROFILE) $(if $(ALL),--all,--cells $(or $(CELLS),1)) || exit 1; done

PEER_VENV := .build/peer-venv
bench-peer: build ## Reprise against PyTorch (CPU) on the same MLP step, 1 and 2 threads (installs PyTorch in $(PEER_VENV); not part of make test)
	@test -x $(PEER_VENV)/bin/python || python3 -m venv $(PEER_VENV)
	@$(PEER_VENV)/bin/python -c 'import torch, numpy' 2>/dev/null || $(PEER_VENV)/bin/pip install -q numpy torch $$(ls /opt/wheels/torch-*cpu*.whl 2>/dev/null | head -1 | sed 's|.*|--find-links /opt/wheels|')
	$(PEER_VENV)/bin/python scripts/bench-peer.py $(RELEASE_BIN)

catalog: build ## Regenerate docs/catalog.md, every component's keys, from the catalog
	@{ echo "# The catalog"; echo; echo "Every component a spec can name, with its keys. Generated by \`reprise describe --markdown\` (\`make catalog\`); \`make test\` fails when this file is out of date."; echo; $(RUN) describe --markdown; } > docs/catalog.md
	@echo "docs/catalog.md regenerated"

clean-results: ## Delete every stored result (asks first)
	@read -p "Delete everything under results/ (the committed results come back with git checkout)? [y/N] " a; \
	[ "$$a" = y ] && find results -mindepth 1 ! -name README.md -delete && echo "results/ emptied" || echo "kept"

clean: ## Delete build products
	rm -rf .build
