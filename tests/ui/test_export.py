#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Export Workbook… in the real window: chosen from the main menu, the
file chooser proposes the portfolio's name and day, the export runs in
the background and says where it wrote, and the workbook, read back with
openpyxl, holds every sheet and a row for each contract in the file.

    with-display.sh python3 test_export.py COMMISSIONER OUTPUT_DIR
"""
import os

import openpyxl

from common import TODAY, Failure, Session, find, find_button, find_label, press, press_ready, \
    set_text, text_of, wait_for

SHEETS = ["Read me", "Services", "Contracts", "Deadlines", "Timeline", "Spend summary", "EIAs",
          "Decommissioning audit", "Decisions", "Risks", "Transparency", "Audit trail"]
CHOOSER = "Export Workbook"


def export(session):
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    press_ready("the Export Workbook… item", lambda: find(menu, "menu item",
                                                          "Export Workbook…"))
    chooser = session.frame(CHOOSER)
    name = wait_for("the file name field", lambda: find(chooser, "text", "Name:"))
    suggested = wait_for("a suggested name", lambda: text_of(name))
    if suggested != f"Leeds health and social care (demo) {TODAY}.xlsx":
        raise Failure(f"the chooser suggests {suggested!r}, not the portfolio's name and day")
    for label in ("Spend summary for", "Transparency register for"):
        wait_for(f"the choice {label!r}", lambda: find_label(chooser, lambda n: n == label))
    workbook = os.path.join(session.work, "exported.xlsx")
    set_text(name, workbook)
    wait_for("the path in the name field", lambda: text_of(name) == workbook)
    session.screenshot("chooser")
    press(find_button(chooser, "Export"))
    session.frame_closed(CHOOSER)
    toast = session.toast("the toast", lambda text: text.startswith("Exported to"))
    if toast != "Exported to “exported.xlsx”":
        raise Failure(f"the export's toast says {toast!r}")
    session.screenshot("exported")
    return workbook


def check_workbook(session, workbook):
    book = openpyxl.load_workbook(workbook, read_only=True)
    if book.sheetnames != SHEETS:
        raise Failure(f"the workbook's sheets are {book.sheetnames}")
    contracts = session.sql("SELECT count(*) FROM contract")
    rows = book["Contracts"].max_row - 1  # under the header
    if rows != contracts:
        raise Failure(f"the Contracts sheet has {rows} rows for {contracts} contracts")
    session.log(f"the workbook has its {len(SHEETS)} sheets and {rows} contracts")
    said = {row[0]: row[1] for row in book["Read me"].iter_rows(values_only=True) if row[0]}
    # The choices start at the year and quarter containing today.
    periods = (said.get("Financial year of the Spend summary"),
               said.get("Quarter of the Transparency sheet"))
    if periods != ("2026/27 (1 April 2026 to 31 March 2027)", "2026-Q3 (October to December 2026)"):
        raise Failure(f"the Read me names the periods {periods}")


def main():
    with Session("export") as session:
        session.launch()
        workbook = export(session)
        check_workbook(session, workbook)


if __name__ == "__main__":
    main()
