#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""No lost edits in the real window: a contract open in the editor is
changed by another process through the store; saving in the window meets
that change, the dialog names who made it and shows both values, and
Apply Mine saves the user's title over the new version, audited. Once
more, Keep Theirs drops the user's title and shows the stored one.

Text typed into a checklist item's field on a service's page, not yet
applied, stays as typed while a colleague's change to the same item
reaches the page; applied, it meets that change in the same dialog; a
colleague's change to the item's state leaves it as typed too. A
decommissioning's field keeps its typed text too through a change to
another field, and saves it without a conflict; Enter saves text that
assistive technology wrote there too.

The same dialog meets a colleague's change saved in the same moment as a
field of a decommissioning's page (bound to its record) or a checklist
item's state on a service's page: the window is held still while the
colleague saves and the user's key waits, so the window takes the key
before or just after it hears of the colleague's change, as either may
happen at a real desk. A date field asks once, though the dialog takes
the focus from it, and a state chosen stays shown once Apply Mine saved it.

    with-display.sh python3 test_conflict.py COMMISSIONER OUTPUT_DIR
"""
import contextlib
import os
import signal
import subprocess

import pyatspi

from common import Failure, Session, find, find_button, find_label, has_state, look, \
    press_ready, set_text, state_of, text_of, wait_for
from test_decommission import SERVICE as DECOMMISSIONED, open_decommission
from test_hub import open_service

CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant
THEIRS = "Neighbourhood Networks (renewed)"
MINE = "Neighbourhood Networks grant, reviewed"
THEIRS_AGAIN = "Neighbourhood Networks (37 areas), renewed"
MINE_AGAIN = "Neighbourhood Networks, my second try"
COLLEAGUE = "Jane Smith"
TITLE = "Edit contract"


def stored_title(session):
    return session.sql("SELECT title FROM contract WHERE reference = ?", CONTRACT)


def change_record(session, record, *changes):
    """The colleague's save of @record ("TYPE#ID" or a contract's
    reference), from another process, through the store: @changes are
    property and value, in turn."""
    helper = os.path.join(session.output, "ui-change-contract")
    changed = subprocess.run([helper, session.portfolio, record, *changes, COLLEAGUE],
                             capture_output=True, text=True, env=session.env)
    if changed.returncode != 0:
        raise Failure("the other process could not save its change: " + changed.stderr)


def change_elsewhere(session, title):
    change_record(session, CONTRACT, "title", title)
    wait_for("the colleague's title in the file", lambda: stored_title(session) == title)


@contextlib.contextmanager
def window_held_still(session):
    """The window's process stopped, so that what happens meanwhile (a
    colleague's save, a key pressed) reaches it at once when it goes on."""
    os.kill(session.process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(session.process.pid, signal.SIGCONT)


def shown_conflict_dialog(session):
    return session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t == "Changed by Someone Else") else None)


def conflict_dialog(session, field, theirs, mine):
    """The conflict dialog, once it shows @field's two values."""
    dialog = wait_for("the conflict dialog", lambda: shown_conflict_dialog(session))
    wait_for(f"both values of {field}", lambda: find_label(
        dialog, lambda t: t == f"Theirs: {theirs}\nYours: {mine}"))
    wait_for("who changed it", lambda: find_label(
        dialog, lambda t: COLLEAGUE in t and "changed" in t))
    return dialog


def audit_rows(session):
    return session.sql("SELECT count(*) FROM audit")


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
    dialog = wait_for("the conflict dialog", lambda: shown_conflict_dialog(session))
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

# ---- an extension invoked from the list of contracts ------------------

EXTENDED_THEIRS = "Extended as the colleague renamed it"


def extension_field(session, reference, column):
    return session.sql(f"SELECT {column} FROM contract WHERE reference = ?", reference)


def extension_meets_a_colleague(session):
    """Invoke Extension as the colleague renames the contract: Apply Mine
    says what it did and offers Undo, as a plain save does, and Undo takes
    back the extension only, keeping the colleague's title."""
    reference = session.sql("SELECT reference FROM contract WHERE term LIKE '%+%'"
                            " AND extensions_invoked = 0 AND reference <> ?"
                            " ORDER BY reference", CONTRACT)
    page = session.show_section("Contracts")
    session.search(page, "Contracts", reference)
    button = wait_for("the Invoke Extension button",
                      lambda: find_button(page, "Invoke Extension"))
    box = button.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    # The pointer over the button, so that the click needs nothing of the
    # window's process, held still meanwhile.
    session._xdotool(None, "mousemove", "--sync", str(box.x + box.width // 2),
                     str(box.y + box.height // 2))
    for attempt in range(1, 6):
        theirs = f"{EXTENDED_THEIRS} ({attempt})"
        # The button is pressed before the window is held still, and let go
        # meanwhile: going on, the window has that one event to handle, the
        # click, before its next look at the file (once a second, and due by
        # then when the colleague's save took that long). Pressed and let go
        # together, the window could look between the two.
        subprocess.run(["xdotool", "mousedown", "1"], check=True)
        # A question the window answers over the bus (places are never kept
        # on this side): it has taken the press, sent before, by then.
        look("the window answering after the press",
             lambda: button.queryComponent().getExtents(pyatspi.DESKTOP_COORDS))
        with window_held_still(session):
            change_record(session, reference, "title", theirs)
            subprocess.run(["xdotool", "mouseup", "1"], check=True)
        dialog = wait_for("the conflict dialog, or the extension saved", lambda: (
            shown_conflict_dialog(session)
            or extension_field(session, reference, "extensions_invoked") == 1))
        if dialog is not True:
            break
        # The window heard of the change before the click, which met no
        # conflict then: taken back, and tried again.
        press_ready("the toast's Undo", lambda: find_button(session.window, "Undo", pages=False))
        wait_for("the extension undone",
                 lambda: extension_field(session, reference, "extensions_invoked") == 0)
    else:
        raise Failure("the window heard of each change before the click")
    press_ready("the Apply Mine button", lambda: find_button(dialog, "Apply Mine"))
    wait_for("the extension in the file",
             lambda: extension_field(session, reference, "extensions_invoked") == 1)
    session.toast("the extension's toast", lambda t: t.startswith(f"Extension 1 of {reference}"))
    session.screenshot("extension-applied")
    press_ready("the toast's Undo", lambda: find_button(session.window, "Undo", pages=False))
    wait_for("the extension undone",
             lambda: extension_field(session, reference, "extensions_invoked") == 0)
    if extension_field(session, reference, "title") != theirs:
        raise Failure("undoing the extension wiped out the colleague's title")
    session.log(f"{reference}: extended over the colleague's change (try {attempt}), then undone,"
                " their title kept")


# ---- a field bound to its record, on a decommissioning's page ----------

CASE_THEIRS = "The joint review found better value in a community model"
CASE_MINE = "The service no longer met priority outcomes; see the board paper"
REASON_THEIRS = "Funding ends with the joint review"
REASON_MINE = "Budget reduction agreed by the board"


def decommission_field(session, column):
    return session.sql(f"SELECT d.{column} FROM decommission d JOIN service s"
                       " ON s.id = d.service_id WHERE s.name = ?", DECOMMISSIONED)


def enter_as_a_colleague_saves(session, page, title, prop, theirs, mine):
    """Types @mine into the field @title and presses Enter as the
    colleague saves @theirs: returns the conflict dialog."""
    record = "CmDecommission#%d" % decommission_field(session, "id")
    field = wait_for(f"the field {title}", lambda: find(page, "text", title))
    session.focus(field)
    set_text(field, mine)
    wait_for("the user's text typed", lambda: text_of(field) == mine)
    window = session.window.name
    with window_held_still(session):
        change_record(session, record, prop, theirs)
        session.key("Return", window)
    return conflict_dialog(session, title, theirs, mine)


def bound_field_meets_a_colleague(session):
    """Apply Mine saves the user's case for change over the colleague's;
    Keep Theirs leaves their reason, shown again in its field."""
    page = open_decommission(session)
    rows = audit_rows(session)
    dialog = enter_as_a_colleague_saves(session, page, "Case for change", "case-for-change",
                                        CASE_THEIRS, CASE_MINE)
    if decommission_field(session, "case_for_change") != CASE_THEIRS or \
            audit_rows(session) != rows + 1:
        raise Failure("the refused save of a bound field wrote something")
    wait_for("the decommissioning named by its service", lambda: find_label(
        dialog, lambda t: f"“Decommissioning of {DECOMMISSIONED}”" in t))
    session.screenshot("bound-dialog")
    press_ready("the Apply Mine button", lambda: find_button(dialog, "Apply Mine"))
    wait_for("the user's case for change in the file",
             lambda: decommission_field(session, "case_for_change") == CASE_MINE)
    actors = session.rows("SELECT actor FROM audit WHERE entity = 'decommission'"
                          " AND field = 'case_for_change' AND new_value IN (?, ?) ORDER BY id",
                          CASE_THEIRS, CASE_MINE)
    if len(actors) != 2 or COLLEAGUE not in actors[0][0] or COLLEAGUE in actors[1][0]:
        raise Failure(f"the two cases for change are not both audited: {actors!r}")
    session.log(f"a bound field applied over the colleague's change: {actors!r}")

    rows = audit_rows(session)
    title = "Reason for decommissioning"
    dialog = enter_as_a_colleague_saves(session, page, title, "reason", REASON_THEIRS,
                                        REASON_MINE)
    press_ready("the Keep Theirs button", lambda: find_button(dialog, "Keep Theirs"))
    wait_for("their reason shown in the field", lambda: text_of(
        find(page, "text", title)) == REASON_THEIRS)
    session.screenshot("bound-kept")
    if decommission_field(session, "reason") != REASON_THEIRS or audit_rows(session) != rows + 1:
        raise Failure("keeping their reason wrote something of the user's")
    session.log(f"a bound field kept the colleague's {REASON_THEIRS!r}")
    date_asks_once(session, page)


DATE_THEIRS = "2026-10-01"
DATE_MINE = "15/10/2026"


def date_asks_once(session, page):
    """Enter in a date field that meets a colleague's change asks once:
    the dialog taking the focus from the field does not save it again.
    Keep Theirs then leaves no other dialog asking."""
    record = "CmDecommission#%d" % decommission_field(session, "id")
    field = wait_for("the decision date", lambda: find(page, "text", "Decision date"))
    rows = audit_rows(session)
    session.focus(field)
    set_text(field, DATE_MINE)
    wait_for("the user's date typed", lambda: text_of(field) == DATE_MINE)
    window = session.window.name
    with window_held_still(session):
        change_record(session, record, "decision-date", DATE_THEIRS)
        session.key("Return", window)
    dialog = wait_for("the conflict dialog", lambda: shown_conflict_dialog(session))
    # The field loses the focus as its window loses the keyboard to the
    # dialog; saving as it is left, it would ask again then. (The field
    # found before is gone by now, its page remade for the colleague's
    # change: its own state tells nothing.)
    wait_for("the keyboard gone from the main window to the dialog",
             lambda: not has_state(session.window, pyatspi.STATE_ACTIVE))
    session.screenshot("date-dialog")
    press_ready("the Keep Theirs button", lambda: find_button(dialog, "Keep Theirs"))
    wait_for("their date shown in the field", lambda: text_of(
        find(page, "text", "Decision date")) == "01/10/2026")
    # A second dialog, asked as the field lost the focus, would stay.
    wait_for("no conflict dialog left asking", lambda: not shown_conflict_dialog(session))
    if decommission_field(session, "decision_date") != DATE_THEIRS or \
            audit_rows(session) != rows + 1:
        raise Failure("keeping their date wrote something of the user's")
    session.log("a date field asked once about the colleague's date, and kept it")


CASE_TYPED = "Outcomes fell short for two years running"
REASON_AGAIN = "Funding ends with the joint review, as the board agreed"


def bound_typing_kept(session):
    """Text typed into a bound field stays while a colleague's change to
    another field of the record reaches the page; applied, it is saved
    without a conflict, and the colleague's change stays."""
    page = open_decommission(session)
    record = "CmDecommission#%d" % decommission_field(session, "id")
    field = wait_for("the case for change", lambda: find(page, "text", "Case for change"))
    wait_for("the case for change in place", at_rest(field))
    session.focus(field)
    set_text(field, CASE_TYPED)
    wait_for("the user's case typed", lambda: text_of(field) == CASE_TYPED)
    change_record(session, record, "reason", REASON_AGAIN)
    wait_for("the colleague's reason shown", lambda: text_of(
        find(page, "text", "Reason for decommissioning")) == REASON_AGAIN)
    shown = text_of(find(page, "text", "Case for change"))
    if shown != CASE_TYPED:
        raise Failure(f"the colleague's change replaced the case typed: {shown!r}")
    session.key("Return", session.window.name)
    wait_for("the user's case in the file",
             lambda: decommission_field(session, "case_for_change") == CASE_TYPED)
    if decommission_field(session, "reason") != REASON_AGAIN:
        raise Failure("saving the typed case undid the colleague's reason")
    session.log("a bound field kept its typed text through a change to another field")


REASON_WRITTEN = "Replaced by the joint community model"


def written_text_applied(session):
    """Text put into a bound field by assistive technology, not typed
    there, is saved by Enter too, though the field shows no apply button
    for it."""
    page = session.page("CmDecommissionPage")
    title = "Reason for decommissioning"
    field = wait_for("the reason", lambda: find(page, "text", title))
    set_text(field, REASON_WRITTEN)
    wait_for("the reason written", lambda: text_of(field) == REASON_WRITTEN)
    session.focus(field)
    session.key("Return", session.window.name)
    wait_for("the written reason in the file",
             lambda: decommission_field(session, "reason") == REASON_WRITTEN)
    session.log("Enter saved a reason written by assistive technology")


# ---- a checklist item's state, on a service's page ---------------------

NOT_THEIRS = "Covered by the joint review"


def open_items(session):
    """Two items still to do at their service's stage, of one service."""
    return session.rows("SELECT s.name, i.id, i.title FROM checklist_item i"
                        " JOIN service s ON s.id = i.service_id WHERE i.state = 'to-do'"
                        " AND i.stage = s.stage AND i.cycle = s.cycle AND s.id = ("
                        "SELECT service_id FROM checklist_item WHERE state = 'to-do'"
                        " GROUP BY service_id HAVING count(*) > 1 ORDER BY service_id LIMIT 1)"
                        " ORDER BY i.id LIMIT 2")


def item_state(session, item_id):
    return session.sql("SELECT state FROM checklist_item WHERE id = ?", item_id)


def done_as_a_colleague_saves(session, page, item_id, title):
    """Picks Done for the item as the colleague marks it not applicable:
    returns the conflict dialog."""
    combo = wait_for(f"the state of {title!r}",
                     lambda: find(page, "combo box", f"State of “{title}”"))
    window = session.window.name
    session.open_choices(combo)
    session.key("Down", window)
    with window_held_still(session):
        change_record(session, f"CmChecklistItem#{item_id}", "reason", NOT_THEIRS,
                      "state", "not-applicable")
        session.key("Return", window)
    return conflict_dialog(session, "State", "Not applicable", "Done")


def checklist_meets_a_colleague(session):
    """Apply Mine marks the first item done over the colleague's change;
    Keep Theirs leaves the second not applicable, shown so."""
    (service, first, first_title), (_, second, second_title) = open_items(session)
    page = open_service(session, service)
    dialog = done_as_a_colleague_saves(session, page, first, first_title)
    session.screenshot("checklist-dialog")
    press_ready("the Apply Mine button", lambda: find_button(dialog, "Apply Mine"))
    wait_for("the item done in the file", lambda: item_state(session, first) == "done")
    wait_for("the item shown done", lambda: state_of(
        find(page, "combo box", f"State of “{first_title}”")) == "Done")
    actors = session.rows("SELECT actor, new_value FROM audit WHERE entity = 'checklist_item'"
                          " AND entity_id = ? AND field = 'state' ORDER BY id", first)
    actors = actors[-2:]  # after the state the item was made with
    if [value for _, value in actors] != ["not-applicable", "done"] or \
            COLLEAGUE not in actors[0][0] or COLLEAGUE in actors[1][0]:
        raise Failure(f"the item's two states are not both audited: {actors!r}")
    session.log(f"a checklist item done over the colleague's change: {actors!r}")

    rows = audit_rows(session)
    dialog = done_as_a_colleague_saves(session, page, second, second_title)
    press_ready("the Keep Theirs button", lambda: find_button(dialog, "Keep Theirs"))
    wait_for("their state shown", lambda: state_of(
        find(page, "combo box", f"State of “{second_title}”")) == "Not applicable")
    session.screenshot("checklist-kept")
    if item_state(session, second) != "not-applicable" or audit_rows(session) != rows + 2:
        raise Failure("keeping their state wrote something of the user's")
    session.log(f"a checklist item kept the colleague's state on {second_title!r}")


# ---- typing on a service's page while a colleague changes the item -----

EVIDENCE = "Evidence (a note or document reference)"
EVIDENCE_THEIRS = "Joint review minutes, filed by the partnership team"
EVIDENCE_MINE = "Provider forum notes, 2 December"
NOT_THEIRS_EITHER = "Settled at the partnership board"


def last_open_items(session, skipped=0):
    """Two items still to do at their service's stage, of the last service
    that has two, past @skipped such services: one the other cases leave
    alone."""
    return session.rows("SELECT s.name, i.id, i.title FROM checklist_item i"
                        " JOIN service s ON s.id = i.service_id WHERE i.state = 'to-do'"
                        " AND i.stage = s.stage AND i.cycle = s.cycle AND s.id = ("
                        "SELECT s.id FROM checklist_item i JOIN service s"
                        " ON s.id = i.service_id WHERE i.state = 'to-do' AND i.stage = s.stage"
                        " AND i.cycle = s.cycle GROUP BY s.id HAVING count(*) > 1"
                        " ORDER BY s.id DESC LIMIT 1 OFFSET ?) ORDER BY i.id LIMIT 2", skipped)


def item_row(page, title):
    """The row of the checklist item @title: the nearest node around its
    state's drop-down that holds its text fields."""
    node = wait_for(f"the state of {title!r}",
                    lambda: find(page, "combo box", f"State of “{title}”"))
    while node is not None and find(node, "text", EVIDENCE) is None:
        node = node.parent
    if node is None:
        raise Failure(f"the item {title!r} has no evidence field")
    return node


def at_rest(node):
    """A probe true once @node is where it was at the last look: a row
    opening slides its fields into place."""
    last = []

    def still():
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        here = (box.x, box.y, box.width, box.height)
        steady = last[-1:] == [here] and box.height > 0
        last.append(here)
        return steady
    return still


def evidence_shown(page, title):
    return text_of(find(item_row(page, title), "text", EVIDENCE))


def evidence_kept(session, page, title, changed, state, screenshot):
    """Once the item @changed shows the colleague's @state, the evidence
    the user typed for the item @title is still shown as typed."""
    wait_for(f"the colleague's change shown on {changed!r}", lambda: state_of(
        find(page, "combo box", f"State of “{changed}”")) == state)
    session.screenshot(screenshot)
    shown = evidence_shown(page, title)
    if shown != EVIDENCE_MINE:
        raise Failure(f"the colleague's change replaced what the user typed: {shown!r}")


def type_evidence(session, service, title):
    """Opens @service's page and its item @title, and types the user's
    evidence there without applying it: returns the page."""
    page = open_service(session, service)
    row = item_row(page, title)
    session.click(find_label(row, lambda t: t == title))  # it opens to show its fields
    field = wait_for("the evidence field shown", lambda: find(row, "text", EVIDENCE))
    wait_for("the evidence field in place", at_rest(field))
    session.focus(field)
    set_text(field, EVIDENCE_MINE)
    wait_for("the user's evidence typed", lambda: text_of(field) == EVIDENCE_MINE)
    return page


def typing_kept_through_a_colleagues_change(session):
    """The user types evidence for an item and has not applied it when a
    colleague's evidence for the same item, then their change to another
    item, reach the page: the typed text is still there, the keyboard in
    it, and applying it meets the colleague's evidence."""
    (service, first, first_title), (_, second, second_title) = last_open_items(session)
    page = type_evidence(session, service, first_title)
    rows = audit_rows(session)

    change_record(session, f"CmChecklistItem#{first}", "evidence", EVIDENCE_THEIRS)
    change_record(session, f"CmChecklistItem#{second}", "reason", NOT_THEIRS_EITHER,
                  "state", "not-applicable")
    evidence_kept(session, page, first_title, second_title, "Not applicable", "typing-kept")
    if session.sql("SELECT evidence FROM checklist_item WHERE id = ?", first) != EVIDENCE_THEIRS:
        raise Failure("the colleague's evidence is not in the file")
    session.log(f"typed evidence {EVIDENCE_MINE!r} kept through the colleague's {EVIDENCE_THEIRS!r}")

    session.key("Return", session.window.name)
    dialog = conflict_dialog(session, EVIDENCE, EVIDENCE_THEIRS, EVIDENCE_MINE)
    wait_for("the item named by its title and service", lambda: find_label(
        dialog, lambda t: f"“{first_title} ({service})”" in t))
    if audit_rows(session) != rows + 3:  # the colleague's evidence, state and reason
        raise Failure("the refused evidence wrote something")
    press_ready("the Apply Mine button", lambda: find_button(dialog, "Apply Mine"))
    wait_for("the user's evidence in the file", lambda: session.sql(
        "SELECT evidence FROM checklist_item WHERE id = ?", first) == EVIDENCE_MINE)
    wait_for("the user's evidence shown", lambda: evidence_shown(page, first_title)
             == EVIDENCE_MINE)
    session.log("the typed evidence met the colleague's and was applied over it")


def typing_kept_through_a_state_change(session):
    """The user types evidence for an item and has not applied it when a
    colleague marks the same item done: the row shows Done, the typed text
    is still there, and applying it saves it, the colleague's state kept.
    Its row, left open, is of another service than the next case's."""
    (service, item, title), _ = last_open_items(session, skipped=1)
    page = type_evidence(session, service, title)

    change_record(session, f"CmChecklistItem#{item}", "state", "done")
    evidence_kept(session, page, title, title, "Done", "typing-kept-state")
    session.log(f"typed evidence {EVIDENCE_MINE!r} kept through the colleague's state")

    session.key("Return", session.window.name)
    wait_for("the user's evidence in the file", lambda: session.sql(
        "SELECT evidence FROM checklist_item WHERE id = ?", item) == EVIDENCE_MINE)
    if session.sql("SELECT state FROM checklist_item WHERE id = ?", item) != "done":
        raise Failure("saving the evidence undid the colleague's state")
    session.log("the typed evidence saved beside the colleague's state")


def main():
    with Session("conflict") as session:
        session.launch()
        save_over_a_colleague(session)
        keep_theirs(session)
        extension_meets_a_colleague(session)
        bound_field_meets_a_colleague(session)
        bound_typing_kept(session)
        written_text_applied(session)
        checklist_meets_a_colleague(session)
        typing_kept_through_a_state_change(session)
        typing_kept_through_a_colleagues_change(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
