#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The law as data, read back from exported workbooks with openpyxl: each
commissioner column names the organisation in force, with the one the
record was made with beside it once that has been succeeded; the day a
procurement began goes in through an import and out in the workbook.

    test-law-export.py COMMISSIONER
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

import portfolio as portfolios
from tap import BINARY, check, finish, run

TODAY = "2026-11-22"
ICB = "NHS West Yorkshire Integrated Care Board"

# (sheet, key column, key, commissioner column, expected). The key picks
# one row; the expected text follows the succession on 1 July 2022.
CASES = [
    # A CCG grant still running: the ICB is in force.
    ("Contracts", "Reference", "LW-0001", "Commissioner",
     f"{ICB} (recorded as NHS Leeds West CCG)"),
    ("Contracts", "Reference", "LSE-0001", "Commissioner",
     f"{ICB} (recorded as NHS Leeds South and East CCG)"),
    # Ended in March 2024, after the succession: the ICB too.
    ("Contracts", "Title", "Safe space and crisis support for young people", "Commissioner",
     f"{ICB} (recorded as NHS Leeds CCG)"),
    # Ended in August 2020, before it: the CCG it was made with.
    ("Contracts", "Title", "SEMH cluster fund: CCG contribution", "Commissioner",
     "NHS Leeds CCG"),
    # Never succeeded.
    ("Contracts", "Title", "Advocacy single gateway", "Commissioner",
     "Leeds City Council: Adult Social Care"),
    ("Services", "Name", "Hospital admission avoidance", "Lead commissioner",
     f"{ICB} (recorded as NHS Leeds North CCG)"),
    ("Services", "Name", "Carers information, advice and support", "Lead commissioner",
     "Leeds City Council: Adult Social Care"),
]


def cell(wb, sheet, key_column, key, column):
    rows = list(wb[sheet].iter_rows(values_only=True))
    headers = list(rows[0])
    found = [row for row in rows[1:] if row[headers.index(key_column)] == key]
    if len(found) != 1:
        return f"{len(found)} rows with {key_column} {key}"
    return found[0][headers.index(column)]


# (header the register uses, cell, the workbook's "Procurement began")
BEGAN = [
    ("Procurement start", "15/09/2025", "2025-09-15"),
    ("Tender start date", "31/12/2025", "2025-12-31"),
    ("Procurement began", "", None),
]


def test_procurement_began(work):
    for i, (header, written, expected) in enumerate(BEGAN):
        register = os.path.join(work, f"began-{i}.csv")
        portfolio = portfolios.new(work, f"began-{i}")
        workbook = os.path.join(work, f"began-{i}.xlsx")
        with open(register, "w", encoding="utf-8") as out:
            out.write(f"Reference,Title,Provider,Service,Commissioner,Start date,{header}\r\n"
                      f"B-{i},Advocacy,Advonet,Advocacy,Adult Social Care,01/04/2026,{written}\r\n")
        result = run("--import", register, "--portfolio", portfolio)
        check(f"a register with “{header}” imports", result.returncode == 0, result.stderr)
        run("--export", workbook, "--portfolio", portfolio, "--today", TODAY)
        ws = openpyxl.load_workbook(workbook)["Contracts"]
        rows = list(ws.iter_rows(values_only=True))
        found = rows[1][list(rows[0]).index("Procurement began")] if len(rows) > 1 else "no row"
        if isinstance(found, datetime.datetime):
            found = found.date().isoformat()
        check(f"“{header}” {written or '(empty)'} reads back as {expected}", found == expected,
              found)


def main():
    work = tempfile.mkdtemp(prefix="commissioner-law-")
    try:
        test_procurement_began(work)
        portfolio = portfolios.new(work, "demo")
        workbook = os.path.join(work, "demo.xlsx")
        subprocess.run([BINARY, "--create-demo", portfolio, "--today", TODAY], check=True,
                       capture_output=True)
        result = run("--export", workbook, "--portfolio", portfolio, "--today", TODAY)
        check("the export exits 0", result.returncode == 0, result.stderr)
        wb = openpyxl.load_workbook(workbook)
        for sheet, key_column, key, column, expected in CASES:
            found = cell(wb, sheet, key_column, key, column)
            check(f"{sheet}: {key} reads “{expected}”", found == expected, found)

        # The records themselves keep the organisation they were made with.
        leads = {name for (name,) in portfolios.query(
            portfolio, "SELECT o.name FROM service s JOIN organisation o"
                       " ON o.id = s.lead_commissioner_id")}
        check("no service was moved to the successor", ICB not in leads, leads)
        result = run("--verify-audit", "--portfolio", portfolio)
        check("the audit trail verifies with the succession recorded", result.returncode == 0,
              result.stderr)

        # The workbook imported back into its own portfolio, updating every
        # contract, finds the recorded commissioners: no new organisation or
        # service, and each contract keeps its service.
        def shape():
            return (portfolios.value(portfolio, "SELECT count(*) FROM organisation"),
                    portfolios.value(portfolio, "SELECT count(*) FROM service"),
                    portfolios.query(portfolio, "SELECT reference, service_id FROM contract"
                                                " ORDER BY id"))
        before = shape()
        result = run("--import", workbook, "--portfolio", portfolio, "--sheet", "Contracts",
                     "--on-duplicate", "update")
        check("the workbook imports back into its own portfolio", result.returncode == 0,
              result.stderr)
        check("no commissioner or service is made from a “recorded as” name",
              shape() == before, (before[:2], shape()[:2]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
