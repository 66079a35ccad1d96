#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The import wizard on a register longer than the rows it checks first:
the check says which rows its figures are for and that the rest are
checked while importing; a bad date far below them stops the import with
nothing written and a message naming the cell; a good register of many
rows imports while the application's peak memory stays bounded, and the
window offers to undo it.

    with-display.sh python3 test_import_late.py COMMISSIONER OUTPUT_DIR

IMPORT_ROWS (default 20,000) sets the rows of the good register, to
measure the peak memory of a larger import by hand.
"""
import csv
import os

from common import Failure, Session, enabled, find_button, find_label, press_ready, wait_for, \
    walk

SERVICE = "Carers community based short breaks"
PROVIDER = "Late Row Care CIC"
HEADERS = ("Reference", "Title", "Service", "Provider", "Start date", "End date", "Term",
           "Annual value")
WIZARD = "Import Contracts"
LATE_ROWS = 1500
BAD_ROW = 1400        # the first bad data row, far below the thousand checked first
BAD_CELL = "E1401"    # its start date, on line 1,401 of the file


def write_register(path, n_rows, bad_from=None):
    """Every row from @bad_from on has a start date that is no date."""
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for row in range(1, n_rows + 1):
            start = "31/02/2024" if bad_from and row >= bad_from else "01/04/2024"
            writer.writerow((f"LATE-{row:06d}", f"Short breaks {row}", SERVICE, PROVIDER, start,
                             "31/03/2027", "3+1", "£12000"))


def count_late(session):
    return session.sql("SELECT count(*) FROM contract WHERE reference LIKE 'LATE-%'")


def any_label(session, wanted):
    """A label in any of the application's windows, such as a message
    dialog's, whose text @wanted accepts."""
    for window in session.app:
        if window is None:
            continue
        for node in walk(window):
            if node.getRoleName() == "label" and wanted(node.name):
                return node
    return None


def to_check_step(session, register):
    dialog = session.launch("--import-wizard", register, title=WIZARD)
    press_ready("the Next button", lambda: find_button(dialog, "Next"))
    note = wait_for("the note on the rows checked", lambda: find_label(
        dialog, lambda text: "first 1,000 of" in text and "checked as they are imported" in text))
    session.log(f"the check says: {note.name.splitlines()[0]}")
    return dialog


def refused_late(session):
    """The bad rows are not among those checked, so Import is offered; the
    import takes back the 1,399 rows written before them, names the first
    five cells and counts the other 96."""
    register = os.path.join(session.work, "late.csv")
    write_register(register, LATE_ROWS, BAD_ROW)
    dialog = to_check_step(session, register)
    import_button = wait_for("the Import button", lambda: find_button(dialog, "Import"))
    wait_for("Import enabled", lambda: enabled(import_button))
    session.screenshot("late-check")
    press_ready("the Import button", lambda: find_button(dialog, "Import"))
    wait_for("the message naming the cell",
             lambda: any_label(session, lambda text: BAD_CELL + ":" in text))
    wait_for("the heading", lambda: any_label(session, lambda text: text == "Nothing Was Imported"))
    message = any_label(session, lambda text: BAD_CELL + ":" in text)
    session.log(f"the refusal says: {message.name!r}")
    if "E1405:" not in message.name or "E1406:" in message.name \
            or "and 96 more problems" not in message.name:
        raise Failure(f"the refusal does not name five problems and count the rest: "
                      f"{message.name!r}")
    session.screenshot("late-refused")
    if count_late(session) != 0:
        raise Failure("contracts were written although a row was refused")
    if session.sql("SELECT count(*) FROM provider WHERE name = ?", PROVIDER) != 0:
        raise Failure("the new provider was written although the import was refused")


def peak_resident_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise Failure("the application's peak memory cannot be read")


def imported_many(session):
    """A good register of many rows: imported, all of it, in one pass."""
    n_rows = int(os.environ.get("IMPORT_ROWS", "20000"))
    register = os.path.join(session.work, "many.csv")
    write_register(register, n_rows)
    dialog = to_check_step(session, register)
    press_ready("the Import button", lambda: find_button(dialog, "Import"))
    session.window = wait_for("the main window", lambda: next(
        w for w in session.app if w is not None and w.name != WIZARD))
    wait_for(f"all {n_rows:,} rows imported", lambda: count_late(session) == n_rows, timeout=600)
    toast = session.toast("the toast", lambda text: text.startswith("Imported "))
    # The toast goes after a few seconds: its Undo first.
    press_ready("the toast's Undo", lambda: find_button(session.window, "Undo", pages=False))
    peak = peak_resident_kib(session.process.pid)
    session.log(f"imported {n_rows:,} rows ({toast!r}); peak resident memory {peak / 1024:.0f} MB")
    session.screenshot("many-undo-asked")
    undone(session, n_rows)


def any_button(session, name):
    for window in session.app:
        if window is None:
            continue
        found = find_button(window, name)
        if found is not None:
            return found
    return None


def undone(session, n_rows):
    """The window's connection sees the import written on another one:
    the toast's Undo offers it, and undoing removes every row."""
    wait_for("the question naming the file",
             lambda: any_label(session, lambda text: "many.csv" in text))
    press_ready("Undo Import", lambda: any_button(session, "Undo Import"))
    wait_for(f"the {n_rows:,} rows removed", lambda: count_late(session) == 0, timeout=600)
    session.log(f"undoing the import removed its {n_rows:,} contracts")


def main():
    with Session("import_late") as session:
        refused_late(session)
        imported_many(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
