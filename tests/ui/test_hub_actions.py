#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Acting on the service page without leaving it, in the real window: a
draft EIA's signatory is chosen and the draft signed off from its
service's page, through the training override's reason dialog; a new EIA
started there opens on its own page once saved; and each check that holds
a decommission is a button that settles it, here the notice on its
contract, and the steps and the moves open the decommission's page at
them. The EIA page's step buttons are photographed at 1400×900 and
800×600, where their titles must not break inside a word.

    with-display.sh python3 test_hub_actions.py COMMISSIONER OUTPUT_DIR
"""

from common import Failure, Session, enabled, find, find_button, find_label, press, \
    press_ready, set_text, wait_for
from test_eia import screen
from test_pickers import pick, picker
from test_hub import DECOMMISSIONED, HEADERS, open_service, resize, screenshots, \
    scroll_to

SIGNED_HERE = "Independent advocacy gateway"   # its draft EIA is screened by screen()
UNTRAINED = 4       # the fifth of the staff, with no EIA training recorded
OVERRIDE = "Trained on 20 November; the record follows"
NO_EIA = "Healthy Living Services"              # in Plan, with no EIA of its cycle
AUTHOR = "Equality and Diversity Lead"
PROPOSAL = "Re-commission healthy living services from April 2027"
NOTICE_DAY = "1/11/2026"


def photographed(session, name, page, probe):
    """Screenshots at 1400×900 and 800×600 with what @probe finds scrolled
    into the window at each size; the window then goes back to its size."""
    for width, height in ((1400, 900), (800, 600)):
        resize(session, width, height)
        scroll_to(session, page, wait_for(f"what {name} shows at {width}×{height}", probe))
        session.screenshot(f"{name}-{width}x{height}")
    resize(session, 1280, 800)


def eia_steps(session):
    """The EIA page's steps, at both sizes, after the screening."""
    page = session.page("CmEiaPage")
    screenshots(session, "eia-steps", lambda: find(page, "push button",
                                                   "Show the Assessment step"))
    step = find(page, "push button", "Show the Assessment step")
    if "Assessment" not in step.description:
        raise Failure(f"the Assessment step describes itself as {step.description!r}")


def sign_off_on_hub(session):
    page = open_service(session, SIGNED_HERE)
    name = "Sign off version 1"
    wait_for("Sign Off… held for want of a signatory", lambda: next(
        (b for b in [find_button(page, name)] if b is not None and not enabled(b)
         and b.description == "Choose who signs the EIA off."), None))
    photographed(session, "eia-held", page, lambda: find_button(page, name))
    signatory = wait_for("the hub's signatory choice",
                         lambda: find(page, "combo box", "Signatory of version 1"))
    session.choose(signatory, UNTRAINED)
    untrained = session.sql("SELECT id FROM staff ORDER BY id LIMIT 1 OFFSET ?", UNTRAINED)
    wait_for("the signatory saved", lambda: session.sql(
        "SELECT signatory_id FROM eia e JOIN service s ON s.id = e.service_id"
        " WHERE s.name = ?", SIGNED_HERE) == untrained)
    press_ready("the Sign Off… button, free to press",
                lambda: next((b for b in [find_button(page, name)]
                              if b is not None and enabled(b)), None))
    reason = wait_for("the training override's reason",
                      lambda: session.in_dialogs(find, "text", "Reason"))
    if not session.in_dialogs(find_label, lambda t: t == "Sign Off Without Up-to-Date Training?"):
        raise Failure("signing with no training recorded did not ask for a reason")
    set_text(reason, OVERRIDE)
    session.screenshot("eia-override")
    press_ready("the Sign Off Anyway button",
                lambda: session.in_dialogs(find_button, "Sign Off Anyway"))
    wait_for("the EIA signed off with the reason kept", lambda: session.rows(
        "SELECT e.signed, e.training_override FROM eia e JOIN service s"
        " ON s.id = e.service_id WHERE s.name = ?", SIGNED_HERE) == [(1, OVERRIDE)])
    wait_for("the hub reading signed off", lambda: find_label(
        page, lambda t: t.startswith("Cycle 2 · signed off on ")))
    if not session.section_marked("Services"):
        raise Failure("signing off from the hub left it for the EIA page")
    session.log("the draft EIA was signed off from its service's page, with its reason")


def start_eia(session):
    page = open_service(session, NO_EIA)
    press_ready("the Start EIA… button", lambda: find_button(page, "Start EIA…", prune=HEADERS))
    dialog = session.frame("New EIA")
    pick(session, dialog, "New EIA", "Author", "Equality", AUTHOR)
    session.key("Return", "New EIA")
    wait_for("the author chosen", lambda: picker(dialog, "Author").name == f"Author: {AUTHOR}")
    set_text(wait_for("the proposal", lambda: find(dialog, "text", "Proposal")), PROPOSAL)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    session.frame_closed("New EIA")
    wait_for("the new EIA in the file", lambda: session.sql(
        "SELECT count(*) FROM eia WHERE proposal = ?", PROPOSAL) == 1)
    eia = session.page("CmEiaPage")
    wait_for("the new EIA open on its page", lambda: find_label(
        eia, lambda text: NO_EIA in text) and find(eia, "label", "Characteristics"))
    session.log("a new EIA started from the hub opened on its own page")
    session.screenshot("eia-started")


def settle_notice(session):
    page = open_service(session, DECOMMISSIONED)
    reference = session.sql("SELECT c.reference FROM contract c JOIN service s"
                            " ON s.id = c.service_id WHERE s.name = ?", DECOMMISSIONED)
    unserved = f"Notice has not been served on contract {reference}"
    wait_for("the unserved notice holding completion",
             lambda: find_label(page, lambda t: t.startswith(unserved)))
    name = f"Record notice served on {reference} for the decommissioning"
    button = wait_for("the button that records the notice", lambda: find_button(page, name))
    for other in ("Open the decommissioning’s steps",
                  f"Open contract {reference}, which has not ended"):
        if not find_button(page, other):
            raise Failure(f"the Decommissioning section offers no {other!r}")
    photographed(session, "decommission-checks", page, lambda: find_button(page, name))
    press(wait_for("the button that records the notice", lambda: find_button(page, name)))
    date = wait_for("the notice date field",
                    lambda: session.in_dialogs(find, "text", "Date notice was served"))
    set_text(date, NOTICE_DAY)
    press_ready("the Record Notice button", lambda: next(
        (b for b in [session.in_dialogs(find_button, "Record Notice")]
         if b is not None and enabled(b)), None))
    wait_for("the notice in the file", lambda: session.sql(
        "SELECT notice_served FROM contract WHERE reference = ?", reference) == "2026-11-01")
    wait_for("the unserved notice no longer holding completion",
             lambda: not find_label(page, lambda t: t.startswith(unserved)))
    session.log(f"notice on {reference} recorded from the check that it held the decommission")
    press_ready("the Open Steps button",
                lambda: find_button(page, "Open the decommissioning’s steps"))
    decommission = session.page("CmDecommissionPage")
    wait_for("the decommission's page at its steps", lambda: find_label(
        decommission, lambda t: t.startswith("Each step is done, or not applicable")))
    if find_label(decommission, lambda t: t == "Reason for decommissioning"):
        raise Failure("Open Steps showed the decision as well as the steps")
    session.log("the steps' check opened the decommission's page at its steps")
    page = open_service(session, DECOMMISSIONED)
    press_ready("the Open Moves button", lambda: find_button(
        page, "Open the decommissioning’s moves to other support"))
    wait_for("the decommission's page at its moves", lambda: find_label(
        decommission, lambda t: t.startswith("A planned move to other support")))
    session.log("the moves' check opened the decommission's page at its moves")
    session.screenshot("decommission-moves")


def main():
    with Session("hub_actions") as session:
        session.launch()
        screen(session)
        eia_steps(session)
        sign_off_on_hub(session)
        start_eia(session)
        settle_notice(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
