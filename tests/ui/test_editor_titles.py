#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The record editor's row titles beside a long choice, in the real window
at 800×600, narrowed to 360 px: a provider renamed to one long word, as registers sometimes
spell a company, and the contract it holds opened in the editor; the
Service and Provider titles beside their pickers stay whole, on one line,
as tall as the title of a row with a short choice. Screenshot at 800×600.

    CM_TEST_SCREEN=800x600x24 with-display.sh python3 test_editor_titles.py \\
        COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find, find_all, find_button, press, press_ready, \
    set_text, wait_for
from take_screenshots import display_size, fill_display

LONG_NAME = "BetterLeedsCommunitiesConsortiumPartnershipTrustLimited"
NARROW = 360


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def rename_provider(session, old, new):
    page = session.show_section("Providers")
    session.search(page, "Providers", old)
    press_ready("the Edit… button", lambda: find_button(page, "Edit…"))
    title = "Edit provider"
    dialog = session.frame(title)
    set_text(wait_for("the name field", lambda: find(dialog, "text", "Name")), new)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    session.frame_closed(title)
    wait_for("the provider renamed in the file", lambda: session.sql(
        "SELECT count(*) FROM provider WHERE name = ?", new) == 1)
    session.log(f"{old!r} renamed {new!r}")


def title_label(dialog, name):
    return wait_for(f"the {name} row's title", lambda: next(
        label for label in find_all(dialog, "label", name) if extents(label).width > 0))


def check_titles_whole(session, reference):
    page = session.show_section("Contracts")
    session.search(page, "Contracts", reference)
    press_ready("the Edit… button", lambda: find_button(page, "Edit…"))
    title = "Edit contract"
    dialog = session.frame(title)
    wait_for("the editor's Save button", lambda: find_button(dialog, "Save"))
    # As narrow as the window lets it be, as on a phone or beside another window.
    session._xdotool(title, "windowsize", "--sync", str(NARROW), "600")
    wait_for("the editor narrowed", lambda: extents(dialog).width <= NARROW + 60)
    one_line = extents(title_label(dialog, "Type")).height
    for name in ("Service", "Provider"):
        box = extents(title_label(dialog, name))
        session.log(f"{name}: {box.width}×{box.height} px, a one-line title {one_line} px high")
        if box.height > one_line:
            raise Failure(f"the {name} title is {box.height} px high beside a long choice, "
                          f"where one line is {one_line} px: it broke inside the word")
    session.screenshot("contract-editor")
    press(find_button(dialog, "Cancel"))
    session.frame_closed(title)


def main():
    with Session("editor_titles") as session:
        session.launch()
        fill_display(session, display_size())
        reference, provider = session.rows(
            "SELECT c.reference, p.name FROM contract c JOIN provider p ON p.id = c.provider_id"
            " JOIN service s ON s.id = c.service_id ORDER BY length(s.name) DESC LIMIT 1")[0]
        rename_provider(session, provider, LONG_NAME)
        check_titles_whole(session, reference)


if __name__ == "__main__":
    main()
