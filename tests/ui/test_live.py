#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Another program's changes in the real window: while the window has the
portfolio open, a register is imported from the command line, and the
window lists the provider it created without being reopened.

    with-display.sh python3 test_live.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

from common import Failure, Session

PROVIDER = "Imported Elsewhere Ltd"


def import_from_command_line(session):
    register = os.path.join(session.work, "register.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n"
                  f"LIVE-1,Live import,{PROVIDER},Adult Social Care,Carers,"
                  "01/04/2026,31/03/2029,12000\n")
    result = subprocess.run([session.binary, "--import", register, "--portfolio",
                             session.portfolio], capture_output=True, text=True,
                            env=dict(session.env, DISPLAY=""))
    if result.returncode != 0:
        raise Failure("the import from the command line failed: " + result.stderr)


def main():
    with Session("live") as session:
        session.launch()
        page = session.show_section("Providers")
        import_from_command_line(session)
        session.search(page, "Providers", PROVIDER)
        session.log("the window lists the provider another program imported")
        session.screenshot("imported-elsewhere")
        session.verify_audit()


if __name__ == "__main__":
    main()
