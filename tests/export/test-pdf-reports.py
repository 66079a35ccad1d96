# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""--report KIND --output FILE.pdf: the reports read back with pdftotext and
pdfinfo, their tables against --deadlines --format csv and the audit trail."""
import collections
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

import portfolio as portfolios
from tap import check, finish, run

TODAY = "2026-11-22"
DECOMMISSIONED = "Vulnerable Groups"  # the demo's decommissioned service


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages(path):
    """Each page's text, in reading order."""
    n = int(pdfinfo(path)["Pages"])
    return [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), path, "-"],
                           capture_output=True, text=True).stdout for p in range(1, n + 1)]


def raw_text(path):
    """The text in the order it was drawn: each cell's words together."""
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
    check(f"{title}: every page is numbered, of {len(texts)}", all(numbered), numbered)
    return texts


def check_deadlines(work, demo, head):
    rows = list(csv.DictReader(io.StringIO(run("--deadlines", "--portfolio", demo, "--today",
                                               TODAY, "--format", "csv").stdout)))
    path = report(work, demo, "deadlines", "deadlines.pdf")
    texts = check_common(path, "Deadlines schedule", "Leeds health and social care (demo)", head)
    check("the schedule runs over several pages", len(texts) >= 3, len(texts))
    with_header = [bool(re.search(r"Date\s+Status\s+What\s+Reference", t)) for t in texts[1:]]
    check("the table's header row repeats on every page", all(with_header), with_header)
    whole = "\n".join(texts)
    check("the summary counts the CSV's rows", f"{len(rows)} dates, most urgent first" in whole)
    statuses = collections.Counter(r["status"] for r in rows)
    labels = {"breached": "Breached", "overdue": "Overdue", "due-soon": "Due soon",
              "unknown": "Unknown", "ok": "OK"}
    for nick, label in labels.items():
        check(f"the summary counts {label} as the CSV does",
              f"{label}: {statuses.get(nick, 0)}" in whole, statuses)
    listed = collections.Counter(re.findall(r"\b[A-Z]{2,3}-\d{4}\b", "\n".join(texts[1:])))
    wanted = collections.Counter(r["reference"] for r in rows)
    check("every CSV row is in the table, as often", listed == wanted,
          (listed - wanted, wanted - listed))


def check_decommission(work, demo, head):
    path = report(work, demo, f"decommission:{DECOMMISSIONED}", "decommission.pdf")
    title = f"Decommissioning record: {DECOMMISSIONED}"
    texts = check_common(path, title, "Leeds health and social care (demo)", head)
    whole = "\n".join(texts)
    check("the record has its decision, steps and hash check",
          "Decision" in whole and "Every step" in whole and "Hash check" in whole)
    check("the hash check passes on the untouched demo",
          "verifies for every action" in whole and "does NOT verify" not in whole)
    count = re.search(r"(\d+) audited actions", whole)
    check("the record counts its actions", count and int(count.group(1)) > 10, count)
    step_pages = [t for t in texts if "Every step" in t or re.search(r"When\s+Who\s+Step", t)]
    with_header = [bool(re.search(r"When\s+Who\s+Step", t)) for t in step_pages]
    check("the steps run over pages, each with the header row",
          len(step_pages) >= 2 and all(with_header), with_header)
    check_timeline(demo, texts)


def check_timeline(demo, texts):
    """A service's report draws its contracts on one axis, as the service
    page does: each contract's row, the legend and the words under it."""
    references = [r for (r,) in portfolios.query(
        demo, "SELECT c.reference FROM contract c JOIN service s ON s.id = c.service_id "
              "WHERE s.name = ?", (DECOMMISSIONED,))]
    heading = "Timeline of the service’s contracts"
    number = next((i for i, t in enumerate(texts) if heading in t), None)
    check("the report has its contracts' timeline", number is not None)
    if number is None:
        return
    page = " ".join(texts[number].split())
    check("the service has contracts to draw", references, references)
    check("the timeline has a row for each of the service's contracts",
          all(r in page for r in references), (references, page))
    check("the timeline's legend names what it draws",
          "Initial period" in page and "Contract ends" in page, page)
    check("the words under the timeline describe it",
          "Today is 22 November 2026." in page, page)


def check_eia(work, demo, head):
    path = report(work, demo, f"eia:{DECOMMISSIONED}", "eia.pdf")
    title = f"Equality impact assessments: {DECOMMISSIONED}"
    texts = check_common(path, title, "Leeds health and social care (demo)", head)
    whole = raw_text(path)
    names = [n for (n,) in portfolios.query(
        demo, "SELECT c.name FROM eia_characteristic c JOIN eia e ON e.id = c.eia_id "
              "JOIN service s ON s.id = e.service_id WHERE s.name = ?", (DECOMMISSIONED,))]
    check("the demo's service has an assessed EIA", len(names) >= 5, names)
    missing = [n for n in names if n not in whole]
    check("every characteristic assessed is in the EIA report", not missing, missing)
    check("the EIA report's table has its header",
          re.search(r"Characteristic\s+Screening\s+Impact", "\n".join(texts)) is not None)
    check_timeline(demo, texts)


def main():
    work = tempfile.mkdtemp()
    demo = portfolios.new(work, "demo")
    run("--create-demo", demo, "--today", TODAY)
    head = run("--audit-head", "--portfolio", demo).stdout.strip()
    check_deadlines(work, demo, head)
    check_decommission(work, demo, head)
    check_eia(work, demo, head)

    missing = os.path.join(work, "missing.pdf")
    result = run("--report", "decommission:No Such Service", "--output", missing,
                 "--portfolio", demo)
    check("a service not in the portfolio fails", result.returncode != 0)
    check("the refusal names the service", "No Such Service" in result.stderr, result.stderr)
    check("and no file is left", not os.path.exists(missing))
    result = run("--report", "weekly", "--output", missing, "--portfolio", demo)
    check("a report not known fails, naming it",
          result.returncode != 0 and "weekly" in result.stderr, result.stderr)
    result = run("--report", "deadlines", "--portfolio", demo)
    check("--report without --output is refused", result.returncode == 2, result.stderr)

    # An empty portfolio: one row imported, then undone.
    register = os.path.join(work, "one.csv")
    with open(register, "w") as f:
        f.write("Reference,Title,Provider,Commissioner\nE-1,One,Alpha,Adult Social Care\n")
    empty = portfolios.new(work, "empty")
    run("--import", register, "--portfolio", empty)
    run("--undo-import", "--portfolio", empty)
    path = report(work, empty, "deadlines", "empty.pdf")
    if os.path.exists(path):
        texts = check_common(path, "Deadlines schedule", portfolios.name_of(empty),
                             run("--audit-head", "--portfolio", empty).stdout.strip())
        check("an empty portfolio's report says it has no dates",
              "has no upcoming contract dates" in "\n".join(texts))
    shutil.rmtree(work, ignore_errors=True)
    return finish()


sys.exit(main())
