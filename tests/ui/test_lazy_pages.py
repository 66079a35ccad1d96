#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Pages made when first shown, in the real window: on opening, only the
Overview is made, and it fills in once its figures are worked out; a
section's page is made when it is chosen or when the Overview's link
leads to it, in its place among the others. Screenshots at 1400×900.

    with-display.sh python3 test_lazy_pages.py COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find, find_all, find_label, has_state, wait_for
from test_hub import scroll_to


def section_page(session, section):
    """What the window holds for @section: a placeholder with nothing in
    it until the section is first shown."""
    return session.stack[session.sections.index(section)][0]


def check_only_the_overview_is_made(session):
    page = session.page("Overview")
    wait_for("the Overview filled in", lambda: find(page, "label", "Needs You Now"))
    for section in session.sections[1:]:
        if section_page(session, section).childCount:
            raise Failure(f"the {section} page was made before it was shown")
    session.log(f"only the Overview is made of {len(session.sections)} sections")
    session.screenshot("lazy-overview")


def overdue_row(page):
    return next(row for row in find_all(page, "list item")
                if row.name.endswith("overdue or breached"))


def check_link_makes_its_page(session):
    """The Overview's count of overdue dates opens the Deadlines tab."""
    page = session.page("Overview")
    row = wait_for("the overdue dates row", lambda: overdue_row(page))
    scroll_to(session, page, row)
    session.click(row)
    index = session.sections.index("Contracts & Deadlines")
    wait_for("the Contracts & Deadlines section chosen",
             lambda: has_state(session.sidebar[index], pyatspi.STATE_SELECTED))
    # The section's switcher, then its second button: the Deadlines tab.
    tab = wait_for("the Deadlines tab", lambda: session.stack[index][0][0][1])
    wait_for("the Deadlines tab chosen", lambda: has_state(tab, pyatspi.STATE_CHECKED)
             or has_state(tab, pyatspi.STATE_SELECTED))
    deadlines = session.page("Deadlines")
    wait_for("the Deadlines page's count of dates",
             lambda: find_label(deadlines, lambda text: " dates: " in text))
    if section_page(session, "Providers").childCount:
        raise Failure("the Providers page was made along with the deadlines")
    session.log("the Overview's link made the Deadlines page")
    session.screenshot("lazy-deadlines")


def check_section_in_its_place(session):
    """Providers, chosen last, still comes between Contracts and EIAs."""
    page = session.show_section("Providers")
    wait_for("the Providers list", lambda: find(page, "tree table", "Providers"))
    if section_page(session, "Providers") != page:
        raise Failure("the Providers page is not in its section's place")
    if not section_page(session, "Contracts & Deadlines").childCount:
        raise Failure("the Contracts & Deadlines page went when Providers was made")
    session.show_section("Overview")
    wait_for("the Overview again", lambda: find(session.page("Overview"), "label",
                                                 "Needs You Now"))
    session.log("Providers made in its place; the Overview still there")


def main():
    with Session("lazy_pages") as session:
        session.launch()
        check_only_the_overview_is_made(session)
        check_link_makes_its_page(session)
        check_section_in_its_place(session)


if __name__ == "__main__":
    main()
