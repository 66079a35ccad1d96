#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Dates the British way in the real window: a date typed into the
contract editor that does not exist is refused with what is wrong and
Save held back; notice served is recorded with a date typed as 1/12/2026,
after the calendar has been used once, and is stored as 2026-12-01.

    with-display.sh python3 test_dates.py COMMISSIONER OUTPUT_DIR
"""
import re

import pyatspi

from common import Failure, Session, enabled, find, find_button, find_label, has_state, \
    press, press_ready, text_of, wait_for, walk

CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant, 1 October 2018 to 2028
NO_SUCH_DAY = "31 April 2026 does not exist"


def retype(session, field, text, window):
    """Replaces what a field holds by typing, as a user would."""
    session.focus(field, window)
    session.key("ctrl+a", window)
    session.type_text(text, window)
    wait_for(f"{text!r} in the field {field.name!r}", lambda: text_of(field) == text)


def refuse_a_day_that_does_not_exist(session):
    """The editor shows a stored date the British way, refuses 31 April
    with the parser's own words once the field is left, and holds Save."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    session.key("ctrl+e")
    title = "Edit contract"
    dialog = session.frame(title)
    start = wait_for("the start date field", lambda: find(dialog, "text", "Start"))
    if text_of(start) != "01/10/2018":
        raise Failure(f"the start date shows as {text_of(start)!r}, not 01/10/2018")
    if find_button(dialog, "Choose date") is None:
        raise Failure("the start date has no calendar button")
    retype(session, start, "31/04/2026", title)
    session.key("Tab", title)
    message = wait_for("the reason under the field", lambda: find_label(
        dialog, lambda text: text == NO_SUCH_DAY))
    save = find_button(dialog, "Save")
    if enabled(save):
        raise Failure("Save is offered with a date that does not exist")
    if NO_SUCH_DAY not in save.description:
        raise Failure(f"Save does not say why it waits: {save.description!r}")
    session.log(f"refused with {message.name!r}, Save held back")
    session.screenshot("editor-refused")
    retype(session, start, "1 oct 2018", title)
    session.key("Tab", title)
    wait_for("the date read and shown as dd/mm/yyyy", lambda: text_of(start) == "01/10/2018"
             and enabled(save) and not has_state(start, pyatspi.STATE_INVALID))
    session.log("the date typed as 1 oct 2018 shows as 01/10/2018")
    session.screenshot("editor")
    session.key("Escape", title)
    session.frame_closed(title)


def notice_served(session):
    return session.sql("SELECT notice_served FROM contract WHERE reference = ?", CONTRACT)


def record_notice_with_a_typed_date(session):
    """The calendar picks a day into the field; then a date typed as
    1/12/2026 is the one recorded."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    press_ready("the Record Notice Served button",
                lambda: find_button(page, "Record Notice Served…"))
    title = "Record Notice Served"
    dialog = session.frame(title)
    date = wait_for("the notice date field", lambda: find(dialog, "text", "Date notice was served"))
    accept = find_button(dialog, "Record Notice")
    if text_of(date) != "22/11/2026":
        raise Failure(f"the dialog opens on {text_of(date)!r}, not today as 22/11/2026")
    session.log("the notice dialog opens on today, 22/11/2026")
    press(find_button(dialog, "Choose date"))
    wait_for("the calendar, holding the keyboard", lambda: next(
        (n for n in walk(dialog) if n.getRoleName() == "filler"
         and n.name == "Date notice was served" and has_state(n, pyatspi.STATE_FOCUSED)), None))
    # GTK's calendar moves its keyboard from the top left day, whatever
    # day it shows chosen: any day picked will do, as long as it is written
    # into the field the British way and the calendar closes.
    session.key("Right space", title)
    picked = wait_for("a day picked into the field", lambda: (lambda text: text if re.fullmatch(
        r"\d\d/\d\d/\d{4}", text) and text != "22/11/2026" else None)(text_of(date)))
    wait_for("the calendar closed", lambda: find(dialog, "filler", "GtkPopover") is None
             or not has_state(find(dialog, "filler", "GtkPopover"), pyatspi.STATE_VISIBLE))
    session.log(f"the calendar put {picked} in the field")
    retype(session, date, "1/12/2026", title)
    wait_for("the date accepted", lambda: enabled(accept))
    session.screenshot("notice-dialog")
    press(accept)
    wait_for("the notice in the file", lambda: notice_served(session) == "2026-12-01")
    session.log("notice served recorded as 2026-12-01")


def main():
    with Session("dates") as session:
        session.launch()
        refuse_a_day_that_does_not_exist(session)
        record_notice_with_a_typed_date(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
