#!/usr/bin/env bash
# The source digest recorded with every result (`source_digest`): SHA-256 over the `sha256sum` lines
# of every file of Sources/, Package.swift and Package.resolved (when present), sorted by path in the
# C locale. The build computes it over the tree it compiles (Plugins/SourceDigest); run it on any
# checkout to find which tree made a result:  scripts/source-digest.sh [TREE]
set -euo pipefail
cd "${1:-.}"
{ find Sources -type f -print0; printf '%s\0' Package.swift; [ ! -f Package.resolved ] || printf '%s\0' Package.resolved; } \
  | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
