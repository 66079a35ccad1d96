# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-cell-dump.py: lists every cell of a workbook, for the export's plain libxlsxwriter anchor
#
# Run once before the timed runs: reads the exported workbook's sheets
# (the zip's XML parts, streamed with ElementTree, as openpyxl's read-only
# mode does but without building a cell object each) and writes each sheet
# and each cell with its type and number format, one line each, so
# bench-workbook-cells writes the very same cells without the
# application's work.
#
#   /usr/bin/python3 tests/bench/bench-cell-dump.py WORKBOOK.xlsx CELLS.txt
#
# Lines: "S\tNAME" starts a sheet; "TYPE\tROW\tCOL\tFORMAT\tVALUE" is a
# cell, TYPE s (text), n (number), d (date and time "Y M D h m s") or f
# (formula); ROW and COL count from 0; FORMAT is the number format, "" for
# none. Tabs, line breaks and backslashes in values are escaped.

import datetime
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel's built-in number formats that the export uses.
BUILT_IN = {0: "", 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 22: "m/d/yy h:mm"}
EPOCH = datetime.datetime(1899, 12, 30)


def escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def styles_of(archive):
    """Each cell style's number format, by the style's index."""
    root = ET.fromstring(archive.read("xl/styles.xml"))
    formats = dict(BUILT_IN)
    for fmt in root.iter(MAIN + "numFmt"):
        formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    xfs = root.find(MAIN + "cellXfs")
    return [formats.get(int(xf.get("numFmtId", "0")), "") for xf in xfs]


def sheets_of(archive):
    """The sheets' names and parts, in the workbook's order."""
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(PACKAGE_RELS + "Relationship")}
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(RELS + "id")].lstrip("/")
        yield sheet.get("name"), target if target.startswith("xl/") else "xl/" + target


def position(ref):
    letters, digits = re.match(r"([A-Z]+)(\d+)", ref).groups()
    col = 0
    for letter in letters:
        col = col * 26 + ord(letter) - 64
    return int(digits) - 1, col - 1


def is_date(form):
    cleaned = re.sub(r'"[^"]*"|\[[^\]]*\]', "", form)
    return any(c in cleaned for c in "dmyh") and "#" not in cleaned


def cell_line(cell, formats, shared):
    row, col = position(cell.get("r"))
    form = formats[int(cell.get("s", "0"))]
    kind = cell.get("t", "n")
    formula = cell.find(MAIN + "f")
    if formula is not None:
        return "f\t%d\t%d\t%s\t=%s" % (row, col, escape(form), escape(formula.text or ""))
    if kind == "inlineStr":
        text = "".join(t.text or "" for t in cell.iter(MAIN + "t"))
    else:
        value = cell.find(MAIN + "v")
        if value is None:
            return None
        text = value.text or ""
        if kind == "s":
            text = shared[int(text)]
        elif kind == "n" and is_date(form):
            when = EPOCH + datetime.timedelta(days=float(text))
            return "d\t%d\t%d\t%s\t%d %d %d %d %d %d" % (row, col, escape(form), when.year,
                                                        when.month, when.day, when.hour,
                                                        when.minute, when.second)
        elif kind == "n":
            return "n\t%d\t%d\t%s\t%s" % (row, col, escape(form), text)
    return "s\t%d\t%d\t%s\t%s" % (row, col, escape(form), escape(text))


def shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(MAIN + "t")) for si in root.iter(MAIN + "si")]


def main():
    with zipfile.ZipFile(sys.argv[1]) as archive, \
         open(sys.argv[2], "w", encoding="utf-8") as out:
        formats = styles_of(archive)
        shared = shared_strings(archive)
        for name, part in sheets_of(archive):
            out.write("S\t%s\n" % escape(name))
            with archive.open(part) as stream:
                for _, element in ET.iterparse(stream):
                    if element.tag == MAIN + "c":
                        line = cell_line(element, formats, shared)
                        if line:
                            out.write(line + "\n")
                        element.clear()
                    elif element.tag == MAIN + "row":
                        element.clear()


if __name__ == "__main__":
    main()
