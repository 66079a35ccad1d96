#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Recent portfolios: one opened once is in the desktop's recent files with
the portfolio file type, and is offered on the welcome page the next
time, where choosing it opens it again.

    with-display.sh python3 test_recent.py COMMISSIONER OUTPUT_DIR
"""
import os

from common import Session, find_all, find_label, wait_for

MIME_TYPE = "application/x-commissioner-portfolio"


def main():
    with Session("recent") as session:
        name = session.sql("SELECT value FROM meta WHERE key = 'name'")
        session.launch()
        recent = os.path.join(session.work, "data", "recently-used.xbel")
        wait_for("the portfolio in the recent files", lambda: os.path.exists(recent)
                 and MIME_TYPE in open(recent, encoding="utf-8").read()
                 and "demo.commissioner" in open(recent, encoding="utf-8").read())
        session.stop()

        welcome = session.launch(files=[], title="Commissioner")
        wait_for("the Recent Portfolios heading",
                 lambda: find_label(welcome, lambda text: text == "Recent Portfolios"))
        row = wait_for("the recent portfolio's row", lambda: next(
            r for r in find_all(welcome, "list item")
            if find_label(r, lambda text: text == "demo.commissioner")))
        session.screenshot("welcome")
        session.click(row)
        wait_for("the portfolio reopened from the welcome page",
                 lambda: welcome.name == name)
        session.log(f"{name!r} reopened from the welcome page's recent portfolios")


if __name__ == "__main__":
    main()
