#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The Overview's folded lists in the real window: a stage's services are
made only when its row is first expanded, and then name every service the
file holds in that stage. A stage of more than 50 services scrolls within
its row in a list that makes only the rows in view, and pressing one
opens its service; past a thousand, the stage counts them with a comma
("1,040 services"). Screenshots at 1400×900.

    with-display.sh python3 test_overview_folds.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

from common import Failure, Session, find, find_all, find_label, wait_for

# More than the Overview keeps as rows of their own (FOLDED_AS_ROWS), more
# than GTK 4.8's list view makes rows for at once (200), and a count of
# four digits.
MANY = 1000


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


def add_many_services(session):
    """Imports a contract for each of MANY new services from the command
    line: each starts its first cycle in Analyse."""
    provider, commissioner = session.rows(
        "SELECT p.name, o.name FROM contract c JOIN provider p ON p.id = c.provider_id"
        " JOIN service s ON s.id = c.service_id"
        " JOIN organisation o ON o.id = s.lead_commissioner_id ORDER BY c.id LIMIT 1")[0]
    register = os.path.join(session.work, "many-services.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n")
        for i in range(MANY):
            out.write(f'FOLD-{i:03},"Folded contract {i:03}","{provider}","{commissioner}",'
                      f'"Folded service {i:03}",01/04/2026,31/03/2028,1000.00\n')
    result = subprocess.run([session.binary, "--import", register, "--portfolio",
                             session.portfolio], capture_output=True, text=True,
                            env=dict(session.env, DISPLAY=""))
    if result.returncode != 0:
        raise Failure("the import from the command line failed: " + result.stderr)


def check_long_stage_scrolls(session):
    """Analyse, now of more than 50 services, unfolds to a list of its own
    that makes rows only around those in view; pressing one opens it."""
    n = session.rows("SELECT count(*) FROM service WHERE stage = 'analyse'")[0][0]
    if n <= 50:
        raise Failure(f"only {n} services in Analyse after the import")
    page = session.page("Overview")
    analyse = wait_for("the Analyse row", lambda: find(page, "list item", "Analyse"))
    counted = f"{n:,} services"
    if not find_label(analyse, lambda t: t.startswith(counted + " · ")):
        raise Failure(f"Analyse does not count its services as {counted!r}")
    session.click(analyse)
    shown = wait_for("the list of Analyse's services", lambda: find(page, "list", "Analyse"))
    rows = wait_for("rows in the list", lambda: shown.childCount or None)
    if rows >= n:
        raise Failure(f"the list made all its {rows} rows, not only those in view")
    first = wait_for("a service's name in the list", lambda: next(
        (label.name for label in find_all(shown, "label")
         if label.name and not label.name[0].isdigit()), None))
    session.log(f"Analyse's {n} services unfold to a list of {rows} rows made, "
                f"the first {first!r}")
    session.screenshot("overview-long-stage")
    session.click(find(shown, "label", first))
    service = session.page("CmServicePage")
    wait_for(f"the page of {first!r}", lambda: find(service, "label", first))
    session.log(f"pressing {first!r} opened its page")


def main():
    with Session("overview_folds") as session:
        session.launch()
        check_stage_unfolds(session)
        add_many_services(session)
        session.launch()
        check_long_stage_scrolls(session)


if __name__ == "__main__":
    main()
