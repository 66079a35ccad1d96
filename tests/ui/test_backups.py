#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Backups in the real window: Save a Copy… writes a whole portfolio that
verifies; an import from the command line is taken back with Undo Last
Import…; and Restore from Backup… lists the backups with their dates,
reasons and records, and puts the one chosen back, which the window then
shows and the audit trail records.

    with-display.sh python3 test_backups.py COMMISSIONER OUTPUT_DIR
"""
import contextlib
import datetime
import glob
import os
import re
import sqlite3
import subprocess

from common import Failure, Session, enabled, find, find_all, find_button, find_label, press, \
    press_ready, row_texts, set_text, text_of, wait_for

PROVIDER = "Backed Up Elsewhere Ltd"
COPY = "copy of the portfolio.commissioner"
REASONS = {"daily": "First opening of the day", "import": "Before an import",
           "undo-import": "Before an import was undone",
           "restore": "Before a backup was restored"}


def counts(path):
    """The contracts, services and providers in a portfolio file, and
    what SQLite's own check of it says."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                            timeout=5)) as db:
        return (tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in ("contract", "service", "provider")),
                db.execute("PRAGMA integrity_check").fetchone()[0])


def verify_audit(session, path):
    verify = subprocess.run([session.binary, "--verify-audit", "--portfolio", path],
                            capture_output=True, text=True, env=session.env)
    if verify.returncode != 0:
        raise Failure(f"the audit trail of {os.path.basename(path)} does not verify: "
                      + verify.stderr)
    return verify.stdout.strip()


def backups(session, reason=None):
    """The backup files of the portfolio, oldest first."""
    return sorted(glob.glob(os.path.join(session.work, "data", "commissioner", "backups", "*",
                                         f"*-{reason or '*'}.commissioner")))


def providers(session, name):
    return session.sql("SELECT count(*) FROM provider WHERE name = ?", name)


def menu_item(session, label):
    """Chooses @label from the main menu, as a user would."""
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    press_ready(f"the {label} item", lambda: find(menu, "menu item", label))


def reopened(session):
    """After the window has closed the portfolio to change it and opened
    it again, its pages are new: look for them afresh."""
    session.stack = None
    wait_for("the window open on the portfolio again",
             lambda: enabled(session.window) and session.page("Providers"))


def save_copy(session):
    menu_item(session, "Save a Copy…")
    chooser = session.frame("Save a Copy")
    name = wait_for("the file name field", lambda: find(chooser, "text", "Name:"))
    suggested = wait_for("a suggested name", lambda: text_of(name))
    if not suggested.endswith(" copy.commissioner"):
        raise Failure(f"the chooser suggests {suggested!r} for the copy")
    copy = os.path.join(session.work, COPY)
    set_text(name, copy)
    wait_for("the path in the name field", lambda: text_of(name) == copy)
    press(find_button(chooser, "Save"))
    session.frame_closed("Save a Copy")
    toast = session.toast("the toast", lambda text: text.startswith("Saved a copy"))
    if toast != f"Saved a copy as “{COPY}”":
        raise Failure(f"the copy's toast says {toast!r}")
    wait_for("the copy on disk", lambda: os.path.exists(copy))
    copied, check = counts(copy)
    portfolio, _ = counts(session.portfolio)
    if copied != portfolio or check != "ok":
        raise Failure(f"the copy holds {copied} with integrity {check!r}; the portfolio"
                      f" holds {portfolio}")
    session.log(f"the copy holds the portfolio's {portfolio} and {verify_audit(session, copy)}")


def import_from_command_line(session):
    register = os.path.join(session.work, "register.csv")
    with open(register, "w", encoding="utf-8") as out:
        out.write("Reference,Title,Provider,Commissioner,Service,Start date,End date,"
                  "Annual value\n"
                  f"BAK-1,Backed-up import,{PROVIDER},Adult Social Care,Carers,"
                  "01/04/2026,31/03/2029,12000\n")
    result = subprocess.run([session.binary, "--import", register, "--portfolio",
                             session.portfolio], capture_output=True, text=True,
                            env=dict(session.env, DISPLAY=""))
    if result.returncode != 0:
        raise Failure("the import from the command line failed: " + result.stderr)
    if len(backups(session, "import")) != 1:
        raise Failure("the import took no backup before it wrote")
    session.search(session.show_section("Providers"), "Providers", PROVIDER)


def listed(session, name):
    """The rows of the Providers list once it shows the search for @name."""
    page = session.page("Providers")
    set_text(wait_for("the search of Providers", lambda: find(page, "entry",
                                                              "Search Providers")), name)
    return find(find(page, "tree table", "Providers"), "list")


def undo_import(session):
    menu_item(session, "Undo Last Import…")
    question = wait_for("the question", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda text: text == "Undo the Import?") else None))
    body = find_label(question, lambda text: "backed up first" in text)
    if body is None or "register.csv" not in body.name:
        raise Failure("the question does not name the import it undoes"
                      + (f": {body.name!r}" if body else ""))
    session.screenshot("undo-question")
    press_ready("the Undo Import button", lambda: find_button(question, "Undo Import"))
    wait_for("the imported provider gone from the file", lambda: providers(session, PROVIDER) == 0)
    # First, while it shows: a toast leaves after a few seconds.
    session.toast("the toast", lambda text: text == "Undid the import of “register.csv”")
    reopened(session)
    session.show_section("Providers")
    wait_for("the imported provider gone from the list",
             lambda: listed(session, PROVIDER).childCount == 0)
    if len(backups(session, "undo-import")) != 1:
        raise Failure("undoing the import took no backup first")
    session.log(f"the import is undone and {session.verify_audit()}")


def shown_when(path):
    """How the list shows when a backup was taken, from its file's name."""
    stamp = re.match(r"(\d{8}T\d{6})", os.path.basename(path)).group(1)
    taken = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(
        tzinfo=datetime.timezone.utc).astimezone()
    return f"{taken.day} {taken:%B %Y, %H:%M}"


def shown_what(path, reason):
    (contracts, services, suppliers), _ = counts(path)
    return (f"{REASONS[reason]} · {contracts} contracts, {services} services,"
            f" {suppliers} providers")


def check_list(session, dialog):
    """Each backup on disk has a row that says when it was taken, why and
    what it holds, and a button that names it; newest first."""
    files = list(reversed(backups(session)))
    buttons = wait_for("the Restore buttons", lambda: len(
        [b for b in find_all(dialog, "push button") if b.name.startswith("Restore the backup")])
        == len(files) and [b for b in find_all(dialog, "push button")
                           if b.name.startswith("Restore the backup")])
    for path, button in zip(files, buttons):
        reason = re.search(r"Z-(.+)\.commissioner$", path).group(1)
        when, what = shown_when(path), shown_what(path, reason)
        if button.name != f"Restore the backup of {when} ({REASONS[reason]})":
            raise Failure(f"the button for {os.path.basename(path)} is {button.name!r}")
        texts = " | ".join(row_texts(button.parent.parent))
        if when not in texts or what not in texts:
            raise Failure(f"the row of {os.path.basename(path)} says {texts!r}, not"
                          f" {when!r} and {what!r}")
    session.log(f"the list shows {len(files)} backups: "
                + ", ".join(os.path.basename(f) for f in files))
    return dict(zip(files, buttons))


def provider_names(path):
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                            timeout=5)) as db:
        return [row[0] for row in db.execute("SELECT name FROM provider ORDER BY id")]


def anchors(session):
    return session.sql("SELECT count(*) FROM audit WHERE entity = 'meta'"
                       " AND field = 'restored_from_backup'")


def restore(session):
    if providers(session, PROVIDER) != 0:
        raise Failure("the imported provider is in the portfolio before the restore")
    anchored = anchors(session)
    menu_item(session, "Restore from Backup…")
    dialog = session.frame("Restore from Backup")
    rows = check_list(session, dialog)
    session.screenshot("backup-list")
    # The state before the undo still holds the imported provider: putting
    # it back is a change that the file and the window must show.
    chosen = backups(session, "undo-import")[0]
    press(rows[chosen])
    when = shown_when(chosen)
    question = wait_for("the question", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda text: text == "Restore This Backup?")
        else None))
    if not find_label(question, lambda text: when in text):
        raise Failure(f"the question does not say the backup is of {when}")
    session.screenshot("restore-question")
    press_ready("the Restore button", lambda: next(
        b for b in find_all(question, "push button") if b.name.replace("_", "") in (
            "Restore", "Restore Restore")))
    wanted = provider_names(chosen)
    wait_for("the backed-up providers in the file",
             lambda: provider_names(session.portfolio) == wanted)
    if PROVIDER not in wanted or counts(session.portfolio) != counts(chosen):
        raise Failure(f"the portfolio holds {counts(session.portfolio)} after restoring"
                      f" a backup of {counts(chosen)}")
    session.toast("the toast", lambda text: text == f"Restored the backup of {when}")
    reopened(session)
    session.show_section("Providers")
    session.search(session.page("Providers"), "Providers", PROVIDER)
    noted = session.sql("SELECT new_value FROM audit WHERE entity = 'meta'"
                        " AND field = 'restored-from' ORDER BY id DESC LIMIT 1")
    if not noted or os.path.basename(chosen) not in noted:
        raise Failure(f"the audit trail says the restore was from {noted!r}")
    if anchors(session) != anchored + 1:
        raise Failure("the audit trail holds no new anchor for the restore")
    if len(backups(session, "restore")) != 1:
        raise Failure("the restore did not back up the state it replaced")
    session.log(f"restored {os.path.basename(chosen)} and {session.verify_audit()}")
    session.screenshot("restored")


def main():
    with Session("backups") as session:
        session.launch()
        wait_for("the day's first backup", lambda: backups(session, "daily"))
        save_copy(session)
        import_from_command_line(session)
        undo_import(session)
        restore(session)


if __name__ == "__main__":
    main()
