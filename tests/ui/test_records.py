#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Records in the real window: a provider added with Save, deleted and
restored twice with Undo; a provider and a contract added by pressing
Enter in a text field, each saved once, with the window still there to
list them; and the contract editor refusing an end before the start.

    with-display.sh python3 test_records.py COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, enabled, find, find_all, find_button, find_label, has_state, \
    press, press_ready, set_text, shown_label, state_of, wait_for, walk

PROVIDER = "Leeds Irish Health and Homes"
ENTER_PROVIDER = "Enter Key Care Ltd"
ENTER_CONTRACT = "ENT-001"
CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant, 1 October 2018 to 2028
COMMISSIONER = "Leeds Health and Care Partnership"
CCG_CONTRACT = "CCG-0001"  # crisis support, NHS Leeds CCG, April 2019 to March 2024


def providers(session, name):
    return session.sql("SELECT count(*) FROM provider WHERE name = ?", name)


def created(session, entity, field, value):
    """How many audit rows record @entity created with @field = @value."""
    return session.sql("SELECT count(*) FROM audit WHERE entity = ? AND field = ?"
                       " AND new_value = ? AND old_value IS NULL", entity, field, value)


def delete_chosen(session, page):
    """Deletes the chosen record from its "More Actions" menu, answering
    Delete to the question that follows."""
    menu = wait_for("the More Actions menu", lambda: find_button(page, "More Actions"))
    press(menu)
    press_ready("the Delete… item", lambda: find_button(menu, "Delete…"))
    question = wait_for("the question before deleting", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t.startswith("Delete “")) else None))
    press_ready("the Delete answer", lambda: find_button(question, "Delete"))


def add_delete_undo(session):
    """Adds a provider with Save, deletes it, and brings it back with Undo,
    twice: a second Undo toast replaces the first without trouble."""
    page = session.show_section("Providers")
    press_ready("the Add provider button", lambda: find_button(page, "Add provider"))
    dialog = session.frame("New provider")
    set_text(wait_for("the name field", lambda: find(dialog, "text", "Name")), PROVIDER)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the provider in the file", lambda: providers(session, PROVIDER) == 1)
    actor = session.sql("SELECT actor FROM audit WHERE entity = 'provider' AND field = 'name'"
                        " AND new_value = ? AND old_value IS NULL", PROVIDER)
    if not actor:
        raise Failure("creating the provider left no audit row")
    session.log(f"provider created and audited by {actor!r}")
    session.frame_closed("New provider")
    wait_for("the new provider shown", lambda: find_label(page, lambda text: text == PROVIDER))
    session.screenshot("providers")

    for turn in ("once", "again"):
        wait_for("the provider shown", lambda: find_label(page, lambda text: text == PROVIDER))
        delete_chosen(session, page)
        wait_for(f"the provider gone from the file {turn}",
                 lambda: providers(session, PROVIDER) == 0)
        if not session.sql("SELECT id FROM audit WHERE entity = 'provider' AND field = 'name'"
                           " AND old_value = ? AND new_value IS NULL", PROVIDER):
            raise Failure("deleting the provider left no audit row")
        press_ready("the Undo button", lambda: find_button(session.window, "Undo",
                                                           pages=False))
        wait_for(f"the provider restored {turn}", lambda: providers(session, PROVIDER) == 1)
    session.log("deleted and restored twice")


def add_provider_with_enter(session):
    """Types a new provider's name and presses Enter: the default Save."""
    page = session.show_section("Providers")
    press_ready("the Add provider button", lambda: find_button(page, "Add provider"))
    dialog = session.frame("New provider")
    name = wait_for("the name field", lambda: find(dialog, "text", "Name"))
    session.type_into(name, ENTER_PROVIDER, "New provider")
    session.key("Return", "New provider")
    wait_for("the provider saved by Enter", lambda: providers(session, ENTER_PROVIDER) == 1)
    session.frame_closed("New provider")
    if providers(session, ENTER_PROVIDER) != 1 or created(session, "provider", "name",
                                                          ENTER_PROVIDER) != 1:
        raise Failure("Enter did not save the provider exactly once")
    session.search(page, "Providers", ENTER_PROVIDER)
    session.log("Enter saved the provider once, and the list shows it")


def choose(session, dialog, title, window):
    """Opens the picker called @title, takes the first of its choices with
    Enter in its search; returns the name chosen."""
    press(picker(dialog, title))
    wait_for(f"the search of {title}", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "entry" and n.name == f"Search {title}"
        and has_state(n, pyatspi.STATE_FOCUSED)))
    session.key("Return", window)
    return wait_for(f"a choice in {title!r}", lambda: (lambda name: name != f"{title}: Choose…"
                    and name.split(": ", 1)[1])(picker(dialog, title).name))


def picker(dialog, title):
    """The button of the picker called @title, named "Title: choice"."""
    return wait_for(f"the {title} picker", lambda: next(
        n for n in walk(dialog) if n.getRoleName() == "push button"
        and n.name.startswith(title + ": ")))


def add_contract_with_enter(session):
    """Fills a new contract, the reference typed last, and presses Enter
    in that field."""
    page = session.show_section("Contracts")
    press_ready("the Add contract button", lambda: find_button(page, "Add contract"))
    dialog = session.frame("New contract")
    title = "New contract"
    service = choose(session, dialog, "Service", title)
    provider = choose(session, dialog, "Provider", title)
    set_text(find(dialog, "text", "Title"), "Carers' breaks by the keyboard")
    reference = find(dialog, "text", "Reference")
    session.type_into(reference, ENTER_CONTRACT, title)
    save = find_button(dialog, "Save")
    wait_for("Save offered", lambda: enabled(save))
    session.screenshot("contract-enter")
    session.key("Return", title)
    wait_for("the contract saved by Enter", lambda: session.sql(
        "SELECT count(*) FROM contract WHERE reference = ?", ENTER_CONTRACT) == 1)
    session.frame_closed(title)
    saved = session.rows("SELECT count(*), s.name, p.name FROM contract c"
                         " JOIN service s ON s.id = c.service_id"
                         " JOIN provider p ON p.id = c.provider_id WHERE c.reference = ?",
                         ENTER_CONTRACT)[0]
    if saved != (1, service, provider):
        raise Failure(f"the contract saved by Enter is {saved}, not one of {service!r}"
                      f" by {provider!r}")
    if created(session, "contract", "reference", ENTER_CONTRACT) != 1:
        raise Failure("Enter did not audit the new contract exactly once")
    session.search(page, "Contracts", ENTER_CONTRACT)
    session.log(f"Enter saved the contract once, for {service!r} by {provider!r}")
    session.screenshot("contract-saved")


def refuse_end_before_start(session):
    """Types an end date before the start in the contract editor: the
    message shows under the field as the keyboard leaves it, and Save
    waits; cancelling leaves the file as it was."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    end_before = session.sql("SELECT end_date FROM contract WHERE reference = ?", CONTRACT)
    session.key("ctrl+e")  # the page's shortcut for its Edit… button
    title = "Edit contract"
    dialog = session.frame(title)
    end = wait_for("the end date field", lambda: next(
        t for t in find_all(dialog, "text") if t.name.startswith("End")))
    session.focus(end, title)  # the keyboard in the field, so Tab then leaves it
    set_text(end, "2010-01-01")
    session.key("Tab", title)
    message = wait_for("the inline message",
                       lambda: find_label(dialog, lambda text: "ends before it starts" in text))
    if enabled(find_button(dialog, "Save")):
        raise Failure("Save is offered for a contract that ends before it starts")
    session.log(f"the editor says {message.name!r} and Save waits")
    session.screenshot("contract-invalid")
    press(find_button(dialog, "Cancel"))
    session.frame_closed(title)
    if session.sql("SELECT end_date FROM contract WHERE reference = ?", CONTRACT) != end_before:
        raise Failure("the refused end date reached the file")


def add_commissioner_with_no_successor(session):
    """A new commissioner's "Succeeded by" offers None first; saving with
    it records no successor."""
    session.frame_around_pages()
    session.key("ctrl+comma")
    page = session.frame("Portfolio Settings")
    # The page switcher's buttons have no name of their own: click the words.
    session.click(wait_for("the Commissioners page's button",
                           lambda: shown_label(page, "Commissioners")))
    press_ready("the Add commissioner button", lambda: find_button(page, "Add commissioner"))
    title = "New commissioner"
    dialog = session.frame(title)
    set_text(wait_for("the name field", lambda: find(dialog, "text", "Name")), COMMISSIONER)
    shown = picker(dialog, "Succeeded by").name
    if shown != "Succeeded by: None":
        raise Failure(f"a new commissioner's successor shows {shown!r}, not None")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the commissioner in the file, with no successor", lambda: session.sql(
        "SELECT count(*) FROM organisation WHERE name = ? AND succeeded_by_id IS NULL"
        " AND succeeded_on = ''", COMMISSIONER) == 1)
    session.frame_closed(title)
    session.key("ctrl+w", "Portfolio Settings")
    session.frame_closed("Portfolio Settings")
    session.log("a commissioner saved with no successor")


def contract_names_commissioner_in_force(session):
    """A CCG contract's details name the ICB in force, the CCG beside it,
    and the day its thresholds are judged on."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CCG_CONTRACT)
    shown = wait_for("the commissioner in force", lambda: find_label(
        page, lambda text: "(recorded as NHS Leeds CCG)" in text))
    judged = wait_for("the thresholds' day", lambda: find_label(
        page, lambda text: text.startswith("Judged against the thresholds in force on 1 April"
                                            " 2019, the contract’s start date; the procurement"
                                            " start is not recorded")))
    session.log(f"the contract says {shown.name!r} and {judged.name!r}")
    session.screenshot("contract-succession")


def main():
    with Session("records") as session:
        session.launch()
        add_delete_undo(session)
        add_provider_with_enter(session)
        add_contract_with_enter(session)
        refuse_end_before_start(session)
        add_commissioner_with_no_successor(session)
        contract_names_commissioner_in_force(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
