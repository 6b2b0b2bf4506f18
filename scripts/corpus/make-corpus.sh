#!/usr/bin/env bash
# Regenerates the committed workbooks of claims-rules/src/test/resources/corpus/ that programs other
# than our Java code write from the shipped workbooks (see the corpus README):
#   libreoffice/         the shipped workbooks round-tripped through LibreOffice, no edit
#   libreoffice-edited/  warranty.xlsx edited through LibreOffice itself (scripts/corpus/libreoffice-edit.py)
#   openpyxl/            the shipped workbooks loaded and saved by openpyxl
# Needs soffice, python3-uno and python3-openpyxl (scripts/install-libreoffice.sh installs them).
# The Apache POI files under poi/ are copied from POI's test-data, not generated.
set -euo pipefail
cd "$(dirname "$0")/../.."
shipped=claims-rules/src/main/resources/io/autoclaims/rules/default
corpus=claims-rules/src/test/resources/corpus
profile=$(mktemp -d /tmp/lo-corpus-XXXXXX)
trap 'rm -rf "$profile"' EXIT

mkdir -p "$corpus/libreoffice" "$corpus/libreoffice-edited" "$corpus/openpyxl"
soffice -env:UserInstallation="file://$profile" --headless --convert-to xlsx --outdir "$corpus/libreoffice" \
  "$shipped/warranty.xlsx" "$shipped/insurance.xlsx" "$shipped/assistance.xlsx"
/usr/bin/python3 scripts/corpus/libreoffice-edit.py "$shipped/warranty.xlsx" "$corpus/libreoffice-edited/warranty.xlsx"
for w in warranty insurance assistance; do
  /usr/bin/python3 scripts/corpus/openpyxl-copy.py "$shipped/$w.xlsx" "$corpus/openpyxl/$w.xlsx"
done
soffice --version
