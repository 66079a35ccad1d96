#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Checks the audit trail's SHA-256 against Python's hashlib, on a real
portfolio: every hash an import appends (thousands of rows, records with
no old value, UTF-8 text, values longer than 64 KiB) is recomputed from
the file, and --verify-audit accepts a chain rehashed here in both formats,
empty values included, and rejects it once a long value changes. Where
OpenSSL offers no SHA-256, nothing is written and the message says why.

    test-audit-hash.py COMMISSIONER
"""
import os
import sys
import tempfile

import portfolio as portfolios
from audit_chain import GENESIS, rechain, row_hash, second_format_from, without_sha256
from tap import check, finish, run

TODAY = "2026-12-05"
ROWS = 2000
# A title past 64 KiB: the contract's audit row, a JSON object of its
# fields, is longer still.
LONG_TITLE = "Befriending " + "é—“x”🏥中" * 5000
HEADER = ("Reference,Title,Service,Provider,Provider sector,Commissioner,Start date,"
          "End date,Annual value\r\n")


def title(n, edition):
    if n % 400 == 7:
        return LONG_TITLE + f" {n} {edition}"
    return ["Befriending", "Café “Ünïcödé” support", "Home care — nights", "Carers' breaks",
            "Services for Ölder people 中文"][n % 5] + f" {n} {edition}"


def register(path, edition, rows):
    """A register of @rows contracts; @edition changes every title, so that
    a second import updates each contract and records its old values."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for n in range(1, rows + 1):
            value = "" if n % 3 == 0 else str(1000 * n)
            f.write(f'HASH-{n},"{title(n, edition)}",Service {n % 7} ñ,Provider {n % 11} ß,'
                    f"Charity,Adult Social Care,2025-04-01,2028-03-31,{value}\r\n")


def trail(portfolio):
    return portfolios.query(portfolio, "SELECT * FROM audit ORDER BY id")


def mismatches(portfolio):
    """The numbers of the rows whose stored chain differs from hashlib's: each
    row's hash covers the one before it, which the row no longer stores."""
    start, prev, wrong = second_format_from(portfolio), GENESIS, []
    for row in trail(portfolio):
        if row["prev_hash"] != "" or row["hash"] != row_hash(row, prev, row["id"] >= start):
            wrong.append(row["id"])
        prev = row["hash"]
    return wrong


def told(result):
    return f"exit {result.returncode}: {' '.join((result.stdout + result.stderr).split())}"


def verify(portfolio):
    return run("--verify-audit", "--portfolio", portfolio)


def test_appended(work, portfolio):
    for edition in (1, 2):
        source = os.path.join(work, f"register-{edition}.csv")
        register(source, edition, ROWS)
        result = run("--portfolio", portfolio, "--today", TODAY, "--import", source,
                     "--on-duplicate", "update")
        check(f"import {edition} of {ROWS} contracts succeeds", result.returncode == 0, told(result))
    rows = trail(portfolio)
    check("the trail holds a row per record and per change", len(rows) > 2 * ROWS, len(rows))
    values = [row[k] for row in rows for k in ("old_value", "new_value")]
    check("some rows have no old value", None in values)
    check("some rows have an old value", any(row["old_value"] for row in rows))
    check("some values are longer than 64 KiB",
          any(v and len(v.encode()) > 65536 for v in values))
    check("some values are not ASCII", any(v and not v.isascii() for v in values))
    wrong = mismatches(portfolio)
    check("every hash the program appended is hashlib's SHA-256 of the row", wrong == [],
          f"{len(wrong)} rows differ, the first {wrong[:5]}")
    result = verify(portfolio)
    check("--verify-audit passes", result.returncode == 0, told(result))


def test_rehashed(portfolio):
    """The first import's rows in the first format, the second's in the
    second, some values empty rather than absent, the earlier rows storing
    the hash they follow and the later ones not: as an older portfolio
    could be."""
    start = 1 + portfolios.value(portfolio, "SELECT min(id) FROM audit"
                                            " WHERE entity = 'import_run'"
                                            " AND field = 'first_audit_id'")
    portfolios.execute(portfolio, "UPDATE meta SET value = ? WHERE key = 'audit_format_2_from'",
                       (str(start),))
    # An earlier value the records do not hold, so the replay is unmoved.
    portfolios.execute(portfolio, "UPDATE audit SET old_value = '' WHERE entity = 'import_run'"
                                  " AND field IN ('source', 'summary')")
    rechain(portfolio)
    portfolios.execute(portfolio, "UPDATE audit SET prev_hash = '' WHERE id >= ?", (start,))
    check("some values are now empty, in rows of each format",
          portfolios.value(portfolio, "SELECT min(id) FROM audit WHERE old_value = ''") < start
          <= portfolios.value(portfolio, "SELECT max(id) FROM audit WHERE old_value = ''"))
    check("the earlier rows store the hash they follow, the later ones not",
          portfolios.value(portfolio, "SELECT count(*) FROM audit WHERE (id < ?) <>"
                                      " (length(prev_hash) = 64)", (start,)) == 0)
    result = verify(portfolio)
    check("--verify-audit accepts the chain hashlib made, in both formats",
          result.returncode == 0 and "intact" in result.stdout, told(result))


def test_long_value_changed(work, portfolio):
    """A few characters deep in a long value, in a row of each format."""
    start = second_format_from(portfolio)
    for label, where in (("first", f"id < {start}"), ("second", f"id >= {start}")):
        path = portfolios.copy(portfolio, work, f"changed-{label}")
        row = portfolios.value(path, "SELECT min(id) FROM audit WHERE length(new_value) > 30000"
                                     f" AND {where}")
        portfolios.execute(path, "UPDATE audit SET new_value = replace(new_value, '“x”', '“y”')"
                                 " WHERE id = ?", (row,))
        result = verify(path)
        check(f"--verify-audit finds a long value changed in a row of the {label} format",
              result.returncode == 1 and f"row {row}" in result.stdout + result.stderr,
              told(result))


def test_no_sha256(work, portfolio):
    source = os.path.join(work, "register-3.csv")
    register(source, 3, 10)
    before = portfolios.snapshot(portfolio)
    with without_sha256(work):
        imported = run("--portfolio", portfolio, "--today", TODAY, "--import", source,
                       "--on-duplicate", "update")
        verified = verify(portfolio)
    check("without SHA-256 an import fails, saying what to check",
          imported.returncode != 0 and "OPENSSL_CONF" in imported.stderr, told(imported))
    check("... and writes nothing", portfolios.snapshot(portfolio) == before)
    # 2, "could not be checked", not 1, which says the trail is broken.
    check("without SHA-256 --verify-audit cannot check, saying what to check",
          verified.returncode == 2 and "OPENSSL_CONF" in verified.stderr, told(verified))


def main():
    with tempfile.TemporaryDirectory() as work:
        portfolio = portfolios.new(work, "hashes")
        test_appended(work, portfolio)
        test_rehashed(portfolio)
        test_long_value_changed(work, portfolio)
        test_no_sha256(work, portfolio)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
