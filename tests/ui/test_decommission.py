#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A decommission in the real window: the demo's decommission in progress
shows its decision following the sign-off of its EIA and what still holds
completion, and with its EIA taken away the decision is flagged. A step is
then completed, and found, with who did it, in the reviewer's audit trail.
Last, the Overview flags the decision too, and a reason given there lets it
stand, kept in the file and the audit trail.

    with-display.sh python3 test_decommission.py COMMISSIONER OUTPUT_DIR
"""
from common import Failure, Session, find, find_button, find_label, press_ready, set_text, \
    state_of, wait_for

SERVICE = "Vulnerable Groups"
STEP = "Consider the effect on primary care"
STANDS = "The board met in an emergency; the assessment is on the paper file"


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


def decision_eia(session, column):
    return session.sql(f"SELECT d.{column} FROM decommission d JOIN service s"
                       " ON s.id = d.service_id WHERE s.name = ?", SERVICE)


def check_decision(session, page):
    """The decision follows its EIA; without one it is flagged until a
    reason lets it stand."""
    wait_for("the decision following its EIA", lambda: find_label(
        page, lambda text: text == "The EIA came first"))
    wait_for("what holds completion", lambda: find_label(
        page, lambda text: "runs until" in text and "Complete the decommission once it has "
        "ended" in text))
    if decision_eia(session, "eia_id") is None:
        raise Failure("the demo's decision names no EIA")
    session.screenshot("decision")

    chosen = wait_for("the EIA behind the decision", lambda: find(
        page, "combo box", "EIA that informed the decision"))
    session.choose(chosen, 1)  # None, after the one signed EIA
    wait_for("no EIA named", lambda: decision_eia(session, "eia_id") is None)
    wait_for("the decision flagged", lambda: find_label(
        page, lambda text: "names no signed equality impact assessment" in text))
    wait_for("a way to let it stand", lambda: find_button(page, "Let the Decision Stand…"))
    session.log("the decision without its EIA is flagged on its page")
    return page


def let_it_stand(session):
    """The Overview flags the decision too, and a reason given there lets
    it stand."""
    overview = session.show_section("Overview")
    # Only a flagged decision offers the button; each walk of the Overview
    # reads many rows, so the button alone is looked for.
    press_ready("the decision flagged on the Overview", lambda: find_button(
        overview, f"Let the decision on “{SERVICE}” stand"))
    reason = wait_for("the reason field", lambda: session.in_dialogs(find, "text", "Reason"))
    set_text(reason, STANDS)
    press_ready("the Let It Stand button", lambda: session.in_dialogs(find_button, "Let It Stand"))
    wait_for("the reason kept", lambda: decision_eia(session, "eia_override") == STANDS)
    wait_for("no decision flagged on the Overview", lambda: find_label(
        overview, lambda text: text == "No decision is flagged"))
    if session.sql("SELECT count(*) FROM audit WHERE entity = 'decommission'"
                   " AND field = 'eia_override' AND new_value = ?", STANDS) != 1:
        raise Failure("the reason the decision stands is not in the audit trail")
    session.log("the flagged decision stands with an audited reason given on the Overview")
    session.screenshot("overview")


def open_decommission(session):
    records = session.show_section("Decommissions")
    session.search(records, "Decommissions", SERVICE)
    press_ready("the Open Decommission button",
                lambda: find_button(records, "Open Decommission"))
    # Its controls are found on the page hidden too, where a click misses.
    wait_for("the decommissioning's page shown", session.back_shown)
    return session.page("CmDecommissionPage")


def complete_step(session):
    page = check_decision(session, open_decommission(session))
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
        let_it_stand(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
