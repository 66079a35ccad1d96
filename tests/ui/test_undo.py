# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Ctrl+Z undoes only the newest action: right after Invoke Extension it
takes the extension back, but once the contract has been edited and saved
since, it undoes nothing and the edit stays in the file."""
from common import Failure, Session, find_all, find_button, press_ready, set_text, wait_for

NEW_TITLE = "Home care, edited after its extension"


def invoked(session, reference):
    return session.sql("SELECT extensions_invoked FROM contract WHERE reference = ?", reference)


def invoke_extension(session, page, reference, before):
    # With the pointer, as a user would: the keyboard leaves the search
    # field, whose own Ctrl+Z would undo its typing instead.
    session.click(wait_for("the Invoke Extension button",
                           lambda: find_button(page, "Invoke Extension")))
    wait_for("the extension in the file", lambda: invoked(session, reference) == before + 1)


def ctrl_z_right_after(session, page, reference):
    invoke_extension(session, page, reference, 0)
    session.key("ctrl+z")
    wait_for("the extension taken back by Ctrl+Z", lambda: invoked(session, reference) == 0)
    session.log(f"{reference}: Ctrl+Z right after Invoke Extension took it back")


def ctrl_z_after_an_edit(session, page, reference):
    invoke_extension(session, page, reference, 0)
    session.key("ctrl+e")  # the page's shortcut for its Edit… button
    title = "Edit contract"
    dialog = session.frame(title)
    field = wait_for("the title field", lambda: next(
        t for t in find_all(dialog, "text") if t.name.startswith("Title")))
    set_text(field, NEW_TITLE)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    session.frame_closed(title)
    wait_for("the new title in the file", lambda: session.sql(
        "SELECT title FROM contract WHERE reference = ?", reference) == NEW_TITLE)
    session.key("ctrl+z")
    session.toast("the toast saying there is nothing to undo",
                  lambda text: text == "There is nothing to undo.")
    title_now = session.sql("SELECT title FROM contract WHERE reference = ?", reference)
    if title_now != NEW_TITLE:
        raise Failure(f"Ctrl+Z wiped out the editor's change: the title is {title_now!r}")
    if invoked(session, reference) != 1:
        raise Failure("Ctrl+Z undid the extension, which was no longer the newest action")
    session.log(f"{reference}: after an edit Ctrl+Z undid nothing, and the edit stayed")


with Session("undo") as session:
    session.launch()
    contracts = session.show_section("Contracts")
    contract = session.sql("SELECT reference FROM contract WHERE term LIKE '%+%'"
                           " AND extensions_invoked = 0 ORDER BY reference")
    session.search(contracts, "Contracts", contract)
    ctrl_z_right_after(session, contracts, contract)
    ctrl_z_after_an_edit(session, contracts, contract)
    session.screenshot("undo-refused")
    session.verify_audit()
