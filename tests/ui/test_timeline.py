#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Contract timelines in the real window: a contract's details and a
service's page each show a timeline that a screen reader finds by its
description in words; a click puts the keyboard on a mark, the arrow keys
move it from mark to mark, and each mark reads its name and date.

    with-display.sh python3 test_timeline.py COMMISSIONER OUTPUT_DIR
"""
import datetime

import pyatspi

from common import TODAY, Failure, Session, has_state, wait_for, walk
from test_hub import open_service, screenshots, scroll_to

CONTRACT = "PH-0008"                           # notice served 1 November 2026
SERVICE = "Carers community based short breaks"  # seven contracts


def long_date(iso):
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def timeline_in(page, name, test):
    """The timeline called @name whose description passes @test."""
    return wait_for(f"the {name!r} with its description", lambda: next(
        n for n in walk(page) if n.name == name and n.description and test(n.description)))


def marks_of(timeline):
    return [child for child in timeline if child.getRoleName() == "image"]


def focused(marks):
    return next((i for i, mark in enumerate(marks) if has_state(mark, pyatspi.STATE_FOCUSED)),
                None)


def walk_marks(session, timeline):
    """Clicks the first mark, then presses Right until the last: each
    press moves the keyboard one mark on. Returns the names read."""
    marks = marks_of(timeline)
    if len(marks) < 3:
        raise Failure(f"the timeline offers only {len(marks)} marks to point at")
    session.click(marks[0])
    wait_for("the keyboard on the first mark", lambda: focused(marks) == 0)
    names = [marks[0].name]
    for i in range(1, len(marks)):
        session.key("Right")
        wait_for(f"the keyboard on mark {i + 1} of {len(marks)}", lambda: focused(marks) == i)
        names.append(marks[i].name)
    # Back one, then Home: the arrows go both ways.
    session.key("Left")
    wait_for("Left moving back one mark", lambda: focused(marks) == len(marks) - 2)
    session.key("Home")
    wait_for("Home moving to the first mark", lambda: focused(marks) == 0)
    for name in names:
        session.log(f"  mark: {name}")
    return names


def expect(names, wanted):
    for name in wanted:
        if name not in names:
            raise Failure(f"no mark reads {name!r}; they read {names!r}")


def check_contract(session):
    """The contract's details: its dates in the description and the marks."""
    title, start, end, served = session.rows(
        "SELECT title, start_date, end_date, notice_served FROM contract WHERE reference = ?",
        CONTRACT)[0]
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    timeline = timeline_in(page, "Contract timeline",
                           lambda text: text.startswith(f"{CONTRACT} {title}: "))
    description = timeline.description
    session.log(f"the contract's timeline reads: {description}")
    for phrase in (f"Started {long_date(start)}.", f"Ends {long_date(end)}.",
                   f"Notice served {long_date(served)}.", f"Today is {long_date(TODAY)}."):
        if phrase not in description:
            raise Failure(f"the description does not say {phrase!r}: {description!r}")
    names = walk_marks(session, timeline)
    expect(names, [f"Today: {long_date(TODAY)}", f"Start: {long_date(start)}",
                   f"Notice served: {long_date(served)}"])
    if not any(n.startswith(f"Contract ends: {long_date(end)}") for n in names):
        raise Failure(f"no mark gives the end {long_date(end)}: {names!r}")
    if not any(n.startswith("Initial period of 3 years: ") for n in names):
        raise Failure(f"no mark names the initial period: {names!r}")
    # The mouse rests on the first mark: its tooltip shows in the pictures.
    screenshots(session, "contract", lambda: focused(marks_of(timeline)) == 0)


def check_service(session):
    """The service's page: every contract on one axis, each mark named
    with its contract."""
    contracts = session.rows(
        "SELECT c.reference || ' ' || c.title FROM contract c JOIN service s"
        " ON s.id = c.service_id WHERE s.name = ? ORDER BY c.id", SERVICE)
    page = open_service(session, SERVICE)
    timeline = timeline_in(page, "Timeline of the service’s contracts",
                           lambda text: all(f"{label}: " in text for (label,) in contracts))
    session.log(f"the service's timeline reads: {timeline.description}")
    if len(contracts) < 2:
        raise Failure(f"{SERVICE} should have several contracts, not {len(contracts)}")
    scroll_to(session, page, marks_of(timeline)[0])
    names = walk_marks(session, timeline)
    for (label,) in contracts:
        if not any(name.startswith(f"{label} — ") for name in names):
            raise Failure(f"no mark is named for {label!r}")
    screenshots(session, "service", lambda: focused(marks_of(timeline)) == 0)


def main():
    with Session("timeline") as session:
        session.launch()
        check_contract(session)
        check_service(session)


if __name__ == "__main__":
    main()
