#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Two exports to the same file at once, many times over, and an export
killed while writing: what each run reports must be true, the file must
always be a workbook openpyxl loads, and no temporary file may be left.
A portfolio another program holds for a moment is waited for.

    test-concurrent-export.py COMMISSIONER [ROUNDS]
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl

import portfolio as portfolios
from tap import BINARY, check, finish

TODAY = "2026-11-22"
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 12
SHEETS = 12


def export(target, portfolio):
    return subprocess.Popen([BINARY, "--export", target, "--portfolio", portfolio,
                             "--today", TODAY],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, DISPLAY=""))


def loads(path):
    """The number of sheets openpyxl finds, or why it could not load."""
    try:
        return len(openpyxl.load_workbook(path, read_only=True).sheetnames)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as e:
        return f"{type(e).__name__}: {e}"


def temporaries(folder, target):
    """Files an export writes before renaming, in either naming."""
    name = os.path.basename(target)
    return sorted(f for f in os.listdir(folder)
                  if f.startswith("." + name + ".") or f == name + ".part")


def race(work, portfolio, target):
    """Runs pairs of exports at once; returns the problems found."""
    untrue, unloadable, outcomes = [], [], {"succeeded": 0, "failed": 0}
    for n in range(ROUNDS):
        runs = [export(target, portfolio), export(target, portfolio)]
        results = [(p.wait(timeout=120), *p.communicate()) for p in runs]
        state = loads(target) if os.path.exists(target) else "missing"
        for status, out, err in results:
            succeeded = status == 0 and "Exported to" in out
            outcomes["succeeded" if succeeded else "failed"] += 1
            # Success is true only if the file is a whole workbook; a
            # failure is true only if it names the file, and in this
            # writable folder nothing should fail at all.
            if succeeded and state != SHEETS:
                untrue.append((n, "reported success", state))
            if not succeeded:
                untrue.append((n, status, err.strip()))
        if state != SHEETS:
            unloadable.append((n, state))
    return untrue, unloadable, outcomes


def killed_mid_write(work, portfolio, target):
    """Kills an export once its temporary file exists; returns what was
    left behind, or None when every try finished first."""
    for _ in range(20):
        p = export(target, portfolio)
        deadline = time.monotonic() + 30
        while p.poll() is None and time.monotonic() < deadline:
            left = temporaries(work, target)
            if left:
                p.send_signal(signal.SIGKILL)
                p.wait()
                return left
        p.wait()
    return None


def held_for_a_moment(work, portfolio):
    """An export started while another program holds the portfolio's lock;
    returns its status and what it said."""
    db = sqlite3.connect(portfolio, isolation_level=None)
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    p = export(os.path.join(work, "held.xlsx"), portfolio)
    time.sleep(0.5)  # how long the other program holds the lock
    db.execute("COMMIT")
    db.execute("PRAGMA locking_mode=NORMAL")
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    db.close()
    out, err = p.communicate(timeout=120)
    return p.returncode, out + err


def main():
    work = tempfile.mkdtemp(prefix="commissioner-race-")
    portfolio = portfolios.new(work, "demo")
    target = os.path.join(work, "same.xlsx")
    subprocess.run([BINARY, "--create-demo", portfolio, "--today", TODAY], check=True,
                   capture_output=True)

    untrue, unloadable, outcomes = race(work, portfolio, target)
    print(f"# {2 * ROUNDS} exports in {ROUNDS} pairs: {outcomes['succeeded']} reported success, "
          f"{outcomes['failed']} reported failure; {ROUNDS - len(unloadable)} of {ROUNDS} "
          f"results loaded in openpyxl")
    check("every run of two at once reports success, and truly", not untrue, untrue)
    check("after every pair the file is a whole workbook", not unloadable, unloadable)
    check("no temporary file is left after the pairs", not temporaries(work, target),
          temporaries(work, target))

    left = killed_mid_write(work, portfolio, target)
    check("an export killed while writing leaves its temporary file", left, left)
    check("and the earlier workbook is untouched", loads(target) == SHEETS, loads(target))
    result = export(target, portfolio)
    out, err = result.communicate(timeout=120)
    check("the next export succeeds", result.returncode == 0, err)
    check("and removes what the killed one left", not temporaries(work, target),
          temporaries(work, target))

    if portfolios.skip_on_server(check, "a portfolio locked for a moment is waited for",
                                 "a file's lock; a server locks record by record"):
        shutil.rmtree(work)
        sys.exit(finish())
    status, said = held_for_a_moment(work, portfolio)
    check("a portfolio locked for a moment by another program is waited for, "
          "not called damaged", status == 0 and "damaged" not in said, said)

    shutil.rmtree(work)
    sys.exit(finish())


if __name__ == "__main__":
    main()
