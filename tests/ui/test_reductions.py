#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A reduction scenario in the real window: one provider's contracts join
a demo scenario at 10% with Add Contracts…, then every line is set to 15%
with Set All Lines to…; each change is checked in the file and its audit
trail, and the scenario is then named a blanket reduction.

    with-display.sh python3 test_reductions.py COMMISSIONER OUTPUT_DIR
"""
import collections

from common import Failure, Session, find, find_button, find_label, press_ready, wait_for

SCENARIO = "Negotiated savings, contract by contract"
PROVIDER = "Leeds Mind"


def percents(session):
    """The scenario's lines as {contract's provider: [percent, ...]}."""
    lines = collections.defaultdict(list)
    for provider, percent in session.rows(
            "SELECT p.name, l.percent FROM scenario_line l"
            " JOIN scenario s ON s.id = l.scenario_id JOIN contract c ON c.id = l.contract_id"
            " JOIN provider p ON p.id = c.provider_id WHERE s.name = ?", SCENARIO):
        lines[provider].append(percent)
    return lines


def window_of(node):
    """The dialog a control is in."""
    while node.getRoleName() not in ("frame", "dialog"):
        node = node.parent
    return node


def set_spin(spin, value):
    """Sets a spin button through its accessible value, as assistive
    technology would."""
    spin.queryValue().currentValue = value
    wait_for(f"{spin.name!r} at {value}",
             lambda: abs(spin.queryValue().currentValue - value) < 1e-9)


def add_contracts(session, page):
    """Adds the provider's contracts at 10% with Add Contracts…."""
    press_ready("the Add Contracts button", lambda: find_button(page, "Add Contracts…"))
    search = wait_for("the providers and services search", lambda: session.in_dialogs(
        find, "entry", "Search providers and services"))
    dialog = window_of(search)
    search.queryEditableText().setTextContents(PROVIDER)
    choices = find(dialog, "list", "Providers and services")
    row = wait_for("the provider alone in the list", lambda: choices.childCount == 1 and find(
        choices, "label", PROVIDER))
    session.click(row)
    summary = wait_for("what the choice adds",
                       lambda: find_label(dialog, lambda text: text.startswith("Adds ")).name)
    session.log(f"the dialog says {summary!r}")
    set_spin(find(dialog, "spin button", "Reduction (%)"), 10)
    session.screenshot("add-contracts")
    press_ready("the Add Contracts response", lambda: find_button(dialog, "Add Contracts"))
    wait_for("the provider's lines in the file", lambda: percents(session).get(PROVIDER))
    added = percents(session)[PROVIDER]
    contracts = session.sql("SELECT count(*) FROM contract c JOIN provider p"
                            " ON p.id = c.provider_id WHERE p.name = ?", PROVIDER)
    if len(added) != contracts or set(added) != {10}:
        raise Failure(f"{PROVIDER}'s {contracts} contracts should be in at 10%: {added}")
    if f"{len(added)} contracts" not in summary:
        raise Failure(f"the dialog promised otherwise: {summary!r}")
    audited = session.sql("SELECT count(*) FROM audit WHERE entity = 'scenario_line'"
                          " AND field = 'percent' AND new_value = '10' AND old_value IS NULL"
                          " AND actor NOT LIKE '%“Demo portfolio generator”'")
    if audited != len(added):
        raise Failure(f"adding {len(added)} lines left {audited} audit rows")
    toast = session.toast("the toast",
                          lambda text: text.startswith(f"Added {len(added)} contracts"))
    session.log(f"{toast!r}; {audited} audited lines")
    session.screenshot("contracts-added")


def set_all_lines(session, page, before):
    """Sets every line of the scenario to 15% with Set All Lines to…."""
    press_ready("the Set All Lines button", lambda: find_button(page, "Set All Lines to…"))
    spin = wait_for("the percentage",
                    lambda: session.in_dialogs(find, "spin button", "Reduction (%)"))
    set_spin(spin, 15)
    session.screenshot("set-all-lines")
    press_ready("the Set All Lines response",
                lambda: find_button(window_of(spin), "Set All Lines"))
    wait_for("every line at 15%", lambda: {p for ps in percents(session).values()
                                            for p in ps} == {15})
    changed = session.sql("SELECT count(*) FROM audit WHERE entity = 'scenario_line'"
                          " AND field = 'percent' AND new_value = '15'"
                          " AND old_value IS NOT NULL")
    was_15 = sum(1 for ps in before.values() for p in ps if p == 15)
    total = sum(len(ps) for ps in percents(session).values())
    if changed != total - was_15:
        raise Failure(f"setting {total} lines to 15% should audit {total - was_15} changes,"
                      f" not {changed}")
    wait_for("the blanket warning",
             lambda: find_label(page, lambda text: text == "⚠ A blanket reduction"))
    session.log(f"every one of {total} lines set to 15%, {changed} changes audited;"
                " the scenario is named a blanket reduction")
    session.screenshot("lines-set")


def main():
    with Session("reductions") as session:
        session.launch()
        page = session.show_section("Reductions")
        session.search(page, "Reductions", "Negotiated")
        before = percents(session)
        if before.get(PROVIDER):
            raise Failure(f"the demo scenario should hold no contract of {PROVIDER} yet")
        add_contracts(session, page)
        set_all_lines(session, page, before)
        session.log(session.verify_audit())


if __name__ == "__main__":
    main()
