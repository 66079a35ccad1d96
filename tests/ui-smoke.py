#!/usr/bin/python3
"""Drives the real Commissioner window through the accessibility tree.

Run under a display and a session bus, as meson does:
    xvfb-run -a dbus-run-session -- ui-smoke.py COMMISSIONER BUILD_DIR

It opens a demo portfolio on its overview, checks the services list has
rows, adds a provider through the editor, deletes it, undoes the deletion,
takes a service from Analyse to Review through its checklists and gates,
and checks each step in the portfolio file and its audit trail with the
sqlite3 shell. It saves screenshots into BUILD_DIR.
"""
import collections
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

BINARY, BUILD_DIR = sys.argv[1], sys.argv[2]
TODAY = "2026-11-22"
PROVIDER = "Leeds Irish Health and Homes"


def fail(message):
    print("FAIL:", message)
    screenshot("ui-smoke-failure.png")
    for button in find_all(pyatspi.Registry.getDesktop(0), "push button"):
        print("  a button on screen:", repr(button.name))
    sys.exit(1)


def wait_for(what, probe, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            found = probe()
        except Exception:  # the tree changes under us while the app starts
            found = None
        if found:
            return found
        time.sleep(0.25)
    fail(f"timed out waiting for {what}")


# Tables hold rows of cells and never a control we look for, and walking
# them over the bus is slow: below the starting node, they are not entered.
LISTS = ("tree table",)
# A toast is never inside a list: skipping them finds it before it goes.
TOAST_PRUNE = ("tree table", "list", "combo box")


def find_all(node, role, name=None, prune=LISTS):
    """Matching nodes in document order (breadth first)."""
    found = []
    queue = collections.deque([node])
    while queue:
        n = queue.popleft()
        if n is None:
            continue
        if n.getRoleName() == role and (name is None or n.name == name):
            found.append(n)
        if n is node or n.getRoleName() not in prune:
            queue.extend(c for c in n)
    return found


def find(node, role, name=None):
    found = find_all(node, role, name)
    return found[0] if found else None


def in_dialogs(app, window, find_in, *args):
    """Looks in the application's windows other than @window, the main one:
    a dialog's controls are found there at once, where a walk of the whole
    tree, which grows as the session visits more pages, may not end in time."""
    for top in app:
        if top is not None and top.name != window.name:
            found = find_in(top, *args)
            if found:
                return found
    return None


def find_button(node, label, prune=LISTS):
    """GTK 4.8 names a labelled button "Save Save", or "_Undo Undo" when it
    has an access key and no accessible label of ours: match the first words."""
    for button in find_all(node, "push button", prune=prune):
        name = button.name.replace("_", "")
        if name == label or name.startswith(label + " "):
            return button
    return None


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def key(keys):
    """Types keys into the window; with no window manager, focus it first."""
    subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "commissioner",
                    "windowfocus", "--sync", "key", keys], check=True)


def type_text(text):
    subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "commissioner",
                    "windowfocus", "--sync", "type", "--delay", "20", text], check=True)


def click(node):
    """Clicks the middle of a control with the pointer."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", "--sync", str(box.x + box.width // 2),
                    str(box.y + box.height // 2), "click", "1"], check=True)


def show_section(window, title):
    """Picks a sidebar section with its Alt+number shortcut, as a user would,
    reading the number from the sidebar's order; sections past the ninth
    are chosen in the sidebar."""
    sidebar = wait_for("the sidebar", lambda: next(
        n for n in find_all(window, "list") if any(c.name == "Overview" for c in n)))
    names = [row.name for row in sidebar]
    if title not in names:
        fail(f"no section {title!r} in the sidebar: {names}")
    index = names.index(title)
    if index < 9:
        key(f"alt+{index + 1}")
    else:  # past Alt+9: pick the row in the sidebar list itself
        sidebar.querySelection().selectChild(index)
    time.sleep(1)


def sql(path, query):
    out = subprocess.run(["sqlite3", path, query], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def screenshot(name):
    subprocess.run(["import", "-window", "root", os.path.join(BUILD_DIR, name)], check=False)


def launch(portfolio, env, *extra):
    """Starts the window. If it cannot reach the new display at once (seen
    rarely, right after the server starts), it is started once more."""
    for attempt in range(2):
        process = subprocess.Popen([BINARY, "--portfolio", portfolio, "--today", TODAY, *extra],
                                   env=env)
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            return process
        print(f"the application exited at start with status {process.returncode}; retrying")
        time.sleep(1)
    fail("the application would not start on the virtual display")


def main():
    work = tempfile.mkdtemp(prefix="commissioner-ui-")
    portfolio = os.path.join(work, "demo.commissioner")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               GSETTINGS_BACKEND="memory", GTK_A11Y="atspi", GSK_RENDERER="cairo")
    subprocess.run([BINARY, "--create-demo", portfolio, "--today", TODAY], env=env, check=True)
    app_process = launch(portfolio, env)
    try:
        run(portfolio)
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)
    import_register(work, portfolio, env)
    print("PASS: the window opened the demo on its overview; a provider was added, deleted"
          " and restored; the deadlines list the breached notice first; a service went"
          " from Analyse to Review; an EIA screening was completed; a decommissioning step was"
          " completed and audited; the contract editor refused an end before the start;"
          " notice was recorded as served")


def run(portfolio):
    desktop = pyatspi.Registry.getDesktop(0)
    app = wait_for("the application on the accessibility bus",
                   lambda: next(a for a in desktop if a is not None and a.name == "commissioner"))
    window = wait_for("the main window", lambda: find(app, "frame"))
    check_overview(window)
    show_section(window, "Services")
    services = wait_for("the services list", lambda: find(window, "tree table", "Services"))
    rows = wait_for("rows in the services list",
                    lambda: find(services, "list").childCount > 0 and find(services, "list"))
    first = find(rows[0], "label")
    if not first.name:
        fail("the first service row has no name")
    print(f"services list shows {rows.childCount} rows; first is {first.name!r}")
    time.sleep(1)
    screenshot("ui-smoke-services.png")

    # The providers section, picked with its keyboard shortcut.
    show_section(window, "Providers")

    # The providers page: the part of the window around its search entry.
    page = find(window, "entry", "Search Providers")
    while find_button(page, "Delete") is None:
        page = page.parent
    press(find_button(page, "Add provider"))
    dialog = wait_for("the new provider dialog",
                      lambda: next(w for w in find_all(app, "frame") if w.name == "New provider"))
    name_entry = wait_for("the name field",
                          lambda: next(t for t in find_all(dialog, "text") if t.name == "Name"))
    name_entry.queryEditableText().setTextContents(PROVIDER)
    press(wait_for("the Save button", lambda: find_button(dialog, "Save")))
    wait_for("the provider in the file",
             lambda: sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{PROVIDER}'") == "1")
    audit = sql(portfolio, "SELECT actor FROM audit WHERE entity = 'provider' AND field = 'name'"
                           f" AND new_value = '{PROVIDER}' AND old_value IS NULL")
    if not audit:
        fail("creating the provider left no audit row")
    print(f"provider created and audited by {audit!r}")
    time.sleep(1)
    screenshot("ui-smoke-providers.png")

    press(wait_for("the delete button", lambda: find_button(page, "Delete")))
    wait_for("the provider gone from the file",
             lambda: sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{PROVIDER}'") == "0")
    if not sql(portfolio, "SELECT id FROM audit WHERE entity = 'provider' AND field = 'name'"
                          f" AND old_value = '{PROVIDER}' AND new_value IS NULL"):
        fail("deleting the provider left no audit row")

    press(wait_for("the Undo button", lambda: find_button(window, "Undo", TOAST_PRUNE)))
    wait_for("the provider restored",
             lambda: sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{PROVIDER}'") == "1")

    # Again: a second Undo toast replaces the first without trouble.
    press(wait_for("the delete button", lambda: find_button(page, "Delete")))
    wait_for("the provider gone again",
             lambda: sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{PROVIDER}'") == "0")
    press(wait_for("the Undo button again", lambda: find_button(window, "Undo", TOAST_PRUNE)))
    wait_for("the provider restored again",
             lambda: sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{PROVIDER}'") == "1")

    # The deadlines, most urgent first, with their status in words.
    show_section(window, "Deadlines")
    deadlines = wait_for("the deadlines list", lambda: find(window, "tree table", "Deadlines"))
    rows = wait_for("rows in the deadlines list",
                    lambda: find(deadlines, "list").childCount > 0 and find(deadlines, "list"))
    first_status = [label.name for label in find_all(rows[0], "label")]
    if "Breached" not in first_status:
        fail(f"the most urgent deadline is not the breached notice: {first_status}")
    print(f"deadlines list shows {rows.childCount} rows; first is {first_status}")
    time.sleep(1)
    screenshot("ui-smoke-deadlines.png")

    walk_cycle(app, window, portfolio)
    screen_eia(window, portfolio)
    complete_decommission_step(window, portfolio)
    edit_contract_dates(app, window, portfolio)
    record_notice_served(app, window, portfolio)
    reduce_by_provider(app, window, portfolio)

    verify = subprocess.run([BINARY, "--verify-audit", "--portfolio", portfolio],
                            capture_output=True, text=True)
    if verify.returncode != 0:
        fail("the audit trail does not verify after the UI session: " + verify.stderr)
    print(verify.stdout.strip())


def check_overview(window):
    """The portfolio opens on its overview: services counted by stage."""
    wait_for("the overview", lambda: find(window, "label", "Services by Stage"))
    analyse = wait_for("the Analyse row", lambda: next(
        item for item in find_all(window, "list item", "Analyse")
        if any("services" in label.name for label in find_all(item, "label"))))
    print("overview:", [label.name for label in find_all(analyse, "label")][:2])
    screenshot("ui-smoke-overview.png")


CYCLE_SERVICE = "Carers community based short breaks"


def service_sql(portfolio, column):
    return sql(portfolio, f"SELECT {column} FROM service WHERE name = '{CYCLE_SERVICE}'")


def state_of(combo):
    shown = [label.name for label in find_all(combo, "label") if label.name != "(None)"]
    return shown[0] if shown else None


def gone(node):
    """Whether a node's widget has been destroyed, as a page's controls are
    when it rebuilds after a change."""
    try:
        return node.getState().contains(pyatspi.STATE_DEFUNCT) or not node.name
    except Exception:
        return True


def choose(combo, steps_down):
    """Opens a drop-down with its button and picks an entry with the keyboard."""
    press(find(combo, "push button"))
    time.sleep(0.6)
    for _ in range(steps_down):
        key("Down")
    key("Return")


def settle_checklist(app, window, portfolio, stage):
    """Marks each open item of the stage shown Done, and the template's
    optional policy item, where shown, not applicable with a reason."""
    while True:
        combos = [c for c in find_all(window, "combo box")
                  if c.name.startswith("State of") and state_of(c) == "To do"]
        if not combos:
            return
        combo = combos[0]
        title = combo.name
        done = sql(portfolio, "SELECT count(*) FROM checklist_item i JOIN service s"
                              " ON s.id = i.service_id AND s.cycle = i.cycle"
                              f" WHERE s.name = '{CYCLE_SERVICE}' AND i.stage = '{stage}'"
                              " AND i.state <> 'to-do'")
        if "legislation" in title:
            choose(combo, 2)
            dialog_entry = wait_for("the reason field",
                                    lambda: find(app, "text", "Reason"))
            dialog_entry.queryEditableText().setTextContents("No new duties since the last cycle")
            press(wait_for("the Mark Not Applicable button",
                           lambda: find_button(app, "Mark Not Applicable")))
        else:
            choose(combo, 1)
        wait_for(f"{title} saved", lambda: sql(
            portfolio, "SELECT count(*) FROM checklist_item i JOIN service s"
                       " ON s.id = i.service_id AND s.cycle = i.cycle"
                       f" WHERE s.name = '{CYCLE_SERVICE}' AND i.stage = '{stage}'"
                       " AND i.state <> 'to-do'") != done)


def walk_cycle(app, window, portfolio):
    """Takes a demo service from Analyse to Review with the controls a user
    would press: the checklist's drop-downs, the gate's button, and an
    override with its reason."""
    show_section(window, "Services")
    search = wait_for("the services search", lambda: find(window, "entry", "Search Services"))
    search.queryEditableText().setTextContents(CYCLE_SERVICE)
    time.sleep(1)
    press(wait_for("the Open Cycle button", lambda: find_button(window, "Open Cycle")))
    wait_for("the service page", lambda: find(window, "label", "Analyse Checklist"))
    if service_sql(portfolio, "stage") != "analyse":
        fail("the demo service chosen for the cycle is not in Analyse")
    screenshot("ui-smoke-cycle-analyse.png")

    settle_checklist(app, window, portfolio, "analyse")
    press(wait_for("the Advance to Plan button", lambda: find_button(window, "Advance to Plan")))
    wait_for("the service in Plan", lambda: service_sql(portfolio, "stage") == "plan")

    # Plan's items are open: the gate needs an override with a reason.
    press(wait_for("the Advance to Do button", lambda: find_button(window, "Advance to Do…")))
    reason = wait_for("the override reason", lambda: find(app, "text", "Reason"))
    reason.queryEditableText().setTextContents("Board approved the options paper on 20 November")
    press(wait_for("the override button", lambda: find_button(app, "Override and Advance")))
    wait_for("the service in Do", lambda: service_sql(portfolio, "stage") == "do")
    if sql(portfolio, "SELECT count(*) FROM stage_event e JOIN service s ON s.id = e.service_id"
                      f" WHERE s.name = '{CYCLE_SERVICE}' AND e.overridden = 1"
                      " AND e.reason LIKE 'Board approved%' AND e.open_items <> ''") != "1":
        fail("the override was not recorded with its reason and open items")

    settle_checklist(app, window, portfolio, "do")
    press(wait_for("the Advance to Review button",
                   lambda: find_button(window, "Advance to Review")))
    wait_for("the service in Review", lambda: service_sql(portfolio, "stage") == "review")
    wait_for("the decision buttons", lambda: find_button(window, "Re-commission…"))
    wait_for("the override in the history",
             lambda: find(window, "label", "Plan → Do (gate overridden)"))
    audited = sql(portfolio, "SELECT count(*) FROM audit WHERE entity = 'checklist_item'"
                             " AND field = 'state' AND new_value = 'done' AND actor <> ''"
                             " AND actor NOT LIKE '%“Demo portfolio generator”'")
    if int(audited) < 3:
        fail(f"the checklist changes are not in the audit trail ({audited} rows)")
    print(f"the service went from Analyse to Review; {audited} audited items set done")
    time.sleep(1)
    screenshot("ui-smoke-cycle-review.png")


EIA_SERVICE = "Independent advocacy gateway"


def eia_sql(portfolio, where):
    return sql(portfolio, "SELECT count(*) FROM eia_characteristic c JOIN eia e ON e.id = c.eia_id"
                          f" JOIN service s ON s.id = e.service_id WHERE s.name = '{EIA_SERVICE}'"
                          f" AND {where}")


def screen_eia(window, portfolio):
    """Completes the demo's draft screening: a relevance and its reason for
    each open characteristic, then the outcome and its reason, with the
    keyboard moving on to each reason as a user's would."""
    show_section(window, "EIAs")
    search = wait_for("the EIAs search", lambda: find(window, "entry", "Search EIAs"))
    search.queryEditableText().setTextContents("advocacy")
    time.sleep(1)
    press(wait_for("the Open Assessment button", lambda: find_button(window, "Open Assessment")))
    wait_for("the screening step", lambda: find(window, "label", "Characteristics"))
    open_before = int(eia_sql(portfolio, "c.relevance = 'unanswered'"))
    if open_before != 2:
        fail(f"the demo's draft EIA should have two characteristics to screen, not {open_before}")
    screenshot("ui-smoke-eia-screening.png")

    for name in ("Carers", "Poverty and socio-economic disadvantage"):
        combo = wait_for(f"the relevance of {name}",
                         lambda: find(window, "combo box", f"Relevance of “{name}”"))
        choose(combo, 2)  # Not relevant
        wait_for(f"{name} screened", lambda: eia_sql(
            portfolio, f"c.name = '{name}' AND c.relevance = 'not-relevant'") == "1")
        # The page rebuilds and moves the keyboard on to the reason.
        wait_for("the page rebuilt", lambda: gone(combo))
        time.sleep(0.5)
        type_text("No differential effect in the referral data")
        key("Return")
        wait_for(f"the reason for {name}", lambda: eia_sql(
            portfolio, f"c.name = '{name}' AND c.screening_reason LIKE 'No differential%'") == "1")

    outcome = wait_for("the screening outcome", lambda: find(window, "combo box", "Screening outcome"))
    choose(outcome, 2)
    wait_for("the outcome saved", lambda: sql(
        portfolio, "SELECT outcome FROM eia WHERE signed = 0") == "no-full-assessment")
    wait_for("the page rebuilt", lambda: gone(outcome))
    time.sleep(0.5)
    type_text("Only disability is relevant and the impact is positive")
    key("Return")
    wait_for("the outcome's reason saved", lambda: sql(
        portfolio, "SELECT outcome_reason FROM eia WHERE signed = 0").startswith("Only disability"))

    press(wait_for("the Sign-off step", lambda: find(window, "push button", "Show the Sign-off step")))
    wait_for("the EIA ready to sign off",
             lambda: find(window, "label", "The screening and assessment are complete."))
    audited = sql(portfolio, "SELECT count(*) FROM audit WHERE entity = 'eia_characteristic'"
                             " AND field IN ('relevance', 'screening_reason')"
                             " AND actor NOT LIKE '%“Demo portfolio generator”'")
    if int(audited) != 4:
        fail(f"the screening changes are not all in the audit trail ({audited} rows)")
    print("the draft EIA's screening was completed and is ready to sign off")
    time.sleep(1)
    screenshot("ui-smoke-eia-sign-off.png")


CLOSING_SERVICE = "Vulnerable Groups"
CLOSING_STEP = "Consider the effect on primary care"


def complete_decommission_step(window, portfolio):
    """Completes a step of the demo's decommission in progress, then finds
    it, with who did it, in the reviewer's audit trail."""
    show_section(window, "Decommissions")
    search = wait_for("the decommissions search", lambda: find(window, "entry", "Search Decommissions"))
    search.queryEditableText().setTextContents(CLOSING_SERVICE)
    time.sleep(1)
    press(wait_for("the Open Decommission button", lambda: find_button(window, "Open Decommission")))
    press(wait_for("the Steps step", lambda: find(window, "push button", "Show the Steps step")))
    combo = wait_for("the step's state", lambda: find(window, "combo box", f"State of “{CLOSING_STEP}”"))
    if state_of(combo) != "To do":
        fail(f"the demo's step {CLOSING_STEP!r} should still be to do")
    choose(combo, 1)
    wait_for("the step done in the file", lambda: sql(
        portfolio, "SELECT count(*) FROM checklist_item i JOIN service s ON s.id = i.service_id"
                   f" WHERE s.name = '{CLOSING_SERVICE}' AND i.stage = 'decommissioning'"
                   f" AND i.title = '{CLOSING_STEP}' AND i.state = 'done'") == "1")
    screenshot("ui-smoke-decommission-steps.png")

    press(wait_for("the Audit step", lambda: find(window, "push button", "Show the Audit step")))
    wait_for("the chain verified", lambda: find(window, "label", "The hash chain verifies for every action"))
    actor = sql(portfolio, "SELECT actor FROM audit WHERE entity = 'checklist_item'"
                           " AND field = 'state' AND new_value = 'done' ORDER BY id DESC LIMIT 1")
    wait_for("the step's action in the audit trail", lambda: any(
        "state: to-do → done" in label.name and actor in label.name
        for label in find_all(window, "label")))
    print(f"a decommissioning step was completed by {actor!r} and shows in its audit trail")
    time.sleep(1)
    screenshot("ui-smoke-decommission-audit.png")


CONTRACT = "ASC-0012"  # the Neighbourhood Networks grant, 1 October 2018 to 2028
NOTICE_DAY = "2027-01-15"


def contract_sql(portfolio, column):
    return sql(portfolio, f"SELECT {column} FROM contract WHERE reference = '{CONTRACT}'")


def show_contract(window):
    show_section(window, "Contracts")
    search = wait_for("the contracts search", lambda: find(window, "entry", "Search Contracts"))
    search.queryEditableText().setTextContents(CONTRACT)
    time.sleep(1)


def edit_contract_dates(app, window, portfolio):
    """Types an end date before the start in the contract editor: the
    message shows under the field as the keyboard leaves it, and Save
    waits; cancelling leaves the file as it was."""
    show_contract(window)
    end_before = contract_sql(portfolio, "end_date")
    key("ctrl+e")  # the page's shortcut for its Edit… button
    dialog = wait_for("the contract editor",
                      lambda: next(w for w in find_all(app, "frame") if w.name == "Edit contract"))
    end = wait_for("the end date field", lambda: next(
        t for t in find_all(dialog, "text") if t.name.startswith("End")))
    click(end)  # into the field, as a user would, so Tab then leaves it
    time.sleep(0.3)
    end.queryEditableText().setTextContents("2010-01-01")
    key("Tab")  # leave the field, as a user moving on would
    message = wait_for("the inline message", lambda: next(
        label for label in find_all(dialog, "label") if "ends before it starts" in label.name))
    save = find_button(dialog, "Save")
    if save.getState().contains(pyatspi.STATE_SENSITIVE):
        fail("Save is offered for a contract that ends before it starts")
    print(f"the editor says {message.name!r} and Save waits")
    time.sleep(0.5)
    screenshot("ui-smoke-contract-invalid.png")
    press(find_button(dialog, "Cancel"))
    wait_for("the editor closed", lambda: not any(
        w.name == "Edit contract" for w in find_all(app, "frame")))
    if contract_sql(portfolio, "end_date") != end_before:
        fail("the refused end date reached the file")


def record_notice_served(app, window, portfolio):
    """Records notice served on a chosen day, typed into the date dialog,
    and finds it in the file, in the audit trail and in the verdict."""
    show_contract(window)
    press(wait_for("the Record Notice Served button",
                   lambda: find_button(window, "Record Notice Served…")))
    date = wait_for("the notice date field",
                    lambda: in_dialogs(app, window, find, "text", "Date notice was served"))
    date.queryEditableText().setTextContents("15 January")
    time.sleep(0.3)
    accept = wait_for("the Record Notice button",
                      lambda: in_dialogs(app, window, find_button, "Record Notice"))
    if accept.getState().contains(pyatspi.STATE_SENSITIVE):
        fail("the dialog accepts a date it cannot read")
    date.queryEditableText().setTextContents(NOTICE_DAY)
    time.sleep(0.3)
    screenshot("ui-smoke-notice-dialog.png")
    press(accept)
    wait_for("the notice in the file", lambda: contract_sql(portfolio, "notice_served") == NOTICE_DAY)
    audit = sql(portfolio, "SELECT actor FROM audit WHERE entity = 'contract'"
                           f" AND field = 'notice_served' AND new_value = '{NOTICE_DAY}'")
    if not audit or audit.endswith("“Demo portfolio generator”"):
        fail("recording notice left no audit row of the user's")
    verdict = wait_for("the verdict", lambda: next(
        label for label in find_all(window, "label", prune=TOAST_PRUNE)
        if label.name.startswith(f"Notice on {CONTRACT} served")))
    if "in time" not in verdict.name:
        fail(f"notice in January 2027 should be in time for 2028: {verdict.name!r}")
    print(f"notice recorded, audited by {audit!r}: {verdict.name!r}")
    screenshot("ui-smoke-notice-recorded.png")


IMPORT_PROVIDER = "Wizard Lane Care CIC"
IMPORT_ROWS = [
    ("Reference", "Title", "Service", "Provider", "Start date", "End date", "Term",
     "Annual value"),
    ("IMP-001", "Carers' breaks north", CYCLE_SERVICE, IMPORT_PROVIDER, "01/04/2024",
     "31/03/2027", "3+1", "£12000"),
    ("IMP-002", "Carers' breaks south", CYCLE_SERVICE, IMPORT_PROVIDER, "1 Apr 2024",
     "31/03/2027", "3+1", "£9500"),
    ("IMP-003", "Carers' breaks east", CYCLE_SERVICE, IMPORT_PROVIDER, "31/02/2024",
     "31/03/2027", "3", "£8000"),
    ("IMP-004", "Carers' breaks west", CYCLE_SERVICE, IMPORT_PROVIDER, "2024-04-01",
     "31/03/2027", "3", "£7000"),
]
BAD_CELL = "E4"  # the start date of IMP-003, the fourth line of the file


def write_csv(path, rows):
    import csv
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)


def dialog_key(keys):
    """Types keys into the import dialog, which has a window of its own."""
    subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Import Contracts$",
                    "windowfocus", "--sync", "key", keys], check=True)


def enabled(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def app_frame(title):
    """The application on the bus (a new process each launch), and its
    window called @title."""
    desktop = pyatspi.Registry.getDesktop(0)
    app = wait_for("the application on the accessibility bus",
                   lambda: next(a for a in desktop if a is not None and a.name == "commissioner"))
    return app, wait_for(f"the window {title!r}",
                         lambda: next(w for w in find_all(app, "frame") if w.name == title))


def import_register(work, portfolio, env):
    """Opens the import wizard on a file that cannot be read, then on a
    register with a bad date: the check names the cell and holds Import
    back until the row is excluded, and the import writes the rest."""
    broken = os.path.join(work, "broken.csv")
    with open(broken, "wb") as out:
        out.write(b"Reference,Title\nIMP-9,\xff\xfe caf\xe9\n")
    process = launch(portfolio, env, "--import-wizard", broken)
    try:
        app, dialog = app_frame("Import Contracts")
        wait_for("the reading error", lambda: find(
            dialog, "label", "“broken.csv” Could Not Be Read"))
        message = wait_for("the reason", lambda: next(
            label for label in find_all(dialog, "label") if "UTF-8" in label.name))
        print("a file that is not UTF-8 says:", message.name)
        time.sleep(0.5)
        screenshot("ui-smoke-import-file.png")
    finally:
        process.terminate()
        process.wait(timeout=10)

    register = os.path.join(work, "register.csv")
    write_csv(register, IMPORT_ROWS)
    before = sql(portfolio, "SELECT count(*) FROM audit")
    process = launch(portfolio, env, "--import-wizard", register)
    try:
        check_import(portfolio, register, before)
    finally:
        process.terminate()
        process.wait(timeout=10)


def check_import(portfolio, register, audit_before):
    app, dialog = app_frame("Import Contracts")
    start = wait_for("the start date column's field", lambda: find(
        dialog, "combo box", "Field for column E, “Start date”"))
    if state_of(start) != "Start date":
        fail(f"the Start date column was not recognised: {state_of(start)!r}")
    time.sleep(0.5)
    screenshot("ui-smoke-import-columns.png")
    if sql(portfolio, "SELECT count(*) FROM contract WHERE reference LIKE 'IMP-%'") != "0":
        fail("contracts were written before Import was pressed")

    press(wait_for("the Next button", lambda: find_button(dialog, "Next")))
    problem = wait_for(f"the problem in {BAD_CELL}", lambda: next(
        label for label in find_all(dialog, "label") if label.name.startswith(BAD_CELL + ":")))
    print("the check reports:", problem.name)
    import_button = wait_for("the Import button", lambda: find_button(dialog, "Import"))
    if enabled(import_button):
        fail("Import is enabled while a row is invalid")
    if not any(IMPORT_PROVIDER in node.name for node in find_all(dialog, "label")):
        fail("the new provider is not listed before the import")
    time.sleep(0.5)
    screenshot("ui-smoke-import-check.png")

    # GTK 4.8 offers no action on a check box: use its access key, as a
    # keyboard user would.
    exclude = wait_for("the Exclude check", lambda: find(dialog, "check box", "Exclude row 4"))
    dialog_key("alt+e")
    wait_for("the row excluded", lambda: exclude.getState().contains(pyatspi.STATE_CHECKED))
    wait_for("Import enabled", lambda: enabled(import_button))
    time.sleep(0.5)
    screenshot("ui-smoke-import-excluded.png")
    press(import_button)

    # The toast goes after a few seconds: look for it first, past the lists.
    window = wait_for("the main window", lambda: next(
        w for w in find_all(app, "frame") if w.name != "Import Contracts"))
    toast = wait_for("the toast", lambda: next(
        label.name for label in find_all(window, "label", prune=TOAST_PRUNE)
        if label.name.startswith("Imported ")))
    screenshot("ui-smoke-import-done.png")
    if toast != "Imported 3 contracts":
        fail(f"the import's toast says {toast!r}")
    if sql(portfolio, "SELECT count(*) FROM contract WHERE reference LIKE 'IMP-%'") != "3":
        fail("the three good rows were not imported")
    if sql(portfolio, "SELECT count(*) FROM contract WHERE reference = 'IMP-003'") != "0":
        fail("the excluded row was imported")
    if sql(portfolio, "SELECT count(*) FROM contract c JOIN provider p ON p.id = c.provider_id"
                      f" WHERE p.name = '{IMPORT_PROVIDER}'") != "3":
        fail("the contracts are not held by the new provider")
    if sql(portfolio, f"SELECT count(*) FROM provider WHERE name = '{IMPORT_PROVIDER}'") != "1":
        fail("the new provider was not created once")
    name = os.path.basename(register)
    audited = sql(portfolio, f"SELECT count(*) FROM audit WHERE id > {audit_before}"
                             " AND entity = 'import_run' AND field = 'source'"
                             f" AND new_value LIKE '%{name}%'")
    if audited != "1":
        fail("the import left no audit row naming its file")
    print(f"the wizard imported 3 contracts, created {IMPORT_PROVIDER!r}, was audited, and"
          f" said {toast!r}")
    verify = subprocess.run([BINARY, "--verify-audit", "--portfolio", portfolio],
                            capture_output=True, text=True)
    if verify.returncode != 0:
        fail("the audit trail does not verify after the import: " + verify.stderr)


SCENARIO = "Negotiated savings, contract by contract"
SCENARIO_PROVIDER = "Leeds Mind"


def scenario_query(portfolio, query):
    """Reads the file with Python's own sqlite3, read-only, as another
    program would."""
    with sqlite3.connect(f"file:{portfolio}?mode=ro", uri=True) as db:
        return db.execute(query, (SCENARIO,)).fetchall()


def scenario_percents(portfolio):
    """The scenario's lines as {contract's provider: [percent, ...]}."""
    lines = collections.defaultdict(list)
    for provider, percent in scenario_query(
            portfolio, "SELECT p.name, l.percent FROM scenario_line l"
                       " JOIN scenario s ON s.id = l.scenario_id"
                       " JOIN contract c ON c.id = l.contract_id"
                       " JOIN provider p ON p.id = c.provider_id WHERE s.name = ?"):
        lines[provider].append(percent)
    return lines


def dialog_around(node, child_role, child_name):
    """The nearest ancestor of a control that also holds another one."""
    while node is not None and find(node, child_role, child_name) is None:
        node = node.parent
    return node


def response_button(node, label):
    """A dialog's response button, found from a control inside the dialog:
    named exactly, so "Set All Lines" is not "Set All Lines to…"."""
    while node is not None:
        for button in find_all(node, "push button"):
            if button.name.replace("_", "") in (label, f"{label} {label}"):
                return button
        node = node.parent
    return None


def set_spin(spin, value):
    """Sets a spin button through its accessible value, as assistive
    technology would."""
    spin.queryValue().currentValue = value
    time.sleep(0.3)
    if abs(spin.queryValue().currentValue - value) > 1e-9:
        fail(f"the spin button {spin.name!r} did not take {value}")


def reduce_by_provider(app, window, portfolio):
    """Adds one provider's contracts to a demo scenario at 10% with Add
    Contracts…, then sets every line to 15% with Set All Lines to…, and
    checks each change in the file and its audit trail."""
    show_section(window, "Reductions")
    search = wait_for("the scenarios search", lambda: find(window, "entry", "Search Reductions"))
    search.queryEditableText().setTextContents("Negotiated")
    time.sleep(1)
    before = scenario_percents(portfolio)
    if before.get(SCENARIO_PROVIDER):
        fail(f"the demo scenario should hold no contract of {SCENARIO_PROVIDER} yet")
    audit_before = len(scenario_query(portfolio, "SELECT id FROM audit WHERE entity = 'scenario_line'"
                                                 " AND ? IS NOT NULL"))

    press(wait_for("the Add Contracts button", lambda: find_button(window, "Add Contracts…")))
    choose = wait_for("the providers and services search",
                      lambda: in_dialogs(app, window, find, "entry",
                                         "Search providers and services"))
    dialog = dialog_around(choose, "list", "Providers and services")
    choose.queryEditableText().setTextContents(SCENARIO_PROVIDER)
    time.sleep(0.6)
    row = wait_for("the provider in the list", lambda: next(
        label for label in find_all(find(dialog, "list", "Providers and services"), "label",
                                    SCENARIO_PROVIDER)))
    click(row)
    summary = wait_for("what the choice adds", lambda: next(
        label.name for label in find_all(dialog, "label") if label.name.startswith("Adds ")))
    print(f"the dialog says {summary!r}")
    set_spin(find(dialog, "spin button", "Reduction (%)"), 10)
    time.sleep(0.5)
    screenshot("ui-smoke-add-contracts.png")
    press(wait_for("the Add Contracts response", lambda: response_button(dialog, "Add Contracts")))
    wait_for("the provider's lines in the file",
             lambda: scenario_percents(portfolio).get(SCENARIO_PROVIDER))
    added = scenario_percents(portfolio)[SCENARIO_PROVIDER]
    contracts = scenario_query(portfolio, "SELECT count(*) FROM contract c JOIN provider p"
                                          " ON p.id = c.provider_id WHERE p.name = 'Leeds Mind'"
                                          " AND ? IS NOT NULL")[0][0]
    if len(added) != contracts or set(added) != {10}:
        fail(f"{SCENARIO_PROVIDER}'s {contracts} contracts should be in at 10%: {added}")
    if f"{len(added)} contracts" not in summary:
        fail(f"the dialog promised otherwise: {summary!r}")
    audited = scenario_query(portfolio, "SELECT count(*) FROM audit WHERE entity = 'scenario_line'"
                                        " AND field = 'percent' AND new_value = '10'"
                                        " AND old_value IS NULL AND actor NOT LIKE '%“Demo portfolio generator”'"
                                        " AND ? IS NOT NULL")[0][0]
    if audited != len(added):
        fail(f"adding {len(added)} lines left {audited} audit rows")
    toast = wait_for("the toast", lambda: next(
        label for label in find_all(window, "label", prune=TOAST_PRUNE)
        if label.name.startswith(f"Added {len(added)} contracts")))
    print(f"{toast.name!r}; {audited} audited lines")
    screenshot("ui-smoke-contracts-added.png")

    press(wait_for("the Set All Lines button", lambda: find_button(window, "Set All Lines to…")))
    spin = wait_for("the percentage",
                    lambda: in_dialogs(app, window, find, "spin button", "Reduction (%)"))
    set_spin(spin, 15)
    screenshot("ui-smoke-set-all-lines.png")
    press(wait_for("the Set All Lines response", lambda: response_button(spin, "Set All Lines")))
    wait_for("every line at 15%", lambda: {p for ps in scenario_percents(portfolio).values()
                                            for p in ps} == {15})
    changed = scenario_query(portfolio, "SELECT count(*) FROM audit WHERE entity = 'scenario_line'"
                                        " AND field = 'percent' AND new_value = '15'"
                                        " AND old_value IS NOT NULL AND ? IS NOT NULL")[0][0]
    was_15 = sum(1 for ps in before.values() for p in ps if p == 15)
    total = sum(len(ps) for ps in scenario_percents(portfolio).values())
    if changed != total - was_15:
        fail(f"setting {total} lines to 15% should audit {total - was_15} changes, not {changed}")
    wait_for("the blanket warning", lambda: find(window, "label", "⚠ A blanket reduction"))
    print(f"every one of {total} lines set to 15%, {changed} changes audited;"
          " the scenario is named a blanket reduction")
    time.sleep(1)
    screenshot("ui-smoke-lines-set.png")


if __name__ == "__main__":
    main()
