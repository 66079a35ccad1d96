#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A large portfolio opens before SQLite's check of it: when that check,
run in the background, finds a damaged page, the window says so and that
every change is refused until the portfolio is restored, and a change
tried afterwards is refused.

    with-display.sh python3 test_damage_large.py COMMISSIONER OUTPUT_DIR
"""
import sqlite3

from common import Failure, Session, find, find_button, find_label, press_ready, wait_for

PROVIDER = "Refused Until Restored Ltd"


def enlarge_and_damage(path):
    """Past the size checked in the background (8 MiB), with one page of
    the contracts overwritten."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("CREATE TABLE padding (bytes BLOB)")
        db.execute("INSERT INTO padding VALUES (zeroblob(9 * 1024 * 1024))")
        page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contract'").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xa5" * 64)


def main():
    with Session("damage_large") as session:
        enlarge_and_damage(session.portfolio)
        session.launch()
        session.toast("the damaged file reported", lambda text: "Restore it from a backup" in text
                      and "Until it is restored, every change to it is refused" in text)
        session.screenshot("damaged-large")

        page = session.show_section("Providers")
        press_ready("the Add provider button", lambda: find_button(page, "Add provider"))
        dialog = session.frame("New provider")
        name = wait_for("the name field", lambda: find(dialog, "text", "Name"))
        session.type_into(name, PROVIDER, "New provider")
        session.key("Return", "New provider")
        wait_for("the save refused in the dialog", lambda: find_label(
            dialog, lambda text: "every change to it is refused" in text))
        session.screenshot("damaged-large-refused")
        if session.sql("SELECT count(*) FROM provider WHERE name = ?", PROVIDER) != 0:
            raise Failure("a change was saved to a damaged portfolio")
        session.log("a large damaged portfolio refuses changes once its check finds the damage")


if __name__ == "__main__":
    main()
