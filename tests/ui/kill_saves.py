#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The window half of the kill trial: saves a new provider by pressing
Enter in its dialog, and kills the application with SIGKILL at a random
moment after the key; then checks the portfolio holds the provider with
its audit rows or not at all, passes integrity_check and --verify-audit,
and opens again. Run by kill-trial.py, not by the test suite:

    with-display.sh python3 kill_saves.py COMMISSIONER OUTPUT_DIR COUNT SEED
"""
import random
import signal
import sys
import time

from common import Failure, Session, find, find_button, press_ready, wait_for

SEED, COUNT = int(sys.argv.pop(4)), int(sys.argv.pop(3))


def count(session, name):
    return session.sql("SELECT count(*) FROM provider WHERE name = ?", name)


def type_and_press_enter(session, name):
    page = session.show_section("Providers")
    press_ready("the Add provider button", lambda: find_button(page, "Add provider"))
    dialog = session.frame("New provider")
    field = wait_for("the name field", lambda: find(dialog, "text", "Name"))
    session.type_into(field, name, "New provider")
    session.key("Return", "New provider")
    return time.monotonic()


def calibrate(session):
    """How long one save takes, from Enter to the row in the file."""
    session.launch()
    pressed = type_and_press_enter(session, "Calibration Care Ltd")
    wait_for("the calibration save", lambda: count(session, "Calibration Care Ltd") == 1)
    return time.monotonic() - pressed


def kill(session):
    session.process.send_signal(signal.SIGKILL)
    session.process.wait()
    session.process = None


def trial(session, number, longest, outcomes):
    name = f"Kill Trial Provider {number}"
    session.launch()
    pressed = type_and_press_enter(session, name)
    # The point of the trial is a random moment, so this one pause is it.
    time.sleep(max(0.0, pressed + random.uniform(0, longest) - time.monotonic()))
    kill(session)
    problem = None
    check = session.rows("PRAGMA integrity_check")
    if check != [("ok",)]:
        problem = f"integrity_check: {check[:3]}"
    saved = count(session, name)
    audited = session.sql("SELECT count(*) FROM audit WHERE entity = 'provider'"
                          " AND field = 'name' AND new_value = ?", name)
    if saved != audited or saved not in (0, 1):
        problem = problem or f"{saved} providers with {audited} audit rows"
    try:
        session.verify_audit()
    except Failure as error:
        problem = problem or str(error)
    outcomes["after" if saved else "before"] += 1
    return problem


def main():
    random.seed(SEED)
    failures = []
    outcomes = {"before": 0, "after": 0}
    with Session("kill-saves") as session:
        longest = calibrate(session) * 1.5
        kill(session)
        for number in range(COUNT):
            problem = trial(session, number, longest, outcomes)
            if problem:
                failures.append(f"window save {number}: {problem}")
        session.launch()  # and it still opens
    print(f"window saves: {COUNT} killed within {longest:.2f} s of Enter;"
          f" all before {outcomes['before']}, all after {outcomes['after']}")
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
