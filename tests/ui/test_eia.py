#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""An equality impact assessment in the real window: the demo's draft
screening is completed, a relevance and its reason for each open
characteristic, then the outcome and its reason, with the keyboard moving
on to each reason as a user's would; Sign Off… then waits, saying why,
until a signatory is chosen, and the page refuses the author as one.

    with-display.sh python3 test_eia.py COMMISSIONER OUTPUT_DIR
"""
from common import NOT_ENTERED, Failure, Session, enabled, find, find_button, find_label, gone, \
    press_ready, state_of, text_of, wait_for

SERVICE = "Independent advocacy gateway"
REASON = "No differential effect in the referral data"
OUTCOME_REASON = "Only disability is relevant and the impact is positive"
# A search for a drop-down need not look inside the text fields, nor one
# for a text field inside the drop-downs: each node read is a call over the bus.
PAST_FIELDS = NOT_ENTERED + ("text",)
PAST_CHOICES = NOT_ENTERED + ("combo box",)


def characteristics(session, where, *params):
    return session.sql("SELECT count(*) FROM eia_characteristic c JOIN eia e ON e.id = c.eia_id"
                       " JOIN service s ON s.id = e.service_id WHERE s.name = ? AND " + where,
                       SERVICE, *params)


def screen(session):
    records = session.show_section("Assessments (EIAs)")
    session.search(records, "EIAs", "advocacy")
    press_ready("the Open Assessment button", lambda: find_button(records, "Open Assessment"))
    page = session.page("CmEiaPage")
    wait_for("the screening step", lambda: find(page, "label", "Characteristics"))
    open_before = characteristics(session, "c.relevance = 'unanswered'")
    if open_before != 2:
        raise Failure("the demo's draft EIA should have two characteristics to screen,"
                      f" not {open_before}")
    session.screenshot("screening")

    for name in ("Carers", "Poverty and socio-economic disadvantage"):
        relevance = f"Relevance of “{name}”"
        combo = wait_for(f"the relevance of {name}",
                         lambda: find(page, "combo box", relevance, prune=PAST_FIELDS))
        session.choose(combo, 2)  # Not relevant
        wait_for(f"{name} screened", lambda: characteristics(
            session, "c.name = ? AND c.relevance = 'not-relevant'", name) == 1)
        # The keyboard moves on to the reason, which then holds what is
        # typed; the page keeps the choice where it was, not built again.
        wait_for("the choice shown", lambda: state_of(combo) == "Not relevant")
        if gone(combo):
            raise Failure(f"the page was built again when {name} was screened")
        session.type_text(REASON)
        why = f"Why “{name}” is or is not relevant"
        wait_for(f"the reason for {name} typed where the keyboard went", lambda: text_of(
            find(page, "text", why, prune=PAST_CHOICES)) == REASON)
        session.key("Return")
        wait_for(f"the reason for {name} saved", lambda: characteristics(
            session, "c.name = ? AND c.screening_reason = ?", name, REASON) == 1)

    outcome = wait_for("the screening outcome",
                       lambda: find(page, "combo box", "Screening outcome", prune=PAST_FIELDS))
    session.choose(outcome, 2)
    choice = "No full assessment needed"
    wait_for("the outcome saved", lambda: session.sql(
        "SELECT outcome FROM eia WHERE signed = 0") == "no-full-assessment")
    wait_for("the choice shown", lambda: state_of(outcome) == choice)
    if gone(outcome):
        raise Failure("the page was built again when the outcome was chosen")
    session.type_text(OUTCOME_REASON)
    wait_for("the outcome's reason typed where the keyboard went", lambda: text_of(
        find(page, "text", "Reason for the outcome", prune=PAST_CHOICES)) == OUTCOME_REASON)
    session.key("Return")
    wait_for("the outcome's reason saved", lambda: session.sql(
        "SELECT outcome_reason FROM eia WHERE signed = 0") == OUTCOME_REASON)

    press_ready("the Sign-off step",
                lambda: find(page, "push button", "Show the Sign-off step"))
    # Complete, but nobody chosen to sign: Sign Off… waits, and says why.
    sign_off_held(session, page, "Choose who signs the EIA off.")
    if find_label(page, lambda text: text == "The screening and assessment are complete."):
        raise Failure("the EIA is shown ready to sign off with no signatory")
    audited = session.sql("SELECT count(*) FROM audit WHERE entity = 'eia_characteristic'"
                          " AND field IN ('relevance', 'screening_reason')"
                          " AND actor NOT LIKE '%“Demo portfolio generator”'")
    if audited != 4:
        raise Failure(f"the screening changes are not all in the audit trail ({audited} rows)")
    session.log("the draft EIA's screening was completed; its sign-off waits for a signatory")
    session.screenshot("sign-off")


def sign_off_button(page):
    return wait_for("the Sign Off… button", lambda: find_button(page, "Sign Off…"))


def sign_off_held(session, page, reason):
    """Sign Off… takes no press, and the reason is shown beside it and read
    as its description."""
    wait_for(f"Sign Off… held because {reason!r}", lambda: not enabled(sign_off_button(page))
             and sign_off_button(page).description == reason
             and find_label(page, lambda text: text == reason, prune=PAST_FIELDS))


def draft_signatory(session):
    return session.sql("SELECT signatory_id FROM eia WHERE signed = 0")


def choose_signatory(session):
    """The author cannot sign their own EIA: choosing them holds the
    sign-off, and choosing someone else frees it."""
    page = session.page("CmEiaPage")
    author = session.sql("SELECT author_id FROM eia WHERE signed = 0")
    # The staff are listed in the order they were added, with none chosen yet.
    position = session.sql("SELECT count(*) FROM staff WHERE id < ?", author)
    signatory = wait_for("the signatory", lambda: find(page, "combo box", "Signatory",
                                                       prune=PAST_FIELDS))
    session.choose(signatory, position)
    wait_for("the author chosen to sign", lambda: draft_signatory(session) == author)
    wait_for("the author refused as signatory", lambda: find_label(
        page, lambda text: "wrote this EIA, so cannot also sign it off" in text))
    if find_label(page, lambda text: text == "The screening and assessment are complete."):
        raise Failure("the EIA is shown ready to sign off by its own author")
    if enabled(sign_off_button(page)):
        raise Failure("Sign Off… takes a press with the author as signatory")
    session.screenshot("author-refused")

    signatory = wait_for("the signatory again", lambda: find(page, "combo box", "Signatory",
                                                             prune=PAST_FIELDS))
    session.choose(signatory, 2)
    wait_for("someone else chosen to sign", lambda: draft_signatory(session) not in (None, author))
    wait_for("the EIA ready to sign off", lambda: find_label(
        page, lambda text: text == "The screening and assessment are complete."))
    wait_for("Sign Off… ready to press", lambda: enabled(sign_off_button(page)))
    session.log("the author was refused as signatory, and another member of staff accepted")


def main():
    with Session("eia") as session:
        session.launch()
        screen(session)
        choose_signatory(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
