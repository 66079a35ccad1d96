#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""An OCDS file in the import wizard: the standard's fictional record
package, its tender's title taken away so that its contract names no
service, asks which service it joins; the service chosen in the picker is
the one the contract joins once imported, even when another service has
the same name, and nothing is written before Import. A file with an
amount in dollars is refused with its JSON path.

    with-display.sh python3 test_ocds_import.py COMMISSIONER OUTPUT_DIR
"""
import json
import os
import subprocess

import pyatspi

from common import TODAY, Failure, Session, enabled, find_button, find_label, has_state, press, \
    press_ready, wait_for, walk

WIZARD = "Import Contracts"
HERE = os.path.dirname(os.path.abspath(__file__))
RECORD_PACKAGE = os.path.join(HERE, "..", "fixtures", "ocds", "fictional-example-1.1",
                              "record-package.json")
CONTRACT = "ocds-213czf-000-00001-contract-01"
PICKER = "Service for contracts that name none"
SERVICE_TYPED = "sexual"
SERVICE = "Sexual Health"


def package(session, name, change):
    with open(RECORD_PACKAGE, encoding="utf-8") as f:
        data = json.load(f)
    change(data["records"][0]["compiledRelease"])
    path = os.path.join(session.work, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    return path


def untitled(release):
    del release["tender"]["title"]


def in_dollars(release):
    release["contracts"][0]["value"]["currency"] = "USD"


def picker(dialog):
    return wait_for("the service picker", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "push button"
        and n.name.startswith(PICKER + ": ")))


def add_namesake(session):
    """A second service called SERVICE, under another commissioner, brought
    in by a register import as a user would; returns both ids, oldest first."""
    register = os.path.join(session.work, "namesake.csv")
    with open(register, "w", encoding="utf-8") as f:
        f.write("Reference,Title,Provider,Service,Commissioner\n"
                f"SH-OTHER-1,Outreach clinic,Clinic Co,{SERVICE},Wakefield Council\n")
    subprocess.run([session.binary, "--import", register, "--portfolio", session.portfolio],
                   env=session.env, check=True, capture_output=True)
    ids = [i for (i,) in session.rows("SELECT id FROM service WHERE name = ? ORDER BY id",
                                      SERVICE)]
    if len(ids) != 2:
        raise Failure(f"expected two services called {SERVICE}, found ids {ids}")
    return ids


def rows_named(dialog, name):
    return [n for n in walk(dialog) if n.getRoleName() == "label" and n.name == name]


def focused_row(dialog, name):
    """Which row of @name has the keyboard, or None."""
    for i, label in enumerate(rows_named(dialog, name)):
        if has_state(label, pyatspi.STATE_FOCUSED) or \
                has_state(label.parent, pyatspi.STATE_FOCUSED):
            return i
    return None


def keyboard_on(dialog):
    """Where the keyboard is, to see it move."""
    return [(n.getRoleName(), n.name, n.getIndexInParent()) for n in walk(dialog)
            if has_state(n, pyatspi.STATE_FOCUSED)]


def choose_service(session, dialog, nth):
    """Types part of the service's name into the picker's search, moves
    down to the @nth row of that name and chooses it with Return, as a
    keyboard user would."""
    press(picker(dialog))
    wait_for("the picker's search", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "entry" and n.name == f"Search {PICKER}"))
    session.type_text(SERVICE_TYPED, WIZARD)
    wait_for(f"both services called {SERVICE} among the rows",
             lambda: len(rows_named(dialog, SERVICE)) == 2)
    for _ in range(4):
        if focused_row(dialog, SERVICE) == nth:
            break
        before = keyboard_on(dialog)
        session.key("Down", WIZARD)
        wait_for("the keyboard on the next row", lambda: keyboard_on(dialog) != before)
    if focused_row(dialog, SERVICE) != nth:
        raise Failure(f"Down did not reach row {nth} called {SERVICE}")
    session.key("Return", WIZARD)
    wait_for("the service chosen", lambda: picker(dialog).name == f"{PICKER}: {SERVICE}")


def service_of_contract(session):
    return session.sql("SELECT service_id FROM contract WHERE reference = ?", CONTRACT)


def refused(session):
    path = package(session, "dollars.json", in_dollars)
    dialog = session.launch("--import-wizard", path, title=WIZARD)
    where = "$.records[0].compiledRelease.contracts[0].value.currency"
    message = wait_for("the problem with its JSON path",
                       lambda: find_label(dialog, lambda text: where in text))
    session.log(f"an amount in dollars is refused: {message.name}")
    session.screenshot("ocds-refused")


def choose_and_import(session):
    path = package(session, "untitled.json", untitled)
    first, namesake = add_namesake(session)
    dialog = session.launch("--import-wizard", path, title=WIZARD)
    summary = wait_for("what the file holds", lambda: find_label(
        dialog, lambda text: "It names no service" in text))
    session.log(f"the service step says: {summary.name}")
    # The picker lists namesakes in the order they were made: the second
    # row is the newer, which a lookup by name would never find.
    choose_service(session, dialog, 1)
    session.screenshot("ocds-service")
    if service_of_contract(session) is not None:
        raise Failure("the contract was written before Import was pressed")
    press_ready("the Next button", lambda: find_button(dialog, "Next"))
    import_button = wait_for("Import enabled", lambda: (
        lambda b: b if b is not None and enabled(b) else None)(find_button(dialog, "Import")))
    session.screenshot("ocds-check")
    press(import_button)
    session.window = wait_for("the main window", lambda: next(
        w for w in session.app if w is not None and w.name != WIZARD))
    toast = session.toast("the toast", lambda text: text.startswith("Imported "))
    if toast != "Imported 1 contract":
        raise Failure(f"the import's toast says {toast!r}")
    joined = wait_for("the contract in the file", lambda: service_of_contract(session))
    if joined != namesake:
        raise Failure(f"the contract joined service {joined}, not the one chosen, {namesake} "
                      f"(its namesake is {first})")
    session.log(f"the contract joined service {joined}, the second {SERVICE!r} as chosen, "
                f"and the toast said {toast!r}")


def notice_only(session):
    """The portfolio's own export with a notice added to one contract, as a
    later release would add it: with duplicates updated, the unchanged
    contract gains the notice, and Import is there to press for it."""
    exported = os.path.join(session.work, "later.json")
    subprocess.run([session.binary, "--export-ocds", exported, "--portfolio", session.portfolio,
                    "--today", TODAY], env=session.env, check=True, capture_output=True)
    with open(exported, encoding="utf-8") as f:
        data = json.load(f)
    data["releases"][0]["contracts"][0].setdefault("documents", []).append(
        {"id": "later", "noticeType": "UK7", "datePublished": "2026-10-05T09:00:00+01:00"})
    with open(exported, "w", encoding="utf-8") as f:
        json.dump(data, f)
    before = session.sql("SELECT count(*) FROM contract_notice")
    dialog = session.launch("--import-wizard", exported, title=WIZARD)
    wait_for("what the file holds", lambda: find_label(
        dialog, lambda text: text.startswith("This file holds")))
    press_ready("the Next button", lambda: find_button(dialog, "Next"))
    duplicates = wait_for("the duplicates choice", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "combo box"
        and "Reference already in the portfolio" in n.name))
    session.choose(duplicates, 1, WIZARD)
    import_button = wait_for("Import enabled for the notice alone", lambda: (
        lambda b: b if b is not None and enabled(b) else None)(find_button(dialog, "Import")))
    wait_for("the summary naming the notice", lambda: find_label(
        dialog, lambda text: text.startswith("Ready to add 1 procurement notice")))
    session.screenshot("ocds-notice-only")
    press(import_button)
    session.window = wait_for("the main window", lambda: next(
        w for w in session.app if w is not None and w.name != WIZARD))
    toast = session.toast("the toast", lambda text: "notice" in text)
    after = session.sql("SELECT count(*) FROM contract_notice")
    if toast != "1 procurement notice added" or after != before + 1:
        raise Failure(f"the toast says {toast!r}, and notices went from {before} to {after}")
    session.log(f"an unchanged contract gained its new notice: {toast!r}")


def main():
    with Session("ocds-import") as session:
        refused(session)
        notice_only(session)
        choose_and_import(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
