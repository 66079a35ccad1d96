#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Screenshots of every screen of the window on the demo portfolio, at the
size of the display, for the README and for a look at the layout. Not a
test: it checks only that each screen shows what it should before taking
its picture. Run it from the top of the source tree, once for each size:

    export GSETTINGS_SCHEMA_DIR=_build/data
    CM_TEST_SCREEN=1400x900x24 tests/with-display.sh \\
        /usr/bin/python3 tests/ui/take_screenshots.py _build/ui/commissioner OUTPUT_DIR
    CM_TEST_SCREEN=800x600x24 tests/with-display.sh \\
        /usr/bin/python3 tests/ui/take_screenshots.py _build/ui/commissioner OUTPUT_DIR

Each screen is saved as OUTPUT_DIR/ui-screens-NAME-WIDTHxHEIGHT.png.
"""
import os
import re
import subprocess

import pyatspi

from common import Session, find, find_button, find_label, has_state, press, press_ready, \
    set_text, wait_for

SERVICE = "Independent advocacy gateway"   # in Plan, with a contract and an EIA
DECOMMISSIONED = "Vulnerable Groups"        # being decommissioned
SEARCHED = "carers"
# Each list section, and the title of the list it shows.
LISTS = [("Services", "Services"), ("Contracts", "Contracts"), ("Deadlines", "Deadlines"),
         ("Providers", "Providers"), ("Assessments (EIAs)", "EIAs"),
         ("Decommissions", "Decommissions"), ("Reductions", "Reductions")]


def display_size():
    return tuple(int(n) for n in subprocess.run(
        ["xdotool", "getdisplaygeometry"], capture_output=True, text=True,
        check=True).stdout.split())


def window_size(session):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                            "^" + re.escape(session.window.name) + "$", "getwindowgeometry"],
                           capture_output=True, text=True, timeout=10).stdout
    size = re.search(r"Geometry: (\d+)x(\d+)", found)
    return (int(size[1]), int(size[2])) if size else None


def fill_display(session, size):
    """Sizes the main window to the whole display: there is no window
    manager to do it."""
    session._xdotool(None, "windowmove", "0", "0", "windowsize", str(size[0]), str(size[1]))
    wait_for(f"the window at {size[0]}×{size[1]}", lambda: window_size(session) == size)


class Shooter:
    """Names each picture after its screen and the size it was taken at."""

    def __init__(self, session, size):
        self.session, self.suffix = session, f"{size[0]}x{size[1]}"

    def take(self, name):
        self.session.screenshot(f"{name}-{self.suffix}")
        self.session.log(f"took {name} at {self.suffix}")


def overview(session, shoot):
    page = session.show_section("Overview")
    wait_for("the Overview's figures", lambda: find_label(page, lambda t: bool(t)))
    shoot.take("overview")


def lists(session, shoot):
    for section, title in LISTS:
        page = session.show_section(section)
        wait_for(f"the {title} list", lambda: (lambda table: table and find(table, "list")
                                              and find(table, "list").childCount)(
            find(page, "tree table", title)))
        shoot.take(re.sub(r"\W+", "-", section.lower()).strip("-"))


def contract_details(session, shoot):
    page = session.show_section("Contracts")
    reference = session.sql("SELECT c.reference FROM contract c JOIN service s"
                            " ON s.id = c.service_id WHERE s.name = ?", SERVICE)
    session.search(page, "Contracts", reference)
    edit = wait_for("the contract's Edit button", lambda: find_button(page, "Edit…"))
    shoot.take("contract")
    press_ready("the contract's Edit button", lambda: edit)
    editor = session.frame("Edit contract")
    wait_for("the editor's fields", lambda: find_button(editor, "Save"))
    shoot.take("contract-editor")
    press(wait_for("the Cancel button", lambda: find_button(editor, "Cancel")))
    session.frame_closed("Edit contract")


def record_page(session, shoot, section, title, search, opener, page_name, name):
    """Opens one record from its list, as a user would, and pictures its page."""
    records = session.show_section(section)
    session.search(records, title, search)
    press_ready(f"the {opener} button", lambda: find_button(records, opener))
    page = session.page(page_name)
    wait_for(f"the page of {search}",
             lambda: find_label(page, lambda t: search.casefold() in t.casefold()))
    shoot.take(name)


def search_dialog(session, shoot):
    session._xdotool(None)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+f"], check=True, timeout=10)
    dialog = session.frame("Search Everything")
    entry = wait_for("the search field", lambda: find(
        dialog, "entry", "Search services, contracts, providers, EIAs and decommissions"))
    wait_for("the search field focused", lambda: has_state(entry, pyatspi.STATE_FOCUSED))
    set_text(entry, SEARCHED)
    wait_for("the results", lambda: find(dialog, "list", "Results").childCount > 0)
    shoot.take("search")
    press(wait_for("the Close button", lambda: find_button(dialog, "Close")))
    session.frame_closed("Search Everything")


def portfolio_settings(session, shoot):
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    press_ready("the Portfolio Settings… item",
                lambda: find(menu, "menu item", "Portfolio Settings…"))
    settings = session.frame("Portfolio Settings")
    wait_for("the settings shown", lambda: find_label(settings, lambda t: bool(t)))
    shoot.take("settings")
    press(wait_for("the Close button", lambda: find_button(settings, "Close")))
    session.frame_closed("Portfolio Settings")


def empty_overview(session, shoot, size):
    session.stop()
    session.portfolio = os.path.join(session.work, "empty.commissioner")
    session.launch()
    fill_display(session, size)
    session.stack = None
    page = session.page("Overview")
    wait_for("the first-run guidance", lambda: find_label(
        page, lambda text: text == "Start Your Portfolio"))
    shoot.take("empty-overview")


def main():
    with Session("screens") as session:
        size = display_size()
        shoot = Shooter(session, size)
        session.launch()
        fill_display(session, size)
        session.frame_around_pages()
        session.log(f"sections: {session.sections}")
        overview(session, shoot)
        lists(session, shoot)
        contract_details(session, shoot)
        record_page(session, shoot, "Services", "Services", SERVICE, "Open Cycle",
                    "CmServicePage", "service")
        record_page(session, shoot, "Assessments (EIAs)", "EIAs", "advocacy",
                    "Open Assessment", "CmEiaPage", "eia")
        record_page(session, shoot, "Decommissions", "Decommissions", DECOMMISSIONED,
                    "Open Decommission", "CmDecommissionPage", "decommission")
        portfolio_settings(session, shoot)
        search_dialog(session, shoot)
        empty_overview(session, shoot, size)


if __name__ == "__main__":
    main()
