#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""One instance, one window a portfolio: a second launch hands its
portfolio to the application already running and ends; the running one
opens it in a window of its own, and a portfolio already open is raised,
not opened twice.

    with-display.sh python3 test_single_instance.py COMMISSIONER OUTPUT_DIR
"""
import os
import shutil
import subprocess

from common import TODAY, Failure, Session, wait_for


def launch_again(session, *args):
    """A second launch, as from a terminal or the file manager: it must
    end at once, having handed its work over."""
    result = subprocess.run([session.binary, "--today", TODAY, *args], env=session.env,
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise Failure(f"the second launch ended with {result.returncode}: {result.stderr}")


def main():
    with Session("single_instance") as session:
        second = os.path.join(session.work, "second.commissioner")
        third = os.path.join(session.work, "third.commissioner")
        shutil.copy(session.portfolio, second)
        shutil.copy(session.portfolio, third)
        session.launch()
        frames = lambda: [w for w in session.app if w is not None
                          and w.getRoleName() == "frame"]

        launch_again(session, second)
        wait_for("the second portfolio in a window of the running application",
                 lambda: len(frames()) == 2)
        # The same portfolio again, named two ways, then a third: the calls
        # reach the running application in order, so once the third's
        # window is there the repeats have been handled.
        launch_again(session, "--portfolio", session.portfolio)
        launch_again(session, os.path.join(session.work, ".", "second.commissioner"))
        launch_again(session, third)
        wait_for("the third portfolio's window", lambda: len(frames()) >= 3)
        if len(frames()) != 3:
            raise Failure(f"{len(frames())} windows: a portfolio already open was opened again")
        session.screenshot("three-windows")

        # An import started from a second launch opens in the running one,
        # on the portfolio's own window.
        register = os.path.join(session.work, "register.csv")
        with open(register, "w", encoding="utf-8") as out:
            out.write("Reference,Title\nR-1,Home care\n")
        launch_again(session, "--portfolio", third, "--import-wizard", register)
        wait_for("the import wizard in the running application",
                 lambda: any(w.name == "Import Contracts" for w in frames()))
        if len(frames()) != 4:
            raise Failure(f"{len(frames())} windows: the import opened a window of its own")
        session.log("second launches handed over; one window a portfolio; the import followed")


if __name__ == "__main__":
    main()
