# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Times the store's live filtered lists at 100,000 contracts against the
sqlite3 shell running the same SELECT on the same file in the same run.

The store's side is bench-live-list (median of fresh cm_store_list_where ()
calls: the SELECT, then a record object per row). The shell's side runs
the statement many times with its output thrown away, less the same shell
running a trivial statement as often, divided by the count. The shell
has no cm_fold () (the store's Unicode case fold for search text), so
lower () stands in for it there."""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

REPEATS = 41
BUDGET_FRAME_MS = 16.0   # ARCHITECTURE.md: a keystroke never waits longer than a frame
BUDGET_OPEN_MS = 1000.0  # ARCHITECTURE.md: open to a usable window at 100k


def shell_seconds(path, statement, repeats):
    script = ".output /dev/null\n" + (statement + ";\n") * repeats
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(["sqlite3", "-readonly", path], input=script, text=True, check=True,
                       stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def shell_ms(path, statement):
    """One run of @statement in the shell, in milliseconds, without the
    shell's start-up and the file's opening."""
    full = shell_seconds(path, statement, REPEATS)
    empty = shell_seconds(path, "SELECT 1", REPEATS)
    return max(full - empty, 0.0) * 1000.0 / REPEATS


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True, help="bench-portfolio")
    parser.add_argument("--bench", required=True, help="bench-live-list")
    parser.add_argument("--contracts", type=int, default=100000)
    parser.add_argument("--portfolio", help="an existing portfolio to time instead")
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench-live-list-")
    path = options.portfolio
    if path is None:
        path = os.path.join(work, "large.commissioner")
        subprocess.run([options.generator, "--keep", path, "--save-only",
                        "--contracts", str(options.contracts)], check=True,
                       stdout=subprocess.DEVNULL)

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    contracts, = db.execute("SELECT count(*) FROM contract").fetchone()
    service, = db.execute("SELECT service_id FROM contract GROUP BY service_id"
                          " ORDER BY count(*) DESC, service_id LIMIT 1").fetchone()
    route, = db.execute("SELECT route FROM contract GROUP BY route"
                        " ORDER BY count(*) DESC, route LIMIT 1").fetchone()
    db.close()
    filters = [("service-id", str(service), "one service's contracts (indexed)"),
               ("route", route, "contracts of the commonest procurement route (no index)")]

    args = [options.bench, path]
    for prop, value, _ in filters:
        args += [prop, value]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines()
    print(f"portfolio: {contracts} contracts")
    for (prop, value, what), sql_line, list_line in zip(filters, out[0::2], out[1::2]):
        # cm_fold () is the store's own case fold; the shell has lower ().
        sql = sql_line.split("\t", 1)[1].replace("?", quote(value)).replace("cm_fold(", "lower(")
        _, _, rows, median, worst = list_line.split("\t")
        store_ms = float(median)
        plain_ms = shell_ms(path, sql)
        print(f"{what}: {rows} rows")
        print(f"  cm_store_list_where, median of fresh calls: {store_ms:.2f} ms"
              f" (worst {float(worst):.2f} ms)")
        print(f"  sqlite3 shell, same SELECT: {plain_ms:.2f} ms")
        if plain_ms > 0:
            print(f"  store / shell: {store_ms / plain_ms:.2f}")
        print(f"  budget one frame: < {BUDGET_FRAME_MS:.0f} ms:"
              f" {'met' if store_ms < BUDGET_FRAME_MS else 'NOT met'}")
        print(f"  budget open to usable: < {BUDGET_OPEN_MS:.0f} ms:"
              f" {'met' if store_ms < BUDGET_OPEN_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
