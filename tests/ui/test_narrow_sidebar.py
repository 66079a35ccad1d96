#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The sidebar on a small screen, in the real window at 800×600: the
sections fold away so that the page has the window's width; the header
bar's Show Sections button brings them over the page; a section picked
there is shown and the sections fold away again; they still follow a
record's page; and F10 opens the main menu from the header bar.
Screenshots at 800×600.

    CM_TEST_SCREEN=800x600x24 with-display.sh python3 test_narrow_sidebar.py \\
        COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find, find_all, find_button, find_label, has_state, \
    press, press_ready, wait_for
from take_screenshots import display_size, fill_display

SERVICE = "Independent advocacy gateway"


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def width_of(node):
    return extents(node).width


def on_screen(session, node):
    """Whether @node is within the window: GTK 4.8 says nothing of what
    is showing, and a folded sidebar is moved out of the window."""
    box, window = extents(node), extents(session.window)
    return box.width > 0 and box.x + box.width > window.x and box.x < window.x + window.width


def pressed(button):
    return has_state(button, pyatspi.STATE_PRESSED)


def sidebar_button(session):
    """The header bar's button that shows the sections: only there, as
    GTK 4.8 leaves hidden widgets out of the tree, when they are folded."""
    return wait_for("the Show Sections button", lambda: find(
        session.frame_around_pages(), "push button", "Show Sections", pages=False))


def check_folded(session, what):
    """The sections are out of sight, the page has the width, and the
    button that shows them is there, not pressed."""
    button = sidebar_button(session)
    wait_for(f"the sections folded away {what}",
             lambda: not on_screen(session, session.sidebar) and not pressed(button))
    window = width_of(session.window)
    page = width_of(session.stack)
    if page < window - 4:
        raise Failure(f"the page is {page} px wide in a window of {window} px {what}: "
                      "the folded sections still take room")
    session.log(f"sections folded {what}: the page is {page} of {window} px")


def check_main_menu(session):
    """F10 opens the main menu in the header bar, in reach while the
    sections, which hold it on a wide window, are folded away."""
    menu = wait_for("the main menu button on screen", lambda: next(
        (button for button in find_all(session.frame_around_pages(), "push button",
                                       "Main Menu", pages=False)
         if on_screen(session, button)), None))
    session.key("F10")
    item = wait_for("the main menu opened by F10", lambda: next(
        (item for item in find_all(menu, "menu item", "Portfolio Settings…")
         if on_screen(session, item)), None))
    session.screenshot("main-menu")
    press(item)
    session.frame("Portfolio Settings")
    session.key("ctrl+w", "Portfolio Settings")
    session.frame_closed("Portfolio Settings")
    session.log("F10 opened the main menu; Portfolio Settings opened from it")


def check_pick_section(session):
    """Show Sections, then a section picked with the pointer."""
    button = sidebar_button(session)
    press(button)
    wait_for("the sections shown over the page",
             lambda: on_screen(session, session.sidebar) and pressed(button))
    session.screenshot("sections-shown")
    index = session.sections.index("Providers")
    row = session.sidebar[index]
    session.click(row)
    wait_for("Providers chosen", lambda: has_state(row, pyatspi.STATE_SELECTED))
    providers = session.page("Providers")
    wait_for("the Providers list", lambda: find(providers, "tree table", "Providers"))
    wait_for("the header's title", lambda: find(
        session.frame_around_pages(), "label", "Providers", pages=False))
    check_folded(session, "after Providers was picked")
    session.screenshot("providers")


def check_follows_record(session):
    """A service opened from its list: the sections, shown again, mark
    Services, and the page's back button is in the header bar."""
    services = session.show_section("Services")
    check_folded(session, "on the Services list")
    session.search(services, "Services", SERVICE)
    press_ready("the Open Cycle button", lambda: find_button(services, "Open Cycle"))
    page = session.page("CmServicePage")
    wait_for("the service's page", lambda: find_label(page, lambda text: text == SERVICE))
    wait_for("the back button", lambda: find_button(
        session.frame_around_pages(), "Back", pages=False))
    check_folded(session, "on a service's page")
    press(sidebar_button(session))
    index = session.sections.index("Services")
    wait_for("the sections, following the service's page, on Services",
             lambda: on_screen(session, session.sidebar)
             and has_state(session.sidebar[index], pyatspi.STATE_SELECTED))
    session.screenshot("service-sections")
    session.key("Escape")
    check_folded(session, "after Escape")


def main():
    with Session("narrow_sidebar") as session:
        session.launch()
        fill_display(session, display_size())
        session.page("Overview")
        check_folded(session, "on opening")
        session.screenshot("overview")
        check_main_menu(session)
        check_pick_section(session)
        check_follows_record(session)


if __name__ == "__main__":
    main()
