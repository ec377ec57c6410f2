#!/usr/bin/env bash
# Renders page 1 of each sample document to PNG for the README (needs poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node dist/cli/launch.cjs generate --sample --out "$out"
pdftoppm -f 1 -l 1 -r 60 -png -singlefile "$out/sim-cancel-checklist-zh-Hans.pdf" docs/images/checklist-page1
pdftoppm -f 1 -l 1 -r 60 -png -singlefile "$out/sim-cancel-letter-fr.pdf" docs/images/letter-page1
ls -l docs/images
