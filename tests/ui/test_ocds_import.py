#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""An OCDS file in the import wizard: the standard's fictional record
package, its tender's title taken away so that its contract names no
service, asks which service it joins; the service chosen in the picker is
the one the contract joins once imported, and nothing is written before
Import. A file with an amount in dollars is refused with its JSON path.

    with-display.sh python3 test_ocds_import.py COMMISSIONER OUTPUT_DIR
"""
import json
import os

from common import Failure, Session, enabled, find_button, find_label, press, press_ready, \
    wait_for, walk

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


def choose_service(session, dialog):
    """Types part of the service's name into the picker's search and
    chooses the first row, as a keyboard user would."""
    press(picker(dialog))
    wait_for("the picker's search", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "entry" and n.name == f"Search {PICKER}"))
    session.type_text(SERVICE_TYPED, WIZARD)
    wait_for(f"{SERVICE} among the rows", lambda: find_label(dialog, lambda t: t == SERVICE))
    session.key("Return", WIZARD)
    wait_for("the service chosen", lambda: picker(dialog).name == f"{PICKER}: {SERVICE}")


def service_of_contract(session):
    return session.sql("SELECT s.name FROM contract c JOIN service s ON s.id = c.service_id"
                       " WHERE c.reference = ?", CONTRACT)


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
    dialog = session.launch("--import-wizard", path, title=WIZARD)
    summary = wait_for("what the file holds", lambda: find_label(
        dialog, lambda text: "It names no service" in text))
    session.log(f"the service step says: {summary.name}")
    choose_service(session, dialog)
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
    if joined != SERVICE:
        raise Failure(f"the contract joined {joined!r}, not the service chosen, {SERVICE!r}")
    session.log(f"the contract joined {joined!r}, as chosen, and the toast said {toast!r}")


def main():
    with Session("ocds-import") as session:
        refused(session)
        choose_and_import(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
