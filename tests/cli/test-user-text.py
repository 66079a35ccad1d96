#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""No internal reference reaches a user: the program's data files, every
string marked for translation, and every cell of the demo's exported
workbook are scanned for references to the project's source notes (a
seed number, a line number, DOMAIN.md). User text names public sources.

    test-user-text.py COMMISSIONER SOURCE_ROOT
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

import portfolio as portfolios
from tap import BINARY, check, finish, run

ROOT = sys.argv[2] if len(sys.argv) > 2 else "."
TODAY = "2026-11-22"

# (what it catches, pattern)
PATTERNS = [
    ("a seed number", re.compile(r"\bseeds?\b", re.I)),
    ("a line reference", re.compile(r"\bL\d{2,4}\b")),
    ("a source note's number", re.compile(r"\b00[0-4]\s+(L\d|paras?\b|appendix|recommendation|"
                                          r"section|\d+\.\d)", re.I)),
    ("the domain notes", re.compile(r"DOMAIN\.md|DOMAIN\b")),
]

# Each pattern must catch what it is for and leave public sources alone.
SELF_CHECK = [
    ("asks that blanket cuts be avoided (seed 004 para 37).", True),
    ("Seed 004 recommendation 3b: share what the review learned.", True),
    ("(seed 001 L583, L1154)", True),
    ("Judge whether providers are sustainable (001 L583).", True),
    ("laid out as 000 Appendix A", True),
    ("Record the duties (DOMAIN.md, the commissioning cycle).", True),
    ("Appendix A of Leeds City Council, third sector commissioning report 2015", False),
    ("Leeds Scrutiny Board, inquiry into commissioning 2017, recommendation 3(b)", False),
    ("Procurement Act 2023 (Threshold Amounts) Regulations 2025: £207,720", False),
    ("Contracts over £5,000 for the Local Government Transparency Code 2015", False),
    ("Lot 1000 of 2026", False),
]

def internal(text):
    return [what for what, pattern in PATTERNS if pattern.search(text)]


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def report(where, texts):
    found = [(t, internal(t)) for t in texts if internal(t)]
    check(f"{where}: no internal reference", not found, found[:5])


def translatable_strings(work):
    """Every string xgettext finds marked for translation, in every source
    file of the program, not only those listed for translators."""
    sources = sorted(glob.glob(os.path.join(ROOT, "app", "**", "*.c"), recursive=True) +
                     glob.glob(os.path.join(ROOT, "ui", "**", "*.c"), recursive=True) +
                     glob.glob(os.path.join(ROOT, "ui", "**", "*.ui"), recursive=True))
    pot = os.path.join(work, "all.pot")
    result = subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
         "--keyword=NC_:1c,2", "--keyword=ngettext:1,2", "--keyword=g_dngettext:2,3",
         "--no-location", "-o", pot, *sources], capture_output=True, text=True)
    check("xgettext reads the sources", result.returncode == 0, result.stderr[-500:])
    if result.returncode != 0:
        return []
    texts, current = [], None
    for line in open(pot, encoding="utf-8"):
        if line.startswith(("msgid ", "msgid_plural ")):
            current = [json.loads(line.split(" ", 1)[1])]
            texts.append(current)
        elif line.startswith('"') and current is not None:
            current.append(json.loads(line))
        else:
            current = None
    return ["".join(parts) for parts in texts if "".join(parts)]


def main():
    for text, bad in SELF_CHECK:
        check(f"the scan {'catches' if bad else 'passes'}: {text}", bool(internal(text)) == bad)

    work = tempfile.mkdtemp(prefix="commissioner-user-text-")
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "*.json"))):
        report(os.path.basename(path), list(strings_of(json.load(open(path, encoding="utf-8")))))
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "*.in"))):
        report(os.path.basename(path), open(path, encoding="utf-8").read().splitlines())

    strings = translatable_strings(work)
    check("the translatable strings are found", len(strings) > 500, len(strings))
    report("strings marked for translation", strings)

    portfolio = portfolios.new(work, "demo")
    workbook = os.path.join(work, "demo.xlsx")
    made = run("--create-demo", portfolio, "--today", TODAY)
    exported = run("--export", workbook, "--portfolio", portfolio, "--today", TODAY)
    check("the demo exports", made.returncode == 0 and exported.returncode == 0,
          made.stderr + exported.stderr)
    if exported.returncode == 0:
        book = openpyxl.load_workbook(workbook)
        for sheet in book.worksheets:
            cells = [c for row in sheet.iter_rows(values_only=True) for c in row
                     if isinstance(c, str)]
            # The audit trail quotes what people typed; the rest is ours.
            report(f"the workbook's {sheet.title} sheet", cells)
    shutil.rmtree(work)
    sys.exit(finish())


if __name__ == "__main__":
    main()
