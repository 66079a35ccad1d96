#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The service page as a live view, in the real window: with the keyboard
on the row of one of the service's contracts, another program renames
that contract; the page shows the new title, the keyboard is still on the
same row, and every other control, row and label of the page is the one
it was: only the contract's row, the timeline drawn from the contracts and
the latest changes took what changed. The service page and a
decommission's are photographed at 1400×900 and 800×600.

    with-display.sh python3 test_hub_live.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

import pyatspi

from common import Failure, Session, find_button, find_label, has_state, press_ready, wait_for
from test_hub import DECOMMISSIONED, SERVICE, open_service, screenshots, scroll_to

RENAMED = "Advocacy single gateway, renamed elsewhere"
# The lists a renamed contract reaches: its row, the timeline above the
# rows, and the changes listed last.
REACHED = ("Contracts", "Audit Trail")


def nodes(page):
    """Every node under @page, each with the name of the nearest list
    above it (or None), as one walk over the bus."""
    found = {}
    stack = [(page, None)]
    while stack:
        node, within = stack.pop()
        if node is None:
            continue
        role = node.getRoleName()
        found[node] = within
        inner = node.name if role == "list" else within
        stack.extend((child, inner) for child in node)
    return found


def focused(page):
    return next((n for n in nodes(page) if has_state(n, pyatspi.STATE_FOCUSED)), None)


def rename_elsewhere(session, reference):
    """Renames the contract with an import from the command line, another
    program with its own connection to the file, writing the same facts
    with a new title."""
    row = session.rows("SELECT p.name, o.name, c.start_date, c.end_date, c.annual_value"
                       " FROM contract c JOIN provider p ON p.id = c.provider_id"
                       " JOIN service s ON s.id = c.service_id"
                       " JOIN organisation o ON o.id = s.lead_commissioner_id"
                       " WHERE c.reference = ?", reference)[0]
    provider, commissioner, start, end, pence = row
    uk = lambda iso: "/".join(reversed(iso.split("-")))  # noqa: E731
    register = os.path.join(session.work, "renamed.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n"
                  f'{reference},"{RENAMED}","{provider}","{commissioner}","{SERVICE}",'
                  f"{uk(start)},{uk(end)},{pence / 100:.2f}\n")
    result = subprocess.run([session.binary, "--import", register, "--on-duplicate=update",
                             "--portfolio", session.portfolio], capture_output=True, text=True,
                            env=dict(session.env, DISPLAY=""))
    if result.returncode != 0:
        raise Failure("the import from the command line failed: " + result.stderr)


def photograph_pages(session, page):
    """The service page, and a decommission's, at 1400×900 and 800×600."""
    screenshots(session, "service", lambda: find_label(page, lambda t: t == SERVICE))
    hub = open_service(session, DECOMMISSIONED)
    press_ready("the Open Decommissioning button",
                lambda: find_button(hub, "Open Decommissioning"))
    decommission = session.page("CmDecommissionPage")
    screenshots(session, "decommission", lambda: find_label(
        decommission, lambda t: t == "Reason for decommissioning"))


def main():
    with Session("hub_live") as session:
        session.launch()
        page = open_service(session, SERVICE)
        reference = session.sql("SELECT c.reference FROM contract c JOIN service s"
                                " ON s.id = c.service_id WHERE s.name = ?", SERVICE)
        title = session.sql("SELECT title FROM contract WHERE reference = ?", reference)
        label = wait_for("the contract's row", lambda: find_label(
            page, lambda text: reference in text and title in text))
        row = label
        while row is not None and row.getRoleName() != "list item":
            row = row.parent
        if row is None:
            raise Failure(f"the contract {reference} is not in a row")
        # The keyboard goes to the row as a user's would, with a click.
        scroll_to(session, page, row)
        session.click(label)
        wait_for("the keyboard on the contract's row", lambda: has_state(row, pyatspi.STATE_FOCUSED))
        target = row.name
        shown = nodes(page)
        session.log(f"the keyboard is on {target!r}; the page holds {len(shown)} nodes")

        rename_elsewhere(session, reference)
        wait_for("the new title on the page", lambda: any(
            n.getRoleName() == "label" and RENAMED in n.name for n in nodes(page)))
        after = nodes(page)
        still = focused(page)
        if still is None or still != row:
            raise Failure("the keyboard left the button it was on: "
                          f"{still.name if still else None!r}")
        lost = [n for n in shown if n not in after]
        elsewhere = sorted({shown[n] or "(no list)" for n in lost} - set(REACHED))
        if elsewhere:
            raise Failure(f"parts the change did not reach were made again: {elsewhere}")
        session.log(f"renamed elsewhere: {len(lost)} of {len(shown)} nodes replaced, all in"
                    f" {sorted({shown[n] for n in lost})}; the keyboard stayed on {target!r}")
        session.screenshot("hub-live")
        photograph_pages(session, page)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
