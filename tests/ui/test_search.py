#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Search Everything and Export This List… in the real window: Ctrl+F
opens the search; a service's results read apart by lead commissioner,
stage, cycle and version; part of a contract's reference typed finds it, choosing
it shows the contract on the Contracts page; then the contracts, narrowed
by the page's search, are exported and read back with openpyxl.

    with-display.sh python3 test_search.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

import openpyxl
import pyatspi

from common import Failure, Session, find, find_button, has_state, press, press_ready, \
    row_texts, set_text, text_of, wait_for

SEARCH = "Search Everything"
TYPED = "sc-0012"
CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant
NARROWED = "ASC-"
NAMESAKE = "Vulnerable Groups"  # a service with an EIA and a decommission
CHOOSER = "Export This List"
HEADER = ("Reference", "Title", "Provider", "Annual value", "Start", "End")


def result_named(dialog, reference):
    results = find(dialog, "list", "Results")
    return next((row for row in results if row.name.startswith(reference + ",")), None)


def stage_label(nick):
    return nick.replace("-", " ").capitalize()


def namesakes_read_apart(session, dialog, entry):
    """A service, its EIA and its decommission share a name: each result
    says what tells it from the others, in its row and its accessible name."""
    set_text(entry, NAMESAKE)
    lead, stage, cycle = session.rows(
        "SELECT o.name, s.stage, s.cycle FROM service s"
        " JOIN organisation o ON o.id = s.lead_commissioner_id WHERE s.name = ?", NAMESAKE)[0]
    version, eia_cycle = session.rows(
        "SELECT e.version, e.cycle FROM eia e JOIN service s ON s.id = e.service_id"
        " WHERE s.name = ?", NAMESAKE)[0]
    wanted = [f"{NAMESAKE}, Service · Lead commissioner: {lead} · {stage_label(stage)},"
              f" cycle {cycle}",
              f"Version {version}, cycle {eia_cycle}"]

    def rows():
        found = [r.name for r in find(dialog, "list", "Results")]
        return found if all(any(w in name for name in found) for w in wanted) else None
    names = wait_for("the results telling the service, its EIA and its decommission apart",
                     rows)
    if len(set(names)) != len(names):
        raise Failure(f"results read alike: {names}")
    session.log(f"results for {NAMESAKE!r}: {names}")
    session.screenshot("namesakes")


def search_everything(session):
    """Ctrl+F on the Overview, part of a reference, and the result chosen."""
    # Sent to the display, not to the window: the key is let go after the
    # dialog has taken the keyboard, and a release sent to the window it
    # left would leave the key held down, repeating.
    session._xdotool(None)  # the main window takes the keyboard
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+f"], check=True, timeout=10)
    dialog = session.frame(SEARCH)
    entry = wait_for("the search field", lambda: find(
        dialog, "entry", "Search services, contracts, providers, EIAs and decommissions"))
    # The field holds the keyboard as the dialog opens; the text is set
    # through the accessibility tree, as the records pages' searches are.
    wait_for("the search field focused", lambda: has_state(entry, pyatspi.STATE_FOCUSED))
    namesakes_read_apart(session, dialog, entry)
    set_text(entry, TYPED)
    row = wait_for(f"{CONTRACT} among the results", lambda: result_named(dialog, CONTRACT))
    others = [r.name for r in find(dialog, "list", "Results")
              if TYPED.casefold() not in r.name.casefold()]
    if others:
        raise Failure(f"results that do not hold {TYPED!r}: {others}")
    session.log(f"found {row.name!r}")
    session.screenshot("search")
    session.click(row)
    session.frame_closed(SEARCH)

    page = session.page("Contracts")
    index = session.sections.index("Contracts & Deadlines")
    wait_for("the Contracts & Deadlines section chosen",
             lambda: has_state(session.sidebar[index], pyatspi.STATE_SELECTED))

    def chosen_row():
        rows = find(find(page, "tree table", "Contracts"), "list")
        return next((row_texts(r) for r in rows if has_state(r, pyatspi.STATE_SELECTED)), None)
    texts = wait_for(f"{CONTRACT} chosen in the list",
                     lambda: (chosen_row() or [None])[0] == CONTRACT and chosen_row())
    session.log(f"the contract's row is chosen: {texts}")
    session.screenshot("found")
    return page


def export_list(session, page):
    """The contracts the page's search leaves, exported as XLSX."""
    set_text(wait_for("the search of Contracts", lambda: find(page, "entry", "Search Contracts")),
             NARROWED)

    def narrowed():
        rows = [row_texts(r) for r in find(find(page, "tree table", "Contracts"), "list")]
        return rows if rows and all(NARROWED in " ".join(texts) for texts in rows) else None
    shown = wait_for(f"Contracts narrowed to {NARROWED!r}", narrowed)
    press_ready("the Export This List… button", lambda: find_button(page, "Export This List…"))
    chooser = session.frame(CHOOSER)
    name = wait_for("the file name field", lambda: find(chooser, "text", "Name:"))
    suggested = wait_for("a suggested name", lambda: text_of(name))
    if suggested != "Contracts.xlsx":
        raise Failure(f"the chooser suggests {suggested!r}")
    path = os.path.join(session.work, "narrowed.xlsx")
    set_text(name, path)
    wait_for("the path in the name field", lambda: text_of(name) == path)
    press(find_button(chooser, "Export"))
    session.frame_closed(CHOOSER)
    wanted = session.sql("SELECT count(*) FROM contract WHERE reference LIKE ?", NARROWED + "%")
    toast = session.toast("the toast", lambda text: text.startswith("Exported "))
    if toast != f"Exported {wanted} rows to “narrowed.xlsx”":
        raise Failure(f"the export's toast says {toast!r}")

    rows = list(openpyxl.load_workbook(path, read_only=True).worksheets[0]
                .iter_rows(values_only=True))
    if rows[0] != HEADER:
        raise Failure(f"the exported header is {rows[0]}")
    references = [row[0] for row in rows[1:]]
    if len(references) != wanted or not all(r.startswith(NARROWED) for r in references):
        raise Failure(f"the export holds {references}, not the {wanted} {NARROWED} contracts")
    if references[:len(shown)] != [texts[0] for texts in shown]:
        raise Failure(f"the export's order {references} is not the list's {shown}")
    session.log(f"exported {len(references)} rows, as the list shows them")


def main():
    with Session("search") as session:
        session.launch()
        page = search_everything(session)
        export_list(session, page)


if __name__ == "__main__":
    main()
