# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""--report six-monthly and --report community-committees read back with
pdftotext and pdfinfo, their figures against SQL queries on the same
portfolio; and the Community Committee column of the workbook's Services sheet
read back with openpyxl."""
import calendar
import collections
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

import portfolio as portfolios
from tap import check, finish, run

TODAY = "2026-11-22"
PORTFOLIO = "Leeds health and social care (demo)"
COMMITTEES = {
    "inner-east": "Inner East", "inner-north-east": "Inner North East",
    "inner-north-west": "Inner North West", "inner-south": "Inner South",
    "inner-west": "Inner West", "outer-east": "Outer East",
    "outer-north-east": "Outer North East", "outer-north-west": "Outer North West",
    "outer-south": "Outer South", "outer-west": "Outer West",
    "none": "Not assigned (city-wide)",
}


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages(path):
    n = int(pdfinfo(path)["Pages"])
    return [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), path, "-"],
                           capture_output=True, text=True).stdout for p in range(1, n + 1)]


def raw_text(path):
    out = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True).stdout
    return " ".join(out.split())


def report(work, portfolio, kind, name):
    path = os.path.join(work, name)
    result = run("--report", kind, "--output", path, "--portfolio", portfolio, "--today", TODAY)
    check(f"--report {kind} exits 0", result.returncode == 0, result.stderr)
    return path


def check_common(path, title, portfolio_name, head):
    info = pdfinfo(path)
    texts = pages(path)
    check(f"{title}: an A4 PDF", "595.276 x 841.89" in info.get("Page size", ""), info)
    check(f"{title}: the document's title", title in info.get("Title", ""), info.get("Title"))
    first = " ".join(texts[0].split())
    check(f"{title}: the title page names the report, portfolio, day and audit head",
          title in first and portfolio_name in first and "As on 22 November 2026" in first
          and head in first, first)
    numbered = [f"Page {i} of {len(texts)}" in text for i, text in enumerate(texts, 1)]
    check(f"{title}: every page is numbered, of {len(texts)} ({info.get('Pages')})",
          all(numbered) and len(texts) == int(info["Pages"]), numbered)
    return texts


def query(portfolio, sql, *args):
    return portfolios.query(portfolio, sql, args)


def money(pence):
    """As cm_money_format writes it: "£1,234,567" or "£1,234.50"."""
    text = f"£{pence // 100:,}"
    return text + (f".{pence % 100:02d}" if pence % 100 else "")


def standings(demo):
    """Each measure's service and standing: met, missed or none."""
    out = []
    for service_id, target, higher, latest in query(
            demo, "SELECT m.service_id, m.target, m.higher_is_better,"
                " (SELECT value FROM measure_value v WHERE v.measure_id = m.id"
                "  ORDER BY period DESC LIMIT 1) FROM measure m"):
        if latest is None:
            out.append((service_id, "none"))
        elif (latest >= target) if higher else (latest <= target):
            out.append((service_id, "met"))
        else:
            out.append((service_id, "missed"))
    return out


def add_months(day, months):
    """As g_date_add_months: the same day of the month, or its last."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# ---- six-monthly --------------------------------------------------------


def check_six_monthly(work, demo, head):
    path = report(work, demo, "six-monthly", "six-monthly.pdf")
    texts = check_common(path, "Six-monthly progress report", PORTFOLIO, head)
    first = " ".join(texts[0].split())
    check("the title page names the six months",
          "The six months from 23 May 2026 to 22 November 2026" in first, first)
    whole = "\n".join(texts)
    for heading in ("Performance and quality: measures", "Performance and quality: risks",
                    "Commissioning workforce",
                    "Shared intelligence: decommissions and their lessons",
                    "Shared intelligence: equality impact assessments reviewed"):
        check(f"the report has the section {heading}", heading in whole)

    counts = collections.Counter(s for _, s in standings(demo))
    n = sum(counts.values())
    check("the demo has measures on and off target", counts["met"] and counts["missed"], counts)
    words = (f"{n} measures: {counts['met']} on target, {counts['missed']} off target and "
             f"{counts['none']} with no value yet")
    check("the measures are counted as the file holds them", words in " ".join(whole.split()),
          words)
    table_pages = [t for t in texts if re.search(r"Service\s+Measure\s+Latest\s+Target", t)]
    listed = sum(len(re.findall(r"\b(On target|Off target|No value yet)\s*$", t, re.M))
                 for t in table_pages)
    check("every measure has a row in the table", listed == n, (listed, n))

    rag = collections.Counter()
    for (score,) in query(demo, "SELECT likelihood * impact FROM risk"):
        rag["red" if score >= 15 else "amber" if score >= 8 else "green"] += 1
    risks = (f"{sum(rag.values())} risks, highest score first: {rag['red']} red, "
             f"{rag['amber']} amber and {rag['green']} green")
    check("the risks are counted by rating", risks in " ".join(whole.split()), risks)

    today = datetime.date.fromisoformat(TODAY)
    training = collections.Counter()
    staff = query(demo, "SELECT name, eia_trained_on, refresher_months FROM staff")
    for _, trained, months in staff:
        if not trained:
            training["never"] += 1
        elif today < add_months(datetime.date.fromisoformat(trained), months):
            training["current"] += 1
        else:
            training["expired"] += 1
    check("the demo's staff include current, expired and untrained people",
          all(training[k] for k in ("current", "expired", "never")), training)
    staff_words = (f"EIA training of {len(staff)} members of staff on the day: "
                   f"{training['current']} current, {training['expired']} expired and "
                   f"{training['never']} never trained")
    check("the workforce's EIA training is counted", staff_words in " ".join(whole.split()),
          staff_words)
    raw = raw_text(path)
    missing = [name for name, _, _ in staff if name not in raw]
    check("every member of staff is listed", not missing, missing)

    first_day = "2026-05-23"
    open_or_recent = query(demo, "SELECT s.name, d.lessons FROM decommission d"
                               " JOIN service s ON s.id = d.service_id"
                               " WHERE d.completed_on = '' OR d.completed_on >= ?"
                               " OR d.decision_date >= ?", first_day, first_day)
    earlier = query(demo, "SELECT count(*) FROM decommission WHERE completed_on <> ''"
                        " AND completed_on < ? AND (decision_date = '' OR decision_date < ?)",
                    first_day, first_day)[0][0]
    for name, lessons in open_or_recent:
        check(f"the decommission of {name} is in the report with its lessons",
              name in raw and " ".join(lessons.split())[:60] in raw, lessons[:60])
    if earlier:
        check("earlier decommissions are counted, not listed",
              re.search(rf"\b{earlier} decommissions? completed before the six months",
                        " ".join(whole.split())) is not None, earlier)
    check("the demo has a decommission to report on", open_or_recent or earlier)

    reviews = query(demo, "SELECT s.name, e.reviewed_on, e.lessons FROM eia e"
                        " JOIN service s ON s.id = e.service_id WHERE e.reviewed_on <> ''")
    recent = [r for r in reviews if first_day <= r[1] <= TODAY]
    before = len(reviews) - len(recent)
    check("the demo has an EIA reviewed after its decommission", reviews)
    for name, _, lessons in recent:
        check(f"the review of {name}'s EIA is in the report with its lessons",
              name in raw and " ".join(lessons.split())[:60] in raw, lessons[:60])
    if before:
        check("earlier reviews are counted, not listed",
              re.search(rf"\b{before} reviews? made before the six months",
                        " ".join(whole.split())) is not None, before)
    if not recent:
        check("the report says no EIA was reviewed in the six months",
              "No equality impact assessment was reviewed after a decommission in the six "
              "months" in " ".join(whole.split()))


def check_completed_after_the_day(work, demo):
    """A decommission completed after the report's day is still under way
    on it: listed, never counted as completed before the six months."""
    done = query(demo, "SELECT s.name, d.decision_date, d.completed_on FROM decommission d"
                     " JOIN service s ON s.id = d.service_id WHERE d.completed_on <> ''"
                     " ORDER BY d.completed_on LIMIT 1")
    check("the demo has a completed decommission", done)
    if not done:
        return
    name, decided, completed = done[0]
    day = datetime.date.fromisoformat(completed) - datetime.timedelta(days=1)
    first = add_months(day, -6) + datetime.timedelta(days=1)
    check("its decision came before the six months ending the day before it completed",
          decided < first.isoformat(), (decided, first))
    path = os.path.join(work, "six-monthly-before.pdf")
    result = run("--report", "six-monthly", "--output", path, "--portfolio", demo,
                 "--today", day.isoformat())
    check("the six-monthly report on the eve of a completion is written",
          result.returncode == 0, result.stderr)
    whole = " ".join(raw_text(path).split()) if result.returncode == 0 else ""
    check(f"the decommission of {name}, completed after the day, is listed", name in whole)
    check("and is not counted as completed before the six months",
          "completed before the six months" not in whole, whole[-400:])


# ---- community committees -------------------------------------------------


# A contract the committees still pay for on the report's day: not
# decommissioned, no outcome recorded, started and not yet ended.
RUNNING = ("c.service_id = s.id AND c.decommissioned_on = '' AND c.outcome = 'none'"
           f" AND (c.start_date = '' OR c.start_date <= '{TODAY}')"
           f" AND (c.end_date = '' OR c.end_date >= '{TODAY}')")


def committee_figures(demo):
    """Per committee key: services, contracts, annual value, met, missed, none."""
    figures = {key: [0, 0, 0, 0, 0, 0] for key in COMMITTEES}
    of_service = {}
    for sid, key, contracts, value in query(
            demo, "SELECT s.id, s.community_committee,"
                f" (SELECT count(*) FROM contract c WHERE {RUNNING}),"
                " (SELECT coalesce(sum(annual_value), 0) FROM contract c"
                f"  WHERE {RUNNING}) FROM service s"):
        of_service[sid] = key
        row = figures[key]
        row[0] += 1
        row[1] += contracts
        row[2] += value
    for sid, standing in standings(demo):
        figures[of_service[sid]][3 + ["met", "missed", "none"].index(standing)] += 1
    return figures


def row_text(label, row):
    return (f"{label} {row[0]} {row[1]} {money(row[2])} {row[3]} {row[4]} {row[5]}")


def check_committees(work, demo, head):
    path = report(work, demo, "community-committees", "committees.pdf")
    title = "Performance by Community Committee area"
    texts = check_common(path, title, PORTFOLIO, head)
    figures = committee_figures(demo)
    totals = [sum(row[i] for row in figures.values()) for i in range(6)]
    running = RUNNING.replace("c.service_id = s.id AND ", "")
    check_total = query(demo, "SELECT count(*) FROM service")[0][0], \
        query(demo, f"SELECT count(*) FROM contract c WHERE {running}")[0][0], \
        query(demo, f"SELECT coalesce(sum(annual_value), 0) FROM contract c WHERE {running}")[0][0]
    ended = query(demo, "SELECT count(*) FROM contract")[0][0] - check_total[1]
    check("the committees' figures add up to the portfolio's running contracts",
          tuple(totals[:3]) == check_total, (totals, check_total))
    check("the demo has ended, re-let or decommissioned contracts the totals leave out",
          ended > 0, ended)
    assigned = [k for k in COMMITTEES if k != "none" and figures[k][0]]
    check("the demo assigns services to every one of the ten committees", len(assigned) == 10,
          assigned)
    check("and leaves the city-wide services unassigned", figures["none"][0] > 0)

    lines = [" ".join(line.split()) for text in texts for line in text.splitlines()]
    whole = " ".join(" ".join(texts).split())
    n, unassigned = totals[0], figures["none"][0]
    said = (f"The portfolio holds {n} service{'' if n == 1 else 's'}. " +
            (f"{unassigned} service is not" if unassigned == 1 else
             f"{unassigned} services are not") + " assigned to a Community Committee.")
    check("the summary counts the services and the unassigned ones, each in its own plural",
          said in whole, said)
    check("the summary says only the contracts running on the day are counted",
          "count only the contracts running on 22 November 2026" in whole)
    for key, label in COMMITTEES.items():
        check(f"the summary's row for {label} matches the file",
              row_text(label, figures[key]) in lines, row_text(label, figures[key]))
        check(f"{label} has a heading of its own", label in lines)
    check("the summary's total row matches the file", row_text("Total", totals) in lines,
          row_text("Total", totals))
    for key, label in COMMITTEES.items():
        row = figures[key]
        total = f"Total {row[1]} {money(row[2])} {row[3]} {row[4]} {row[5]}"
        check(f"{label}'s table ends in its total", total in lines, total)
    with_header = [bool(re.search(r"(Service|Community Committee)\s+(Services\s+)?Contracts"
                                  r"\s+Annual value", t)) for t in texts[1:] if "£" in t]
    check("every page of figures carries its table's header row",
          len(with_header) >= 2 and all(with_header), with_header)


# ---- the workbook column -------------------------------------------------


def check_workbook(work, demo):
    path = os.path.join(work, "demo.xlsx")
    result = run("--export", path, "--portfolio", demo, "--today", TODAY)
    check("the workbook is exported", result.returncode == 0, result.stderr)
    sheet = openpyxl.load_workbook(path, read_only=True)["Services"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    check("the Services sheet has a Community Committee column",
          "Community Committee" in header, header)
    if "Community Committee" not in header:
        return
    column = header.index("Community Committee")
    name = header.index("Name")
    got = collections.Counter((r[name], r[column]) for r in rows[1:] if r[name])
    wanted = collections.Counter((n, COMMITTEES[k]) for n, k in
                                 query(demo, "SELECT name, community_committee FROM service"))
    check("each service's committee is written as the file holds it", got == wanted,
          (got - wanted, wanted - got))


# ---- an empty portfolio ----------------------------------------------------


def check_empty(work):
    register = os.path.join(work, "one.csv")
    with open(register, "w") as f:
        f.write("Reference,Title,Provider,Commissioner\nE-1,One,Alpha,Adult Social Care\n")
    empty = portfolios.new(work, "empty")
    run("--import", register, "--portfolio", empty)
    run("--undo-import", "--portfolio", empty)
    head = run("--audit-head", "--portfolio", empty).stdout.strip()
    path = report(work, empty, "six-monthly", "empty-six-monthly.pdf")
    if os.path.exists(path):
        whole = " ".join("\n".join(check_common(path, "Six-monthly progress report",
                                                portfolios.name_of(empty), head)).split())
        check("an empty six-monthly report says each section has nothing",
              "No performance measure is recorded" in whole and "No risk is recorded" in whole
              and "No commissioning staff are recorded" in whole
              and "No service was decommissioned" in whole, whole[:400])
    path = report(work, empty, "community-committees", "empty-committees.pdf")
    if os.path.exists(path):
        texts = check_common(path, "Performance by Community Committee area",
                             portfolios.name_of(empty), head)
        check("an empty committees report says there are no services",
              "holds no services" in " ".join("\n".join(texts).split()))
        check("an empty report is two pages", len(texts) == 2, len(texts))


def main():
    work = tempfile.mkdtemp()
    demo = portfolios.new(work, "demo")
    run("--create-demo", demo, "--today", TODAY)
    head = run("--audit-head", "--portfolio", demo).stdout.strip()
    check_six_monthly(work, demo, head)
    check_completed_after_the_day(work, demo)
    check_committees(work, demo, head)
    check_workbook(work, demo)
    check_empty(work)

    missing = os.path.join(work, "missing.pdf")
    result = run("--report", "quarterly", "--output", missing, "--portfolio", demo)
    check("a report not known fails, naming it and the kinds there are",
          result.returncode != 0 and "quarterly" in result.stderr
          and "six-monthly" in result.stderr and "community-committees" in result.stderr,
          result.stderr)
    check("and no file is left", not os.path.exists(missing))
    keep = os.environ.get("CM_KEEP_REPORTS")
    if keep:
        for name in ("six-monthly.pdf", "committees.pdf", "empty-six-monthly.pdf",
                     "empty-committees.pdf"):
            shutil.copy(os.path.join(work, name), keep)
    shutil.rmtree(work, ignore_errors=True)
    return finish()


sys.exit(main())
