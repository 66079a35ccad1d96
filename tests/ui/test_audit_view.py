#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The reviewer's Audit Trail window: opened with its shortcut, it counts
what the file holds, reads in words, and narrows with a search and a kind
of record to what SQL finds, down to its empty state.

    with-display.sh python3 test_audit_view.py COMMISSIONER OUTPUT_DIR
"""
import os
import sys

from common import Failure, Session, find, find_label, table_rows, text_of, wait_for, walk

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from audit_chain import NO_ALGORITHMS  # noqa: E402

TITLE = "Audit Trail"
SEARCH = "carers"
MATCHES = ("(actor LIKE :s OR field LIKE :s OR old_value LIKE :s OR new_value LIKE :s)")


def count_shown(window, n):
    """The window's count of changes reads @n, as "1,234 changes" (or
    "1234 changes" where the locale groups no digits)."""
    words = f"{n} change" + ("" if n == 1 else "s")
    return find_label(window, lambda text: text.replace(",", "").split(" ·")[0] == words)


def by_name(node, name):
    return next((n for n in walk(node) if n.name == name), None)


def matching(session, where="1"):
    return session.sql(f"SELECT count(*) FROM audit WHERE {where} AND {MATCHES}"
                       .replace(":s", "?"), *[f"%{SEARCH}%"] * 4)


def open_view(session):
    session.frame_around_pages()  # the portfolio is shown
    session.key("ctrl+h")
    window = session.frame(TITLE)
    total = session.sql("SELECT count(*) FROM audit")
    wait_for(f"the count of all {total} changes", lambda: count_shown(window, total))
    rows = wait_for("the newest changes listed",
                    lambda: table_rows(window, "Changes, newest first", limit=3))
    newest = rows[0]
    texts = " ".join(" ".join(row) for row in rows)
    if "_id" in texts or "(none)" in texts:
        raise Failure(f"the trail shows column names or raw values: {rows}")
    at = session.sql("SELECT at FROM audit ORDER BY id DESC LIMIT 1")
    if at[:4] not in newest[0] or "Verifies" not in newest[-1]:
        raise Failure(f"the first row is not the newest, verified change of {at}: {newest}")
    session.log(f"the Audit Trail window opened on {total} changes, newest first: {newest}")
    session.screenshot("audit-view")
    return window


def narrow(session, window):
    search = wait_for("the search", lambda: by_name(window, "Search the changes"))
    session.type_into(search, SEARCH, TITLE)
    found = matching(session)
    wait_for(f"the {found} changes that mention {SEARCH!r}", lambda: count_shown(window, found))
    kind = wait_for("the kind of record", lambda: find(window, "combo box", "Kind of record"))
    session.choose(kind, 2, TITLE)  # All records, Service, Contract
    everywhere, found = found, matching(session, "entity = 'contract'")
    if not 0 < found < everywhere:
        raise Failure(f"the demo should have some, not all, of its {everywhere} changes that "
                      f"mention {SEARCH!r} on contracts: {found}")
    wait_for(f"the {found} contract changes that mention {SEARCH!r}",
             lambda: count_shown(window, found))
    session.log(f"searching {SEARCH!r} among contracts leaves {found} changes")
    session.screenshot("audit-view-filtered")
    nowhere = SEARCH + " nowhere in the trail"
    session.focus(search, TITLE)
    session.key("End", TITLE)
    session.type_text(nowhere[len(SEARCH):], TITLE)
    wait_for(f"{nowhere!r} in the search", lambda: text_of(search) == nowhere)
    wait_for("a count of none", lambda: count_shown(window, 0))
    wait_for("no rows listed", lambda: table_rows(window, "Changes, newest first") == [])
    # GTK 4.8 tells no hidden stack page from a shown one over the bus:
    # the empty state's words are checked here, and seen on the screenshot.
    wait_for("the empty state", lambda: find_label(
        window, lambda text: text == "No changes match these filters"))
    session.screenshot("audit-view-empty")


def not_checked(session):
    """Where OpenSSL offers no SHA-256 the chain cannot be checked: the
    window says so, and why, and marks no change as altered."""
    session.env["OPENSSL_CONF"] = os.path.join(session.work, "no-algorithms.cnf")
    with open(session.env["OPENSSL_CONF"], "w", encoding="utf-8") as f:
        f.write(NO_ALGORITHMS)
    session.launch()
    session.frame_around_pages()
    session.key("ctrl+h")
    window = session.frame(TITLE)
    said = wait_for("the summary saying the chain could not be checked", lambda: find_label(
        window, lambda text: "hash chain could not be checked" in text))
    if "OPENSSL_CONF" not in said.name or "breaks at" in said.name:
        raise Failure(f"the summary does not say why, or says the chain breaks: {said.name}")
    rows = wait_for("the newest changes listed",
                    lambda: table_rows(window, "Changes, newest first", limit=3))
    if any(row[-1] != "Not checked" for row in rows):
        raise Failure(f"changes not checked are marked otherwise: {rows}")
    session.log(f"without SHA-256: {said.name}; the newest row {rows[0]}")
    session.screenshot("audit-view-not-checked")


def main():
    with Session("audit-view") as session:
        session.launch()
        narrow(session, open_view(session))
        not_checked(session)


if __name__ == "__main__":
    main()
