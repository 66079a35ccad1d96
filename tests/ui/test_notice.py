#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Notice in the real window: the deadlines list the breached notice
first, with its status in words, and a contract past its end with no
outcome recorded, which the contract page also flags; recording its
outcome in the editor closes it. Then notice on a contract is recorded
as served on a day typed into the date dialog, which refuses a date it
cannot read, and is found in the file, the audit trail and the verdict.
Last, a contract procured under the Procurement Act 2023 lists the notices
its route requires, overdue where not recorded, and one is recorded from
its page with its identifier; a variation added there is audited and
brings its change notice.

    with-display.sh python3 test_notice.py COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import TODAY, Failure, Session, enabled, find, find_button, find_label, has_state, \
    press, press_ready, set_text, state_of, table_rows, text_of, wait_for

CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant, 1 October 2018 to 2028
ENDED = "ASC-0014"  # Advonet's advocacy gateway, ended 31 March 2023, no outcome recorded
NOTICE_DAY = "2027-01-15"
NOTICE_ID = "2026/S 000-031415"
VARIATION = "Outreach clinics added in two wards"


def check_deadlines(session):
    """The deadlines, most urgent first, with their status in words."""
    page = session.show_section("Deadlines")
    rows = wait_for("rows in the deadlines list", lambda: table_rows(page, "Deadlines", 3))
    if "Breached" not in rows[0]:
        raise Failure(f"the most urgent deadline is not the breached notice: {rows[0]}")
    session.log(f"the deadlines list begins with {rows[0]}")
    # A contract past its end with no outcome recorded stays listed, saying
    # what to do; the demo's interim lots, recorded as re-let, do not.
    rows = wait_for("an ended contract in the list", lambda: [
        row for row in table_rows(page, "Deadlines", 12)
        if "Contract ended: record what happened" in row] or None)
    if any("interim" in " ".join(row) for row in rows):
        raise Failure(f"a re-let interim contract is listed as ended: {rows}")
    session.log(f"listed as ended, not closed: {rows[0]}")
    session.screenshot("deadlines")


def notice_served(session):
    return session.sql("SELECT notice_served FROM contract WHERE reference = ?", CONTRACT)


def record_notice_served(session):
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    press_ready("the Record Notice Served button",
                lambda: find_button(page, "Record Notice Served…"))
    date = wait_for("the notice date field",
                    lambda: session.in_dialogs(find, "text", "Date notice was served"))
    accept = wait_for("the Record Notice button",
                      lambda: session.in_dialogs(find_button, "Record Notice"))
    set_text(date, "15 January")
    session.key("Tab", "Record Notice Served")  # leaving the field shows what is wrong
    wait_for("the date marked as unreadable, saying why", lambda: has_state(
        date, pyatspi.STATE_INVALID) and session.in_dialogs(
            find_label, lambda text: text == "“15 January” is not a date: "
                                             "type it as 1/12/2026 or 1 December 2026"))
    if enabled(accept):
        raise Failure("the dialog accepts a date it cannot read")
    set_text(date, NOTICE_DAY)
    wait_for("the date accepted", lambda: enabled(accept)
             and not has_state(date, pyatspi.STATE_INVALID))
    session.screenshot("dialog")
    press(accept)
    wait_for("the notice in the file", lambda: notice_served(session) == NOTICE_DAY)
    actor = session.sql("SELECT actor FROM audit WHERE entity = 'contract'"
                        " AND field = 'notice_served' AND new_value = ?", NOTICE_DAY)
    if not actor or actor.endswith("“Demo portfolio generator”"):
        raise Failure("recording notice left no audit row of the user's")
    verdict = session.toast("the verdict",
                            lambda text: text.startswith(f"Notice on {CONTRACT} served"))
    if "in time" not in verdict:
        raise Failure(f"notice in January 2027 should be in time for 2028: {verdict!r}")
    session.log(f"notice recorded, audited by {actor!r}: {verdict!r}")
    session.screenshot("recorded")


def record_outcome(session):
    """The contract page says the ended contract is not closed; choosing
    its outcome in the editor closes it, and the Deadlines page lets it go."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", ENDED)
    note = wait_for("the ended contract's warning", lambda: find_label(
        page, lambda text: text.startswith("The contract ended on 31 March 2023")))
    session.log(f"the contract page says {note.name!r}")
    session.key("ctrl+e")
    title = "Edit contract"
    dialog = session.frame(title)
    outcome = wait_for("the outcome choice",
                       lambda: find(dialog, "combo box", "Outcome at its end"))
    # The last field of a long editor, below the fold: the keyboard reaches
    # it with Tab from the first field, and scrolls it into view.
    session.focus(find(dialog, "text", "Reference"), title)
    for _ in range(60):
        session.key("Tab", title)
        try:
            wait_for("the keyboard on the outcome", lambda: has_state(
                outcome, pyatspi.STATE_FOCUSED), timeout=0.5)
            break
        except Failure:
            continue
    if not has_state(outcome, pyatspi.STATE_FOCUSED):
        raise Failure("Tab never reached the outcome choice")
    session.choose(outcome, 2, title)  # Not recorded, Extended, Re-let
    wait_for("Re-let chosen", lambda: Session.popover(outcome) is None
             and state_of(outcome) == "Re-let")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the outcome in the file", lambda: session.sql(
        "SELECT outcome FROM contract WHERE reference = ?", ENDED) == "re-let")
    session.frame_closed(title)
    deadlines = session.show_section("Deadlines")
    wait_for("the closed contract gone from the deadlines", lambda: not any(
        ENDED in " ".join(row) for row in table_rows(deadlines, "Deadlines", 12)))
    session.log("the outcome recorded, the contract is closed")


def act_contract(session):
    """The contract of the demo procured by an open procedure under the
    Procurement Act 2023 (begun from 24 February 2025), already started,
    whose contract details notice the demo leaves unpublished."""
    reference = session.sql("SELECT reference FROM contract WHERE route = 'open'"
                            " AND start_date >= '2025-02-24' AND start_date < ?"
                            " AND id NOT IN (SELECT contract_id FROM contract_notice"
                            " WHERE code = 'UK7')"
                            " ORDER BY start_date, reference LIMIT 1", TODAY)
    if reference is None:
        raise Failure("the demo has no open procedure begun under the Procurement Act 2023")
    return reference


def record_procurement_notice(session, contract):
    """The contract details notice of an open procedure begun after 24
    February 2025 is overdue until recorded; recording it from the
    contract's page puts it in the file, under the user's name in the trail."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", contract)
    wait_for("the contract details notice shown overdue", lambda: find_label(
        page, lambda text: text.startswith("Due by") and "within 30 days" in text
        and text.endswith("Overdue")))
    session.screenshot("procurement-notices")
    press_ready("the Record Procurement Notice button",
                lambda: find_button(page, "Record Procurement Notice…"))
    dialog = session.frame("New procurement notice")
    code = wait_for("the notice's code", lambda: find(dialog, "text", "Notice"))
    if text_of(code) != "UK7":
        raise Failure(f"the notice outstanding is the contract details notice, not "
                      f"{text_of(code)!r}")
    set_text(wait_for("the identifier field", lambda: find(dialog, "text", "Notice identifier")),
             NOTICE_ID)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the notice in the file", lambda: session.sql(
        "SELECT code FROM contract_notice WHERE identifier = ?", NOTICE_ID) == "UK7")
    if not session.sql("SELECT actor FROM audit WHERE entity = 'contract_notice'"
                       " AND field = 'identifier' AND new_value = ?", NOTICE_ID):
        raise Failure("recording the procurement notice left no audit row")
    session.frame_closed("New procurement notice")
    wait_for("the contract details notice shown published", lambda: find_label(
        page, lambda text: text.startswith("Published") and NOTICE_ID in text))
    session.log("the contract details notice recorded from the contract's page, and audited")
    session.screenshot("procurement-notice-recorded")


def add_variation(session, contract):
    """A variation added from the contract's page, its size not recorded,
    is in the file and the trail, and the page lists it with the change
    notice it needs."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", contract)
    press_ready("the Add Variation button", lambda: find_button(page, "Add Variation…"))
    dialog = session.frame("New variation")
    set_text(wait_for("the description field", lambda: find(dialog, "text", "Description")),
             VARIATION)
    set_text(wait_for("the reason field", lambda: find(dialog, "text", "Reason")),
             "Clinics moved to the city centre hub")
    session.screenshot("variation-dialog")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the variation in the file", lambda: session.sql(
        "SELECT made_on FROM contract_variation WHERE description = ?", VARIATION) == TODAY)
    if not session.sql("SELECT actor FROM audit WHERE entity = 'contract_variation'"
                       " AND field = 'reason'"):
        raise Failure("adding the variation left no audit row")
    session.frame_closed("New variation")
    wait_for("the variation listed on the contract's page",
             lambda: find_label(page, lambda text: text.startswith(VARIATION)))
    wait_for("its change notice due", lambda: find_label(
        page, lambda text: text == "UK10 Contract change notice"))
    session.log("the variation added from the contract's page, audited, with its change notice")


def main():
    with Session("notice") as session:
        session.launch()
        check_deadlines(session)
        record_outcome(session)
        record_notice_served(session)
        contract = act_contract(session)
        record_procurement_notice(session, contract)
        add_variation(session, contract)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
