#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Pickers and worked-out values in the real window: a new contract's
provider and service found by typing part of their names, its total
worked out from an annual value typed as "45000" and a term of 3 years;
and a new service given a lead commissioner added from its own picker.

    with-display.sh python3 test_pickers.py COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find, find_button, find_label, has_state, press, \
    press_ready, set_text, text_of, wait_for, walk

CONTRACT = "PCK-001"
PROVIDER_TYPED = "alzh"
PROVIDER = "Alzheimer's Society"
SERVICE_TYPED = "sexual"
SERVICE = "Sexual Health"
NEW_SERVICE = "Falls Prevention"
NEW_COMMISSIONER = "Leeds Falls Partnership"


def picker(dialog, title):
    """The button of the picker called @title, named "Title: choice"."""
    return wait_for(f"the {title} picker", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "push button"
        and n.name.startswith(title + ": ")))


def open_picker(session, dialog, title):
    """Opens a picker and waits for its search to hold the keyboard."""
    press(picker(dialog, title))
    return wait_for(f"the search of {title}", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "entry" and n.name == f"Search {title}"
        and has_state(n, pyatspi.STATE_FOCUSED)))


def shown_rows(search):
    """The names of the rows the open picker's list shows."""
    rows = find(search.parent, "list")
    return [row.name for row in rows] if rows is not None else []


def pick(session, dialog, window, title, typed, expected):
    """Types part of a name into a picker's search, waits until every row
    shown matches it, and chooses the first with Enter."""
    search = open_picker(session, dialog, title)
    session.type_text(typed, window)

    def narrowed():
        names = shown_rows(search)
        return names if names and all(typed.casefold() in n.casefold() for n in names) else None
    names = wait_for(f"{title} narrowed to {typed!r}", narrowed)
    if expected not in names:
        raise Failure(f"typing {typed!r} in {title} shows {names}, not {expected!r}")
    session.log(f"{title}: {typed!r} shows {names}")
    return names


def add_contract(session):
    page = session.show_section("Contracts")
    press_ready("the Add contract button", lambda: find_button(page, "Add contract"))
    title = "New contract"
    dialog = session.frame(title)

    names = pick(session, dialog, title, "Provider", PROVIDER_TYPED, PROVIDER)
    session.screenshot("provider-picker")
    session.key("Return", title)
    wait_for("the provider chosen", lambda: picker(dialog, "Provider").name
             == f"Provider: {names[0]}")
    # Escape closes the search and leaves the editor, and the choice, as they were.
    search = open_picker(session, dialog, "Service")
    session.key("Escape", title)
    wait_for("the search closed", lambda: not has_state(search, pyatspi.STATE_FOCUSED))
    if picker(dialog, "Service").name != "Service: Choose…":
        raise Failure("Escape in the search changed the service chosen")
    session.frame(title)
    pick(session, dialog, title, "Service", SERVICE_TYPED, SERVICE)
    session.key("Return", title)
    wait_for("the service chosen", lambda: picker(dialog, "Service").name
             == f"Service: {SERVICE}")

    session.type_into(find(dialog, "text", "Reference"), CONTRACT, title)
    session.type_into(find(dialog, "text", "Title"), "Dementia cafés", title)
    annual = find(dialog, "text", "Annual value")
    session.type_into(annual, "45000", title)
    session.key("Tab", title)
    wait_for("the annual value shown as money", lambda: text_of(annual) == "£45,000.00")
    # Below the fold at this size, where a click would miss it.
    set_text(find(dialog, "text", "Term"), "3")
    total = wait_for("the worked-out total", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "text"
        and n.name == "Total value: £135,000.00 from the annual value and term"))
    session.log(f"the empty total says {total.name!r}")
    if text_of(total) != "":
        raise Failure("the total field is not left empty for the worked-out total")
    session.screenshot("contract-filled")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    session.frame_closed(title)
    saved = wait_for("the contract in the file", lambda: session.rows(
        "SELECT p.name, s.name, c.annual_value, c.total_value FROM contract c"
        " JOIN provider p ON p.id = c.provider_id JOIN service s ON s.id = c.service_id"
        " WHERE c.reference = ?", CONTRACT))[0]
    if saved != (names[0], SERVICE, 4500000, 13500000):
        raise Failure(f"the contract saved as {saved}, not {names[0]!r} for {SERVICE!r} at"
                      " £45,000 a year and £135,000 in all")
    session.log(f"saved {saved}")


def add_service_with_new_commissioner(session):
    page = session.show_section("Services")
    press_ready("the Add service button", lambda: find_button(page, "Add service"))
    title = "New service"
    dialog = session.frame(title)
    name = wait_for("the name field", lambda: find(dialog, "text", "Name"))
    session.type_into(name, NEW_SERVICE, title)
    session.key("Tab", title)
    reason = wait_for("the reason Save waits", lambda: find_label(
        dialog, lambda text: text.startswith("Choose a lead commissioner")))
    if "New Commissioner…" not in reason.name:
        raise Failure(f"the editor says {reason.name!r}, which offers no way to add one")
    save = find_button(dialog, "Save")
    if has_state(save, pyatspi.STATE_SENSITIVE):
        raise Failure("Save is offered for a service with no lead commissioner")
    session.log(f"the editor says {reason.name!r}")
    session.screenshot("service-reason")

    search = open_picker(session, dialog, "Lead commissioner")
    press(wait_for("New Commissioner…", lambda: find_button(search.parent,
                                                           "New Commissioner…")))
    session.log("New Commissioner… pressed")
    added = session.frame("New commissioner")
    set_text(wait_for("the commissioner's name", lambda: find(added, "text", "Name")),
             NEW_COMMISSIONER)
    press_ready("the commissioner's Save", lambda: find_button(added, "Save"))
    session.frame_closed("New commissioner")
    session.log("the commissioner saved")
    wait_for("the new commissioner chosen", lambda: picker(dialog, "Lead commissioner").name
             == f"Lead commissioner: {NEW_COMMISSIONER}")
    press_ready("the service's Save", lambda: find_button(dialog, "Save"))
    session.frame_closed(title)
    lead = wait_for("the service in the file", lambda: session.sql(
        "SELECT o.name FROM service s JOIN organisation o ON o.id = s.lead_commissioner_id"
        " WHERE s.name = ?", NEW_SERVICE))
    if lead != NEW_COMMISSIONER:
        raise Failure(f"the service was saved with {lead!r} as its lead commissioner")
    session.log(f"the service saved, led by {lead!r}")


def main():
    with Session("pickers") as session:
        session.launch()
        add_contract(session)
        add_service_with_new_commissioner(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
