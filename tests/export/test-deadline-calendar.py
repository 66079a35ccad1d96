# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""--deadlines --format ics and json: read back with a real iCalendar parser
and json, and matched row for row, date for date, against --format csv."""
import csv
import datetime
import io
import json
import os
import shutil
import sys
import tempfile

import icalendar

import portfolio as portfolios
from tap import check, finish, run

KINDS = ["extension-decision", "procurement-notice", "notice", "end"]
TODAY = "2026-11-22"


def deadlines(portfolio, fmt, today=TODAY, *extra):
    result = run("--deadlines", "--portfolio", portfolio, "--today", today, "--format", fmt, *extra)
    check(f"--deadlines --format {fmt} exits 0", result.returncode == 0, result.stderr)
    return result


def uid_parts(uid):
    """contract-ID-KIND[-NOTICE]-KEY@commissioner -> (ID, KIND, NOTICE)."""
    body = uid.split("@")[0][len("contract-"):]
    contract_id, rest = body.split("-", 1)
    for kind in KINDS:
        if rest.startswith(kind + "-"):
            tail = rest[len(kind) + 1:].rsplit("-", 1)
            return contract_id, kind, tail[0] if len(tail) == 2 else ""
    raise ValueError(uid)


def raw_lines(data):
    """The physical lines, checked for CRLF ends and the 75-octet limit."""
    lines = data.split(b"\r\n")
    check("the calendar ends in CRLF", lines[-1] == b"")
    check("no bare line feed", all(b"\n" not in line for line in lines))
    long = [line for line in lines if len(line) > 75]
    check("no line is longer than 75 octets", not long, long[:2])
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    return lines


def check_calendar(ics_bytes, rows, what):
    raw_lines(ics_bytes)
    calendar = icalendar.Calendar.from_ical(ics_bytes)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    dated = [r for r in rows if r["date"]]
    undated = len(rows) - len(dated)
    check(f"{what}: one event per dated row ({len(dated)})", len(events) == len(dated),
          f"{len(events)} events")
    mismatches = []
    for row, event in zip(dated, events):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        _, kind, notice = uid_parts(str(event["UID"]))
        summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
        if (start.isoformat() != row["date"] or type(start) is not datetime.date
                or end - start != datetime.timedelta(days=1) or kind != row["kind"]
                or notice != row["notice"] or row["reference"] not in summary
                or row["provider"] not in summary or row["title"] not in summary
                or "Status: " not in description):
            mismatches.append((row, start, kind, summary))
    check(f"{what}: every event matches its CSV row date for date", not mismatches,
          mismatches[:2])
    uids = [str(e["UID"]) for e in events]
    check(f"{what}: UIDs are unique", len(set(uids)) == len(uids))
    alarms = [a for e in events for a in e.walk() if a.name == "VALARM"]
    check(f"{what}: every event has a reminder 14 days before",
          len(alarms) == len(events) and
          all(a.decoded("TRIGGER") == datetime.timedelta(days=-14) for a in alarms))
    description = str(calendar.get("X-WR-CALDESC", ""))
    if undated:
        check(f"{what}: the description counts the {undated} dates left out",
              (f"{undated} date is not known" if undated == 1 else
               f"{undated} dates are not known") in description, description)
    else:
        check(f"{what}: the description mentions no dates left out",
              "not known" not in description, description)
    return events


def csv_rows(portfolio, today=TODAY):
    return list(csv.DictReader(io.StringIO(deadlines(portfolio, "csv", today).stdout,
                                           newline="")))


def main():
    work = tempfile.mkdtemp()
    demo = portfolios.new(work, "demo")
    run("--create-demo", demo, "--today", TODAY)

    rows = csv_rows(demo)
    check("the demo has dated rows", any(r["date"] for r in rows))
    ics = os.path.join(work, "deadlines.ics")
    deadlines(demo, "ics", TODAY, "--output", ics)
    data = open(ics, "rb").read()
    events = check_calendar(data, rows, "demo")
    printed = deadlines(demo, "ics").stdout
    check("printing gives the same events as --output",
          printed.count("BEGIN:VEVENT") == len(events))

    # A later day: the UIDs of the rows still there stay the same.
    later_rows = csv_rows(demo, "2027-01-15")
    later = icalendar.Calendar.from_ical(deadlines(demo, "ics", "2027-01-15").stdout.encode())
    later_uids = {str(e["UID"]) for e in later.walk("VEVENT")}
    uids = {str(e["UID"]) for e in events}
    check("UIDs are stable from one export to the next", len(uids & later_uids) > len(uids) // 2,
          f"{len(uids & later_uids)} of {len(uids)}")
    later_ics = os.path.join(work, "later.ics")
    deadlines(demo, "ics", "2027-01-15", "--output", later_ics)
    check_calendar(open(later_ics, "rb").read(), later_rows, "later")

    # Commas, semicolons, backslashes and long UTF-8 titles come back whole.
    register = os.path.join(work, "odd.csv")
    title = "Carers’ support; respite, breaks \\ and a very long title — ünïcödé " * 3
    with open(register, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Reference", "Title", "Provider", "Commissioner", "Start date",
                         "End date", "Notice period"])
        writer.writerow(["ODD-1", title.strip(), "Ærø, Smith; & Co", "Adult Social Care",
                         "01/04/2024", "31/03/2028", "3 months"])
        writer.writerow(["ODD-2", "No notice period", "Alpha Care", "Adult Social Care",
                         "01/04/2024", "31/03/2028", ""])
    odd = portfolios.new(work, "odd")
    result = run("--import", register, "--portfolio", odd)
    check("the odd register imports", result.returncode == 0, result.stderr)
    odd_rows = csv_rows(odd)
    check("the odd portfolio has a row without a date", any(not r["date"] for r in odd_rows))
    odd_ics = os.path.join(work, "odd.ics")
    deadlines(odd, "ics", TODAY, "--output", odd_ics)
    odd_events = check_calendar(open(odd_ics, "rb").read(), odd_rows, "odd")
    check("a title with , ; \\ and UTF-8 survives escaping and folding",
          any(title.strip() in str(e["SUMMARY"]) for e in odd_events))

    # JSON: the same rows, dates null where unknown.
    document = json.loads(deadlines(demo, "json").stdout)
    got = [(d["reference"], d["kind"], d["date"] or "", d["status"], d["notice"] or "")
           for d in document["deadlines"]]
    want = [(r["reference"], r["kind"], r["date"], r["status"], r["notice"]) for r in rows]
    check("json holds the CSV's rows in order", got == want, (got[:2], want[:2]))
    check("json counts the undated rows",
          document["undated"] == sum(1 for r in rows if not r["date"]))
    check("json names the day", document["today"] == TODAY)

    # Empty portfolio: a valid calendar with no events.
    empty_register = os.path.join(work, "empty.csv")
    open(empty_register, "w").write("Reference,Title\n")
    empty = portfolios.new(work, "empty")
    run("--import", empty_register, "--portfolio", empty)
    if portfolios.exists(empty):
        cal = icalendar.Calendar.from_ical(deadlines(empty, "ics").stdout.encode())
        check("an empty portfolio gives a calendar with no events", not cal.walk("VEVENT"))

    bad = run("--deadlines", "--portfolio", demo, "--format", "ical")
    check("an unknown format is refused with exit 2", bad.returncode == 2)
    check("the refusal names the format and the choices",
          "ical" in bad.stderr and "ics" in bad.stderr and "json" in bad.stderr, bad.stderr)
    if not portfolios.skip_on_server(check, "--output refuses the portfolio itself",
                                     "a server's portfolio is no file to write over"):
        own = run("--deadlines", "--portfolio", demo, "--format", "ics", "--output", demo)
        check("--output refuses the portfolio itself", own.returncode == 1, own.stderr)
    shutil.rmtree(work, ignore_errors=True)
    return finish()


sys.exit(main())
