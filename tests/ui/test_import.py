#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The import wizard in the real window: a file that cannot be read says
why, and a register with a bad date names the cell and holds Import back
until the row is excluded; the import then writes the rest, creates the
new provider once, and audits the run with its file's name. A value kept
under Other on a thousand rows names five of them and offers the rest in
a list that makes its rows as they are shown; only the first thousand rows
of a longer register are checked before Import.

    with-display.sh python3 test_import.py COMMISSIONER OUTPUT_DIR
"""
import csv
import os
import subprocess

import pyatspi

from common import Failure, Session, enabled, find, find_button, find_label, has_state, press, \
    press_ready, state_of, wait_for, walk

SERVICE = "Carers community based short breaks"
PROVIDER = "Wizard Lane Care CIC"
ROWS = [
    ("Reference", "Title", "Service", "Provider", "Start date", "End date", "Term",
     "Annual value"),
    ("IMP-001", "Carers' breaks north", SERVICE, PROVIDER, "01/04/2024", "31/03/2027", "3+1",
     "£12000"),
    ("IMP-002", "Carers' breaks south", SERVICE, PROVIDER, "1 Apr 2024", "31/03/2027", "3+1",
     "£9500"),
    ("IMP-003", "Carers' breaks east", SERVICE, PROVIDER, "31/02/2024", "31/03/2027", "3",
     "£8000"),
    ("IMP-004", "Carers' breaks west", SERVICE, PROVIDER, "2024-04-01", "31/03/2027", "3",
     "£7000"),
]
BAD_CELL = "E4"  # the start date of IMP-003, the fourth line of the file
WIZARD = "Import Contracts"


def unreadable_file(session):
    """A file that is not UTF-8: the wizard says so, naming the file."""
    broken = os.path.join(session.work, "broken.csv")
    with open(broken, "wb") as out:
        out.write(b"Reference,Title\nIMP-9,\xff\xfe caf\xe9\n")
    dialog = session.launch("--import-wizard", broken, title=WIZARD)
    wait_for("the reading error",
             lambda: find(dialog, "label", "“broken.csv” Could Not Be Read"))
    message = wait_for("the reason", lambda: find_label(dialog, lambda text: "UTF-8" in text))
    session.log(f"a file that is not UTF-8 says: {message.name}")
    session.screenshot("file")


def wheel_down(dialog):
    """Wheels the page to its end, to reach what is below the fold."""
    box = dialog.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", "--sync", str(box.x + box.width // 2),
                    str(box.y + box.height // 2), "click", "--repeat", "15", "5"], check=True)


def many_others(session):
    """A route nobody knows on every other of 2,000 rows: the check, which
    reads the first thousand, names five of its 500 rows there and how many more, and shows them all on request,
    making rows only as they are shown (GTK keeps some 200 alive)."""
    register = os.path.join(session.work, "many.csv")
    rows = [("Reference", "Title", "Service", "Provider", "Start date", "End date", "Route")]
    for i in range(2000):
        rows.append((f"MANY-{i}", f"Home care {i}", SERVICE, PROVIDER, "01/04/2024", "31/03/2027",
                     "Handshake agreement" if i % 2 == 0 else "Open tender"))
    with open(register, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    dialog = session.launch("--import-wizard", register, title=WIZARD)
    press_ready("the Next button", lambda: find_button(dialog, "Next"))
    # Only the first thousand rows are checked before Import.
    short = "Procurement route “Handshake agreement” (rows 2, 4, 6, 8, 10 and 495 more)"
    wait_for("the value kept under Other, named briefly",
             lambda: find_label(dialog, lambda text: short in text))
    long = find_label(dialog, lambda text: "(rows 2, 4, 6, 8, 10, 12" in text)
    if long:
        raise Failure(f"a message names more than five rows: {long.name[:120]}")
    others = wait_for("the Kept as Other row", lambda: next(
        (n for n in walk(dialog) if n.name.startswith("Kept as Other:")), None))
    wheel_down(dialog)
    session.click(others)  # an expander row offers no action to press
    show = wait_for("Show all 500 rows", lambda: next(
        (n for n in walk(dialog, prune=()) if n.name == "Show all 500 rows"), None))
    session.click(show)
    wait_for("the first row of the full list", lambda: find_label(dialog, lambda t: t == "Row 2"))
    made = [n for n in walk(dialog) if n.getRoleName() == "label" and n.name.startswith("Row ")
            and n.name[4:].isdigit()]
    if len(made) >= 500:
        raise Failure(f"the full list made all {len(made)} rows up front")
    session.log(f"the check names five rows and 495 more; opened, the list made {len(made)}"
                " of its 500 rows")
    wheel_down(dialog)
    session.screenshot("others")


def imported(session, where="reference LIKE 'IMP-%'"):
    return session.sql(f"SELECT count(*) FROM contract WHERE {where}")


def summary_counts(dialog):
    """The check's summary as {caption: figure}: each figure is the label
    just before its caption, such as "3" before "to create"."""
    texts = [n.name for n in walk(dialog) if n.getRoleName() == "label"]
    return {caption: figure for figure, caption in zip(texts, texts[1:])
            if caption in ("to create", "to update", "unchanged", "skipped", "blank",
                           "excluded", "invalid")}


def import_register(session):
    register = os.path.join(session.work, "register.csv")
    with open(register, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(ROWS)
    audit_before = session.sql("SELECT max(id) FROM audit")
    dialog = session.launch("--import-wizard", register, title=WIZARD)
    start = wait_for("the start date column's field", lambda: find(
        dialog, "combo box", "Field for column E, “Start date”"))
    if state_of(start) != "Start date":
        raise Failure(f"the Start date column was not recognised: {state_of(start)!r}")
    session.screenshot("columns")
    if imported(session) != 0:
        raise Failure("contracts were written before Import was pressed")

    press_ready("the Next button", lambda: find_button(dialog, "Next"))
    problem = wait_for(f"the problem in {BAD_CELL}",
                       lambda: find_label(dialog, lambda text: text.startswith(BAD_CELL + ":")))
    session.log(f"the check reports: {problem.name}")
    import_button = wait_for("the Import button", lambda: find_button(dialog, "Import"))
    if enabled(import_button):
        raise Failure("Import is enabled while a row is invalid")
    if not find_label(dialog, lambda text: PROVIDER in text):
        raise Failure("the new provider is not listed before the import")
    counts = summary_counts(dialog)
    if counts.get("to create") != "3" or counts.get("invalid") != "1":
        raise Failure(f"the summary does not count 3 rows to create and 1 invalid: {counts}")
    session.log(f"the summary counts {counts}")
    session.screenshot("check")

    # GTK 4.8 offers no action on a check box: use its access key, as a
    # keyboard user would.
    exclude = wait_for("the Exclude check", lambda: find(dialog, "check box", "Exclude row 4"))
    session.key("alt+e", WIZARD)
    wait_for("the row excluded", lambda: has_state(exclude, pyatspi.STATE_CHECKED))
    wait_for("Import enabled", lambda: enabled(import_button))
    session.screenshot("excluded")
    press(import_button)

    # The toast goes after a few seconds: look for it first.
    session.window = wait_for("the main window", lambda: next(
        w for w in session.app if w is not None and w.name != WIZARD))
    toast = session.toast("the toast", lambda text: text.startswith("Imported "))
    session.screenshot("done")
    if toast != "Imported 3 contracts":
        raise Failure(f"the import's toast says {toast!r}")
    if imported(session) != 3:
        raise Failure("the three good rows were not imported")
    if imported(session, "reference = 'IMP-003'") != 0:
        raise Failure("the excluded row was imported")
    if session.sql("SELECT count(*) FROM contract c JOIN provider p ON p.id = c.provider_id"
                   " WHERE p.name = ?", PROVIDER) != 3:
        raise Failure("the contracts are not held by the new provider")
    if session.sql("SELECT count(*) FROM provider WHERE name = ?", PROVIDER) != 1:
        raise Failure("the new provider was not created once")
    if session.sql("SELECT count(*) FROM audit WHERE id > ? AND entity = 'import_run'"
                   " AND field = 'source' AND new_value LIKE ?",
                   audit_before, f"%{os.path.basename(register)}%") != 1:
        raise Failure("the import left no audit row naming its file")
    session.log(f"the wizard imported 3 contracts, created {PROVIDER!r}, was audited, and"
                f" said {toast!r}")


def main():
    with Session("import") as session:
        unreadable_file(session)
        many_others(session)
        import_register(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
