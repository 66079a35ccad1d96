#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A service's Community Committee in the real window: chosen in the
service's editor from Leeds' ten with the keyboard, stored as its key with
one audit row, and shown under the service's name on its page.

    with-display.sh python3 test_committee.py COMMISSIONER OUTPUT_DIR
"""
from common import Failure, Session, find, find_button, find_label, press_ready, wait_for

SERVICE = "Independent advocacy gateway"   # city-wide in the demo
CHOSEN = ("inner-south", "Inner South")     # four down from "Not assigned"


def at_1400_by_900(session):
    """The window at the size the layout is judged at, less GTK's frame."""
    session._xdotool(None, "windowsize", "--sync", "1400", "900")
    wait_for("the window at 1400×900", lambda: all(
        abs(got - want) <= 20 for got, want in
        zip(session.window.queryComponent().getSize(), (1400, 900))))


def committee(session):
    return session.sql("SELECT community_committee FROM service WHERE name = ?", SERVICE)


def choose_in_editor(session):
    if committee(session) != "none":
        raise Failure(f"{SERVICE} starts with the committee {committee(session)!r}")
    page = session.show_section("Services")
    session.search(page, "Services", SERVICE)
    session.key("ctrl+e")  # the page's shortcut for its Edit… button
    title = "Edit service"
    dialog = session.frame(title)
    combo = wait_for("the Community Committee choice",
                     lambda: find(dialog, "combo box", "Community Committee"))
    session.choose(combo, 4, title)
    wait_for(f"{CHOSEN[1]} chosen", lambda: find_label(combo, lambda t: t == CHOSEN[1]))
    session.screenshot("committee-editor")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the committee in the file", lambda: committee(session) == CHOSEN[0])
    session.frame_closed(title)
    audited = session.sql("SELECT count(*) FROM audit a JOIN service s ON s.id = a.entity_id"
                          " WHERE a.entity = 'service' AND s.name = ?"
                          " AND a.field = 'community_committee' AND a.old_value = 'none'"
                          " AND a.new_value = ?", SERVICE, CHOSEN[0])
    if audited != 1:
        raise Failure(f"the change has {audited} audit rows, not one")
    session.log(f"{SERVICE} now reports to {CHOSEN[1]}, audited once")
    return page


def shown_on_page(session, services):
    press_ready("the Open Cycle button", lambda: find_button(services, "Open Cycle"))
    page = session.page("CmServicePage")
    wait_for(f"the page of {SERVICE}", lambda: find_label(page, lambda text: text == SERVICE))
    line = wait_for("the committee under the name", lambda: find_label(
        page, lambda text: text == f"Community Committee: {CHOSEN[1]}"))
    session.log(f"the service page reads {line.name!r}")
    session.screenshot("committee-service-page")


def main():
    with Session("committee") as session:
        session.launch()
        at_1400_by_900(session)
        services = choose_in_editor(session)
        shown_on_page(session, services)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
