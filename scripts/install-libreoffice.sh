#!/usr/bin/env bash
# Installs headless LibreOffice Calc from Debian's packages, for the tests that run it
# (LibreOfficeRoundTripTest: the shipped workbooks converted and edited through LibreOffice) and for
# scripts/corpus/make-corpus.sh. Idempotent: does nothing when everything is already there. Runs as
# root, or through sudo otherwise.
#   libreoffice-calc-nogui  soffice without a GUI toolkit
#   python3-uno             Python-UNO, for scripts/corpus/libreoffice-edit.py
#   python3-openpyxl        for scripts/corpus/openpyxl-copy.py
#   fonts-noto-cjk          without a CJK font the Chinese labels render as boxes (PDF checks)
set -euo pipefail

have_all() {
  command -v soffice >/dev/null 2>&1 \
    && /usr/bin/python3 -c 'import uno, openpyxl' >/dev/null 2>&1 \
    && { dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; }
}

if have_all; then
  echo "LibreOffice is already installed: $(command -v soffice)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-libreoffice.sh: run as root, or install sudo" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends \
  libreoffice-calc-nogui python3-uno python3-openpyxl fonts-noto-cjk
soffice --version
