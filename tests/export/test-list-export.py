# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Export This List…: one service's contracts, narrowed by a search, written
as the records page writes them (tests/export-list.c), read back with
openpyxl and Python's csv and compared with the portfolio itself."""
import csv
import os
import subprocess
import sys
import tempfile

import openpyxl

import portfolio as portfolios
import tap
from tap import check, run

HEADER = ["Reference", "Title", "Provider", "Annual value", "Start", "End"]


def export(helper, portfolio, service_id, search, output):
    return subprocess.run([helper, portfolio, "contracts", "service-id", str(service_id), search,
                           output], capture_output=True, text=True)


def read_xlsx(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return [[cell if cell is not None else "" for cell in row]
            for row in book.worksheets[0].iter_rows(values_only=True)]


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as stream:
        return list(csv.reader(stream))


def main():
    helper = sys.argv[2]
    work = tempfile.mkdtemp(prefix="list-export-")
    portfolio = portfolios.new(work, "demo")
    made = run(f"--create-demo={portfolio}")
    check("the demo portfolio is made", made.returncode == 0, made.stderr)

    service_id = portfolios.value(portfolio, "SELECT service_id FROM contract GROUP BY service_id"
                                             " ORDER BY count(*) DESC, service_id LIMIT 1")
    listed = portfolios.query(portfolio, "SELECT reference, title FROM contract"
                                         " WHERE service_id = ? ORDER BY id", (service_id,))
    others = {r for r, in portfolios.query(portfolio, "SELECT reference FROM contract"
                                                      " WHERE service_id != ?", (service_id,))}
    check("the busiest service has several contracts", len(listed) > 1, listed)

    # The whole of one service's list, as XLSX.
    xlsx = os.path.join(work, "Contracts.xlsx")
    result = export(helper, portfolio, service_id, "", xlsx)
    check("the XLSX is written", result.returncode == 0, result.stderr)
    rows = read_xlsx(xlsx) if result.returncode == 0 else [[]]
    check("its header is the list's columns", rows[0] == HEADER, rows[0])
    check("its rows are the service's contracts, in order",
          [row[0] for row in rows[1:]] == [r for r, _ in listed], rows[1:])
    check("with their titles", [row[1] for row in rows[1:]] == [t for _, t in listed])
    check("and no other service's contract", not others & {row[0] for row in rows[1:]})
    check("values are shown as the list shows them, in pounds",
          all(str(row[3]).startswith("£") for row in rows[1:]), [row[3] for row in rows[1:]])

    # Narrowed by a search for one reference, as CSV.
    wanted = listed[-1][0]
    expected = [r for r, t in listed if wanted.lower() in (r + " " + t).lower()]
    path = os.path.join(work, "Some contracts.csv")
    result = export(helper, portfolio, service_id, wanted.lower(), path)
    check("the CSV is written", result.returncode == 0, result.stderr)
    rows = read_csv(path) if result.returncode == 0 else [[]]
    check("the CSV's header is the same", rows[0] == HEADER, rows[0])
    check("it holds only what the search leaves", [row[0] for row in rows[1:]] == expected,
          rows[1:])
    check("every row has every column", all(len(row) == len(HEADER) for row in rows))

    # A search that leaves nothing writes the header alone.
    path = os.path.join(work, "none.xlsx")
    result = export(helper, portfolio, service_id, "zzqx no such contract", path)
    check("an empty list is written", result.returncode == 0, result.stderr)
    check("as its header alone", result.returncode == 0 and read_xlsx(path) == [HEADER])

    # Neither format: refused, saying how to name it, and nothing written.
    path = os.path.join(work, "Contracts.txt")
    result = export(helper, portfolio, service_id, "", path)
    check("a name ending in neither .csv nor .xlsx is refused", result.returncode == 1)
    check("saying which endings work", ".csv" in result.stderr and ".xlsx" in result.stderr,
          result.stderr)
    check("and nothing is written", not os.path.exists(path))
    leftovers = [name for name in os.listdir(work) if name.endswith(".tmp")]
    check("no temporary file is left", not leftovers, leftovers)

    print(f"1..{tap.count}")
    return 1 if tap.failures else 0


if __name__ == "__main__":
    sys.exit(main())
