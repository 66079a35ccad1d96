#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""First run: a new, empty portfolio's Overview leads to a commissioner, a
service, and the first contract with its provider, in under 12 actions;
the contract lands in the file with its service, provider and lead
commissioner. An action is a press of a button, or a field clicked and
typed into. Then a portfolio created from the welcome page takes the
name the user typed, and its file is named after it.

    with-display.sh python3 test_first_run.py COMMISSIONER OUTPUT_DIR
"""
import os

from common import Failure, Session, enabled, find, find_button, find_label, press, \
    set_text, text_of, wait_for

COMMISSIONER = "Leeds City Council: Adults and Health"
SERVICE = "Carers support"
PROVIDER = "Carers Leeds"
REFERENCE = "ASC-0001"
TITLE = "Carers support and breaks"
NAME = "Leeds adult social care"
MOST_ACTIONS = 11


class Counter:
    """Counts what the user does, and says it."""

    def __init__(self, session):
        self.session, self.count = session, 0

    def press(self, what, probe):
        control = wait_for(what, lambda: (lambda n: n if n and enabled(n) else None)(probe()))
        press(control)
        self._did(f"pressed {what}")

    def fill(self, what, field_probe, text, window=None):
        field = wait_for(what, field_probe)
        self.session.type_into(field, text, window)
        self._did(f"typed {text!r} into {what}")

    def _did(self, what):
        self.count += 1
        self.session.log(f"action {self.count}: {what}")


def add_in_editor(session, count, title, fields):
    """Fills the fields of the editor window called @title, and saves."""
    editor = session.frame(title)
    for field, text in fields:
        count.fill(f"the {field} field", lambda: find(editor, "text", field), text, window=title)
    count.press(f"Save in {title!r}", lambda: find_button(editor, "Save"))
    session.frame_closed(title)


def first_contract(session):
    overview = session.page("Overview")
    wait_for("the first-run guidance", lambda: find_label(
        overview, lambda text: text == "Start Your Portfolio"))
    if find_button(overview, "Go to Services"):
        raise Failure("the empty Overview still sends the user to the Services page")
    service_button = find_button(overview, "Add a Service…")
    if service_button is None or enabled(service_button):
        raise Failure("Add a Service… should wait for a commissioner")
    if find_button(overview, "Import a Register…") is None:
        raise Failure("the empty Overview does not offer to import a register")
    session.screenshot("empty-overview")

    count = Counter(session)
    count.press("Add a Commissioner…", lambda: find_button(overview, "Add a Commissioner…"))
    add_in_editor(session, count, "New commissioner", [("Name", COMMISSIONER)])
    wait_for("the commissioner in the file",
             lambda: session.sql("SELECT count(*) FROM organisation") == 1)

    count.press("Add a Service…", lambda: find_button(overview, "Add a Service…"))
    add_in_editor(session, count, "New service", [("Name", SERVICE)])
    wait_for("the service in the file", lambda: session.sql("SELECT count(*) FROM service") == 1)
    session.screenshot("next-step")

    count.fill("the provider's name", lambda: find(
        overview, "text", "Provider holding the first contract"), PROVIDER)
    count.press("Add a Contract…", lambda: find_button(overview, "Add a Contract…"))
    add_in_editor(session, count, "New contract", [("Reference", REFERENCE), ("Title", TITLE)])

    landed = wait_for("the contract in the file", lambda: session.rows(
        "SELECT c.title, s.name, p.name, o.name FROM contract c"
        " JOIN service s ON s.id = c.service_id JOIN provider p ON p.id = c.provider_id"
        " JOIN organisation o ON o.id = s.lead_commissioner_id WHERE c.reference = ?",
        REFERENCE))
    if landed != [(TITLE, SERVICE, PROVIDER, COMMISSIONER)]:
        raise Failure(f"the contract landed as {landed}")
    if count.count > MOST_ACTIONS:
        raise Failure(f"the first contract took {count.count} actions, more than {MOST_ACTIONS}")
    wait_for("the Overview past its first run", lambda: find_label(
        overview, lambda text: text == "Needs You Now"))
    session.log(f"first contract in {count.count} actions from an empty portfolio")
    session.verify_audit()


def empty_sections(session):
    """A section with no records yet says so in a whole sentence of its
    own, with "an" where the noun takes it."""
    for section, title, add in [("Risks", "No Risks Yet", "Add a risk"),
                                ("Engagement", "No Engagement Yet", "Add an engagement")]:
        page = session.show_section(section)
        wait_for(f"the empty {section} page", lambda: find_label(
            page, lambda text: text == title))
        if find_button(page, add) is None:
            raise Failure(f"the empty {section} page does not offer {add!r}")
        session.log(f"the empty {section} page says {title!r} and offers {add!r}")
    session.screenshot("empty-engagement")


def named_portfolio(session):
    """The welcome page's Create a New Portfolio… asks for a name first."""
    session.binary = os.path.abspath(session.binary)
    os.chdir(session.work)  # where the file chooser starts
    welcome = session.launch(files=[], title="Commissioner")
    press(wait_for("Create a New Portfolio…",
                   lambda: find_button(welcome, "Create a New Portfolio…")))
    dialog = session.frame("Name the New Portfolio")
    entry = wait_for("the portfolio's name", lambda: find(dialog, "text", "Portfolio name"))
    set_text(entry, NAME)
    press(wait_for("Choose Where to Keep It…",
                   lambda: find_button(dialog, "Choose Where to Keep It…")))
    chooser = session.frame("New Portfolio")
    file_name = f"{NAME}.commissioner"
    name_field = wait_for("the chooser's name field", lambda: next(
        n for n in [find(chooser, "text", "Name"), find(chooser, "text")]
        if n is not None and text_of(n) == file_name))
    session.log(f"the file chooser suggests {text_of(name_field)!r}")
    press(wait_for("Create", lambda: find_button(chooser, "Create")))
    wait_for("the window named after the portfolio", lambda: welcome.name == NAME)
    session.portfolio = os.path.join(session.work, file_name)
    stored = session.sql("SELECT value FROM meta WHERE key = 'name'")
    if stored != NAME:
        raise Failure(f"the new portfolio is called {stored!r}, not {NAME!r}")
    session.log(f"a new portfolio named {NAME!r}, kept as {file_name!r}")


def main():
    with Session("first_run") as session:
        session.portfolio = os.path.join(session.work, "empty.commissioner")
        session.launch()
        first_contract(session)
        empty_sections(session)
        session.stop()
        named_portfolio(session)


if __name__ == "__main__":
    main()
