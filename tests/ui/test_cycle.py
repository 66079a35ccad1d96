#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A service's cycle in the real window: the portfolio opens on its
overview, the services list has rows, and a demo service goes from
Analyse to Review with the controls a user would press: the checklist's
drop-downs, the gate's button, and an override with its reason. Its
re-commissioning, with no signed EIA behind it, is flagged in its history.

    with-display.sh python3 test_cycle.py COMMISSIONER OUTPUT_DIR
"""
import contextlib

from common import NOT_ENTERED, Failure, Session, find, find_all, find_button, find_label, \
    look, press_ready, set_text, state_of, table_rows, wait_for

SERVICE = "Carers community based short breaks"
OVERRIDE = "Board approved the options paper on 20 November"
NOT_APPLICABLE = "No new duties since the last cycle"
RECOMMISSION = "Demand has outgrown the short breaks model"
# The gate's buttons are outside the page's lists and fields.
CONTROLS = NOT_ENTERED + ("list", "text")


def check_overview(session):
    """The portfolio opens on its overview: services counted by stage."""
    page = session.page("Overview")
    wait_for("the overview", lambda: find(page, "label", "Services by Stage"))
    analyse = wait_for("the Analyse row", lambda: find(page, "list item", "Analyse"))
    labels = [label.name for label in find_all(analyse, "label")]
    if not any("services" in label for label in labels):
        raise Failure(f"the Analyse row does not count its services: {labels}")
    session.log(f"overview: {labels[:2]}")
    session.screenshot("overview")


def check_services_list(session):
    page = session.show_section("Services")
    rows = wait_for("rows in the services list",
                    lambda: find(find(page, "tree table", "Services"), "list").childCount)
    first = table_rows(page, "Services", 1)[0]
    if not first[0]:
        raise Failure("the first service row has no name")
    session.log(f"the services list shows {rows} rows; the first is {first[0]!r}")
    session.screenshot("services")
    return page


def stage(session):
    return session.sql("SELECT stage FROM service WHERE name = ?", SERVICE)


def settled(session, stage_name):
    """How many of the stage's items are no longer to do."""
    return session.sql("SELECT count(*) FROM checklist_item i JOIN service s"
                       " ON s.id = i.service_id AND s.cycle = i.cycle"
                       " WHERE s.name = ? AND i.stage = ? AND i.state <> 'to-do'",
                       SERVICE, stage_name)


class Checklist:
    """A stage's checklist on the service page, whose rows change in place:
    it is found again by the way it was reached (another stage's checklist
    takes its place), and read on from the item after the last one
    settled, as the items keep their order.
    Each node is a call over the bus, and a busy machine makes each slow."""

    def __init__(self, page, stage_name):
        self.page = page
        self.title = f"{stage_name.capitalize()} Checklist"
        self.path = []
        self.next = 0

    def items(self):
        node = self.page
        with contextlib.suppress(Exception):
            for index in self.path:
                node = node[index]
        if node is self.page or node.getRoleName() != "list" or node.name != self.title:
            node = find(self.page, "list", self.title)
            self.path = path_from(self.page, node)
        return node

    def next_open(self):
        """The drop-down of the next item still to do, or None."""
        items = self.items()
        for index in range(self.next, items.childCount):
            combo = find(items[index], "combo box")
            if combo is not None and state_of(combo) == "To do":
                self.next = index + 1
                return combo
        return None


def path_from(page, node):
    """The child indices that lead from @page down to @node."""
    path = []
    while not (node.getRoleName() == page.getRoleName() and node.name == page.name):
        path.insert(0, node.getIndexInParent())
        node = node.parent
    return path


def settle_checklist(session, page, stage_name):
    """Marks each open item of the stage shown Done, and the template's
    optional policy item, where shown, not applicable with a reason."""
    checklist = Checklist(page, stage_name)
    while True:
        combo = look("the next item to do", checklist.next_open)
        if combo is None:
            return
        name = combo.name
        done = settled(session, stage_name)
        if "legislation" in name:
            session.choose(combo, 2)
            reason = wait_for("the reason field",
                              lambda: session.in_dialogs(find, "text", "Reason"))
            set_text(reason, NOT_APPLICABLE)
            press_ready("the Mark Not Applicable button",
                        lambda: session.in_dialogs(find_button, "Mark Not Applicable"))
        else:
            session.choose(combo, 1)
        wait_for(f"{name} saved", lambda: settled(session, stage_name) != done)
        # The item's row shows the choice: the same drop-down, or, where the
        # row took a reason, a new row's.
        wait_for(f"{name} showing its new state", lambda: next(
            (c for c in [find(checklist.items(), "combo box", name)]
             if c is not None and state_of(c) != "To do"), None))


def walk_cycle(session, services):
    session.search(services, "Services", SERVICE)
    press_ready("the Open Cycle button", lambda: find_button(services, "Open Cycle"))
    page = session.page("CmServicePage")
    wait_for("the service page", lambda: find(page, "label", "Analyse Checklist"))
    if stage(session) != "analyse":
        raise Failure("the demo service chosen for the cycle is not in Analyse")
    session.screenshot("analyse")

    settle_checklist(session, page, "analyse")
    press_ready("the Advance to Plan button",
                lambda: find_button(page, "Advance to Plan", prune=CONTROLS))
    wait_for("the service in Plan", lambda: stage(session) == "plan")

    # Plan's items are open: the gate needs an override with a reason.
    press_ready("the Advance to Do button",
                lambda: find_button(page, "Advance to Do…", prune=CONTROLS))
    reason = wait_for("the override reason", lambda: session.in_dialogs(find, "text", "Reason"))
    set_text(reason, OVERRIDE)
    press_ready("the override button",
                lambda: session.in_dialogs(find_button, "Override and Advance"))
    wait_for("the service in Do", lambda: stage(session) == "do")
    if session.sql("SELECT count(*) FROM stage_event e JOIN service s ON s.id = e.service_id"
                   " WHERE s.name = ? AND e.overridden = 1 AND e.reason = ?"
                   " AND e.open_items <> ''", SERVICE, OVERRIDE) != 1:
        raise Failure("the override was not recorded with its reason and open items")

    settle_checklist(session, page, "do")
    press_ready("the Advance to Review button",
                lambda: find_button(page, "Advance to Review", prune=CONTROLS))
    wait_for("the service in Review", lambda: stage(session) == "review")
    wait_for("the decision buttons", lambda: find_button(page, "Re-commission…", prune=CONTROLS))
    wait_for("the override in the history",
             lambda: find_label(page, lambda text: text == "Plan → Do (gate overridden)"))
    audited = session.sql("SELECT count(*) FROM audit WHERE entity = 'checklist_item'"
                          " AND field = 'state' AND new_value = 'done' AND actor <> ''"
                          " AND actor NOT LIKE '%“Demo portfolio generator”'")
    if audited < 3:
        raise Failure(f"the checklist changes are not in the audit trail ({audited} rows)")
    session.log(f"the service went from Analyse to Review; {audited} audited items set done")
    session.screenshot("review")


def recommission(session):
    """Re-commissioning is a decision the EIA must come before: with no
    signed EIA, the history flags it."""
    page = session.page("CmServicePage")
    press_ready("the Re-commission button",
                lambda: find_button(page, "Re-commission…", prune=CONTROLS))
    reason = wait_for("the decision's reason", lambda: session.in_dialogs(find, "text", "Reason"))
    set_text(reason, RECOMMISSION)
    press_ready("the Re-commission answer",
                lambda: session.in_dialogs(find_button, "Re-commission"))
    wait_for("the service in Analyse again", lambda: stage(session) == "analyse")
    if session.sql("SELECT count(*) FROM stage_event e JOIN service s ON s.id = e.service_id"
                   " WHERE s.name = ? AND e.decision = 're-commission' AND e.reason = ?"
                   " AND e.decided_on <> '' AND e.eia_id IS NULL", SERVICE, RECOMMISSION) != 1:
        raise Failure("the re-commissioning decision was not recorded with its date")
    wait_for("the decision flagged in the history", lambda: find_label(
        page, lambda text: "names no signed equality impact assessment" in text))
    session.log("the re-commissioning decision, with no signed EIA, is flagged in the history")
    session.screenshot("recommissioned")


def main():
    with Session("cycle") as session:
        session.launch()
        check_overview(session)
        services = check_services_list(session)
        walk_cycle(session, services)
        recommission(session)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
