#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Imports contracts registers made by other software (openpyxl, LibreOffice,
hand-written CSV) with the headless command, and checks the portfolio
with SQL: values, created records, duplicates, the all-or-nothing rule,
the audit trail, and a round trip through our own export.

    test-import.py COMMISSIONER
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

import portfolio as portfolios
from tap import BINARY, check, finish, run, soffice_convert

TODAY = "2026-11-22"
HEADERS = ["Reference", "Title", "Service", "Provider", "Provider sector", "Commissioner",
           "Start date", "End date", "Term", "Extensions invoked", "Notice period",
           "Annual value", "Total value", "Type", "Route"]


# The contract table's columns as layout 1 of the audit trail lists them,
# copied here so that the trail is read as another program would read it.
CONTRACT_LAYOUT_1 = [
    "reference", "title", "service_id", "provider_id", "contract_type", "route", "annual_value",
    "total_value", "start_date", "end_date", "term", "notice_period", "extensions_invoked",
    "notice_served", "decommissioned_on", "type_as_written", "route_as_written", "outcome",
    "notice_kind", "procurement_began",
]


def query(portfolio, sql, *params):
    return portfolios.query(portfolio, sql, params)


def contract(portfolio, reference):
    rows = query(portfolio, "SELECT c.title, s.name, p.name, p.sector, c.start_date, c.end_date,"
                 " c.term, c.extensions_invoked, c.notice_period, c.annual_value, c.total_value,"
                 " c.contract_type, c.route FROM contract c JOIN service s ON s.id = c.service_id"
                 " JOIN provider p ON p.id = c.provider_id WHERE c.reference = ?", reference)
    return rows[0] if rows else None


def write_csv(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)


def register_csv(path):
    """A register as people keep them: every date and money form, a BOM,
    semicolons, a quoted title with a line break, synonyms and an unknown
    sector."""
    rows = [
        ";".join(HEADERS),
        "R-1;Carers support;Carers Leeds services;Carers Leeds;Charity;Adult Social Care;"
        "01/04/2019;31/03/2024;5 years plus up to 24 months;0;6 months;£1,250,000;£6.25m;"
        "Grant;Grant scheme",
        'R-2;"Short breaks,\nphase 2";Short breaks;Family Action;VCSE;Adult Social Care;'
        "1/4/19;31/3/20;1+1;1;3 months;£564k;564720;SLA;Open tender",
        "R-3;Crisis line;Crisis services;Leeds and York Partnership NHS Foundation Trust;"
        "NHS trust;NHS Leeds ICB;1 Apr 2019;2024-03-31;3+1+1;0;90 days;250000.50;"
        "1250002.5;Contract;PSR",
        "R-4;Lunch club;Older people;Holbeck Elderly Aid;Community benefit society;Adult Social Care;"
        "2020-10-01;30 Sep 2025;5;0;;12k;60k;grant;quote",
        "R-5;Day centre;Older people;Holbeck Elderly Aid;;;43922;44286;1;0;;£2,000;;Spot;Direct award",
        ";;;;;;;;;;;;;;",
    ]
    write_csv(path, "\ufeff" + "\r\n".join(rows) + "\r\n")


def test_csv_register(work):
    portfolio = portfolios.new(work, "new")
    source = os.path.join(work, "register.csv")
    register_csv(source)
    result = run("--import", source, "--portfolio", portfolio)
    check("a CSV register imports into a new portfolio", result.returncode == 0, result.stderr)
    check("the command prints its counts", "5 created" in result.stdout and "1 blank" in result.stdout,
          result.stdout)
    check("new providers are listed", "New provider: Family Action" in result.stdout, result.stdout)
    check("an unknown sector is listed as kept under Other",
          "Community benefit society" in result.stdout, result.stdout)
    check("five contracts are in the file",
          query(portfolio, "SELECT count(*) FROM contract")[0][0] == 5)
    r1 = contract(portfolio, "R-1")
    check("dd/mm/yyyy dates and £ with commas and m",
          r1 and r1[4:6] == ("2019-04-01", "2024-03-31") and r1[9] == 125000000
          and r1[10] == 625000000, r1)
    check("'Charity' means third sector, 'Grant scheme' the grant route",
          r1 and r1[3] == "third-sector" and r1[11] == "grant" and r1[12] == "grant-scheme", r1)
    r2 = contract(portfolio, "R-2")
    check("d/m/yy dates, k suffix, a quoted title with a line break, SLA and open tender",
          r2 and r2[0] == "Short breaks,\nphase 2" and r2[4:6] == ("2019-04-01", "2020-03-31")
          and r2[9] == 56400000 and r2[7] == 1 and r2[11] == "service-level-agreement"
          and r2[12] == "open", r2)
    r3 = contract(portfolio, "R-3")
    check("d MMM yyyy and ISO dates, pence, NHS trust and the PSR",
          r3 and r3[4:6] == ("2019-04-01", "2024-03-31") and r3[9] == 25000050
          and r3[3] == "nhs" and r3[12] == "provider-selection-regime", r3)
    r5 = contract(portfolio, "R-5")
    check("Excel serial dates", r5 and r5[4:6] == ("2020-04-01", "2021-03-31"), r5)
    other = query(portfolio, "SELECT sector, sector_as_written FROM provider"
                  " WHERE name = 'Holbeck Elderly Aid'")
    check("an unknown sector is kept as written under Other",
          other == [("other", "Community benefit society")], other)
    check("the commissioner is created and leads the service",
          query(portfolio, "SELECT o.kind FROM service s JOIN organisation o"
                " ON o.id = s.lead_commissioner_id WHERE s.name = 'Crisis services'")
          == [("nhs-body",)])
    runs = query(portfolio, "SELECT source, created, summary FROM import_run")
    check("the import is recorded once, naming what it created",
          len(runs) == 1 and runs[0][0] == "register.csv" and runs[0][1] == 5
          and "R-1" in runs[0][2] and "Family Action" in runs[0][2], runs)
    audited = query(portfolio, "SELECT count(*) FROM audit WHERE entity = 'import_run'"
                    " AND field = 'summary' AND new_value LIKE '%R-5%'")[0][0]
    check("the import's summary is in the audit trail", audited == 1)
    verify = run("--verify-audit", "--portfolio", portfolio)
    check("the audit trail verifies after the import", verify.returncode == 0, verify.stderr)
    check_contract_lists(portfolio)
    return portfolio, source


def trail_text(stored):
    """A stored value as the audit trail writes it: a number in decimal,
    a text as it is, and null for nothing."""
    if stored is None or stored == "":
        return None
    return str(stored)


def check_contract_lists(portfolio):
    """Each imported contract's audit row is the layout's number and its
    columns' values in the layout's order, read with json alone."""
    rows = query(portfolio, "SELECT c.*, a.new_value AS audited FROM contract c JOIN audit a"
                 " ON a.entity = 'contract' AND a.entity_id = c.id AND a.field = '*'"
                 " ORDER BY c.id")
    wrong = []
    for row in rows:
        values = json.loads(row["audited"])
        expected = [1] + [trail_text(row[name]) for name in CONTRACT_LAYOUT_1]
        if values != expected:
            wrong.append((row["reference"], values, expected))
    outside = [name for name in rows[0].names if name not in CONTRACT_LAYOUT_1
               and name not in ("id", "row_version", "audited")] if rows else None
    check("each imported contract's audit row lists its values in layout 1",
          len(rows) == 5 and not wrong, wrong or rows)
    check("the contract table has no column outside layout 1", outside == [], outside)
    objects = query(portfolio, "SELECT count(*) FROM audit WHERE entity = 'organisation'"
                    " AND field = '*' AND new_value LIKE '{%'")[0][0]
    check("the commissioners it created, whose table has no layout, are objects", objects == 2,
          objects)


def test_duplicates(work, portfolio, source):
    before = portfolios.snapshot(portfolio)
    result = run("--import", source, "--portfolio", portfolio)
    check("importing again skips every reference by default",
          result.returncode == 0 and "5 skipped" in result.stdout, result.stdout + result.stderr)
    check("skipping writes only the import's record",
          query(portfolio, "SELECT count(*) FROM contract")[0][0] == 5)

    changed = os.path.join(work, "changed.csv")
    write_csv(changed, "Reference,Annual value,Title,Provider\r\n"
                       "R-1,\"£1,300,000\",Carers support,Carers Leeds\r\n"
                       "R-3,250000.50,Crisis line,Leeds and York Partnership NHS Foundation Trust\r\n")
    result = run("--import", changed, "--portfolio", portfolio, "--on-duplicate", "update")
    check("--on-duplicate update changes what differs",
          result.returncode == 0 and "1 updated" in result.stdout and "1 unchanged" in result.stdout,
          result.stdout + result.stderr)
    check("the updated value is saved", contract(portfolio, "R-1")[9] == 130000000)
    check("fields the file does not hold are kept", contract(portfolio, "R-1")[6]
          == "5 years plus up to 24 months")
    audit = query(portfolio, "SELECT old_value, new_value FROM audit WHERE entity = 'contract'"
                  " AND field = 'annual_value' ORDER BY id DESC LIMIT 1")
    check("the update is audited field by field", audit == [("125000000", "130000000")], audit)
    check("--on-duplicate refuses other words",
          run("--import", changed, "--portfolio", portfolio, "--on-duplicate", "merge").returncode == 2)
    del before


def test_all_or_nothing(work, portfolio):
    bad = os.path.join(work, "bad.csv")
    write_csv(bad, "Reference,Title,Provider,Start date,End date,Annual value,Term,Commissioner\r\n"
                   "B-1,Good row,New provider,01/04/2020,31/03/2021,100,1,Public Health\r\n"
                   "B-2,Bad date,New provider,31/02/2020,31/03/2021,100,1,Public Health\r\n"
                   "B-3,US date,New provider,04/13/2020,31/03/2021,100,1,Public Health\r\n"
                   "B-4,Bad money,New provider,01/04/2020,31/03/2021,lots,1,Public Health\r\n"
                   "B-5,Ends first,New provider,01/04/2021,31/03/2020,100,1,Public Health\r\n"
                   "B-6,Bad term,New provider,01/04/2020,31/03/2021,100,three and a half years,Public Health\r\n"
                   "B-1,Twice,New provider,01/04/2020,31/03/2021,100,1,Public Health\r\n"
                   "B-7,No commissioner,New provider,01/04/2020,31/03/2021,100,1,\r\n")
    before = portfolios.snapshot(portfolio)
    report_file = os.path.join(work, "bad-report.txt")
    result = run("--import", bad, "--portfolio", portfolio, "--report-file", report_file)
    check("a register with bad rows exits non-zero", result.returncode == 1, result.stdout)
    check("the portfolio is byte for byte unchanged", portfolios.snapshot(portfolio) == before)
    cells = [("D3", "date"), ("D4", "13/04/2020"), ("F5", ""), ("Row 6", "ends before"),
             ("G7", ""), ("A8", "row 2"), ("H9", "Commissioner")]
    report = open(report_file, encoding="utf-8").read()
    problems = report.splitlines()[:-1]  # the last line says nothing was imported
    shown = [cell for cell, _ in cells if f"{cell}:" in result.stderr]
    check("the terminal names the first five problems and how many more",
          shown == [cell for cell, _ in cells[:5]] and
          f"And {len(problems) - 5} more, listed in {report_file}" in result.stderr,
          (len(problems), result.stderr))
    for cell, words in cells:
        check(f"the report file names {cell}", f"{cell}:" in report and words in report, report)
    check("the report file says nothing was imported", "Nothing was imported" in report, report)
    check("nothing half-imported: no new provider",
          query(portfolio, "SELECT count(*) FROM provider WHERE name = 'New provider'")[0][0] == 0)

    fresh = portfolios.new(work, "never")
    result = run("--import", bad, "--portfolio", fresh)
    check("a failed import into a new portfolio fails", result.returncode == 1, result.stderr)
    check("and leaves no portfolio", not portfolios.exists(fresh))
    missing = run("--import", os.path.join(work, "absent.csv"), "--portfolio", portfolio)
    check("a missing file is a clear error", missing.returncode == 1 and "absent.csv" in missing.stderr,
          missing.stderr)
    unmapped = os.path.join(work, "unmapped.csv")
    write_csv(unmapped, "Name,Amount\r\nX,1\r\n")
    result = run("--import", unmapped, "--portfolio", portfolio)
    check("a register with no reference column says which column is missing",
          result.returncode == 1 and "Reference" in result.stderr, result.stderr)


def named_rows(line):
    """The row numbers a message names, and how many more it says there are."""
    found = re.search(r"\(rows? ([^)]*)\)", line)
    if not found:
        return [], 0
    words = found.group(1)
    more = re.search(r" and ([0-9,]+) more$", words)
    if more:
        words = words[:more.start()]
    named = [int(n) for n in re.split(r", | and ", words)]
    return named, int(more.group(1).replace(",", "")) if more else 0


def test_many_others(work):
    """A register where one route nobody knows is on every tenth row, and
    nine values and seven providers are new: the terminal names a handful
    of each and how many more; the report file names every one."""
    n = 12000  # past 999 rows not named, so the count is grouped
    path = os.path.join(work, "many-others.csv")
    lines = ["Reference,Title,Provider,Commissioner,Start date,End date,Annual value,Type,Route"]
    for i in range(n):
        route = "Handshake agreement" if (i + 2) % 10 == 8 else "Open tender"
        lines.append(f"M-{i},Home care {i},Provider {i % 7},Adult Social Care,01/04/2020,"
                     f"31/03/2023,1000,Pact {i % 8},{route}")
    write_csv(path, "\r\n".join(lines) + "\r\n")
    portfolio = portfolios.new(work, "many-others")
    report_file = os.path.join(work, "many-others-report.txt")
    result = run("--import", path, "--portfolio", portfolio, "--report-file", report_file)
    check("a register with many Other values imports", result.returncode == 0, result.stderr)
    out = result.stdout.splitlines()
    route_rows = [r for r in range(2, n + 2) if r % 10 == 8]
    route = [line for line in out if "Handshake agreement" in line]
    named, more = named_rows(route[0]) if route else ([], 0)
    check("the terminal names the route's first five rows and how many more",
          named == route_rows[:5] and more == len(route_rows) - 5, route)
    check("the count of rows not named is grouped in thousands",
          route and f"and {len(route_rows) - 5:,} more)" in route[0], route)
    check("no terminal line names more than five rows",
          all(len(named_rows(line)[0]) <= 5 for line in out), result.stdout)
    others = [line for line in out if line.startswith("Kept as written under Other: ")]
    check("the terminal lists five Other values, then how many more",
          len(others) == 6 and others[-1].startswith("Kept as written under Other: and 4 more")
          and report_file in others[-1], others)
    providers = [line for line in out if line.startswith("New provider: ")]
    check("the terminal lists five new providers, then how many more",
          len(providers) == 6 and providers[-1].startswith("New provider: and 2 more"), providers)
    check("the terminal output stays short", len(out) < 25, len(out))

    report = open(report_file, encoding="utf-8").read().splitlines()
    in_full = [line for line in report if "Handshake agreement" in line]
    check("the report file names every row the route is on",
          len(in_full) == 1 and named_rows(in_full[0]) == (route_rows, 0)
          and in_full[0].endswith(f" and {route_rows[-1]})"), in_full[:1])
    check("the report file lists all nine Other values and seven providers",
          sum(line.startswith("Kept as written under Other: ") for line in report) == 9
          and sum(line.startswith("New provider: ") for line in report) == 7, report[:20])
    check("the report file ends with the counts", report and f"{n:,} created" in report[-1],
          report[-1:])

    unwritable = run("--import", path, "--portfolio", portfolios.new(work, "again"),
                     "--report-file", os.path.join(work, "no-such-folder", "report.txt"))
    check("a report file that cannot be written is an error naming it",
          unwritable.returncode == 1 and "no-such-folder" in unwritable.stderr, unwritable.stderr)


def test_openpyxl_workbook(work):
    """Dates as real dates, numbers, booleans and shared strings, on the
    second sheet, chosen by name."""
    path = os.path.join(work, "register.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "This sheet is not the register."
    ws = wb.create_sheet("Register 2026")
    ws.append(["Contract reference", "Contract title", "Supplier", "Sector", "Start Date",
               "End  date", "Annual contract value", "SME", "Term", "Department responsible"])
    ws.append(["X-1", "Advocacy", "Advonet", "Third sector", datetime.date(2018, 4, 1),
               datetime.date(2023, 3, 31), 245000, True, "5", "Adult Social Care"])
    ws.append(["X-2", "Befriending", "Age UK Leeds", "voluntary", datetime.datetime(2021, 10, 1),
               datetime.date(2024, 9, 30), 12500.75, False, "3", "Adult Social Care"])
    wb.save(path)
    portfolio = portfolios.new(work, "xlsx")
    result = run("--import", path, "--portfolio", portfolio, "--sheet", "Register 2026")
    check("an openpyxl workbook imports from the sheet named", result.returncode == 0,
          result.stderr)
    x1 = contract(portfolio, "X-1")
    check("real dates and numbers arrive as dates and pence",
          x1 and x1[4:6] == ("2018-04-01", "2023-03-31") and x1[9] == 24500000, x1)
    x2 = contract(portfolio, "X-2")
    check("a date with a time and a value with pence", x2 and x2[4] == "2021-10-01"
          and x2[9] == 1250075, x2)
    check("a boolean SME flag", query(portfolio, "SELECT is_sme FROM provider WHERE name = 'Advonet'")
          == [(1,)])
    missing = run("--import", path, "--portfolio", portfolio, "--sheet", "Register 2027")
    check("an unknown sheet is named in the error", missing.returncode == 1
          and "Register 2027" in missing.stderr, missing.stderr)


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_repeated_long_text(work):
    """One long shared string in tens of thousands of cells: a file of a
    few kilobytes whose text would fill the memory is refused, not read."""
    parts = {
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                       f'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                           f'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'</Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}"><si><t>{"Home care " * 13000}</t></si></sst>',
        "xl/worksheets/sheet1.xml":
            f'<worksheet xmlns="{MAIN}"><sheetData>'
            + "".join(f'<row r="{r}">' + '<c t="s"><v>0</v></c>' * 100 + "</row>"
                      for r in range(1, 501))
            + "</sheetData></worksheet>",
    }
    path = os.path.join(work, "long-text.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    portfolio = portfolios.new(work, "long-text")
    result = run("--import", path, "--portfolio", portfolio)
    check("a register of repeated long text is refused as too large",
          result.returncode == 1 and "more text than Commissioner can hold" in result.stderr,
          (result.returncode, result.stderr[-300:]))
    check("and leaves no portfolio", not portfolios.exists(portfolio))


def test_portfolio_itself(work):
    """The portfolio named as the register to import, under another name
    too: refused before it is read, since reading would drop its locks."""
    if portfolios.skip_on_server(check, "importing the portfolio into itself is refused",
                                 "a server's portfolio is no file to name as a register"):
        return
    portfolio = portfolios.new(work, "itself")
    subprocess.run([BINARY, "--create-demo", portfolio, "--today", TODAY], check=True,
                   capture_output=True)
    alias = os.path.join(work, "itself-as-register.xlsx")
    os.link(portfolio, alias)
    before = portfolios.snapshot(portfolio)
    for what, path in (("its own name", portfolio), ("another name", alias)):
        result = run("--import", path, "--portfolio", portfolio)
        check(f"importing the portfolio into itself, by {what}, is refused",
              result.returncode == 1 and "is this portfolio itself" in result.stderr
              and portfolios.snapshot(portfolio) == before, result.stderr[-300:])


def test_libreoffice_workbook(work):
    source = os.path.join(work, "lo-register.csv")
    write_csv(source, "Reference,Title,Provider,Start date,Annual value,Commissioner\r\n"
                      "L-1,Meals,Leeds Meals,2019-04-01,1500,Public Health\r\n"
                      "L-2,Transport,Leeds Transport,2020-01-31,2500.5,Public Health\r\n")
    path = soffice_convert(work, source, "xlsx")
    check("LibreOffice converts the CSV to XLSX", path is not None)
    if path is None:
        return
    portfolio = portfolios.new(work, "lo")
    result = run("--import", path, "--portfolio", portfolio)
    check("a LibreOffice workbook imports", result.returncode == 0, result.stderr)
    l2 = contract(portfolio, "L-2")
    check("its dates and numbers are read", l2 and l2[4] == "2020-01-31" and l2[9] == 250050, l2)


def recorded(value):
    """A commissioner as its record holds it: the sheet names a successor
    in force beside it, and a succession is not carried by the sheet."""
    if isinstance(value, str) and value.endswith(")") and " (recorded as " in value:
        return value[value.rindex(" (recorded as ") + len(" (recorded as "):-1]
    return value


def contracts_sheet(path):
    ws = openpyxl.load_workbook(path)["Contracts"]
    rows = list(ws.iter_rows(values_only=True))
    column = list(rows[0]).index("Commissioner")
    return sorted((tuple(recorded(v) if i == column else v for i, v in enumerate(row))
                   for row in rows[1:]), key=repr)


def test_round_trip(work):
    demo = portfolios.new(work, "demo")
    subprocess.run([BINARY, "--create-demo", demo, "--today", TODAY], check=True,
                   capture_output=True)
    first = os.path.join(work, "first.xlsx")
    run("--export", first, "--portfolio", demo, "--today", TODAY)
    empty = portfolios.new(work, "round-trip")
    result = run("--import", first, "--portfolio", empty, "--sheet", "Contracts")
    check("our own Contracts sheet imports into an empty portfolio", result.returncode == 0,
          result.stderr)
    second = os.path.join(work, "second.xlsx")
    run("--export", second, "--portfolio", empty, "--today", TODAY)
    a, b = contracts_sheet(first), contracts_sheet(second)
    check("the Contracts sheets match after the round trip", a == b,
          next(((x, y) for x, y in zip(a, b) if x != y), (len(a), len(b))))


def main():
    work = tempfile.mkdtemp(prefix="commissioner-import-")
    try:
        portfolio, source = test_csv_register(work)
        test_duplicates(work, portfolio, source)
        test_all_or_nothing(work, portfolio)
        test_many_others(work)
        test_openpyxl_workbook(work)
        test_repeated_long_text(work)
        test_portfolio_itself(work)
        test_libreoffice_workbook(work)
        test_round_trip(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
