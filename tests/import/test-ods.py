#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""OpenDocument spreadsheets (.ods) imported headless: one saved by
LibreOffice itself, and small ones written by hand to hold what spreadsheet
applications write (runs of repeated cells and rows, spaces, notes, dates
with times, formulas' last values) and what a hostile file would.

    test-ods.py COMMISSIONER
"""
import datetime
import os
import shutil
import sys
import tempfile
import zipfile

import openpyxl

import portfolio as portfolios
from tap import check, finish, run, soffice_convert

SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
HEADERS = ["Reference", "Title", "Provider", "Commissioner", "Start date", "Annual value"]


def query(portfolio, sql, *params):
    return portfolios.query(portfolio, sql, params)


def contracts(portfolio):
    return query(portfolio, "SELECT c.reference, c.title, p.name, c.start_date, c.annual_value"
                 " FROM contract c JOIN provider p ON p.id = c.provider_id ORDER BY c.reference")


def cell(value=None, kind="string", repeat=1, extra=""):
    """One table cell as content.xml writes it."""
    attrs = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if kind == "string":
        return f'<table:table-cell office:value-type="string"{attrs}><text:p>{value}</text:p>{extra}</table:table-cell>'
    if kind == "raw":
        return f"<table:table-cell{attrs}>{value}</table:table-cell>"
    attribute = {"float": "office:value", "currency": "office:value", "date": "office:date-value",
                 "boolean": "office:boolean-value"}[kind]
    return (f'<table:table-cell office:value-type="{kind}" {attribute}="{value}"{attrs}>'
            f"<text:p>shown, not read</text:p></table:table-cell>")


def row(cells, repeat=1):
    attrs = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{attrs}>{''.join(cells)}</table:table-row>"


def header():
    return row([cell(h) for h in HEADERS])


def write_ods(path, sheets, mimetype=SPREADSHEET, content=True):
    """@sheets: (name, rows) pairs, rows as row() wrote them."""
    tables = "".join(f'<table:table table:name="{name}">{"".join(rows)}</table:table>'
                     for name, rows in sheets)
    xml = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<office:document-content'
           ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
           ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
           ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
           ' office:version="1.3"><office:body><office:spreadsheet>'
           f"{tables}</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # first and stored, as the format asks
        if content:
            z.writestr("content.xml", xml)


def import_ods(work, name, sheets, *options, **kwargs):
    path = os.path.join(work, name + ".ods")
    portfolio = portfolios.new(work, name)
    write_ods(path, sheets, **kwargs)
    return run("--import", path, "--portfolio", portfolio, *options), portfolio


def line(reference, title="Meals", provider="Leeds Meals", start=None, value=None):
    return [cell(reference), cell(title), cell(provider), cell("Public Health"),
            start or cell("2019-04-01", "date"), value or cell("1500", "float")]


# What a spreadsheet application writes, and what the contract must hold.
ACCEPTED = [
    ("a date with its time of day is the day",
     [header(), row(line("D-1", start=cell("2019-04-01T00:00:00", "date")))],
     ("D-1", "Meals", "Leeds Meals", "2019-04-01", 150000)),
    ("currency is its stored value, not the text shown",
     [header(), row(line("C-1", value=cell("2500.5", "currency")))],
     ("C-1", "Meals", "Leeds Meals", "2019-04-01", 250050)),
    ("a formula is read as the value last calculated",
     [header(), row(line("F-1", value='<table:table-cell table:formula="of:=[.A1]*2"'
                         ' office:value-type="float" office:value="3000"><text:p>3000</text:p>'
                         '</table:table-cell>'))],
     ("F-1", "Meals", "Leeds Meals", "2019-04-01", 300000)),
    ("spaces, a second paragraph and a note on the cell",
     [header(), row([cell("S-1"),
                     cell("<text:p>Day<text:s text:c=\"2\"/>centre</text:p><text:p>phase 2</text:p>"
                          "<office:annotation><text:p>a note, not the title</text:p>"
                          "</office:annotation>", "raw"),
                     cell("Leeds Meals"), cell("Public Health"), cell("2019-04-01", "date"),
                     cell("1500", "float")])],
     ("S-1", "Day  centre\nphase 2", "Leeds Meals", "2019-04-01", 150000)),
    ("empty rows and cells repeated to the edge of the sheet are not read",
     [header(), row(line("E-1") + [cell(None, repeat=16000)]),
      row([cell(None, repeat=1024)], repeat=1048000)],
     ("E-1", "Meals", "Leeds Meals", "2019-04-01", 150000)),
    ("a repeated empty run before a row with content keeps its place",
     [header(), row([cell(None, repeat=6)], repeat=3), row(line("G-1"))],
     ("G-1", "Meals", "Leeds Meals", "2019-04-01", 150000)),
]

# What must be refused, with words the message must hold.
REFUSED = [
    ("a row with content repeated past the last row a sheet may have",
     dict(sheets=[("Register", [header(), row(line("R-1"), repeat=2000000)])]),
     "too large"),
    ("a cell with content repeated past the last column",
     dict(sheets=[("Register", [header(), row([cell("x", repeat=20000)])])]),
     "too large"),
    ("one long value repeated across a row until its text would fill the memory",
     dict(sheets=[("Register", [header(), row([cell("1" * 100000, "float", repeat=16000)])])]),
     "too large"),
    ("a row of long values repeated down the sheet until its text would fill the memory",
     dict(sheets=[("Register", [header(), row([cell("1" * 100000, "float", repeat=5000)],
                                              repeat=2000)])]),
     "too large"),
    ("a spreadsheet without its content",
     dict(sheets=[("Register", [header()])], content=False),
     "damaged"),
    ("a text document is not a spreadsheet",
     dict(sheets=[("Register", [header()])],
          mimetype="application/vnd.oasis.opendocument.text"),
     "not a spreadsheet"),
]


def test_written_by_hand(work):
    for what, rows, expected in ACCEPTED:
        result, portfolio = import_ods(work, "accepted", [("Register", rows)])
        got = contracts(portfolio) if result.returncode == 0 else result.stderr
        check(what, got == [expected], got)
        if not portfolios.is_uri(portfolio):
            os.remove(portfolio)
    for what, kwargs, words in REFUSED:
        result, portfolio = import_ods(work, "refused", **kwargs)
        check(what, result.returncode != 0 and words in result.stderr,
              (result.returncode, result.stderr))
        check(f"{what}: no portfolio is left", not portfolios.exists(portfolio))


def test_sheet_by_name(work):
    sheets = [("Notes", [row([cell("This sheet is not the register.")])]),
              ("Register 2026", [header(), row(line("N-1"))])]
    result, portfolio = import_ods(work, "named", sheets, "--sheet", "Register 2026")
    check("the sheet named is imported", result.returncode == 0
          and [c[0] for c in contracts(portfolio)] == ["N-1"], result.stderr)
    result, _ = import_ods(work, "unnamed", sheets, "--sheet", "Register 2027")
    check("an unknown sheet is named in the error", result.returncode == 1
          and "Register 2027" in result.stderr, result.stderr)


def libreoffice_ods(work):
    """A register made in openpyxl with a formula, then saved by LibreOffice
    as ODS, which calculates the formula and stores its value."""
    source = os.path.join(work, "lo-register.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(HEADERS)
    ws.append(["L-1", "Meals", "Leeds Meals", "Public Health", datetime.date(2019, 4, 1), 1500])
    ws.append(["L-2", "Transport", "Leeds Transport", "Public Health",
               datetime.date(2020, 1, 31), "=F2+1000.5"])
    ws["F2"].number_format = '"£"#,##0.00'
    wb.save(source)
    return soffice_convert(work, source, "ods")


def test_libreoffice(work):
    path = libreoffice_ods(work)
    check("LibreOffice saves the register as ODS", path is not None)
    if path is None:
        return
    portfolio = portfolios.new(work, "lo")
    result = run("--import", path, "--portfolio", portfolio)
    check("LibreOffice's spreadsheet imports", result.returncode == 0, result.stderr)
    got = contracts(portfolio) if result.returncode == 0 else []
    check("its dates, currency and calculated values are read", got == [
        ("L-1", "Meals", "Leeds Meals", "2019-04-01", 150000),
        ("L-2", "Transport", "Leeds Transport", "2020-01-31", 250050)], got)


def main():
    work = tempfile.mkdtemp(prefix="commissioner-ods-")
    try:
        test_written_by_hand(work)
        test_sheet_by_name(work)
        test_libreoffice(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
