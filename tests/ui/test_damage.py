#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A damaged audit trail in the real window: a contract edited behind the
application's back is found when the portfolio opens; changes are refused
until the user accepts the damage with a reason, which the trail records;
afterwards changes work again, and checking the trail still reports the
damage, and its acceptance.

    with-display.sh python3 test_damage.py COMMISSIONER OUTPUT_DIR
"""
import sqlite3
import subprocess

from common import Failure, Session, find, find_button, find_label, press, press_ready, set_text, \
    wait_for

PROVIDER = "Refused Until Accepted Ltd"
REASON = "Finance corrected the value by hand; agreed with audit"


def tamper(session):
    with sqlite3.connect(session.portfolio) as db:
        db.execute("UPDATE contract SET annual_value = annual_value + 100"
                   " WHERE id = (SELECT min(id) FROM contract)")


def add_provider(session):
    page = session.show_section("Providers")
    press_ready("the Add provider button", lambda: find_button(page, "Add provider"))
    dialog = session.frame("New provider")
    name = wait_for("the name field", lambda: find(dialog, "text", "Name"))
    session.type_into(name, PROVIDER, "New provider")
    session.key("Return", "New provider")


def providers(session):
    return session.sql("SELECT count(*) FROM provider WHERE name = ?", PROVIDER)


def main():
    with Session("damage") as session:
        tamper(session)
        session.launch()
        session.toast("the damage reported",
                      lambda text: text.startswith("The audit trail is damaged, so changes"))
        session.screenshot("refused")

        add_provider(session)
        dialog = session.frame("New provider")
        wait_for("the save refused in the dialog", lambda: find_label(
            dialog, lambda text: "cannot be changed while its audit trail is damaged" in text))
        session.screenshot("save-refused")
        if providers(session) != 0:
            raise Failure("a change was saved while the trail was damaged")
        press(find_button(dialog, "Cancel"))
        session.frame_closed("New provider")

        press_ready("the Accept Damage button",
                    lambda: find_button(session.window, "Accept Damage…", pages=False))
        reason = wait_for("the reason field", lambda: session.in_dialogs(find, "text", "Reason"))
        set_text(reason, REASON)
        session.screenshot("accept")
        press_ready("the accept button", lambda: session.in_dialogs(find_button, "Accept Damage"))
        session.toast("the acceptance", lambda text: text.startswith("The damage is accepted"))
        recorded = session.sql("SELECT new_value FROM audit WHERE entity = 'meta'"
                               " AND field = 'audit_damage_accepted'")
        if not recorded or not recorded.endswith(REASON):
            raise Failure(f"the acceptance was not recorded with its reason: {recorded!r}")

        add_provider(session)
        wait_for("the provider saved after accepting", lambda: providers(session) == 1)
        verify = subprocess.run([session.binary, "--verify-audit", "--portfolio",
                                 session.portfolio], capture_output=True, text=True,
                                env=dict(session.env, DISPLAY=""))
        if verify.returncode != 1 or "was accepted on" not in verify.stderr:
            raise Failure(f"--verify-audit after accepting: {verify.returncode} {verify.stderr}")
        session.log("changes refused until the damage was accepted; verify still reports it")


if __name__ == "__main__":
    main()
