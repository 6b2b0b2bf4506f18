#!/usr/bin/env bash
# Renders an impact report (or any local HTML page) with headless Chromium into a PNG:
#   scripts/screenshot-report.sh examples/impact-sample/impact.html /tmp/impact.png [WIDTH,HEIGHT]
# Install Chromium first with scripts/install-chromium.sh.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
size="${3:-1280,2000}"
[ -f "$page" ] || { echo "no such file: $1" >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium is not installed: run scripts/install-chromium.sh" >&2; exit 3; }

flags=(--headless --disable-gpu --hide-scrollbars --no-first-run --window-size="$size")
# Chromium's sandbox refuses to run as root (containers, CI)
if [ "$(id -u)" -eq 0 ]; then
  flags+=(--no-sandbox)
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
"$browser" "${flags[@]}" --screenshot="$out" "file://$page" 2>/dev/null
[ -s "$out" ] || { echo "no screenshot was written to $out" >&2; exit 1; }
echo "$out"
