#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Kills imports, exports and window saves with SIGKILL at random moments,
then checks that nothing was damaged: every portfolio passes SQLite's
integrity_check and --verify-audit and holds all of the work or none of
it, and every export target is the old file or a complete new one.

    kill-trial.py COMMISSIONER [TRIALS] [SEED]

Not part of the default suite: it takes minutes. TRIALS (default 100) are
shared between the three kinds of work.
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl

BINARY = sys.argv[1]
TRIALS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else int(time.time())
ROWS = 20000
random.seed(SEED)
WORK = tempfile.mkdtemp(prefix="kill-trial-")
ENV = dict(os.environ, DISPLAY="", XDG_DATA_HOME=os.path.join(WORK, "data"))
failures = []


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=ENV)


def query(portfolio, sql):
    with sqlite3.connect(f"file:{portfolio}?mode=ro", uri=True) as db:
        return db.execute(sql).fetchall()


def intact(portfolio):
    """integrity_check and our own audit check, or what they said."""
    check = query(portfolio, "PRAGMA integrity_check")
    if check != [("ok",)]:
        return f"integrity_check: {check[:3]}"
    verify = run("--verify-audit", "--portfolio", portfolio)
    if verify.returncode != 0:
        return f"--verify-audit: {verify.stderr.strip()}"
    return None


def killed_at_random(args, longest):
    """Starts the program, kills it somewhere in its run, and says when."""
    process = subprocess.Popen([BINARY, *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=ENV)
    delay = random.uniform(0, longest)
    try:
        process.wait(timeout=delay)
        finished = True
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        finished = False
    return delay, finished


def timed(args):
    start = time.monotonic()
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start


def write_register(path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n")
        for i in range(ROWS):
            out.write(f"KT-{i:05},Kill trial {i},Provider {i % 50},Adult Social Care,"
                      f"Trial service {i % 20},01/04/2025,31/03/2028,{1000 + i}\n")


def import_trials(count, demo):
    register = os.path.join(WORK, "register.csv")
    write_register(register)
    before = query(demo, "SELECT count(*) FROM contract")[0][0]
    scratch = os.path.join(WORK, "import.commissioner")
    shutil.copy(demo, scratch)
    longest = timed(["--import", register, "--portfolio", scratch]) * 1.5
    outcomes = {"before": 0, "after": 0}
    for trial in range(count):
        portfolio = os.path.join(WORK, f"import-{trial}.commissioner")
        shutil.copy(demo, portfolio)
        delay, finished = killed_at_random(["--import", register, "--portfolio", portfolio],
                                           longest)
        problem = intact(portfolio)
        contracts = query(portfolio, "SELECT count(*) FROM contract")[0][0]
        if contracts == before:
            outcomes["before"] += 1
        elif contracts == before + ROWS:
            outcomes["after"] += 1
        else:
            problem = problem or f"{contracts - before} of {ROWS} contracts imported"
        if finished and contracts != before + ROWS:
            problem = problem or "the import finished but its contracts are missing"
        if problem:
            failures.append(f"import {trial} killed at {delay:.2f} s: {problem}")
        os.remove(portfolio)
    print(f"imports: {count} killed within {longest:.2f} s; all before {outcomes['before']},"
          f" all after {outcomes['after']}")


def workbook_sheets(path):
    return openpyxl.load_workbook(path, read_only=True).sheetnames


def export_trials(count, demo):
    target = os.path.join(WORK, "board.xlsx")
    longest = timed(["--export", target, "--portfolio", demo]) * 1.5
    expected = workbook_sheets(target)
    old = open(target, "rb").read()
    outcomes = {"old": 0, "new": 0}
    for trial in range(count):
        with open(target, "wb") as out:
            out.write(old)
        delay, _ = killed_at_random(["--export", target, "--portfolio", demo], longest)
        current = open(target, "rb").read()
        if current == old:
            outcomes["old"] += 1
            continue
        try:
            zipfile.ZipFile(target).testzip()
            sheets = workbook_sheets(target)
        except Exception as error:  # any failure to read it is the finding
            failures.append(f"export {trial} killed at {delay:.2f} s: unreadable: {error}")
            continue
        if sheets != expected:
            failures.append(f"export {trial}: sheets {sheets}")
        outcomes["new"] += 1
    run("--export", target, "--portfolio", demo)
    left = [name for name in os.listdir(WORK) if name.startswith(".board.xlsx.")]
    if left:
        failures.append(f"temporary files left after the next export: {left}")
    print(f"exports: {count} killed within {longest:.2f} s; old file {outcomes['old']},"
          f" complete new file {outcomes['new']}")


def main():
    demo = os.path.join(WORK, "demo.commissioner")
    assert run("--create-demo", demo, "--today", "2026-11-22").returncode == 0
    kinds = ["import", "export", "window"]
    share = {kind: TRIALS // len(kinds) + (1 if i < TRIALS % len(kinds) else 0)
             for i, kind in enumerate(kinds)}
    print(f"seed {SEED}; {TRIALS} trials: {share}")
    import_trials(share["import"], demo)
    export_trials(share["export"], demo)
    window_trials(share["window"])
    for failure in failures:
        print("FAILED:", failure)
    print(f"{TRIALS - len(failures)} passed, {len(failures)} failed")
    shutil.rmtree(WORK, ignore_errors=True)
    return 1 if failures else 0


def window_trials(count):
    """Run on a display and session bus of their own, by the window tests'
    own helpers; each FAILED line they print is a failure here."""
    tests = os.path.dirname(os.path.abspath(__file__))
    result = subprocess.run([os.path.join(tests, "with-display.sh"), "/usr/bin/python3",
                             os.path.join(tests, "ui", "kill_saves.py"), BINARY, WORK,
                             str(count), str(SEED)], capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("FAILED: "):
            failures.append(line[len("FAILED: "):])
        elif line.startswith("window saves:"):
            print(line)
    if result.returncode != 0 and not any(f.startswith("window save") for f in failures):
        failures.append("the window trial did not run: " + result.stderr[-2000:])


if __name__ == "__main__":
    sys.exit(main())
