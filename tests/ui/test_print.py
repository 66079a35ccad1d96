#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Reports and deadlines out of the real window: Export PDF… on the
Deadlines page through the file chooser, read back with pdftotext and
pdfinfo against the headless report; Print… (Ctrl+P) showing the print
dialog; the Deadlines page's Export to Calendar… button, its calendar
parsed with icalendar against --deadlines --format csv; a decommission's
page's own Export PDF… button; and the desktop notification of deadlines
due soon, sent on start-up to a stand-in notification server whose
default action then opens the contract.

    with-display.sh python3 test_print.py COMMISSIONER OUTPUT_DIR
"""
import csv
import io
import json
import os
import signal
import subprocess
import sys

import icalendar
import pyatspi
from gi.repository import Gio, GLib

from common import TODAY, Failure, Session, find, find_button, find_label, has_state, press, \
    press_ready, set_text, text_of, wait_for, walk

PORTFOLIO_NAME = "Leeds health and social care (demo)"
DECOMMISSIONED = "Vulnerable Groups"  # the demo's decommissioned service
HERE = os.path.dirname(os.path.abspath(__file__))
APP_ID = "io.github.commissionerapp.Commissioner"
APP_PATH = "/" + APP_ID.replace(".", "/")


def headless(session, *args):
    result = subprocess.run([session.binary, *args, "--portfolio", session.portfolio,
                             "--today", TODAY], env=session.env, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(next(line.split(":")[1] for line in info.splitlines()
                    if line.startswith("Pages:")))


# ---- the stand-in notification server -----------------------------------------

def start_notification_server(session):
    log = os.path.join(session.work, "notifications.jsonl")
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_notifications.py"), log])
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    def owned():
        reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus", "NameHasOwner",
                              GLib.Variant("(s)", ("org.freedesktop.Notifications",)),
                              None, Gio.DBusCallFlags.NONE, -1, None)
        return reply.unpack()[0]
    wait_for("the stand-in notification server on the bus", owned)
    return server, log


def calls(log, method):
    if not os.path.exists(log):
        return []
    with open(log, encoding="utf-8") as lines:
        return [call for call in map(json.loads, lines) if call["method"] == method]


def due_soon(session):
    """The notices and extension decisions due soon, as the command line lists them."""
    rows = csv.DictReader(io.StringIO(headless(session, "--deadlines", "--format", "csv")))
    return [row for row in rows if row["status"] == "due-soon"
            and row["kind"] in ("notice", "extension-decision")]


def check_notification(session, log):
    due = due_soon(session)
    if not due:
        raise Failure("the demo has no notice or extension decision due soon to tell of")
    sent = wait_for("the notification of deadlines due soon", lambda: calls(log, "Notify"))
    if len(sent) != 1:
        raise Failure(f"{len(sent)} notifications were sent on start-up, not one")
    note = sent[0]
    expected = f"{len(due)} notices or extension decisions due within"
    if not note["summary"].startswith(expected):
        raise Failure(f"the notification says {note['summary']!r}, not {expected!r}…")
    named = [row["reference"] for row in due if row["reference"] in note["body"]]
    if not named or due[0]["reference"] not in note["body"]:
        raise Failure(f"the notification's body names none of the due contracts: {note['body']!r}")
    if "default" not in note["actions"][::2]:
        raise Failure(f"the notification has no default action: {note['actions']}")
    session.log(f"notified: {note['summary']!r}, naming {sorted(set(named))}")
    return due[0]["reference"]


def selected_contract(page):
    table = find(page, "tree table", "Contracts")
    rows = find(table, "list") if table else None
    for row in rows or []:
        if row is not None and has_state(row, pyatspi.STATE_SELECTED):
            return " ".join(n.name for n in walk(row) if n.getRoleName() == "label")
    return None


def open_from_notification(session, server, reference):
    session.show_section("Overview")
    server.send_signal(signal.SIGUSR1)
    page = session.page("Contracts")
    wait_for(f"the contract {reference} chosen in Contracts",
             lambda: reference in (selected_contract(page) or ""))
    session.log(f"the notification's default action opened {reference}")


# ---- PDF, print and calendar -----------------------------------------------------

def menu_item(session, label, screenshot=None):
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    item = wait_for(f"the {label} item", lambda: find(menu, "menu item", label))
    if screenshot:
        session.screenshot(screenshot)
    press_ready(f"the {label} item", lambda: item)


def save_through(session, title, path, suggested):
    chooser = session.frame(title)
    name = wait_for("the file name field", lambda: find(chooser, "text", "Name:"))
    offered = wait_for("a suggested name", lambda: text_of(name))
    if offered != suggested:
        raise Failure(f"the chooser suggests {offered!r}, not {suggested!r}")
    set_text(name, path)
    wait_for("the path in the name field", lambda: text_of(name) == path)
    press(find_button(chooser, "Export"))
    session.frame_closed(title)


def export_pdf(session):
    session.show_section("Deadlines")
    menu_item(session, "Export PDF…", screenshot="menu")
    pdf = os.path.join(session.work, "deadlines.pdf")
    save_through(session, "Export PDF", pdf, f"Deadlines schedule {TODAY}.pdf")
    toast = session.toast("the PDF's toast", lambda text: text.startswith("Exported to"))
    if toast != "Exported to “deadlines.pdf”":
        raise Failure(f"the PDF's toast says {toast!r}")
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True,
                          text=True).stdout
    if "Deadlines schedule" not in text or PORTFOLIO_NAME not in text:
        raise Failure(f"the PDF's title page says {text!r}")
    # The same report as the command line's, page for page.
    reference = os.path.join(session.work, "headless.pdf")
    headless(session, "--report", "deadlines", "--output", reference)
    if pdf_pages(pdf) != pdf_pages(reference):
        raise Failure(f"the PDF has {pdf_pages(pdf)} pages, the headless one {pdf_pages(reference)}")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", pdf,
                    os.path.join(session.output, "ui-print-deadlines-page")], check=False)
    session.log(f"Export PDF… wrote the deadlines schedule, {pdf_pages(pdf)} pages")


def export_decommission_pdf(session):
    """On a decommission's page, its own Export PDF… button saves that
    service's decommissioning record, and names it to a screen reader."""
    records = session.show_section("Decommissions")
    session.search(records, "Decommissions", DECOMMISSIONED)
    press_ready("the Open Decommission button",
                lambda: find_button(records, "Open Decommission"))
    page = session.page("CmDecommissionPage")
    wait_for("the decommission's steps", lambda: find(page, "push button", "Show the Steps step"))
    title = f"Decommissioning record: {DECOMMISSIONED}"
    wait_for("the page's Print… button", lambda: find_button(page, f"Print “{title}”…"))
    button = wait_for("the page's Export PDF… button",
                      lambda: find_button(page, f"Export PDF of “{title}”…"))
    session.screenshot("decommission-buttons")
    press_ready("the page's Export PDF… button", lambda: button)
    pdf = os.path.join(session.work, "decommission.pdf")
    save_through(session, "Export PDF", pdf, f"{title.replace(':', '-')} {TODAY}.pdf")
    session.toast("the PDF's toast", lambda text: text == "Exported to “decommission.pdf”")
    text = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"],
                                   capture_output=True, text=True).stdout.split())
    if title not in text or PORTFOLIO_NAME not in text:
        raise Failure(f"the decommission's PDF begins {text!r}")
    session.log(f"Export PDF… on a decommission's page wrote {title!r}")


def export_eia_pdf(session):
    """On an assessment's page, Export PDF… saves its service's EIAs."""
    service = session.sql("SELECT s.name FROM eia e JOIN service s ON s.id = e.service_id "
                          "WHERE s.name LIKE '%advocacy%' LIMIT 1")
    records = session.show_section("Assessments (EIAs)")
    session.search(records, "EIAs", "advocacy")
    press_ready("the Open Assessment button", lambda: find_button(records, "Open Assessment"))
    page = session.page("CmEiaPage")
    wait_for("the assessment's steps", lambda: find(page, "label", "Characteristics"))
    title = f"Equality impact assessments: {service}"
    for name in (f"Print “{title}”…", f"Export PDF of “{title}”…"):
        wait_for(f"the page's {name} button", lambda: find_button(page, name))
    session.screenshot("eia-buttons")
    # The main menu's item does the same for the page in view.
    menu_item(session, "Export PDF…")
    pdf = os.path.join(session.work, "eia.pdf")
    save_through(session, "Export PDF", pdf, f"{title.replace(':', '-')} {TODAY}.pdf")
    session.toast("the PDF's toast", lambda text: text == "Exported to “eia.pdf”")
    text = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"],
                                   capture_output=True, text=True).stdout.split())
    if title not in text or PORTFOLIO_NAME not in text:
        raise Failure(f"the assessment's PDF begins {text!r}")
    session.log(f"Export PDF… on an assessment's page wrote {title!r}")


def no_report_here(session):
    """Ctrl+P on a page without a report says where the reports are."""
    session.show_section("Overview")
    session.key("ctrl+p")
    session.toast("the toast saying the page has no report",
                  lambda text: text.startswith("This page has no report:"))
    session.log("Ctrl+P on the Overview says where reports are")


def six_monthly_from_reports(session):
    """Reports in the main menu prints the six-monthly report: its print
    dialog, or, in a build without that report, the core's message naming it."""
    menu = wait_for("the main menu", lambda: find_button(session.frame_around_pages(),
                                                         "Main Menu", pages=False))
    press(menu)
    press_ready("the Reports item", lambda: find(menu, "menu item", "Reports"))
    press_ready("the six-monthly report's Print item", lambda: find(
        menu, "menu item", "Print Six-Monthly Progress Report…"))

    def outcome():
        dialog = next((w for w in session.app if w is not None and w.name == "Print"), None)
        if dialog is not None:
            return ("dialog", dialog)
        toast = find_label(session.window, lambda t: "six-monthly" in t, pages=False)
        return ("toast", toast.name) if toast else None
    kind, what = wait_for("the print dialog or a message naming the report", outcome)
    if kind == "dialog":
        press(wait_for("the print dialog's Cancel button", lambda: find_button(what, "Cancel")))
        session.frame_closed("Print")
    session.log(f"Reports → six-monthly → Print… gave the {kind}"
                + (f" {what!r}" if kind == "toast" else ""))


def open_print_dialog(session):
    session.show_section("Deadlines")
    session.key("ctrl+p")
    dialog = session.frame("Print")
    wait_for("the print dialog's Print button", lambda: find_button(dialog, "Print"))
    return dialog


def print_dialog(session):
    dialog = open_print_dialog(session)
    session.screenshot("dialog")
    press(wait_for("the print dialog's Cancel button", lambda: find_button(dialog, "Cancel")))
    session.frame_closed("Print")
    session.log("Ctrl+P showed the print dialog, and Cancel closed it")


def print_to_file(session, reverse=False):
    """Printed through GTK's Print to File, the pages are the PDF's: the
    same titles, as many pages. Reversed, GTK asks for the last page
    first, and each page after it is one the drawing has passed."""
    dialog = open_print_dialog(session)
    printer = wait_for("the Print to File printer", lambda: next(
        n for n in walk(dialog, prune=()) if n.getRoleName() == "label"
        and n.name == "Print to File"))
    session.click(printer)
    if reverse:
        box = wait_for("the Reverse check box", lambda: next(
            n for n in walk(dialog, prune=()) if n.getRoleName() == "check box"
            and n.name.replace("_", "") == "Reverse"))
        session.click(box)
        wait_for("Reverse ticked", lambda: has_state(box, pyatspi.STATE_CHECKED))
    press_ready("the print dialog's Print button", lambda: find_button(dialog, "Print"))
    session.frame_closed("Print")

    def printed():
        for folder, _, files in os.walk(session.work):
            for name in files:
                path = os.path.join(folder, name)
                if name.startswith("output") and name.endswith(".pdf") and pdf_ok(path):
                    return path
        return None
    path = wait_for("the printed file", printed)
    reference = os.path.join(session.work, "headless.pdf")
    n = pdf_pages(path)
    if n != pdf_pages(reference):
        raise Failure(f"{n} pages printed, {pdf_pages(reference)} in the PDF")
    footers = [" ".join(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"],
                                       capture_output=True, text=True).stdout.split())
               for p in range(1, n + 1)]
    order = range(n, 0, -1) if reverse else range(1, n + 1)
    for sheet, number in zip(footers, order):
        if f"Page {number} of {n}" not in sheet:
            raise Failure(f"a printed sheet should be page {number} of {n}: {sheet[-80:]!r}")
    title_page = footers[-1 if reverse else 0]
    if "Deadlines schedule" not in title_page or PORTFOLIO_NAME not in title_page:
        raise Failure(f"the printed title page says {title_page!r}")
    if not reverse:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", path,
                        os.path.join(session.output, "ui-print-printed-page")], check=False)
    # Out of the way of the next print, which writes the same name.
    os.rename(path, path + (".reversed" if reverse else ".printed"))
    session.log(f"printed to a file{', reversed' if reverse else ''}: {n} pages, as the PDF has")


def pdf_ok(path):
    return subprocess.run(["pdfinfo", path], capture_output=True).returncode == 0


def export_calendar(session):
    """The Deadlines page's own Export to Calendar… button."""
    session.show_section("Deadlines")
    page = session.page("Deadlines")
    wait_for("the page's Print… button",
             lambda: find_button(page, "Print “Deadlines schedule”…"))
    wait_for("the page's Export PDF… button",
             lambda: find_button(page, "Export PDF of “Deadlines schedule”…"))
    button = wait_for("the page's Export to Calendar… button",
                      lambda: find_button(page, "Export Deadlines to Calendar…"))
    session.screenshot("deadlines-buttons")
    press_ready("the page's Export to Calendar… button", lambda: button)
    path = os.path.join(session.work, "deadlines.ics")
    save_through(session, "Export to Calendar", path, f"{PORTFOLIO_NAME} deadlines.ics")
    session.toast("the calendar's toast", lambda text: text == "Deadlines exported to “deadlines.ics”")
    with open(path, "rb") as source:
        calendar = icalendar.Calendar.from_ical(source.read())
    events = sorted((str(e["SUMMARY"]), e.decoded("DTSTART").isoformat())
                    for e in calendar.walk("VEVENT"))
    rows = csv.DictReader(io.StringIO(headless(session, "--deadlines", "--format", "csv")))
    dated = sorted(row["date"] for row in rows if row["date"])
    if sorted(date for _, date in events) != dated:
        raise Failure(f"the calendar has {len(events)} events; the deadlines {len(dated)} dates")
    session.log(f"Export to Calendar… wrote {len(events)} events, one for each dated row")


def documents_folder(session):
    """Print to File writes to the Documents folder: the session's own."""
    folder = os.path.join(session.work, "Documents")
    os.makedirs(folder)
    with open(os.path.join(session.work, "config", "user-dirs.dirs"), "w",
              encoding="utf-8") as out:
        out.write(f'XDG_DOCUMENTS_DIR="{folder}"\n')


def replace_asked(session):
    """A name typed without .pdf that exists once .pdf is added: the
    chooser never asked about it, so the window asks before replacing it,
    and Cancel leaves the file as it was."""
    existing = os.path.join(session.work, "again.pdf")
    with open(existing, "wb") as out:
        out.write(b"kept")
    heading = "Replace \u201cagain.pdf\u201d?"
    for answer in ("Cancel", "Replace"):
        session.show_section("Deadlines")
        menu_item(session, "Export PDF\u2026")
        save_through(session, "Export PDF", existing[:-len(".pdf")],
                     f"Deadlines schedule {TODAY}.pdf")
        question = wait_for(f"the question {heading!r}", lambda: session.in_dialogs(
            lambda top: top if find_label(top, lambda text: text == heading, pages=False)
            else None))
        if answer == "Cancel":
            session.screenshot("replace")
        press_ready(f"the question's {answer} button", lambda: find_button(question, answer))
        wait_for("the question to close", lambda: not session.in_dialogs(
            lambda top: find_label(top, lambda text: text == heading, pages=False)))
        if answer == "Cancel":
            with open(existing, "rb") as kept:
                if kept.read() != b"kept":
                    raise Failure("the PDF replaced a file although the question was cancelled")
    session.toast("the PDF's toast", lambda text: text == "Exported to \u201cagain.pdf\u201d")
    if not pdf_ok(existing):
        raise Failure("Replace did not write the PDF over the old file")
    session.log("a name without .pdf that exists asked before replacing; Cancel kept the file")


def notification_for_gone_portfolio(session):
    """An old notification's action, for a portfolio deleted since, says
    the file is gone and creates no empty portfolio in its place."""
    gone = os.path.join(session.work, "gone" + os.path.splitext(session.portfolio)[1])
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    target = GLib.Variant("(ayx)", (os.fsencode(gone) + b"\0", 1))
    bus.call_sync(APP_ID, APP_PATH, "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", ("open-contract", [target], {})),
                  None, Gio.DBusCallFlags.NONE, -1, None)

    def told():
        for top in session.app:
            if top is not None and top.getRoleName() == "frame":
                label = find_label(top, lambda text: "is no longer there" in text, pages=False)
                if label is not None:
                    return label.name
        return None
    message = wait_for("the message that the portfolio is gone", told)
    if os.path.exists(gone):
        raise Failure(f"opening a gone portfolio from its notification created {gone}")
    session.log(f"a notification for a deleted portfolio said {message!r}, and made no file")


def main():
    with Session("print") as session:
        documents_folder(session)
        server, log = start_notification_server(session)
        try:
            session.launch()
            reference = check_notification(session, log)
            open_from_notification(session, server, reference)
            export_pdf(session)
            print_dialog(session)
            print_to_file(session)
            print_to_file(session, reverse=True)
            export_calendar(session)
            replace_asked(session)
            export_decommission_pdf(session)
            export_eia_pdf(session)
            no_report_here(session)
            six_monthly_from_reports(session)
            notification_for_gone_portfolio(session)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
