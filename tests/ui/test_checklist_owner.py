#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A checklist item ticked on a service's page is that service's, in the
real window: two new services at the same stage, their checklists still
the untouched template, are opened one after the other; an item marked
Done on the second's page is saved on the second service, and the first's
stays to do. The page keeps the rows that match across a change of
record, and a row kept from the first service would save the first's item.

    with-display.sh python3 test_checklist_owner.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

from common import Failure, Session, find, state_of, wait_for
from test_hub import open_service

# Two services new to the portfolio, each brought in by its first contract.
FIRST = "Home first reablement pilot"
SECOND = "Community falls prevention classes"
CONTRACTS = {FIRST: "HFR-2026-01", SECOND: "CFP-2026-01"}
CHECKLIST = "Analyse Checklist"


def add_services(session):
    """Imports a contract for each service from the command line, as a
    register would bring them in: a service it names is made new, at the
    start of its first cycle, with no checklist item stored yet."""
    provider, commissioner = session.rows(
        "SELECT p.name, o.name FROM contract c JOIN provider p ON p.id = c.provider_id"
        " JOIN service s ON s.id = c.service_id"
        " JOIN organisation o ON o.id = s.lead_commissioner_id ORDER BY c.id LIMIT 1")[0]
    register = os.path.join(session.work, "new-services.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n")
        for service, reference in CONTRACTS.items():
            out.write(f'{reference},"{service}","{provider}","{commissioner}","{service}",'
                      "01/04/2026,31/03/2028,48000.00\n")
    result = subprocess.run([session.binary, "--import", register, "--portfolio",
                             session.portfolio], capture_output=True, text=True,
                            env=dict(session.env, DISPLAY=""))
    if result.returncode != 0:
        raise Failure("the import from the command line failed: " + result.stderr)
    made = session.rows("SELECT s.name, s.stage, s.cycle, count(i.id) FROM service s"
                        " LEFT JOIN checklist_item i ON i.service_id = s.id"
                        " WHERE s.name IN (?, ?) GROUP BY s.id ORDER BY s.name",
                        FIRST, SECOND)
    if len(made) != 2 or len({(stage, cycle) for _, stage, cycle, _ in made}) != 1 \
            or any(stored for *_, stored in made):
        raise Failure(f"the two services are not new at the same stage: {made}")
    session.log(f"two new services, each at stage {made[0][1]!r} of cycle {made[0][2]}"
                " with its template checklist")


def settled(session):
    """Every item of the two services no longer to do, with its service."""
    return session.rows("SELECT s.name, i.title, i.state FROM checklist_item i"
                        " JOIN service s ON s.id = i.service_id"
                        " WHERE s.name IN (?, ?) AND i.state <> 'to-do' ORDER BY s.name",
                        FIRST, SECOND)


def first_open_item(page):
    """The drop-down of the first item of the checklist still to do."""
    items = find(page, "list", CHECKLIST)
    for row in items:
        combo = find(row, "combo box")
        if combo is not None and state_of(combo) == "To do":
            return combo
    return None


def main():
    with Session("checklist_owner") as session:
        add_services(session)
        session.launch()
        first = open_service(session, FIRST)
        wait_for(f"the checklist of {FIRST}", lambda: first_open_item(first))
        session.log(f"{FIRST}'s page shows its checklist")

        second = open_service(session, SECOND)
        combo = wait_for(f"an item to do on {SECOND}'s page", lambda: first_open_item(second))
        item = combo.name
        session.log(f"on {SECOND}'s page, marking {item!r} Done")
        session.choose(combo, 1)
        changed = wait_for("the item saved in the file", lambda: settled(session))
        if [(service, state) for service, _, state in changed] != [(SECOND, "done")]:
            raise Failure(f"marking an item Done on {SECOND}'s page saved {changed}")
        title = changed[0][1]
        if title not in item:
            raise Failure(f"{title!r} was saved, not the item chosen, {item!r}")
        wait_for(f"{item} showing Done", lambda: next(
            (c for c in [find(find(second, "list", CHECKLIST), "combo box", item)]
             if c is not None and state_of(c) == "Done"), None))
        session.screenshot("second-service")
        session.log(f"{title!r} is done on {SECOND} only; {FIRST}'s is still to do")
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
