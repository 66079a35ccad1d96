#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The Overview's folded lists in the real window: a stage's services are
made only when its row is first expanded, and then name every service the
file holds in that stage. Screenshot at 1400×900.

    with-display.sh python3 test_overview_folds.py COMMISSIONER OUTPUT_DIR
"""
import subprocess

from common import Failure, Session, find, find_all, wait_for


def check_stage_unfolds(session):
    page = session.page("Overview")
    wait_for("the overview", lambda: find(page, "label", "Services by Stage"))
    analyse = wait_for("the Analyse row", lambda: find(page, "list item", "Analyse"))
    expected = [row[0] for row in session.rows(
        "SELECT name FROM service WHERE stage = 'analyse' ORDER BY name")]
    if not expected:
        raise Failure("the demo has no service in Analyse to unfold")
    # A service may also be named above, under Needs You Now: count them.
    def named(page):
        shown = [label.name for label in find_all(page, "label")]
        return {name: shown.count(name) for name in expected}
    before = named(page)
    session.click(analyse)
    after = wait_for("the services under Analyse once expanded", lambda: (
        lambda now: now if all(now[n] > before[n] for n in expected) else None)(named(page)))
    if any(after[n] != before[n] + 1 for n in expected):
        raise Failure(f"services in Analyse not listed once each: {before} then {after}")
    session.log(f"Analyse unfolds to its {len(expected)} services")
    # The wheel over the expanded row brings its services into view.
    subprocess.run(["xdotool", "click", "--repeat", "8", "5"], check=True)
    session.screenshot("overview-analyse-unfolded")


def main():
    with Session("overview_folds") as session:
        session.launch()
        check_stage_unfolds(session)


if __name__ == "__main__":
    main()
