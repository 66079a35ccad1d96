#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A portfolio on a PostgreSQL server in the real window: the demo, made
in a database of a throwaway cluster, opens on its Overview, and a
register imported there from the command line while the window is open
is listed in its Providers without the window being reopened; the trail
then verifies.

    with-display.sh python3 test_server_live.py COMMISSIONER OUTPUT_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "postgresql"))

import pgcluster  # noqa: E402
from common import TODAY, Failure, Session, find_label, wait_for  # noqa: E402
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
            import_from_command_line(session)
            session.search(page, "Providers", PROVIDER)
            session.log("the window lists the provider another program imported on the server")
            session.verify_audit()
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
