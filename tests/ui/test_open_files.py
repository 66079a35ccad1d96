#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Files handed over as a file manager hands them (commissioner FILE…):
each opens in a window of its own, a renamed portfolio by its content,
and a file that is not a portfolio in a window that says so.

    with-display.sh python3 test_open_files.py COMMISSIONER OUTPUT_DIR
"""
import os
import shutil

from common import Failure, Session, find_label, wait_for


def main():
    with Session("open_files") as session:
        renamed = os.path.join(session.work, "Register copy")
        shutil.copy(session.portfolio, renamed)
        notes = os.path.join(session.work, "notes.commissioner")
        with open(notes, "w", encoding="utf-8") as out:
            out.write("Not a portfolio at all\n")
        name = session.sql("SELECT value FROM meta WHERE key = 'name'")

        session.launch(files=[renamed, notes], title=name)
        frames = lambda: [w for w in session.app if w is not None and w.getRoleName() == "frame"]
        wait_for("a window for each file", lambda: len(frames()) == 2)
        refused = wait_for("the window that names the problem", lambda: next(
            w for w in frames() if find_label(w, lambda text: "notes.commissioner" in text)))
        if refused.name == name:
            raise Failure("the file that is not a portfolio was opened as one")
        session.screenshot("two-windows")
        session.log(f"a renamed portfolio opened as {name!r}; the other file was refused")


if __name__ == "__main__":
    main()
