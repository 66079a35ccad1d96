#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The records lists in the real window, read as they are shown: the
Contracts page searched, the rows it shows checked against the same
question put to the file; then sorted by Title with a click on the
column's heading, both ways, the chosen contract still chosen; then a
search that finds nothing, and the search cleared.

    with-display.sh python3 test_lists.py COMMISSIONER OUTPUT_DIR
"""
import pyatspi

from common import Failure, Session, find, has_state, row_texts, set_text, shown_label, \
    wait_for, walk

TYPED = "leeds"
NOTHING = "no contract is called this"
SHOWN = 12  # rows compared: a screenful at least, without scrolling


def search_text(reference, title, term, notice, service, provider):
    """A contract's search text as the store folds it (the demo's words
    fold as Python's casefold () does)."""
    return " ".join([reference, title, term, notice, service or "", provider or ""]).casefold()


def contracts_in_file(session):
    """Every contract with its search text and title, in id order."""
    rows = session.rows(
        "SELECT c.reference, c.title, c.term, c.notice_period, s.name, p.name FROM contract c"
        " LEFT JOIN service s ON s.id = c.service_id"
        " LEFT JOIN provider p ON p.id = c.provider_id ORDER BY c.id")
    return [(row[0], row[1], search_text(*row)) for row in rows]


def shown_rows(page):
    rows = find(find(page, "tree table", "Contracts"), "list")
    return [row_texts(row) for row in list(rows)[:SHOWN]]


def chosen_reference(page):
    rows = find(find(page, "tree table", "Contracts"), "list")
    return next((row_texts(r)[0] for r in rows if has_state(r, pyatspi.STATE_SELECTED)), None)


def wait_for_rows(page, what, wanted):
    """Waits until the list's first rows are the references @wanted."""
    def shown():
        references = [texts[0] for texts in shown_rows(page)]
        return references if references == wanted[:SHOWN] else None
    try:
        return wait_for(what, shown)
    except Failure:
        raise Failure(f"{what}: the list shows {[t[0] for t in shown_rows(page)]},"
                      f" not {wanted[:SHOWN]}")


def heading(page, title):
    table = find(page, "tree table", "Contracts")
    headings = next(n for n in walk(table) if n.name == "Column headings")
    return next(n for n in headings if n.name == title)


def search_and_sort(session):
    page = session.show_section("Contracts")
    contracts = contracts_in_file(session)
    matching = [c for c in contracts if TYPED in c[2]]
    if len(matching) <= SHOWN or len(matching) == len(contracts):
        raise Failure(f"the demo has {len(matching)} of {len(contracts)} contracts matching"
                      f" {TYPED!r}: choose a word that narrows the list")
    entry = wait_for("the search of Contracts", lambda: find(page, "entry", "Search Contracts"))
    set_text(entry, TYPED)
    wait_for_rows(page, f"the contracts matching {TYPED!r}, in id order",
                  [c[0] for c in matching])
    session.log(f"{len(matching)} contracts match {TYPED!r}; the first {SHOWN} shown in order")
    chosen = wait_for("a contract chosen", lambda: chosen_reference(page))

    def title(contract):
        return contract[1].casefold()
    # Equal titles stay in id order both ways, as the query breaks ties by id
    # (and Python's sort keeps equal items in order, reversed or not).
    session.click(heading(page, "Title"))
    wait_for_rows(page, "the contracts sorted by title",
                  [c[0] for c in sorted(matching, key=title)])
    session.screenshot("sorted")
    session.click(heading(page, "Title"))
    wait_for_rows(page, "the contracts sorted by title, descending",
                  [c[0] for c in sorted(matching, key=title, reverse=True)])
    if chosen_reference(page) not in (None, chosen):
        raise Failure(f"{chosen} was chosen before sorting, {chosen_reference(page)} after")
    session.log(f"sorted by title both ways; {chosen} still chosen")

    set_text(entry, NOTHING)
    wait_for("No Results Found", lambda: shown_label(page, "No Results Found"))
    session.screenshot("no-results")
    set_text(entry, "")
    wait_for_rows(page, "every contract, by title descending, once the search is cleared",
                  [c[0] for c in sorted(contracts, key=title, reverse=True)])
    session.log("search cleared: every contract shown, still by title descending")


def main():
    with Session("lists") as session:
        session.launch()
        search_and_sort(session)


if __name__ == "__main__":
    main()
