#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The service page as the hub, in the real window: a service opened from
Services shows its contracts with their key dates; a risk is added from
it; its gate is overridden with a reason and then reads "overridden" with
that reason; its EIA opens from it; another service's decommission opens
at its audit trail from it; and a Deadlines row leads to its service.

    with-display.sh python3 test_hub.py COMMISSIONER OUTPUT_DIR
"""
import os
import subprocess

import pyatspi

from common import NOT_ENTERED, TODAY, Failure, Session, find, find_button, find_label, \
    press_ready, set_text, shown_label, table_rows, wait_for

SERVICE = "Independent advocacy gateway"   # in Plan, with a contract and an EIA
DECOMMISSIONED = "Vulnerable Groups"        # being decommissioned
RISK = "Advocates leave faster than they can be replaced"
OVERRIDE = "Cabinet agreed the plan on 19 November"
# The header buttons of the page's groups are outside their lists.
HEADERS = NOT_ENTERED + ("list", "text")


def near(size, width, height):
    """Whether the window's content has @width×@height, less the few
    pixels of the frame GTK draws around it."""
    return abs(size[0] - width) <= 20 and abs(size[1] - height) <= 20


def resize(session, width, height):
    session._xdotool(None, "windowsize", "--sync", str(width), str(height))
    wait_for(f"the window at {width}×{height}", lambda: near(
        session.window.queryComponent().getSize(), width, height))


def scroll_to(session, page, node):
    """Scrolls the page with the mouse wheel until @node is in the window,
    for a screenshot of it: GTK 4.8 cannot move the keyboard there for us."""
    window = session.window.queryComponent().getSize()
    area = page.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)

    def shown():
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        if 0 <= box.y and box.y + box.height <= window[1] - 40:
            return True
        subprocess.run(["xdotool", "mousemove", "--sync", str(area.x + area.width // 2),
                        str(area.y + min(area.height, window[1]) // 2),
                        "click", "--repeat", "8", "5" if box.y > 0 else "4"], check=True)
        return False
    wait_for("the page scrolled to show what it should", shown, timeout=60)


def screenshots(session, name, probe):
    """Screenshots at 1400×900, where the display is that large, and at
    800×600, each once @probe finds what the page should show; the window
    then goes back to the size it starts at."""
    screen = [int(n) for n in subprocess.run(["xdotool", "getdisplaygeometry"],
                                             capture_output=True, text=True,
                                             check=True).stdout.split()]
    sizes = [(1400, 900), (800, 600)] if screen[0] >= 1400 and screen[1] >= 900 \
        else [(800, 600)]
    for width, height in sizes:
        resize(session, width, height)
        wait_for(f"the page at {width}×{height}", probe)
        session.screenshot(f"{name}-{width}x{height}")
    resize(session, 1280, 800)


def open_service(session, name):
    services = session.show_section("Services")
    session.search(services, "Services", name)
    press_ready("the Open Cycle button", lambda: find_button(services, "Open Cycle"))
    # Its controls are found on the page hidden too, where a click misses.
    wait_for("the service's page shown", session.back_shown)
    return hub_of(session, name)


def hub_of(session, name):
    page = session.page("CmServicePage")
    wait_for(f"the page of {name}", lambda: find_label(page, lambda text: text == name))
    return page


def check_contracts(session, page):
    """Each contract reads with its key dates and its actions."""
    reference = session.sql("SELECT c.reference FROM contract c JOIN service s"
                            " ON s.id = c.service_id WHERE s.name = ?", SERVICE)
    wait_for("the contract in the Contracts group",
             lambda: find_label(page, lambda text: reference in text))
    dates = wait_for("the contract's key dates",
                     lambda: find_label(page, lambda text: text.startswith("Ends ")))
    for action in (f"Record Notice Served on {reference}", f"Open contract {reference}"):
        button = find_button(page, action)
        if not button:
            raise Failure(f"the contract's row offers no {action!r}")
    session.log(f"contract {reference}: {dates.name!r}")
    scroll_to(session, page, button)
    screenshots(session, "contracts", lambda: find_label(page, lambda t: t.startswith("Ends ")))
    return reference


def gone(node):
    """Whether @node has left the accessibility tree."""
    try:
        return node is None or node.parent is None or \
            node.getState().contains(pyatspi.STATE_DEFUNCT)
    except Exception:  # the application no longer knows it
        return True


def round_trip_contract(session, reference):
    """The contract opens from the hub, and its details lead back."""
    press_ready(f"the Open button of {reference}",
                lambda: find_button(session.page("CmServicePage"), f"Open contract {reference}"))
    contracts = session.page("Contracts")
    hub = session.page("CmServicePage")
    # The page left behind keeps its tree, live, and shows it again as it was.
    kept = find_label(hub, lambda text: text == SERVICE)
    press_ready(f"the link to {SERVICE} in the contract's details",
                lambda: find_button(contracts, f"Service: {SERVICE}", prune=HEADERS))
    shown = wait_for("the service page shown again", lambda: shown_label(hub, SERVICE))
    if gone(kept) or shown != kept:
        raise Failure("the service page was built again instead of showing what it kept")
    session.log(f"contract {reference} opened from the hub and led back to its service")
    return hub_of(session, SERVICE)


def add_risk(session, page):
    before = session.sql("SELECT count(*) FROM risk r JOIN service s ON s.id = r.service_id"
                         " WHERE s.name = ?", SERVICE)
    press_ready("the Add Risk button", lambda: find_button(page, "Add Risk…", prune=HEADERS))
    dialog = session.frame("New risk")
    set_text(wait_for("the risk's description", lambda: find(dialog, "text", "Risk")), RISK)
    press_ready("the Save button", lambda: find_button(dialog, "Save"))
    wait_for("the risk in the file under the service", lambda: session.sql(
        "SELECT count(*) FROM risk r JOIN service s ON s.id = r.service_id"
        " WHERE s.name = ? AND r.description = ?", SERVICE, RISK) == 1)
    session.frame_closed("New risk")
    if session.sql("SELECT count(*) FROM risk r JOIN service s ON s.id = r.service_id"
                   " WHERE s.name = ?", SERVICE) != before + 1:
        raise Failure("adding a risk from the service page did not add exactly one")
    wait_for("the risk on the service page", lambda: find_label(page, lambda t: t == RISK))
    session.log("a risk added from the service page shows in its register")


def override_gate(session, page):
    press_ready("the Advance to Do button",
                lambda: find_button(page, "Advance to Do…", prune=HEADERS))
    reason = wait_for("the override reason", lambda: session.in_dialogs(find, "text", "Reason"))
    set_text(reason, OVERRIDE)
    press_ready("the override button",
                lambda: session.in_dialogs(find_button, "Override and Advance"))
    wait_for("the service in Do", lambda: session.sql(
        "SELECT stage FROM service WHERE name = ?", SERVICE) == "do")
    step = wait_for("the Plan step reading overridden", lambda: next(
        (b for b in [find(page, "push button", "Show the Plan checklist")]
         if b is not None and "overridden" in b.description and OVERRIDE in b.description),
        None))
    if "passed" in step.description:
        raise Failure(f"the overridden gate still reads passed: {step.description!r}")
    session.log(f"the Plan step reads {step.description!r}")
    session.screenshot("overridden")
    check_workbook(session)


def check_workbook(session):
    """The workbook's Services sheet says the same of the gate."""
    import openpyxl  # only this check needs it
    path = os.path.join(session.work, "portfolio.xlsx")
    subprocess.run([session.binary, "--export", path, "--portfolio", session.portfolio,
                    "--today", TODAY], env=session.env, check=True, capture_output=True)
    sheet = openpyxl.load_workbook(path, read_only=True)["Services"]
    rows = sheet.iter_rows(values_only=True)
    headers = list(next(r for r in rows if "Plan gate" in r))
    row = next(r for r in rows if r[0] == SERVICE)
    cell = row[headers.index("Plan gate")]
    if cell != f"overridden: {OVERRIDE}":
        raise Failure(f"the workbook's Plan gate reads {cell!r}")
    session.log(f"the workbook's Plan gate reads {cell!r}")


def open_eia(session, page):
    press_ready("the Open Assessment button",
                lambda: find_button(page, "Open Assessment, version 1"))
    eia = session.page("CmEiaPage")
    wait_for("the EIA of the service", lambda: find_label(eia, lambda text: SERVICE in text))
    session.log("the service's EIA opened from its page")
    session.screenshot("eia")


def open_decommission_audit(session):
    page = open_service(session, DECOMMISSIONED)
    audit = wait_for("the decommission's Audit Trail button",
                     lambda: find_button(page, "Audit Trail of the decommissioning"))
    scroll_to(session, page, audit)
    screenshots(session, "decommissioning", lambda: find_label(
        page, lambda t: t == "Decommissioning"))
    press_ready("the decommission's Audit Trail button",
                lambda: find_button(page, "Audit Trail of the decommissioning"))
    decommission = session.page("CmDecommissionPage")
    wait_for("the decommission's audit trail", lambda: find_label(
        decommission, lambda text: text == "The hash chain verifies for every action"))
    session.log("the decommission opened at its audit trail from the service page")
    session.screenshot("decommission-audit")
    screenshots(session, "decommission-page", lambda: find_label(
        decommission, lambda text: text == "The hash chain verifies for every action"))


def follow_deadline(session):
    """The first deadline's row, chosen with a click, leads to the service
    of its contract."""
    deadlines = session.show_section("Deadlines")
    table = wait_for("the deadlines list", lambda: find(deadlines, "tree table", "Deadlines"))
    first = wait_for("the first deadline", lambda: find(table, "list")[0])
    shown = " ".join(table_rows(deadlines, "Deadlines", 1)[0])
    service = session.sql("SELECT s.name FROM contract c JOIN service s ON s.id = c.service_id"
                          " WHERE instr(?, c.reference) > 0", shown)
    if not service:
        raise Failure(f"the first deadline names no contract of a service: {shown!r}")
    session.click(first)
    press_ready(f"the link to {service}",
                lambda: find_button(deadlines, f"Service: {service}", prune=HEADERS))
    hub_of(session, service)
    session.log(f"the first deadline ({shown}) led to its service {service!r}")
    session.screenshot("deadline-service")


def main():
    with Session("hub") as session:
        session.launch()
        page = open_service(session, SERVICE)
        session.screenshot("hub")
        screenshots(session, "hub", lambda: find_label(page, lambda t: t == SERVICE))
        page = round_trip_contract(session, check_contracts(session, page))
        add_risk(session, page)
        override_gate(session, page)
        open_eia(session, page)
        open_decommission_audit(session)
        follow_deadline(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
