#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Exports the demo portfolio and reads the workbook back with openpyxl,
as a spreadsheet user's tools would: sheets, headers, formats, formulas
and their cached values, text safety, and failure handling.

    test-export.py COMMISSIONER
"""
import collections
import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

import portfolio as portfolios
from tap import BINARY, check, finish, run

TODAY = "2026-11-22"
SHEETS = ["Read me", "Services", "Contracts", "Deadlines", "Timeline", "Spend summary", "EIAs",
          "Decommissioning audit", "Decisions", "Risks", "Transparency", "Audit trail"]
TRANSPARENCY = ["Reference number", "Title of agreement", "Department responsible",
                "Description", "Supplier name", "Supplier details", "Contract value",
                "Irrecoverable VAT", "Start date", "End date", "Review date",
                "Invitation to quote or tender", "SME", "VCSE", "Supplier registration number"]
# The printed sub totals of Appendix A of Leeds City Council's third sector
# commissioning report 2015. The Neighbourhood Networks grant (£3m a year)
# is one of the contracts of Adult Social Care's "Services for older
# people" line, so it is inside its figure, not added. They are the spend
# of the financial year containing TODAY, 2026/27.
SUBTOTALS = {
    "Leeds City Council: Public Health": 12984743,
    "Leeds City Council: Adult Social Care": 55603230,
    "NHS Leeds West CCG": 862500,
    "NHS Leeds North CCG": 817005,
    "NHS Leeds South and East CCG": 594592,
    "Better Care Fund": 14785356,
}


CONTRACT_HEADERS = [
    "Reference", "Title", "Service", "Commissioner", "Provider", "Provider sector", "Type",
    "Procurement route", "Annual value", "Total value", "Start date", "End date", "Term",
    "Notice period", "Extensions taken", "Notice served", "Current end", "Current end status",
    "Extension decision due", "Extension decision status", "Latest notice date",
    "Notice status", "Latest possible end", "Decommissioned on", "Procurement began"]
# Stored columns as the sheet shows them, by heading.
CONTRACT_COLUMNS = {
    "Reference": "c.reference", "Title": "c.title", "Service": "s.name", "Provider": "p.name",
    "Annual value": "c.annual_value", "Total value": "c.total_value",
    "Start date": "c.start_date", "End date": "c.end_date", "Term": "c.term",
    "Notice period": "c.notice_period", "Extensions taken": "c.extensions_invoked",
    "Notice served": "c.notice_served", "Decommissioned on": "c.decommissioned_on",
    "Procurement began": "c.procurement_began"}
MONEY = {"Annual value", "Total value"}
DATES = {"Start date", "End date", "Notice served", "Current end", "Extension decision due",
         "Latest notice date", "Latest possible end", "Decommissioned on", "Procurement began"}
# Each derived date beside its status, and the --deadlines kind that lists it.
DERIVED = [("Current end", "Current end status", "end"),
           ("Extension decision due", "Extension decision status", "extension-decision"),
           ("Latest notice date", "Notice status", "notice")]


def expected_cell(heading, stored):
    """A stored value as the sheet holds it: money in pounds, ISO dates as
    dates, empty text as an empty cell."""
    if heading in MONEY:
        return stored / 100
    if stored == "":
        return None
    if heading in DATES:
        return datetime.datetime.strptime(stored, "%Y-%m-%d")
    return stored


def check_contracts_sheet(sheet, portfolio):
    """Every contract once, in the file's order, each stored value in its
    column and typed; each derived date a date with its status, agreeing
    with what --deadlines lists for the same contract."""
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    check("the Contracts sheet has its headings in order", headers == CONTRACT_HEADERS, headers)
    if headers != CONTRACT_HEADERS:
        return
    column = {name: i for i, name in enumerate(headers)}
    stored = portfolios.query(portfolio,
                              "SELECT %s FROM contract c LEFT JOIN service s ON s.id = c.service_id"
                              " LEFT JOIN provider p ON p.id = c.provider_id ORDER BY c.id"
                              % ", ".join(CONTRACT_COLUMNS.values()))
    body = rows[1:]
    check("the Contracts sheet has a row per contract", len(body) == len(stored) > 50,
          (len(body), len(stored)))
    wrong = []
    for row, values in zip(body, stored):
        for heading, value in zip(CONTRACT_COLUMNS, values):
            if row[column[heading]].value != expected_cell(heading, value):
                wrong.append((row[0].value, heading, row[column[heading]].value, value))
    check("every contract's stored values are in their columns", not wrong, wrong[:5])
    formats = {(heading, row[column[heading]].number_format) for row in body
               for heading in DATES | MONEY if row[column[heading]].value is not None}
    check("every date is shown dd/mm/yyyy and all money in pounds",
          all(fmt == ("dd/mm/yyyy" if heading in DATES else "£#,##0.00")
              for heading, fmt in formats), sorted(formats)[:5])
    check("every date on the sheet is a date",
          all(isinstance(row[column[h]].value, datetime.datetime) for row in body
              for h in DATES if row[column[h]].value is not None))
    statuses = {"OK", "Due soon", "Overdue", "Breached", "Unknown"}
    check("each derived date has its status beside it, and only then",
          all((row[column[d]].value is None) == (row[column[s]].value is None)
              and (row[column[s]].value is None or row[column[s]].value in statuses)
              for row in body for d, s, _ in DERIVED))
    check("the latest possible end is a date for every contract with a current end",
          all(row[column["Latest possible end"]].value is not None for row in body
              if row[column["Current end"]].value is not None))
    check("the commissioner and the sector are named for every contract",
          all(row[column["Commissioner"]].value and row[column["Provider sector"]].value
              for row in body))
    listed = run("--deadlines", "--format", "csv", "--portfolio", portfolio, "--today", TODAY)
    deadlines = list(csv.DictReader(io.StringIO(listed.stdout)))
    by_reference = {row[0].value: row for row in body}
    disagree = []
    for d in deadlines:
        for date, status, kind in DERIVED:
            if d["kind"] != kind or not d["date"]:
                continue
            row = by_reference.get(d["reference"])
            cell = row[column[date]].value if row else None
            said = row[column[status]].value if row else None
            if (cell is None or cell.strftime("%Y-%m-%d") != d["date"]
                    or said.lower() != d["status"].replace("-", " ")):
                disagree.append((d["reference"], kind, d["date"], d["status"], cell, said))
    check("the derived dates and statuses agree with --deadlines",
          len(deadlines) > 50 and not disagree, (len(deadlines), disagree[:5]))
    first = {h: c.value for h, c in zip(headers, body[0])}
    check("a known contract's dates follow from its term: PH-0001, 3+1+1 from 1 April 2024",
          first["Reference"] == "PH-0001" and first["Term"] == "3+1+1"
          and first["Current end"] == datetime.datetime(2027, 3, 31)
          and first["Latest possible end"] == datetime.datetime(2029, 3, 31)
          and first["Extension decision due"] == datetime.datetime(2026, 9, 30),
          first)
    # Independent sector, so its own three months' notice, not the
    # Compact's six: the decision and the notice fall on different days.
    row = by_reference.get("ASC-0021")
    known = {h: c.value for h, c in zip(headers, row)} if row else {}
    check("a known contract's decision and notice dates differ as its notice period says",
          known.get("Provider sector") == "Independent sector"
          and known.get("Notice period") == "3 months"
          and known.get("Current end") == datetime.datetime(2023, 3, 31)
          and known.get("Extension decision due") == datetime.datetime(2022, 9, 30)
          and known.get("Latest notice date") == datetime.datetime(2022, 12, 31)
          and known.get("Latest possible end") == datetime.datetime(2025, 3, 31),
          known)


def check_deadlines_sheet(sheet, portfolio):
    """The Deadlines sheet, sorted while the contracts are read, lists the
    rows of --deadlines in the same order: date, reference, title,
    provider and the procurement notice's code."""
    result = run("--deadlines", "--format", "csv", "--portfolio", portfolio, "--today", TODAY)
    listed = [(row[3], row[0], row[5], row[1], row[6])
              for row in csv.reader(io.StringIO(result.stdout)) if row and row[0] != "reference"]
    shown = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        notice = row[2].split(": ", 1)[1] if ": " in (row[2] or "") else ""
        shown.append((row[0].strftime("%Y-%m-%d") if row[0] else "", row[3] or "",
                      row[4] or "", row[5] or "", notice))
    check("the Deadlines sheet lists the rows of --deadlines in their order, "
          "procurement notices included",
          result.returncode == 0 and len(listed) > 100 and shown == listed
          and any(row[4] for row in shown),
          next(((a, b) for a, b in zip(shown, listed) if a != b), (len(shown), len(listed))))


def check_audit_trail(sheet, portfolio):
    """The whole trail, newest first, in words: as many rows as the
    portfolio holds (on a server too, where it was once left empty), by the
    actors who made them, no column names, nicks or bare ids, money in
    pounds."""
    rows = list(sheet.iter_rows(values_only=True))
    count = portfolios.value(portfolio, "SELECT count(*) FROM audit")
    actors = dict(portfolios.query(portfolio, "SELECT actor, count(*) FROM audit GROUP BY actor"))
    nicks = {r[0] for r in portfolios.query(
        portfolio,
        "SELECT DISTINCT new_value FROM audit WHERE field IN ('decision_route', 'stage', 'state')")}
    check("the audit trail sheet has its headings",
          list(rows[0]) == ["Time", "Who", "Record", "Step", "Field", "Before", "After",
                            "Hash chain verifies"], rows[0])
    body = rows[1:]
    check("the audit trail sheet holds every row of the trail", count > 0 and len(body) == count,
          (len(body), count))
    who = dict(collections.Counter(row[1] for row in body))
    check("the audit trail sheet names each actor on as many rows as the trail", who == actors,
          (who, actors))
    times = [row[0] for row in body]
    check("the audit trail sheet is newest first", times == sorted(times, reverse=True))
    texts = [str(v) for row in body for v in row[2:7] if v is not None]
    check("no column name or raw reference on the audit trail sheet",
          not any("_id" in t or "(none)" in t for t in texts),
          [t for t in texts if "_id" in t][:3])
    check("enum values read as labels, not nicks",
          not any(row[6] in nicks for row in body if row[4] in ("Decision route", "Stage", "State")))
    check("references read as the record's name",
          any(row[4] == "Service" and row[2].startswith("Contract ")
              and not str(row[6]).isdigit() for row in body))
    check("money reads in pounds",
          any(row[4] == "Annual value" and str(row[6]).startswith("£") for row in body))
    check("every row of an intact trail verifies", all(row[7] == "Yes" for row in body))


def check_transparency_sheet(sheet, portfolio):
    """Council-led contracts only, the value over the contract's life, and
    blanks, not 0, where nothing is recorded."""
    kind = dict(portfolios.query(portfolio, "SELECT c.reference, o.kind FROM contract c JOIN service s"
                                            " ON s.id = c.service_id JOIN organisation o"
                                            " ON o.id = s.lead_commissioner_id"))
    total = dict(portfolios.query(portfolio, "SELECT reference, total_value FROM contract"))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    check("the Transparency sheet lists contracts", len(rows) > 10, len(rows))
    check("no contract led by an NHS body is on the register",
          all(kind[row[0]] in ("council-directorate", "pooled-budget") for row in rows),
          [row[0] for row in rows if kind[row[0]] not in ("council-directorate", "pooled-budget")])
    check("the contract value is the value over the life of the contract",
          all((row[6] is None and total[row[0]] == 0) or
              (row[6] is not None and round(row[6] * 100) == total[row[0]]) for row in rows),
          [(row[0], row[6], total[row[0]]) for row in rows][:5])
    check("irrecoverable VAT is blank, never a made-up 0", all(row[7] is None for row in rows),
          [row[7] for row in rows][:5])


def recorded_name(label):
    """The commissioner a spend block was recorded with: a label follows
    the organisation in force, "ICB (recorded as NHS Leeds West CCG)"."""
    match = re.fullmatch(r".* \(recorded as (.*)\)", label)
    return match.group(1) if match else label


def subtotals(ws):
    found, commissioner = {}, None
    for a, b, c in ws.iter_rows(min_row=2, max_col=3, values_only=True):
        if a and b is None and c is None:
            commissioner = recorded_name(a)
        if b == "Sub total":
            found[commissioner] = c
    return found


def reference_of(portfolio, title):
    return portfolios.value(portfolio, "SELECT reference FROM contract WHERE title = ?", (title,))


def read_me(wb):
    return {row[0]: row[1] for row in wb["Read me"].iter_rows(values_only=True) if row[0]}


def check_periods(work, portfolio):
    """--quarter and --year choose what the register lists and which year
    the Spend summary counts; bad input is refused with the rule."""
    networks = reference_of(portfolio, "Neighbourhood Networks (37 areas)")  # 1 Oct 2018 on
    carers = reference_of(portfolio, "Information, advice and support for adult and parent carers")
    crisis = reference_of(portfolio, "Safe space and crisis support for young people")  # NHS-led
    # (quarter, reference, listed): first and last days count, NHS-led never does.
    cases = [
        ("2018-Q3", networks, True), ("2018-Q2", networks, False),
        ("2025-Q4", carers, True), ("2026-Q1", carers, False),
        ("2020-Q1", crisis, False), ("2026-q3", networks, True),
    ]
    for quarter, reference, listed in cases:
        path = os.path.join(work, f"register-{quarter}.csv")
        result = run("--export-transparency", path, "--portfolio", portfolio, "--quarter", quarter,
                     "--today", TODAY)
        rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8-sig").read(), newline=""))) \
            if result.returncode == 0 else []
        found = any(row and row[0] == reference for row in rows[1:])
        check(f"--quarter {quarter}: {reference} {'listed' if listed else 'not listed'}",
              result.returncode == 0 and found == listed, (result.returncode, result.stderr))
    for bad in ["2026-Q5", "2026Q3", "26-Q3", "2026-Q0", "Q3"]:
        path = os.path.join(work, "bad.csv")
        result = run("--export-transparency", path, "--portfolio", portfolio, "--quarter", bad)
        check(f"--quarter {bad} is refused with the way to write it",
              result.returncode == 2 and bad in result.stderr and "YYYY-Qn" in result.stderr
              and not os.path.exists(path), (result.returncode, result.stderr))
    for bad in ["26", "2026/28", "last"]:
        path = os.path.join(work, "bad.xlsx")
        result = run("--export", path, "--portfolio", portfolio, "--year", bad)
        check(f"--year {bad} is refused", result.returncode == 2 and bad in result.stderr
              and not os.path.exists(path), (result.returncode, result.stderr))

    # Another year and quarter, named on the Read me; the year's spend
    # counts only the days its contracts run.
    other = os.path.join(work, "2031.xlsx")
    result = run("--export", other, "--portfolio", portfolio, "--today", TODAY, "--year", "2031",
                 "--quarter", "2019-Q1")
    check("--export takes --year and --quarter", result.returncode == 0, result.stderr)
    book = openpyxl.load_workbook(other, data_only=True)
    said = read_me(book)
    check("the Read me names the chosen year",
          str(said.get("Financial year of the Spend summary")).startswith("2031/32 (1 April 2031"),
          said.get("Financial year of the Spend summary"))
    check("the Read me names the chosen quarter",
          said.get("Quarter of the Transparency sheet") == "2019-Q1 (April to June 2019)",
          said.get("Quarter of the Transparency sheet"))
    totals = subtotals(book["Spend summary"])
    check("a later year counts only what still runs in it",
          sum(totals.values()) < sum(SUBTOTALS.values()), totals)
    listed = {row[0] for row in book["Transparency"].iter_rows(min_row=2, values_only=True)}
    # Carers Leeds began on the quarter's first day; Appendix A's contracts
    # run the current year only, years later.
    check("the Transparency sheet follows --quarter",
          {networks, carers} <= listed and not any(r.startswith("PH-") for r in listed),
          sorted(listed))


def check_long_cells(work):
    """A contract imported with a title longer than a cell may hold puts
    that title in its audit value: the export still succeeds, with that
    cell cut, saying so and where the whole value is, and no cell of any
    sheet longer than a cell holds."""
    register = os.path.join(work, "many.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Service,Provider,Commissioner,Start date,End date\n")
        for i in range(3000):
            title = "Home care " * 4000 if i == 0 else f"Home care lot {i}"
            out.write(f"LONG-REFERENCE-{i:05d},{title},Home care,Provider {i % 40},"
                      "Adult Social Care,2024-04-01,2027-03-31\n")
    portfolio = portfolios.new(work, "many")
    result = run("--import", register, "--portfolio", portfolio)
    check("3,000 contracts import", result.returncode == 0, result.stderr[-500:])
    workbook = os.path.join(work, "many.xlsx")
    result = run("--export", workbook, "--portfolio", portfolio, "--today", TODAY)
    check("a portfolio whose trail holds a value longer than a cell exports",
          result.returncode == 0, result.stderr)
    if result.returncode != 0:
        return
    book = openpyxl.load_workbook(workbook, read_only=True)
    cells = [cell for row in book["Audit trail"].iter_rows(values_only=True) for cell in row
             if isinstance(cell, str)]
    note = ("[cut at 32,767 characters, all a cell holds: export the audit trail from the "
            "Audit Trail window as CSV for the whole value]")
    cut = [cell for cell in cells if cell.endswith(note)]
    longest = max(len(cell) for sheet in book.worksheets
                  for row in sheet.iter_rows(values_only=True) for cell in row
                  if isinstance(cell, str))
    stored = portfolios.value(portfolio, "SELECT max(length(new_value)) FROM audit")
    check("the longest value is cut to what a cell holds, saying where it is whole",
          stored > 32767 and cut and all(len(cell) == 32767 for cell in cut)
          and longest <= 32767, (stored, longest, [len(c) for c in cut]))
    check("what is kept of a cut value is its beginning",
          any(cell.startswith("Reference: LONG-REFERENCE-00000; Title: " + "Home care " * 3000)
              for cell in cut), [c[:80] for c in cut])
    listed = portfolios.value(portfolio, "SELECT count(*) FROM audit WHERE field = '*'"
                              " AND new_value LIKE '[1,%'")
    raw = [cell for cell in cells if cell.startswith("[")]
    check("records imported as lists of values read in words on the Audit trail sheet",
          listed >= 3000 and not raw
          and "Reference: LONG-REFERENCE-00001; Title: Home care lot 1; Service: Home care;"
          " Provider: Provider 1; " in "\n".join(cells)
          and any(cell.startswith("Name: Provider 1; Sector: ") for cell in cells),
          (listed, raw[:3]))


def main():
    work = tempfile.mkdtemp(prefix="commissioner-export-")
    portfolio = portfolios.new(work, "demo")
    workbook = os.path.join(work, "demo.xlsx")
    subprocess.run([BINARY, "--create-demo", portfolio, "--today", TODAY], check=True,
                   capture_output=True)
    before = portfolios.snapshot(portfolio)
    result = run("--export", workbook, "--portfolio", portfolio, "--today", TODAY)
    check("the export exits 0", result.returncode == 0, result.stderr)
    check("the export leaves the portfolio unchanged", portfolios.snapshot(portfolio) == before)

    wb = openpyxl.load_workbook(workbook)
    values = openpyxl.load_workbook(workbook, data_only=True)
    check("the sheets are named and ordered as agreed", wb.sheetnames == SHEETS, wb.sheetnames)
    for ws in wb.worksheets:
        check(f"{ws.title}: header bold, frozen and filtered",
              ws["A1"].font.bold and ws.freeze_panes == "A2" and ws.auto_filter.ref is not None)
    check("Transparency has exactly the Code's headers",
          [c.value for c in wb["Transparency"][1]] == TRANSPARENCY)

    contracts = wb["Contracts"]
    headers = [c.value for c in contracts[1]]
    start = contracts.cell(row=2, column=headers.index("Start date") + 1)
    check("dates are real dates shown dd/mm/yyyy",
          isinstance(start.value, datetime.datetime) and start.number_format == "dd/mm/yyyy",
          (start.value, start.number_format))
    value = contracts.cell(row=2, column=headers.index("Annual value") + 1)
    check("money is a number in a £ format",
          isinstance(value.value, (int, float)) and "£" in value.number_format)
    check_contracts_sheet(contracts, portfolio)

    spend = wb["Spend summary"]
    check("the spend column names its year", spend["C1"].value == "Spend in 2026/27",
          spend["C1"].value)
    formulas = [row[2] for row in spend.iter_rows(min_row=2, max_col=3, values_only=True)
                if row[1] == "Sub total"]
    check("sub totals are SUM formulas", formulas and all(f.startswith("=SUM(") for f in formulas))
    cached = subtotals(values["Spend summary"])
    ccg_labels = [row[0] for row in values["Spend summary"].iter_rows(min_row=2, max_col=1,
                                                                    values_only=True)
                  if row[0] and "CCG" in row[0]]
    check("the CCGs' spend is under the board in force, the CCG recorded beside it",
          ccg_labels and all(label.startswith("NHS West Yorkshire Integrated Care Board "
                                              "(recorded as NHS Leeds") for label in ccg_labels),
          ccg_labels)
    for commissioner, pounds in SUBTOTALS.items():
        check(f"the sub total of {commissioner} carries its value",
              cached.get(commissioner) == pounds, cached.get(commissioner))
    lines = {row[1]: row[2] for row in values["Spend summary"].iter_rows(min_row=2, max_col=3,
                                                                          values_only=True)}
    check("the older people's line is Appendix A's, the Networks grant within it",
          lines.get("Services for older people aged 65 and over") == 15329238
          and not any(name and "Neighbourhood" in name for name in lines),
          lines.get("Services for older people aged 65 and over"))
    grand = [row for row in values["Spend summary"].iter_rows(values_only=True)
             if row[0] == "Grand total"]
    check("the grand total is the sum of the sub totals",
          grand and grand[0][2] == sum(cached.values()), grand)

    said = read_me(wb)
    check("the Read me says which financial year the Spend summary shows",
          said.get("Financial year of the Spend summary")
          == "2026/27 (1 April 2026 to 31 March 2027)",
          said.get("Financial year of the Spend summary"))
    check("the Read me says which quarter the Transparency sheet lists",
          said.get("Quarter of the Transparency sheet") == "2026-Q3 (October to December 2026)",
          said.get("Quarter of the Transparency sheet"))
    check_transparency_sheet(wb["Transparency"], portfolio)

    notes = [row[1] for row in wb["Read me"].iter_rows(values_only=True) if row[0] == "Note"]
    check("Read me names both lines the damaged source does not itemise",
          len(notes) == 2 and any("Adult Social Care" in n for n in notes)
          and any("South and East" in n for n in notes), notes)

    first = [c.value for c in wb["Deadlines"][2]]
    check("the most urgent deadline comes first: a breached notice",
          first[1] == "Breached" and first[2] == "Last day to serve notice", first)
    check_deadlines_sheet(wb["Deadlines"], portfolio)
    audit = [row for row in wb["Decommissioning audit"].iter_rows(min_row=2, values_only=True)]
    check("the decommissioning audit lists actions, all verified",
          len(audit) > 0 and all(row[8] == "Yes" for row in audit))
    check("the decommissioning audit names fields and values in words, never columns or ids",
          all(row[4] and "_" not in row[4] for row in audit)
          and any(row[4] == "Decision route" and row[6] and " " in row[6] and "-" not in row[6]
                  for row in audit)
          and not any(row[3].startswith("Contract ended (#") for row in audit),
          [row[3:7] for row in audit[:5]])
    check_audit_trail(wb["Audit trail"], portfolio)
    check_periods(work, portfolio)
    check_long_cells(work)
    rags = {row[6] for row in wb["Risks"].iter_rows(min_row=2, values_only=True)}
    check("risks carry RAG words", rags <= {"Red", "Amber", "Green"} and "Red" in rags, rags)
    decisions = [row for row in wb["Decisions"].iter_rows(min_row=2, values_only=True)]
    check("the demo's two decommissioning decisions each follow the sign-off of the EIA "
          "that informed it",
          len([row for row in decisions if row[1] == "Decommission"]) == 2
          and all(row[6] == "Yes" and row[3] and row[2] >= row[5] for row in decisions),
          decisions)
    eia = [row for row in wb["EIAs"].iter_rows(min_row=2, values_only=True)]
    check("EIAs list a row per characteristic", len(eia) >= 11 * 3, len(eia))

    # LibreOffice opens it without complaint and reads the same totals.
    converted = os.path.join(work, "libreoffice")
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
         "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
         "--outdir", converted, workbook], capture_output=True, text=True, timeout=120)
    sheets = sorted(name for name in os.listdir(converted)) if os.path.isdir(converted) else []
    check("LibreOffice converts every sheet", result.returncode == 0 and len(sheets) == len(SHEETS),
          (result.returncode, result.stderr, sheets))
    spend_csv = os.path.join(converted, "demo-Spend summary.csv")
    totals = [row for row in csv.reader(open(spend_csv, newline="")) if row and row[0] == "Grand total"] \
        if os.path.exists(spend_csv) else []
    check("LibreOffice reads the same grand total",
          totals and float(totals[0][2]) == sum(cached.values()), totals)

    # A provider whose name looks like a formula stays text.
    hostile = portfolios.copy(portfolio, work, "hostile")
    portfolios.execute(hostile, "UPDATE provider SET name = '=HYPERLINK(\"http://example.com\",\"x\")'"
                                " WHERE id = (SELECT provider_id FROM contract ORDER BY id LIMIT 1)")
    hostile_book = os.path.join(work, "hostile.xlsx")
    run("--export", hostile_book, "--portfolio", hostile, "--today", TODAY)
    cell = openpyxl.load_workbook(hostile_book)["Contracts"]["E2"]
    check("a formula-like name arrives as text", cell.data_type == "s"
          and cell.value.startswith("=HYPERLINK"), (cell.data_type, cell.value))

    # The register alone, as CSV: RFC 4180 quoting, formulas neutralised.
    csv_path = os.path.join(work, "hostile.csv")
    result = run("--export-transparency", csv_path, "--portfolio", hostile, "--today", TODAY)
    check("the Transparency CSV exits 0", result.returncode == 0, result.stderr)
    raw = open(csv_path, "rb").read()
    check("the CSV starts with a byte-order mark, so Excel reads it as UTF-8",
          raw.startswith(b"\xef\xbb\xbf"), raw[:8])
    text = raw.decode("utf-8-sig")
    check("the CSV is UTF-8 with CRLF line ends", text.count("\r\n") > 10)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check("the CSV has the Code's headers", rows[0] == TRANSPARENCY, rows[0])
    check("the CSV has one row per contract on the sheet",
          len(rows) - 1 == wb["Transparency"].max_row - 1, (len(rows), wb["Transparency"].max_row))
    suppliers = [r[4] for r in rows[1:]]
    check("a formula-like supplier is neutralised with an apostrophe",
          "'=HYPERLINK(\"http://example.com\",\"x\")" in suppliers)
    check("a field with a comma is quoted",
          b'"Third sector / VCSE, registered charity"' in raw)
    check("irrecoverable VAT is empty in the CSV, never 0",
          rows[1:] and all(r[7] == "" for r in rows[1:]), [r[7] for r in rows[1:4]])

    # A folder that cannot be written: a clear error, and no file.
    locked = os.path.join(work, "missing", "out.xlsx")
    result = run("--export", locked, "--portfolio", portfolio)
    check("an unwritable place fails with a message", result.returncode != 0
          and "could not be written" in result.stderr, result.stderr)
    check("and leaves no file", not os.path.exists(os.path.dirname(locked)))
    result = run("--export", workbook, "--portfolio", portfolios.missing(work, "none"))
    check("a missing portfolio fails with a message", result.returncode != 0 and result.stderr)

    shutil.rmtree(work)
    sys.exit(finish())


if __name__ == "__main__":
    main()
