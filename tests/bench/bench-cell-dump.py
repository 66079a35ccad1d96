# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-cell-dump.py: lists every cell of a workbook, for the export's plain libxlsxwriter anchor
#
# Run once before the timed runs: openpyxl reads the exported workbook
# (read-only, row by row) and writes each sheet and each cell with its type
# and number format, one line each, so bench-workbook-cells writes the
# very same cells without the application's work.
#
#   /usr/bin/python3 tests/bench/bench-cell-dump.py WORKBOOK.xlsx CELLS.txt
#
# Lines: "S\tNAME" starts a sheet; "TYPE\tROW\tCOL\tFORMAT\tVALUE" is a
# cell, TYPE s (text), n (number), d (date and time "Y M D h m s") or f
# (formula); ROW and COL count from 0; FORMAT is the number format, "" for
# none. Tabs, line breaks and backslashes in values are escaped.

import datetime
import sys

import openpyxl


def escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def cell_line(cell, row, col):
    value = cell.value
    form = cell.number_format if cell.number_format != "General" else ""
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")
                                 and cell.data_type != "s"):
        return "f\t%d\t%d\t%s\t%s" % (row, col, escape(form), escape(value))
    if isinstance(value, datetime.datetime):
        return "d\t%d\t%d\t%s\t%d %d %d %d %d %d" % (row, col, escape(form), value.year,
                                                    value.month, value.day, value.hour,
                                                    value.minute, value.second)
    if isinstance(value, datetime.date):
        return "d\t%d\t%d\t%s\t%d %d %d 0 0 0" % (row, col, escape(form), value.year,
                                                 value.month, value.day)
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return "n\t%d\t%d\t%s\t%r" % (row, col, escape(form), float(value))
    return "s\t%d\t%d\t%s\t%s" % (row, col, escape(form), escape(str(value)))


def main():
    workbook = openpyxl.load_workbook(sys.argv[1], read_only=True)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for sheet in workbook.worksheets:
            out.write("S\t%s\n" % escape(sheet.title))
            for row, cells in enumerate(sheet.iter_rows()):
                for cell in cells:
                    if cell.value is None or not hasattr(cell, "column"):
                        continue
                    out.write(cell_line(cell, cell.row - 1, cell.column - 1) + "\n")
    workbook.close()


if __name__ == "__main__":
    main()
