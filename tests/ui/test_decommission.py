#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A decommission in the real window: a step of the demo's decommission
in progress is completed, then found, with who did it, in the reviewer's
audit trail.

    with-display.sh python3 test_decommission.py COMMISSIONER OUTPUT_DIR
"""
from common import Failure, Session, find, find_button, find_label, press_ready, state_of, wait_for

SERVICE = "Vulnerable Groups"
STEP = "Consider the effect on primary care"


def step_done(session):
    return session.sql("SELECT count(*) FROM checklist_item i JOIN service s"
                       " ON s.id = i.service_id WHERE s.name = ? AND i.stage = 'decommissioning'"
                       " AND i.title = ? AND i.state = 'done'", SERVICE, STEP)


def newest(verified, test):
    """The label passing @test in the audit trail whose first row says
    the chain verifies: the trail runs oldest first, so it is read from
    its end."""
    trail = verified
    while trail.getRoleName() != "list":
        trail = trail.parent
    for i in reversed(range(trail.childCount)):
        label = find_label(trail[i], test)
        if label:
            return label
    return None


def complete_step(session):
    records = session.show_section("Decommissions")
    session.search(records, "Decommissions", SERVICE)
    press_ready("the Open Decommission button",
                lambda: find_button(records, "Open Decommission"))
    page = session.page("CmDecommissionPage")
    press_ready("the Steps step", lambda: find(page, "push button", "Show the Steps step"))
    combo = wait_for("the step's state", lambda: find(page, "combo box", f"State of “{STEP}”"))
    if state_of(combo) != "To do" or step_done(session) != 0:
        raise Failure(f"the demo's step {STEP!r} should still be to do")
    session.choose(combo, 1)
    wait_for("the step done in the file", lambda: step_done(session) == 1)
    wait_for("the step shown done", lambda: state_of(
        find(page, "combo box", f"State of “{STEP}”")) == "Done")
    session.screenshot("steps")

    press_ready("the Audit step", lambda: find(page, "push button", "Show the Audit step"))
    verified = wait_for("the chain verified", lambda: find_label(
        page, lambda text: text == "The hash chain verifies for every action"))
    actor = session.sql("SELECT actor FROM audit WHERE entity = 'checklist_item'"
                        " AND field = 'state' AND new_value = 'done' ORDER BY id DESC LIMIT 1")
    wait_for("the step's action in the audit trail", lambda: newest(
        verified, lambda text: "State: To do → Done" in text and actor in text))
    session.log(f"a decommissioning step was completed by {actor!r} and shows in its audit trail")
    session.screenshot("audit")


def main():
    with Session("decommission") as session:
        session.launch()
        complete_step(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
