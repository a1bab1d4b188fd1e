#!/usr/bin/env bash
# Renders the PNG icons from buurtsignaal.svg (rsvg-convert from librsvg2-bin, installed by
# scripts/install-deps.sh). The PNGs are committed so an ordinary build needs no SVG renderer;
# scripts/package.sh renders them again and refuses a package whose PNGs differ from the SVG.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-.}"
for size in 48 128 256; do
  rsvg-convert --width "$size" --height "$size" --format png buurtsignaal.svg --output "$out/buurtsignaal-$size.png"
done
