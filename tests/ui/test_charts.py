#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The charts in the real window: on the demo Overview, services by stage,
the year's third-sector spend and contracts ending by quarter, each found
by its accessible description and checked against the file; the keyboard
moves across a chart's bars, each read out by name, and Tab leaves it; on
a reduction scenario, each provider's loss beside the blanket-cut warning.
Screenshots at 1400×900 and 800×600.

    with-display.sh python3 test_charts.py COMMISSIONER OUTPUT_DIR
"""
import datetime
import re
import subprocess

import pyatspi

from common import (TODAY, Failure, Session, find_button, find_label, has_state, press,
                    shown_label, wait_for, walk)

STAGES = ["Analyse", "Plan", "Do", "Review"]
BLANKET = "10% across the Public Health grants"
VARIED = "Negotiated savings, contract by contract"
SCENARIO_CHART = "Share of Income Each Provider Would Lose"


def window_size(session):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                            "^" + re.escape(session.window.name) + "$", "getwindowgeometry"],
                           capture_output=True, text=True, timeout=10).stdout
    size = re.search(r"Geometry: (\d+)x(\d+)", found)
    return (int(size[1]), int(size[2])) if size else None


def resize(session, width, height):
    session._xdotool(None, "windowsize", str(width), str(height))
    wait_for(f"the window at {width}×{height}", lambda: window_size(session) == (width, height))


def chart_described(page, test, name=None):
    """The chart (a list with a description) whose description passes @test,
    and called @name if given."""
    return next((n for n in walk(page) if n.getRoleName() == "list"
                 and n.description and test(n.description)
                 and (name is None or n.name == name)), None)


def bars(chart):
    return [n for n in chart if n is not None and n.getRoleName() == "list item"]


def focused(node):
    return has_state(node, pyatspi.STATE_FOCUSED)


def box_of(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def financial_quarters():
    """The eight quarters of the financial year from the one holding today."""
    today = datetime.date.fromisoformat(TODAY)
    month = 4 + ((today.month - 4) % 12) // 3 * 3
    year = today.year if today.month >= 4 or month < 4 else today.year - 1
    first = datetime.date(year if month <= 12 else year + 1, (month - 1) % 12 + 1, 1)
    quarters = []
    for _ in range(8):
        month_after = first.month + 3
        after = datetime.date(first.year + (month_after - 1) // 12, (month_after - 1) % 12 + 1, 1)
        quarters.append((first, after - datetime.timedelta(days=1)))
        first = after
    return quarters


def stages_chart(session, page):
    counts = dict(session.rows("SELECT stage, count(*) FROM service GROUP BY stage"))
    expected = [f"{n} service is in {stage}." if n == 1 else f"{n} services are in {stage}."
                for stage, n in ((stage, counts.get(stage.lower(), 0)) for stage in STAGES)]
    chart = wait_for("the chart of services by stage", lambda: chart_described(
        page, lambda text: all(words in text for words in expected)))
    session.log(f"{chart.name!r}: {chart.description!r}")
    if chart.name != "Services in Each Stage":
        raise Failure(f"the stage chart is named {chart.name!r}")
    names = [bar.name for bar in bars(chart)]
    for stage, name in zip(STAGES, names):
        count = counts.get(stage.lower(), 0)
        if not name.startswith(f"{stage}: {count} service"):
            raise Failure(f"the bar of {stage} reads {name!r}, not {count} services")
    held = [re.search(r"(\d+) held", name) for name in names]
    if not any(held):
        raise Failure(f"no bar says how many services are held: {names}")
    return chart


def keyboard_across_bars(session, chart):
    """A click puts the keyboard on a bar, Down moves to the next, each is
    read by its name; Tab leaves the chart rather than visiting every bar."""
    first, second = bars(chart)[:2]
    session.focus(first)
    wait_for(f"the keyboard on {first.name!r}", lambda: focused(first))
    session.key("Down")
    wait_for(f"the keyboard on {second.name!r}", lambda: focused(second))
    if not second.name.startswith("Plan: "):
        raise Failure(f"the second bar reads {second.name!r}")
    session.log(f"Down moves to the bar read as {second.name!r}")
    session.key("End")
    last = bars(chart)[-1]
    wait_for(f"End on the last bar, {last.name!r}", lambda: focused(last))
    session.key("Tab")
    wait_for("Tab to leave the chart", lambda: not any(focused(bar) for bar in bars(chart)))
    session.screenshot("keyboard")


def endings_chart(session, page):
    quarters = financial_quarters()
    total = session.sql("SELECT count(*) FROM contract WHERE end_date BETWEEN ? AND ?"
                        " AND decommissioned_on = '' AND outcome = 'none'",
                        quarters[0][0].isoformat(), quarters[-1][1].isoformat())
    chart = wait_for("the chart of contracts ending", lambda: chart_described(
        page, lambda text: f"{total} open contracts end in the next eight quarters" in text))
    session.log(f"{chart.name!r}: {chart.description!r}")
    counted = []
    for (first, last), bar in zip(quarters, bars(chart)):
        count = session.sql("SELECT count(*) FROM contract WHERE end_date BETWEEN ? AND ?"
                            " AND decommissioned_on = '' AND outcome = 'none'",
                            first.isoformat(), last.isoformat())
        if not bar.name.endswith(f": {count} contract" + ("" if count == 1 else "s")):
            raise Failure(f"{bar.name!r} should count {count} contracts ending"
                          f" {first} to {last}")
        counted.append(count)
    if len(counted) != 8 or sum(counted) != total or total == 0:
        raise Failure(f"eight quarters should count {total} contracts: {counted}")


def spend_chart(session, page):
    year = "2026/27"
    chart = wait_for("the chart of spend by commissioner", lambda: chart_described(
        page, lambda text: f"on the third sector in {year}, by commissioner" in text))
    session.log(f"{chart.name!r}: {chart.description[:160]!r}…")
    payers = [bar.name.rsplit(": ", 1)[0] for bar in bars(chart)]
    named = {name for (name,) in session.rows(
        "SELECT name FROM organisation UNION SELECT description FROM funding_source")}
    strangers = [payer for payer in payers
                 if payer not in named and not re.fullmatch(r"\d+ other funders?", payer)]
    if not payers or strangers:
        raise Failure(f"the payers {strangers} are not in the file: {payers}")
    press(find_button(page, "By Service Type"))
    chart = wait_for("the chart of spend by kind of service", lambda: chart_described(
        page, lambda text: "by kind of service" in text))
    kinds = [bar.name.rsplit(": ", 1)[0] for bar in bars(chart)]
    if "Universal, early intervention and prevention" not in kinds:
        raise Failure(f"the kinds of service are {kinds}")
    session.log(f"by kind of service: {kinds}")
    press(find_button(page, "By Commissioner"))
    wait_for("the chart by commissioner again", lambda: chart_described(
        page, lambda text: "by commissioner" in text))


def pointer_away():
    """No tooltip over the charts in a screenshot."""
    subprocess.run(["xdotool", "mousemove", "--sync", "0", "0"], check=True)


def needs_you_now_in_view(session, page):
    heading = wait_for("Needs You Now", lambda: find_label(
        page, lambda text: text == "Needs You Now"))
    window = box_of(session.window)
    box = box_of(heading)
    if box.y < window.y or box.y + box.height > window.y + window.height:
        raise Failure(f"Needs You Now is out of view: {box.y} in {window.y}–"
                      f"{window.y + window.height}")


def scenario_chart(session):
    page = session.show_section("Reductions")
    session.search(page, "Reductions", BLANKET)
    providers = session.sql("SELECT count(DISTINCT c.provider_id) FROM scenario_line l"
                            " JOIN scenario s ON s.id = l.scenario_id"
                            " JOIN contract c ON c.id = l.contract_id WHERE s.name = ?", BLANKET)
    chart = wait_for("the scenario's chart", lambda: chart_described(
        page, lambda text: text.startswith("Saves "), SCENARIO_CHART))
    session.log(f"{chart.name!r}: {chart.description[:160]!r}…")
    found = bars(chart)
    if len(found) != providers:
        raise Failure(f"{len(found)} bars for {providers} providers")
    if not all("% of income" in bar.name or "income not recorded" in bar.name
               for bar in found):
        raise Failure(f"a bar does not say the share of income: {[b.name for b in found]}")
    wait_for("the blanket warning beside the chart", lambda: find_label(
        page, lambda text: text.startswith("The same 10% for every contract")))
    wait_for("its heading", lambda: find_label(page, lambda text: text == "⚠ A blanket reduction"))
    return page, chart.description


def varied_scenario_has_no_warning(session, page, blanket):
    """Cuts that differ contract by contract are no blanket reduction."""
    session.search(page, "Reductions", VARIED)
    chart = wait_for("the negotiated scenario's chart", lambda: chart_described(
        page, lambda text: text.startswith("Saves ") and text != blanket, SCENARIO_CHART))
    if shown_label(page, "⚠ A blanket reduction"):
        raise Failure(f"{VARIED!r} is called a blanket reduction")
    shares = session.rows(
        "SELECT p.name, 100.0 * sum(c.annual_value * l.percent / 100) / p.annual_income"
        " FROM scenario_line l JOIN scenario s ON s.id = l.scenario_id"
        " JOIN contract c ON c.id = l.contract_id JOIN provider p ON p.id = c.provider_id"
        " WHERE s.name = ? AND p.annual_income > 0 GROUP BY p.id ORDER BY 2 DESC", VARIED)
    hardest = f"{shares[0][0]}: {shares[0][1]:.1f}% of income"
    found = bars(chart)
    if not found or not found[0].name.startswith(hardest):
        raise Failure(f"the first bar should read {hardest!r}: {[b.name for b in found]}")
    session.log(f"{VARIED!r}: {chart.description[:120]!r}…, no blanket warning")


with Session("charts") as session:
    session.launch()
    resize(session, 1400, 900)
    overview = session.page("Overview")
    chart = stages_chart(session, overview)
    endings_chart(session, overview)
    spend_chart(session, overview)
    needs_you_now_in_view(session, overview)
    pointer_away()
    session.screenshot("overview-1400x900")
    keyboard_across_bars(session, chart)
    resize(session, 800, 600)
    needs_you_now_in_view(session, overview)
    session.screenshot("overview-800x600")
    reductions, blanket = scenario_chart(session)
    pointer_away()
    session.screenshot("scenario-800x600")
    resize(session, 1400, 900)
    pointer_away()
    session.screenshot("scenario-1400x900")
    varied_scenario_has_no_warning(session, reductions, blanket)
