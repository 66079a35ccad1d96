#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The portfolio timeline in the real window: the Deadlines page shows
its dates as a timeline when asked, found by its description in words,
which counts the contracts ending in the next 5 years as the command
line's deadlines do. The keyboard moves from bar to bar, each named with
its contract, provider, end and status; Enter opens the named contract
on the Contracts tab. Back on the Deadlines, the status filter narrows the
timeline as it does the list. Screenshots at 1400×900.

    with-display.sh python3 test_portfolio_timeline.py COMMISSIONER OUTPUT_DIR
"""
import csv
import datetime
import io
import re
import subprocess

import pyatspi

from common import TODAY, Failure, Session, find, find_label, has_state, wait_for, walk

SUMMARY = re.compile(r"^(\d+) contracts? ends? in the next 5 years\. (\d+) ends? in the next 12 "
                     r"months\.")
# "ASC-0012 — Carers, Touchstone, ends 31 March 2028, OK"
BAR = re.compile(r"^(?P<reference>[^ ]+) — .+, ends (?P<date>\d{1,2} \w+ \d{4}), "
                 r"(?P<status>OK|Due soon|Overdue|Breached|Unknown)$")


def resize(session, width, height):
    session._xdotool(None, "windowmove", "0", "0", "windowsize", "--sync", str(width),
                     str(height))


def ends_in_five_years(session):
    """The contracts ending from today to 5 years on, by the command line's
    deadlines: what the timeline must count."""
    out = subprocess.run([session.binary, "--deadlines", "--format", "csv", "--portfolio",
                          session.portfolio, "--today", TODAY], capture_output=True,
                         text=True, env=session.env, check=True).stdout
    today = datetime.date.fromisoformat(TODAY)
    horizon = today.replace(year=today.year + 5)
    return {row["reference"]: row["date"] for row in csv.DictReader(io.StringIO(out))
            if row["kind"] == "end" and row["date"]
            and today <= datetime.date.fromisoformat(row["date"]) < horizon}


def timeline_of(page):
    return next((n for n in walk(page) if SUMMARY.match(n.description or "")), None)


def show_timeline(session, page):
    # GTK 4.8 reads a toggle button as a push button, pressed when on.
    toggle = wait_for("the Timeline toggle", lambda: find(page, "push button", "Timeline"))
    # A click, as a user would, so that the keyboard is there to Tab on.
    session.click(toggle)
    wait_for("the Timeline toggle on", lambda: has_state(toggle, pyatspi.STATE_PRESSED)
             or has_state(toggle, pyatspi.STATE_CHECKED))
    return wait_for("the timeline, by its description", lambda: timeline_of(page))


def check_summary(session, timeline):
    expected = ends_in_five_years(session)
    summary = timeline.description
    session.log(f"the timeline is described as: {summary}")
    total = int(SUMMARY.match(summary).group(1))
    if total != len(expected):
        raise Failure(f"the timeline counts {total} contracts ending in the next 5 years, "
                      f"the deadlines {len(expected)}")
    if not expected:
        raise Failure("the demo has no contract ending in the next 5 years to draw")
    return expected


def check_filtered(session, page, timeline):
    """The status filter narrows the timeline as it does the list: no
    contract's end is breached in the demo, so none is left to draw, and
    the empty chart says so."""
    combo = wait_for("the status filter", lambda: find(page, "combo box", "Filter by status"))
    session.choose(combo, 1)  # Breached, after All statuses
    session.log("filtered to breached dates: " + wait_for(
        "the timeline emptied by the filter", lambda: (
            timeline.description or "").startswith("No contracts end in the next 5 years.")
        and timeline.description))
    session.screenshot("timeline-empty")


def focused_bar(session, timeline, other_than=None):
    """The bar the keyboard is on, by the timeline's name."""
    def named():
        name = timeline.name
        return has_state(timeline, pyatspi.STATE_FOCUSED) and name != other_than \
            and BAR.match(name) and name
    return wait_for("a bar with the keyboard on it", named)


def opened_contract(session, reference):
    """The Contracts tab chosen, showing @reference's details."""
    section = session.sections.index("Contracts & Deadlines")
    tab = session.stack[section][0][0][0]
    if not (has_state(tab, pyatspi.STATE_CHECKED) or has_state(tab, pyatspi.STATE_SELECTED)):
        return None
    return find_label(session.page("Contracts"), lambda text: text.startswith(f"{reference} — "))


def main():
    with Session("portfolio_timeline") as session:
        session.launch()
        resize(session, 1400, 900)
        page = session.show_section("Deadlines")
        timeline = show_timeline(session, page)
        expected = check_summary(session, timeline)
        session.screenshot("timeline")
        session.key("Tab")
        first = focused_bar(session, timeline)
        session.key("Down")
        second = focused_bar(session, timeline, other_than=first)
        session.log(f"the keyboard moved from {first!r} to {second!r}")
        bar = BAR.match(second)
        reference = bar["reference"]
        if reference not in expected:
            raise Failure(f"the focused bar names {reference}, which does not end in the "
                          f"next 5 years by the deadlines")
        end = datetime.date.fromisoformat(expected[reference])
        if bar["date"] != f"{end.day} {end:%B %Y}":
            raise Failure(f"the bar says {reference} ends {bar['date']}, the deadlines {end}")
        session.screenshot("timeline-focus")

        session.key("Return")
        wait_for(f"{reference} shown on the Contracts tab",
                 lambda: opened_contract(session, reference))
        session.log(f"Enter on the bar opened {reference} on the Contracts tab")
        session.screenshot("opened")
        check_filtered(session, session.show_section("Deadlines"), timeline)


if __name__ == "__main__":
    main()
