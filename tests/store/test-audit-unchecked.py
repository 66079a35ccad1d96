#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A trail that could not be checked is not a broken trail. Where OpenSSL
offers no SHA-256, the exported workbook's audit sheets and the
decommissioning report say each change was not checked, never that it does
not verify; a trail edited outside the program still says No from the row
edited on, and Yes before it.

    test-audit-unchecked.py COMMISSIONER
"""
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

import portfolio as portfolios
from audit_chain import without_sha256
from tap import check, finish, run

TODAY = "2026-11-22"
DECOMMISSIONED = "Vulnerable Groups"  # the demo's decommissioned service
VERIFIES = "Hash chain verifies"


def told(result):
    return f"exit {result.returncode}: {' '.join((result.stdout + result.stderr).split())}"


def column(book, sheet, heading):
    """The values of the column headed @heading, in the sheet's order."""
    rows = book[sheet].iter_rows(values_only=True)
    index = next(rows).index(heading)
    return [row[index] for row in rows if any(cell is not None for cell in row)]


def export(work, portfolio, name):
    path = os.path.join(work, name + ".xlsx")
    result = run("--export", path, "--portfolio", portfolio, "--today", TODAY)
    check(f"the export of the {name} portfolio exits 0", result.returncode == 0, told(result))
    return openpyxl.load_workbook(path, read_only=True)


def report(work, portfolio, name):
    """The decommissioning report's text, on one line."""
    path = os.path.join(work, name + ".pdf")
    result = run("--report", f"decommission:{DECOMMISSIONED}", "--output", path,
                 "--portfolio", portfolio, "--today", TODAY)
    check(f"the decommissioning report of the {name} portfolio exits 0",
          result.returncode == 0, told(result))
    text = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True,
                          text=True).stdout
    return " ".join(text.split())


def test_not_checked(work, demo):
    with without_sha256(work):
        book = export(work, demo, "unchecked")
        text = report(work, demo, "unchecked")
    rows = portfolios.value(demo, "SELECT count(*) FROM audit")
    said = column(book, "Audit trail", VERIFIES)
    check("without SHA-256 every row of the Audit trail sheet says Not checked",
          len(said) == rows and set(said) == {"Not checked"}, (len(said), rows, set(said)))
    said = column(book, "Decommissioning audit", VERIFIES)
    check("... and every action of the Decommissioning audit sheet",
          said and set(said) == {"Not checked"}, set(said))
    check("the report says the chain could not be checked, and why",
          "hash chain could not be checked" in text and "OPENSSL_CONF" in text, text[-600:])
    actions = re.search(r"(\d+) audited actions", text)
    check("... marks each of its actions Not checked, in one piece",
          actions and text.count("Not checked") > int(actions.group(1)) > 10,
          (actions and actions.group(0), text.count("Not checked")))
    check("... and never says it does not verify", "does NOT verify" not in text, text[-600:])


def test_broken(work, demo):
    broken = portfolios.copy(demo, work, "broken")
    bad = portfolios.value(broken, "SELECT min(id) FROM audit WHERE entity = 'decommission'")
    portfolios.execute(broken, "UPDATE audit SET new_value = 'forged' WHERE id = ?", (bad,))
    book = export(work, broken, "broken")
    text = report(work, broken, "broken")
    rows = portfolios.value(broken, "SELECT count(*) FROM audit")
    said = column(book, "Audit trail", VERIFIES)
    # Newest first, rows numbered without gaps: the sheet's i-th is row rows - i.
    wrong = [rows - i for i, word in enumerate(said) if word != ("Yes" if rows - i < bad else "No")]
    check(f"a row edited outside the program: No from row {bad} on, Yes before it",
          len(said) == rows and not wrong, f"{len(wrong)} rows differ, the first {wrong[:5]}")
    said = column(book, "Decommissioning audit", VERIFIES)
    check("... the Decommissioning audit sheet says No, never Not checked",
          "No" in said and "Not checked" not in said, set(said))
    check("... and the report says the chain does not verify, at that row",
          "does NOT verify" in text and f"broken at row {bad}" in text
          and "could not be checked" not in text, text[-600:])


def main():
    with tempfile.TemporaryDirectory() as work:
        demo = portfolios.new(work, "demo")
        result = run("--create-demo", demo, "--today", TODAY)
        check("the demo is made", result.returncode == 0, told(result))
        test_not_checked(work, demo)
        test_broken(work, demo)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
