#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The Overview's chart of services in each stage, in the real window at
1400×900: every stage's name sits on its bar beside its figures, so every
bar is as tall as the others; a name pushed onto a line of its own (as
"Do" was, beside "13 services · 11 held · 1 overridden") makes its bar
taller. Screenshot at 1400×900.

    CM_TEST_SCREEN=1400x900x24 with-display.sh python3 test_stage_bars.py \\
        COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find_label, walk, wait_for
from take_screenshots import display_size, fill_display

STAGES = ("Analyse", "Plan", "Do", "Review")


def stage_bars(page):
    """The chart's bars, each named "Stage: figures", by stage."""
    chart = next((n for n in walk(page) if n.getRoleName() == "list"
                  and n.description and n.description.startswith("The portfolio holds")), None)
    if chart is None:
        return None
    found = {}
    for bar in chart:
        if bar is not None and bar.getRoleName() == "list item":
            found[bar.name.split(": ", 1)[0]] = bar
    return found if all(stage in found for stage in STAGES) else None


def main():
    with Session("stage_bars") as session:
        session.launch()
        fill_display(session, display_size())
        page = session.page("Overview")
        wait_for("the Overview's figures", lambda: find_label(
            page, lambda text: text == "Needs You Now"))
        found = wait_for("the bars of the stages chart", lambda: stage_bars(page))
        heights = {stage: found[stage].queryComponent().getExtents(
            pyatspi.DESKTOP_COORDS).height for stage in STAGES}
        session.log(f"bar heights: {heights}; Do reads {found['Do'].name!r}")
        if len(set(heights.values())) != 1:
            raise Failure(f"the stages' bars differ in height, {heights}: a stage's name "
                          "went onto a line of its own above its bar")
        session.screenshot("overview")


if __name__ == "__main__":
    main()
