#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A portfolio on a PostgreSQL server in the real window: the demo, made
in a database of a throwaway cluster, opens on its Overview, and a
register imported there from the command line while the window is open
is listed in its Providers within a second of that program's end, and
Save a Copy… writes a file that holds it. Then
the server ends the window's connection while refusing new ones: a
banner says the connection is being made again, naming the server, and
goes once the server lets it in; the trail then verifies.

    with-display.sh python3 test_server_live.py COMMISSIONER OUTPUT_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "postgresql"))

import pgcluster  # noqa: E402
import pyatspi  # noqa: E402
from common import (TODAY, Failure, Session, find, find_button, find_label, has_state,  # noqa: E402
                    press_ready, set_text, text_of, wait_for)
from test_backups import counts, menu_item, verify_audit  # noqa: E402
from test_live import PROVIDER, import_from_command_line  # noqa: E402

CLUSTER_SH = os.path.join(HERE, "..", "postgresql", "cluster.sh")


def make_demo(session, folder):
    """Makes the demo in a new database of the cluster in @folder, and
    points @session at it."""
    made = pgcluster.psql(pgcluster.uri(folder, "postgres"), "-c", "CREATE DATABASE team")
    if made.returncode != 0:
        raise Failure("the portfolio's database could not be made: " + made.stderr)
    session.portfolio = pgcluster.uri(folder, "team")
    demo = subprocess.run([session.binary, "--create-demo", session.portfolio, "--today", TODAY],
                          capture_output=True, text=True, env=dict(session.env, DISPLAY=""))
    if demo.returncode != 0:
        raise Failure("the demo could not be made on the server: " + demo.stderr)


# How soon a change another program committed must be listed.
WITHIN_A_SECOND = 1.0
# Connecting again waits longer after each failure, up to 10 s.
RECONNECTED_WITHIN = 20
# Typed into the provider's editor while the connection is down.
COMPANY = "09876543"
EDITOR = "Edit provider"


def on_server(folder, sql):
    """Runs @sql as the cluster's superuser, from its maintenance database."""
    ran = pgcluster.psql(pgcluster.uri(folder, "postgres"), "-c", sql)
    if ran.returncode != 0:
        raise Failure(f"{sql!r} failed: {ran.stderr}")
    return ran.stdout


def on_server_portfolio(folder, sql):
    """One query's rows from the portfolio's database, as the superuser."""
    ran = pgcluster.psql(pgcluster.uri(folder, "team"), "-c", sql)
    if ran.returncode != 0:
        raise Failure(f"{sql!r} failed: {ran.stderr}")
    return ran.stdout


def connection_banner(session):
    """The banner saying the connection is being made again, while shown."""
    label = find_label(session.window, lambda text: "Reconnecting" in (text or ""))
    if label is None or not has_state(label, pyatspi.STATE_VISIBLE):
        return None
    box = label.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return label if box.width > 0 and box.height > 0 else None


def save_while_away(session, page):
    """Edits the provider chosen while the connection is down: the save is
    refused, saying why, and the editor keeps what was typed."""
    press_ready("the Edit… button", lambda: find_button(page, "Edit…"))
    dialog = session.frame(EDITOR)
    field = wait_for("the company number field", lambda: find(dialog, "text", "Company number"))
    set_text(field, COMPANY)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    refusal = wait_for("the save refused while the connection is down", lambda: find_label(
        dialog, lambda text: "connection to the server" in (text or "")))
    if text_of(field) != COMPANY:
        raise Failure(f"the editor lost what was typed: {text_of(field)!r}")
    session.log(f"the editor says: {refusal.name}")
    return dialog


def lose_connection(session, folder, page):
    """Ends the window's connections while the database refuses new ones:
    the banner shows until it is let in again, and an edit refused
    meanwhile is saved from its editor once it is."""
    on_server(folder, "ALTER DATABASE team ALLOW_CONNECTIONS false")
    on_server(folder, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                      " WHERE datname = 'team' AND application_name = 'commissioner'")
    banner = wait_for("the banner saying the connection is being made again",
                      lambda: connection_banner(session))
    if folder not in banner.name or "password" in banner.name:
        raise Failure(f"the banner does not name the server alone: {banner.name!r}")
    session.log(f"the window says: {banner.name}")
    dialog = save_while_away(session, page)
    session.screenshot("server-reconnecting")
    on_server(folder, "ALTER DATABASE team ALLOW_CONNECTIONS true")
    wait_for("the banner to go once the connection is back",
             lambda: connection_banner(session) is None, RECONNECTED_WITHIN)
    session.log("the banner went once the server let the window in again")
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    session.frame_closed(EDITOR)
    saved = on_server_portfolio(folder, "SELECT company_number FROM provider WHERE name = '"
                                + PROVIDER.replace("'", "''") + "'")
    if saved.strip() != COMPANY:
        raise Failure(f"the edit saved after the connection came back is not stored: {saved!r}")
    session.log("the edit refused while away was saved from its editor once back")


def save_copy(session):
    """Save a Copy… of the server's portfolio: made in the background, it
    ends with a toast, and the file holds the provider imported there."""
    menu_item(session, "Save a Copy…")
    chooser = session.frame("Save a Copy")
    name = wait_for("the file name field", lambda: find(chooser, "text", "Name:"))
    copy = os.path.join(session.work, "copy of the server.commissioner")
    set_text(name, copy)
    wait_for("the path in the name field", lambda: text_of(name) == copy)
    press_ready("the Save button", lambda: find_button(chooser, "Save"))
    session.frame_closed("Save a Copy")
    toast = session.toast("the copy's toast", lambda text: text.startswith("Saved a copy"))
    if toast != "Saved a copy as “copy of the server.commissioner”":
        raise Failure(f"the copy's toast says {toast!r}")
    held, check = counts(copy)
    with_provider = subprocess.run(["sqlite3", copy, "SELECT count(*) FROM provider WHERE name ="
                                    f" '{PROVIDER}'"], capture_output=True, text=True)
    if check != "ok" or with_provider.stdout.strip() != "1":
        raise Failure(f"the copy holds {held} with integrity {check!r}, and"
                      f" {with_provider.stdout.strip()} of the provider imported")
    session.log(f"the copy holds {held} and {verify_audit(session, copy)}")


def main():
    folder = tempfile.mkdtemp(prefix="cm-ui-cluster-")
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        if base is None:
            raise Failure("a throwaway PostgreSQL cluster did not start: " + why)
        with Session("server_live") as session:
            make_demo(session, folder)
            session.launch()
            page = session.page("Overview")
            wait_for("the Overview's figures", lambda: find_label(
                page, lambda text: text == "Needs You Now"))
            session.screenshot("server-overview")
            page = session.show_section("Providers")
            session.type_search(page, "Providers", PROVIDER)
            import_from_command_line(session)
            ended = time.monotonic()
            session.wait_for_matches(page, "Providers", PROVIDER, WITHIN_A_SECOND)
            session.log("the window lists the provider another program imported on the server,"
                        f" {time.monotonic() - ended:.2f} s after that program ended")
            save_copy(session)
            lose_connection(session, folder, page)
            session.screenshot("server-reconnected")
            session.verify_audit()
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
