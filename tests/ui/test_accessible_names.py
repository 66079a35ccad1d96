#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""What a screen reader reads: every node of every sidebar page of the
demo, and of the window around them, has a name of its own, never the
widget type GTK falls back to ("GtkListItemWidget", "GtkImage",
"GtkToggleButton"), and no button or toggle is unnamed. Prints what is
read for a row of Services and of Deadlines.

    with-display.sh python3 test_accessible_names.py COMMISSIONER OUTPUT_DIR
"""
from common import Failure, Session, find, walk, wait_for

# The names GTK 4.8 gives a widget nobody named.
TYPE_NAMES = ("GtkListItemWidget", "GtkImage", "GtkToggleButton", "GtkColumnViewCell",
              "GtkColumnViewTitle")
PRESSABLE = ("push button", "toggle button", "check box", "radio button")


def path_of(node):
    parts = []
    while node is not None and len(parts) < 5:
        parts.append(f"{node.getRoleName()} {node.name!r}")
        node = node.parent
    return " < ".join(parts)


def unnamed(root, pages=True):
    """Every node below @root read by its type, or a control read as nothing."""
    found = []
    for node in walk(root, prune=(), pages=pages):
        role = node.getRoleName()
        if node.name in TYPE_NAMES or (role in PRESSABLE and not node.name.strip()):
            found.append(path_of(node))
    return found


def read_first_row(session, section):
    page = session.show_section(section)
    rows = wait_for(f"the rows of {section}", lambda: (lambda table: table and next(
        n for n in table if n.getRoleName() == "list" and n.childCount > 0))(
            find(page, "tree table", section)))
    row = rows[0]
    reading = f"{row.getRoleName()}, {row.name!r}"
    session.log(f"a screen reader reads a {section} row as: {reading}")
    return row


def main():
    with Session("accessible_names") as session:
        session.launch()
        problems = unnamed(session.frame_around_pages(), pages=False)
        for section in session.sections:
            page = session.show_section(section)
            found = unnamed(page)
            session.log(f"{section}: {len(found)} nodes without a name of their own")
            problems += [f"{section}: {p}" for p in found]

        row = read_first_row(session, "Services")
        name = session.sql("SELECT name FROM service ORDER BY id LIMIT 1")
        if row.name != name:
            raise Failure(f"the first Services row reads {row.name!r}, not the service {name!r}")
        read_first_row(session, "Deadlines")
        session.screenshot("services")
        if problems:
            raise Failure(f"{len(problems)} nodes are read by their type or not at all:\n"
                          + "\n".join(problems[:40]))
        session.log("every node of every page has a name of its own")


if __name__ == "__main__":
    main()
