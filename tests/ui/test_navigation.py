# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The window's way around: a sidebar of a few tasks, records that belong
to another shown inside it, the people and rules in Portfolio Settings,
a record's actions in sight with Delete in a menu that asks first, none
on a signed-off EIA, and the keyboard: Ctrl+? for the shortcuts, Ctrl+Z
to undo a delete, Alt+number for a section's list from a record's page. Screenshots at 1400×900 and 800×600."""
import re
import subprocess

import pyatspi

from common import (Failure, Session, button_named, enabled, find, find_button, find_label,
                    has_state, press, press_ready, wait_for, walk)

MOST_SECTIONS = 8


def window_size(session):
    """The main window's size on the display, as the X server has it."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                            "^" + re.escape(session.window.name) + "$", "getwindowgeometry"],
                           capture_output=True, text=True, timeout=10).stdout
    size = re.search(r"Geometry: (\d+)x(\d+)", found)
    return (int(size[1]), int(size[2])) if size else None


def resize(session, width, height):
    session._xdotool(None, "windowsize", str(width), str(height))
    wait_for(f"the window at {width}×{height}", lambda: window_size(session) == (width, height))


def sidebar_is_short(session):
    session.frame_around_pages()
    if len(session.sections) > MOST_SECTIONS:
        raise Failure(f"the sidebar has {len(session.sections)} entries, more than "
                      f"{MOST_SECTIONS}: {session.sections}")
    for gone in ("Reduction Lines", "Measure Values", "Commissioners", "Staff"):
        if gone in session.sections:
            raise Failure(f"{gone!r} still has a section of its own")
    session.log(f"{len(session.sections)} sections: {session.sections}")


def reduction_shows_its_lines(session):
    """A scenario's details list its lines, each by its contract."""
    scenario = session.sql("SELECT s.name FROM scenario s JOIN scenario_line l"
                           " ON l.scenario_id = s.id GROUP BY s.id ORDER BY count(*) DESC")
    contracts = [reference + " — " + title for reference, title in session.rows(
        "SELECT c.reference, c.title FROM scenario_line l JOIN scenario s ON s.id ="
        " l.scenario_id JOIN contract c ON c.id = l.contract_id WHERE s.name = ?", scenario)]
    page = session.show_section("Reductions")
    session.search(page, "Reductions", scenario)
    wait_for("the Reduction Lines of the scenario", lambda: find_label(
        page, lambda text: text == "Reduction Lines"))
    rows = wait_for("a row for each line", lambda: (lambda names: names if all(
        c in names for c in contracts) else None)(
            [n.name for n in walk(page) if n.getRoleName() == "label"]))
    session.log(f"{scenario!r} shows its {len(contracts)} lines: {contracts[0]!r}…")
    if not find_button(page, "Add Contracts…"):
        raise Failure("the scenario's lines offer no way to add one")
    delete_a_line(session, page, scenario, len(contracts))
    return rows


def delete_a_line(session, page, scenario, count):
    """A line goes from its own menu, after a question, and Ctrl+Z brings
    it back."""
    def lines():
        return session.sql("SELECT count(*) FROM scenario_line l JOIN scenario s"
                           " ON s.id = l.scenario_id WHERE s.name = ?", scenario)
    # The scenario's own menu comes first, above its details; then each line's.
    # (A menu button holds a button of the same name: count the outer ones.)
    row_menu = wait_for("a line's More Actions menu", lambda: [
        n for n in walk(page) if button_named(n, "More Actions")
        and not button_named(n.parent, "More Actions")][1])
    press(row_menu)
    press_ready("the line's Delete… item", lambda: find_button(row_menu, "Delete…"))
    question = wait_for("the question before deleting", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t.startswith("Delete “")) else None))
    press(find_button(question, "Delete"))
    wait_for("the line gone from the file", lambda: lines() == count - 1)
    session.key("ctrl+z")
    wait_for("the line back after Ctrl+Z", lambda: lines() == count)
    session.log("a line deleted from its menu, and back with Ctrl+Z")


def settings_hold_commissioners(session):
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    press_ready("the Portfolio Settings… item",
                lambda: find(menu, "menu item", "Portfolio Settings…"))
    settings = session.frame("Portfolio Settings")
    tab = wait_for("the Commissioners page", lambda: next(
        n for n in walk(settings) if n.name == "Commissioners"
        and n.getRoleName() in ("toggle button", "page tab", "push button", "radio button")))
    press(tab)
    name = session.sql("SELECT name FROM organisation ORDER BY name")
    wait_for(f"the commissioner {name!r} listed", lambda: find(settings, "tree table",
                                                                "Commissioners"))
    session.screenshot("settings")
    session.key("ctrl+w", "Portfolio Settings")
    session.frame_closed("Portfolio Settings")
    session.log("Portfolio Settings lists the commissioners; Ctrl+W closed it")


def out_of_sight(session, node):
    """Where @node is, if any of it is outside the window, or scrolled
    away; None when the whole of it is in sight. GTK 4.8 gives places
    within the window, which has no window manager to move it."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    width, height = window_size(session)
    if (has_state(node, pyatspi.STATE_VISIBLE) and box.width > 0 and box.y >= 0
            and box.y + box.height <= height and box.x + box.width <= width):
        return None
    return f"{box.width}×{box.height} at ({box.x}, {box.y}) in a window of {width}×{height}"


def contract_actions(session):
    """At 1400×900 a contract's Edit and its steps are in sight; Delete is
    only in the "More Actions" menu, and asks before it deletes."""
    page = session.show_section("Contracts")
    reference = session.sql("SELECT reference FROM contract ORDER BY reference")
    session.search(page, "Contracts", reference)
    for label in ("Edit…", "Invoke Extension", "Record Notice Served…"):
        button = wait_for(f"the {label} button", lambda: find_button(page, label))
        where = out_of_sight(session, button)
        if where:
            raise Failure(f"{label} is out of sight at 1400×900: {where}")
    if find_button(page, "Delete"):
        raise Failure("Delete is a button beside Edit, not in the menu")
    session.screenshot("contract-1400x900")
    menu = wait_for("the More Actions menu", lambda: find_button(page, "More Actions"))
    press(menu)
    press_ready("the Delete… item", lambda: find_button(menu, "Delete…"))
    question = wait_for("the question before deleting", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t.startswith("Delete “")) else None))
    press(find_button(question, "Cancel"))
    wait_for("the question gone", lambda: not session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t.startswith("Delete “")) else None))
    if session.sql("SELECT count(*) FROM contract WHERE reference = ?", reference) != 1:
        raise Failure("Cancel deleted the contract")
    session.log(f"{reference}: Edit and its steps in sight; Delete in the menu asks first")
    return page


def delete_and_ctrl_z(session, page):
    """Deletes a contract nothing else refers to, and brings it back with
    Ctrl+Z, the Undo of the toast."""
    reference = session.sql(
        "SELECT reference FROM contract WHERE id NOT IN (SELECT contract_id FROM"
        " contract_notice UNION SELECT contract_id FROM contract_variation UNION SELECT"
        " contract_id FROM scenario_line UNION SELECT contract_id FROM decommission_contract)"
        " ORDER BY reference")
    session.search(page, "Contracts", reference)
    menu = find_button(page, "More Actions")
    press(menu)
    press_ready("the Delete… item", lambda: find_button(menu, "Delete…"))
    question = wait_for("the question before deleting", lambda: session.in_dialogs(
        lambda top: top if find_label(top, lambda t: t.startswith("Delete “")) else None))
    press(find_button(question, "Delete"))
    wait_for("the contract gone from the file", lambda: session.sql(
        "SELECT count(*) FROM contract WHERE reference = ?", reference) == 0)
    session.key("ctrl+z")
    wait_for("the contract back after Ctrl+Z", lambda: session.sql(
        "SELECT count(*) FROM contract WHERE reference = ?", reference) == 1)
    session.log(f"{reference} deleted, and brought back with Ctrl+Z")


def signed_eia_has_no_delete(session):
    page = session.show_section("Assessments (EIAs)")
    wait_for("the EIAs listed", lambda: find(page, "tree table", "EIAs"))
    signed = session.sql("SELECT count(*) FROM eia WHERE signed = 1")
    if not signed:
        raise Failure("the demo has no signed-off EIA to look at")
    # The list starts on its first EIA; walk down until a signed one is shown.
    table = find(page, "tree table", "EIAs")
    rows = find(table, "list")
    for index in range(rows.childCount):
        rows.querySelection().selectChild(index)
        wait_for(f"EIA {index + 1} chosen",
                 lambda: has_state(rows[index], pyatspi.STATE_SELECTED))
        cells = " ".join(n.name for n in walk(rows[index]) if n.getRoleName() == "label")
        if "Yes" in cells.split():
            break
    else:
        raise Failure("no EIA in the list reads as signed off")
    wait_for("the signed EIA's menu gone", lambda: not find_button(page, "More Actions"))
    edit = find_button(page, "Edit…")
    if edit and enabled(edit):
        raise Failure("a signed-off EIA can still be edited")
    session.log("a signed-off EIA offers no Delete and no Edit")


def record_page_in_header(session):
    """A service's cycle: Services stays chosen, the title says so, and
    the one Back button in the header bar returns to the list."""
    page = session.show_section("Services")
    press_ready("the Open Cycle button", lambda: find_button(page, "Open Cycle"))
    services = session.sections.index("Services")
    back = wait_for("the Back button in the header bar", lambda: find_button(
        session.frame_around_pages(), "Back", pages=False))
    if not has_state(session.sidebar[services], pyatspi.STATE_SELECTED):
        raise Failure("the sidebar left Services for a service's cycle")
    wait_for("the title Services", lambda: find_label(session.frame_around_pages(),
                                                      lambda t: t == "Services", pages=False))
    if find_button(session.page("CmServicePage"), "Back to Services"):
        raise Failure("the cycle page still has a back button of its own")
    session.screenshot("cycle-1400x900")
    press(back)
    wait_for("the Back button hidden on the list", lambda: not any(
        button_named(n, "Back") and has_state(n, pyatspi.STATE_VISIBLE)
        for n in walk(session.frame_around_pages(), pages=False)))
    session.log("the cycle page follows Services, and Back returns to the list")


# The records with a page of their own: the section that lists them, and
# the button of its list that opens the chosen one's page.
RECORD_PAGES = (("Services", "Open Cycle", "CmServicePage"),
                ("Assessments (EIAs)", "Open Assessment", "CmEiaPage"),
                ("Decommissions", "Open Decommission", "CmDecommissionPage"))


def open_record_page(session, section, button, name):
    """Opens the page of the record chosen on @section's list."""
    records = session.show_section(section)
    press_ready(f"the {button} button", lambda: find_button(records, button))
    session.page(name)
    wait_for(f"the Back button of the page {name}", lambda: session.back_shown())


def alt_number_from_record_pages(session):
    """Alt+number shows its section's list from a record's page, as the
    sidebar does: from the page's own section too, which the sidebar marks
    already while its record is open. The cases before have made some
    sections before others higher in the sidebar: a list made earlier
    still offers its buttons, the one opening a record among them."""
    for index, title in enumerate(session.sections[:9]):
        section, button, name = next((r for r in RECORD_PAGES if r[0] == title),
                                     RECORD_PAGES[index % len(RECORD_PAGES)])
        open_record_page(session, section, button, name)
        session.key(f"alt+{index + 1}")
        wait_for(f"a list in place of {name} after Alt+{index + 1}",
                 lambda: not session.back_shown())
        wait_for(f"{title} chosen in the sidebar and named in the title", lambda: (
            has_state(session.sidebar[index], pyatspi.STATE_SELECTED) and find_label(
                session.frame_around_pages(), lambda t: t == title, pages=False)))
        session.log(f"Alt+{index + 1} from {name} shows the list of {title}")


def shortcuts_window(session):
    session.key("ctrl+question")
    shortcuts = session.frame("Keyboard Shortcuts")
    wait_for("the shortcut for Undo", lambda: find_label(
        shortcuts, lambda t: t == "Undo the last change"))
    session.screenshot("shortcuts")
    session.key("Escape", "Keyboard Shortcuts")
    session.frame_closed("Keyboard Shortcuts")
    session.log("Ctrl+? shows the shortcuts")


def f10_opens_main_menu(session):
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    if has_state(menu, pyatspi.STATE_EXPANDED):
        raise Failure("the main menu is open before F10")
    session.key("F10")
    wait_for("the main menu opened by F10", lambda: has_state(menu, pyatspi.STATE_EXPANDED))
    if not wait_for("the Help item", lambda: find(menu, "menu item", "Help")):
        raise Failure("the main menu offers no Help")
    press(menu)
    wait_for("the main menu closed", lambda: not has_state(menu, pyatspi.STATE_EXPANDED))
    session.log("F10 opens the main menu, which offers Help")


def small_window(session):
    resize(session, 800, 600)
    page = session.show_section("Contracts")
    wait_for("the Edit button", lambda: find_button(page, "Edit…"))
    session.screenshot("contract-800x600")
    session.show_section("Reductions")
    session.screenshot("reductions-800x600")
    resize(session, 1400, 900)


with Session("navigation") as session:
    session.launch()
    resize(session, 1400, 900)
    sidebar_is_short(session)
    session.screenshot("overview-1400x900")
    reduction_shows_its_lines(session)
    session.screenshot("reduction-1400x900")
    settings_hold_commissioners(session)
    delete_and_ctrl_z(session, contract_actions(session))
    signed_eia_has_no_delete(session)
    session.screenshot("eia-1400x900")
    record_page_in_header(session)
    alt_number_from_record_pages(session)
    shortcuts_window(session)
    f10_opens_main_menu(session)
    small_window(session)
    session.verify_audit()
