#!/usr/bin/python3
"""Loads a workbook with openpyxl and saves it again: the file a Python tool writes for the workbook.

    /usr/bin/python3 scripts/corpus/openpyxl-copy.py IN.xlsx OUT.xlsx

Needs openpyxl (Debian's python3-openpyxl; 3.0.9 wrote the committed corpus files).
"""
import sys
import warnings

import openpyxl


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with warnings.catch_warnings():
        # POI writes no default cell style; openpyxl says it applies its own, which changes no value
        warnings.simplefilter("ignore", UserWarning)
        wb = openpyxl.load_workbook(sys.argv[1])
    wb.save(sys.argv[2])
    print("openpyxl %s: %s -> %s" % (openpyxl.__version__, sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
