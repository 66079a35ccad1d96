#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""No lost edits in the real window: a contract open in the editor is
changed by another process through the store; saving in the window meets
that change, the dialog names who made it and shows both values, and
Apply Mine saves the user's title over the new version, audited. Once
more, Keep Theirs drops the user's title and shows the stored one.

    with-display.sh python3 test_conflict.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

from common import Failure, Session, find, find_button, find_label, press_ready, set_text, \
    text_of, wait_for

CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant
THEIRS = "Neighbourhood Networks (renewed)"
MINE = "Neighbourhood Networks grant, reviewed"
THEIRS_AGAIN = "Neighbourhood Networks (37 areas), renewed"
MINE_AGAIN = "Neighbourhood Networks, my second try"
COLLEAGUE = "Jane Smith"
TITLE = "Edit contract"


def stored_title(session):
    return session.sql("SELECT title FROM contract WHERE reference = ?", CONTRACT)


def change_elsewhere(session, title):
    """The colleague's save, from another process, through the store."""
    helper = os.path.join(session.output, "ui-change-contract")
    changed = subprocess.run([helper, session.portfolio, CONTRACT, "title", title, COLLEAGUE],
                             capture_output=True, text=True, env=session.env)
    if changed.returncode != 0:
        raise Failure("the other process could not save its change: " + changed.stderr)
    wait_for("the colleague's title in the file", lambda: stored_title(session) == title)


def meet_a_colleague(session, theirs, mine):
    """Opens the contract, has the colleague change its title, types
    @mine and saves: returns the editor, its title field and the dialog."""
    page = session.show_section("Contracts")
    session.search(page, "Contracts", CONTRACT)
    session.key("ctrl+e")
    editor = session.frame(TITLE)
    field = wait_for("the title field", lambda: find(editor, "text", "Title"))
    change_elsewhere(session, theirs)
    set_text(field, mine)
    wait_for("the new title typed", lambda: text_of(field) == mine)
    press_ready("the Save button", lambda: find_button(editor, "Save"))
    dialog = wait_for("the conflict dialog", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t == "Changed by Someone Else") else None))
    wait_for("both values of the title", lambda: find_label(
        dialog, lambda t: t == f"Theirs: {theirs}\nYours: {mine}"))
    return editor, field, dialog


def keep_theirs(session):
    """Keep Theirs: the user's title is dropped, the stored one shown in
    the editor, and nothing more is written."""
    audit_rows = session.sql("SELECT count(*) FROM audit")
    _, _, dialog = meet_a_colleague(session, THEIRS_AGAIN, MINE_AGAIN)
    press_ready("the Keep Theirs button", lambda: find_button(dialog, "Keep Theirs"))
    # A new editor, of the same name, replaces the one closing: look again each time.
    wait_for("the stored title in the editor", lambda: any(
        text_of(field) == THEIRS_AGAIN
        for top in session.app if top is not None and top.name == TITLE
        for field in [find(top, "text", "Title")] if field is not None))
    session.screenshot("kept-theirs")
    if stored_title(session) != THEIRS_AGAIN or \
            session.sql("SELECT count(*) FROM audit") != audit_rows + 1:
        raise Failure("keeping theirs wrote something of the user's")
    session.key("Escape", TITLE)
    session.frame_closed(TITLE)
    session.log(f"kept theirs: {THEIRS_AGAIN!r} in the file and the editor")


def save_over_a_colleague(session):
    audit_rows = session.sql("SELECT count(*) FROM audit")
    _, field, dialog = meet_a_colleague(session, THEIRS, MINE)
    wait_for("who changed it", lambda: find_label(
        dialog, lambda t: COLLEAGUE in t and "changed" in t and "1 field differs" in t))
    # One row more than before: the colleague's change; the refused save wrote none.
    if stored_title(session) != THEIRS or \
            session.sql("SELECT count(*) FROM audit") != audit_rows + 1:
        raise Failure("the refused save wrote something")
    if text_of(field) != MINE:
        raise Failure("the editor lost what the user typed")
    session.log(f"the conflict is shown: theirs {THEIRS!r}, mine {MINE!r}")
    session.screenshot("dialog")

    press_ready("the Apply Mine button", lambda: find_button(dialog, "Apply Mine"))
    session.frame_closed(TITLE)
    wait_for("the user's title in the file", lambda: stored_title(session) == MINE)
    actors = session.rows("SELECT actor FROM audit WHERE entity = 'contract' AND field = 'title'"
                          " AND new_value IN (?, ?) ORDER BY id", THEIRS, MINE)
    if len(actors) != 2 or COLLEAGUE not in actors[0][0]:
        raise Failure(f"the two changes are not both audited: {actors!r}")
    version = session.sql("SELECT row_version FROM contract WHERE reference = ?", CONTRACT)
    session.log(f"applied over the colleague's change: version {version}, actors {actors!r}")


def main():
    with Session("conflict") as session:
        session.launch()
        save_over_a_colleague(session)
        keep_theirs(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
