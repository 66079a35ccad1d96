#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Quitting with Ctrl+Q while the day's first backup of a large portfolio
is being copied stops the copy and waits for it: the application ends
by itself, and leaves no half-written copy in the backups folder, only
whole backups, if any.

    with-display.sh python3 test_quit.py COMMISSIONER OUTPUT_DIR
"""
import glob
import os
import sqlite3
import subprocess
import time

from common import Failure, Session, wait_for

# Large enough that the copy is still being written when the key arrives.
PADDING_MB = 512
# Quitting waits up to 5 s for the readers; this is the deadline on top.
QUIT_DEADLINE = 30


def enlarge(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE padding (bytes BLOB)")
        db.execute(f"INSERT INTO padding VALUES (zeroblob({PADDING_MB} * 1024 * 1024))")
    db.close()


def backup_files(session, hidden):
    pattern = ".*.commissioner.*" if hidden else "*.commissioner"
    return glob.glob(os.path.join(session.work, "data", "commissioner", "backups", "*", pattern))


def main():
    with Session("quit") as session:
        enlarge(session.portfolio)
        session.launch()
        wait_for("the day's backup being copied", lambda: backup_files(session, hidden=True))
        session.key("ctrl+q")
        process, session.process = session.process, None
        pressed = time.monotonic()
        try:
            status = process.wait(timeout=QUIT_DEADLINE)
        except subprocess.TimeoutExpired:
            process.kill()
            raise Failure(f"the application had not quit {QUIT_DEADLINE} s after Ctrl+Q")
        if status != 0:
            raise Failure(f"the application quit with status {status}")
        left = backup_files(session, hidden=True)
        if left:
            raise Failure(f"quitting left half-written copies: {left}")
        for backup in backup_files(session, hidden=False):
            with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as db:
                check = db.execute("PRAGMA quick_check").fetchone()[0]
            db.close()
            if check != "ok":
                raise Failure(f"the backup {os.path.basename(backup)} is not whole: {check}")
        session.log("Ctrl+Q during the day's backup stops it and leaves nothing half-written"
                    f" ({len(backup_files(session, hidden=False))} whole backups; quit in"
                    f" {time.monotonic() - pressed:.1f} s)")


if __name__ == "__main__":
    main()
