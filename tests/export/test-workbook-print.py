# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The exported workbook on paper: print setup on every sheet, document
properties, native charts on the Spend summary and the Timeline sheet
(capped for large portfolios), read back with openpyxl and printed to PDF
by LibreOffice."""
import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

from tap import check, finish, run, soffice_convert

TODAY = "2026-11-22"
CHART_CAP = 40
WIDE = {"Services", "Contracts", "Deadlines", "Timeline", "Audit trail"}


def register(path, n):
    """@n contracts, ending a month apart, half third sector with spend."""
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Reference", "Title", "Provider", "Commissioner", "Sector", "VCSE",
                      "Start date", "End date", "Notice period", "Annual value"])
        for i in range(n):
            third = i % 2 == 0
            end = datetime.date(2027 + i // 12, i % 12 + 1, 28)
            out.writerow([f"T-{i:03}", f"Service & support {i}", f"Provider {i % 7}",
                          "Adult Social Care" if i % 3 else "Public Health",
                          "Third sector" if third else "Independent sector",
                          "Yes" if third else "No", "01/04/2024", end.strftime("%d/%m/%Y"),
                          "3 months", str(10000 * (i + 1))])


def export(work, name, n, portfolio_file):
    """The workbook of @n contracts; the portfolio's name is its file's."""
    source = os.path.join(work, name + ".csv")
    portfolio = os.path.join(work, portfolio_file)
    book = os.path.join(work, name + ".xlsx")
    register(source, n)
    result = run("--import", source, "--portfolio", portfolio)
    check(f"{name}: the register imports", result.returncode == 0, result.stderr)
    result = run("--export", book, "--portfolio", portfolio, "--today", TODAY)
    check(f"{name}: the workbook exports", result.returncode == 0, result.stderr)
    head = run("--audit-head", "--portfolio", portfolio).stdout.strip()
    return book, head


def check_print_setup(wb, head):
    for ws in wb.worksheets:
        setup = ws.page_setup
        landscape = setup.orientation == "landscape"
        fits = (ws.sheet_properties.pageSetUpPr is not None
                and ws.sheet_properties.pageSetUpPr.fitToPage
                and setup.fitToWidth in (None, 1) and setup.fitToHeight == 0)
        check(f"{ws.title}: fitted to one page wide", fits,
              (setup.fitToWidth, setup.fitToHeight))
        check(f"{ws.title}: the header row repeats on every page", ws.print_title_rows == "$1:$1",
              ws.print_title_rows)
        check(f"{ws.title}: A4", setup.paperSize == 9, setup.paperSize)
        if ws.title in WIDE:
            check(f"{ws.title}: a wide sheet prints landscape", landscape, setup.orientation)
        if ws.title == "Read me":
            check("Read me: a narrow sheet prints portrait", not landscape, setup.orientation)
        footer = ws.oddFooter
        check(f"{ws.title}: the footer names the portfolio, the page and the audit head",
              footer.left.text == "Tiny && large" and "&P" in (footer.center.text or "")
              and head in (footer.right.text or ""),
              (footer.left.text, footer.center.text, footer.right.text))


def chart_rows(chart, series):
    """The first and last row a series' values read, 1-based."""
    ref = chart.series[series].val.numRef.f
    cells = ref.split("!")[1].replace("$", "").split(":")
    return int("".join(c for c in cells[0] if c.isdigit())), \
        int("".join(c for c in cells[1] if c.isdigit()))


def check_charts(wb, n):
    spend = wb["Spend summary"]
    check("the Spend summary has a chart", len(spend._charts) == 1, len(spend._charts))
    if spend._charts:
        chart = spend._charts[0]
        first, last = chart_rows(chart, 0)
        names = [spend.cell(r, 1).value for r in range(first, last + 1)]
        check("the spend chart reads one bar per commissioner", names and set(names) == {
            "Adult Social Care", "Public Health"}, names)
        values = [spend.cell(r, 3).value for r in range(first, last + 1)]
        check("the spend chart's figures are the sub totals",
              all(isinstance(v, str) and v.startswith("=C") for v in values), values)
    timeline = wb["Timeline"]
    check("the Timeline sheet has a chart", len(timeline._charts) == 1)
    rows = [r for r in timeline.iter_rows(min_row=2, max_col=8, values_only=True) if r[0]]
    check(f"the Timeline lists every running contract ({n})", len(rows) == n, len(rows))
    ends = [r[4] for r in rows]
    check("the Timeline is soonest ending first", ends == sorted(ends))
    if timeline._charts:
        chart = timeline._charts[0]
        first, last = chart_rows(chart, 1)
        charted = last - first + 1
        check("the timeline chart has start, term and extension series", len(chart.series) == 3)
        check(f"the timeline chart charts at most {CHART_CAP} rows",
              charted == min(n, CHART_CAP), charted)
        note = timeline["J2"].value or ""
        if n > CHART_CAP:
            check("the sheet says the chart shows only the first rows",
                  f"{CHART_CAP} contracts that end soonest" in note and f"all {n}" in note, note)
        else:
            check("the sheet says the chart shows every row", "every contract" in note, note)


def check_properties(wb, book):
    props = wb.properties
    check("the workbook has a title", props.title == "Tiny & large: portfolio", props.title)
    check("the workbook names its author", bool(props.creator))
    check("the workbook says when it was created",
          props.created and abs((datetime.datetime.utcnow() - props.created).days) < 2,
          props.created)
    app = subprocess.run(["unzip", "-p", book, "docProps/app.xml"], capture_output=True,
                         text=True).stdout
    check("the workbook names the company: the organisation leading most services",
          "<Company>Adult Social Care</Company>" in app, app[-400:])


def main():
    work = tempfile.mkdtemp()
    book, _ = export(work, "small", 6, "small.commissioner")
    check_charts(openpyxl.load_workbook(book), 6)
    # A name with an "&" shows the footer's escaping.
    book, head = export(work, "large", 55, "Tiny & large")
    wb = openpyxl.load_workbook(book)
    check_charts(wb, 55)
    check_print_setup(wb, head)
    check_properties(wb, book)

    pdf = soffice_convert(work, book, "pdf")
    check("LibreOffice prints the workbook to PDF", pdf is not None)
    if pdf:
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        check("the printed timeline chart has its title", "Contract periods" in text)
        check("the printed pages carry the footer's audit head", head in text)
        check("the printed footer names the portfolio, its \"&\" whole",
              "Tiny & large" in text)
    shutil.rmtree(work, ignore_errors=True)
    return finish()


sys.exit(main())
