#!/usr/bin/env bash
# Installs headless Chromium from Debian's packages (for scripts/screenshot-report.sh and the Maven
# profile `chromium`, which turns itself on when /usr/bin/chromium exists). Idempotent: does nothing
# when chromium is already there. Runs as root, or through sudo otherwise.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "chromium is already installed: $(command -v chromium)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-chromium.sh: run as root, or install sudo" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
# fonts-noto-cjk: without a CJK font the Chinese labels render as boxes
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk
chromium --version
