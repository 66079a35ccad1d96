#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A first start, with nothing opened before: the welcome page says there
are no recent portfolios, and the main menu's Open Recent submenu holds
one greyed-out "No Recent Portfolios" rather than nothing. The About
window offers the project's website and issue tracker, the licence, and
the notes of this version, taken from the metainfo.

    with-display.sh python3 test_about.py COMMISSIONER OUTPUT_DIR
"""
import glob
import os
import re
import xml.etree.ElementTree as ET

import pyatspi

from common import Failure, Session, enabled, find, find_all, find_button, find_label, \
    has_state, press, press_ready, walk, wait_for

EMPTY_WELCOME = "No recent portfolios. The portfolios you open are listed here."
NO_RECENT = "No Recent Portfolios"


def version_of():
    meson = open(os.path.join(os.path.dirname(__file__), "..", "..", "meson.build"),
                 encoding="utf-8").read()
    return re.search(r"version: '([^']+)'", meson).group(1)


def first_note(output, version):
    """The first paragraph of @version's notes in the metainfo this build
    installs, with its spacing as a label shows it."""
    found = glob.glob(os.path.join(output, "..", "data", "*.metainfo.xml"))
    if not found:
        raise Failure("the built metainfo is missing")
    release = ET.parse(found[0]).getroot().find(f"releases/release[@version='{version}']")
    if release is None:
        raise Failure(f"the metainfo has no release {version}")
    return " ".join(release.find("description/p").text.split())


def on_screen(node):
    """Whether @node takes up room on screen; some nodes have no extents."""
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except NotImplementedError:
        return False
    return has_state(node, pyatspi.STATE_VISIBLE) and box.width > 0 and box.height > 0


def shows_text(node, text):
    """Whether a label or a text view on screen below @node says @text:
    the About window keeps its pages in the tree when they are hidden."""
    for n in walk(node, prune=("image", "scroll bar", "separator")):
        if not on_screen(n):
            continue
        if n.getRoleName() == "label" and text in n.name:
            return True
        if n.getRoleName() in ("text", "paragraph"):
            content = n.queryText()
            if text in " ".join(content.getText(0, content.characterCount).split()):
                return True
    return False


def main():
    with Session("about") as session:
        welcome = session.launch(files=[], title="Commissioner")
        session.window = welcome
        wait_for("the welcome page's word on recent portfolios",
                 lambda: find_label(welcome, lambda text: text == EMPTY_WELCOME))

        menu = wait_for("the main menu", lambda: find_button(welcome, "Main Menu"))
        press(menu)
        press_ready("the Open Recent item", lambda: find(menu, "menu item", "Open Recent"))
        empty = wait_for("the No Recent Portfolios item",
                         lambda: find(menu, "menu item", NO_RECENT))
        if enabled(empty):
            raise Failure("No Recent Portfolios can be chosen; it should be greyed out")
        others = [n.name for n in find_all(menu, "menu item")
                  if n.name not in ("Open Recent", NO_RECENT) and n.name.endswith(".commissioner")]
        if others:
            raise Failure(f"the empty submenu offers {others}")
        session.screenshot("no-recent")
        session.key("Escape Escape")

        press(menu)
        press_ready("the About item", lambda: find(menu, "menu item", "About Commissioner"))
        about = session.frame("About")
        for link in ("Website", "Report an Issue"):
            wait_for(f"the {link} row in About", lambda: next(
                n for n in walk(about) if n.name and n.name.startswith(link)))
        wait_for("the licence, GPL version 3 or later, in About", lambda: find_label(
            about, lambda text: "General Public License, version 3 or later" in text))
        version = version_of()
        note = first_note(session.output, version)
        wait_for(f"version {version} in About",
                 lambda: find_label(about, lambda text: text == version))
        whats_new = wait_for("the What's New row", lambda: find(about, "list item", "What’s New"))
        session.screenshot("about")
        session.click(whats_new)
        wait_for("the release notes of this version", lambda: shows_text(about, note))
        session.screenshot("about-whats-new")
        session.log("empty Open Recent greyed out; About has links and this version's notes")


if __name__ == "__main__":
    main()
