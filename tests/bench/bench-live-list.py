# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Times the store's live filtered lists at 100,000 contracts against the
sqlite3 shell running the same SELECT on the same file in the same run.

The store's side is bench-live-list (median of fresh cm_store_list_where ()
calls: the SELECT, then a record object per row). Both sides are compared
on processor time, which a busy machine does not inflate; wall times are
printed beside them, and the budgets are checked against the wall time. The shell's side is the
median of its own .timer over the same number of runs, with its output
thrown away. The shell
has no cm_fold () (the store's Unicode case fold for search text), so
lower () stands in for it there.

The records page's search as the user types (a CmQueryModel) is timed
the same way: the keystroke itself, then the time until its rows are in
the list, against the shell running the list's SELECT for the same text."""
import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

REPEATS = 7
BUDGET_FRAME_MS = 16.0   # ARCHITECTURE.md: a keystroke never waits longer than a frame
BUDGET_OPEN_MS = 1000.0  # ARCHITECTURE.md: open to a usable window at 100k


def shell_ms(path, statement):
    """The median time of one run of @statement in the shell, in
    milliseconds, as its own .timer reports it (user and system time,
    which it gives to the microsecond: its wall time only to the ms).
    The first run warms the cache and is left out, as the store's
    statement is prepared before it is timed."""
    script = ".timer on\n.output /dev/null\n" + (statement + ";\n") * (REPEATS + 1)
    out = subprocess.run(["sqlite3", "-readonly", path], input=script, text=True, check=True,
                         capture_output=True).stdout
    times, walls = [], []
    for line in out.splitlines():
        if line.startswith("Run Time:"):
            words = line.split()
            walls.append(float(words[3]) * 1000.0)
            times.append((float(words[5]) + float(words[7])) * 1000.0)
    if len(times) != REPEATS + 1:
        raise SystemExit(f"the shell timed {len(times)} of {REPEATS + 1} runs")
    return statistics.median(times[1:]), statistics.median(walls[1:])


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
    searches = [("search", "care", "the contracts page searched for a common word"),
                ("search", "000123", "the contracts page searched for a reference")]

    args = [options.bench, path]
    for prop, value, _ in filters + searches:
        args += [prop, value]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines()
    print(f"portfolio: {contracts} contracts")
    for (prop, value, what), sql_line, search_line in zip(searches, out[4::2], out[5::2]):
        sql = sql_line.split("\t", 1)[1].replace("?1", quote(value)).replace("cm_fold(", "lower(")
        _, _, rows, keystroke, first, following, keystroke_cpu = search_line.split("\t")
        plain_ms, plain_wall_ms = shell_ms(path, sql)
        print(f"{what} ({value!r}): {rows} rows")
        print(f"  keystroke, worst of {REPEATS}: {float(keystroke):.3f} ms"
              f" (processor {float(keystroke_cpu):.3f} ms)")
        print(f"  shown, first search of a list (reads every search text): {float(first):.1f} ms")
        print(f"  shown, searched again (scans the texts read): {float(following):.1f} ms")
        print(f"  sqlite3 shell, same SELECT: {plain_ms:.1f} ms processor,"
              f" {plain_wall_ms:.0f} ms wall")
        if plain_wall_ms > 0:
            print(f"  first shown / shell wall: {float(first) / plain_wall_ms:.2f};"
                  f" again shown / shell wall: {float(following) / plain_wall_ms:.3f}")
        print(f"  budget one frame for the keystroke (processor time): < {BUDGET_FRAME_MS:.0f} ms:"
              f" {'met' if float(keystroke_cpu) < BUDGET_FRAME_MS else 'NOT met'}")
    for (prop, value, what), sql_line, list_line in zip(filters, out[0:4:2], out[1:4:2]):
        # cm_fold () is the store's own case fold; the shell has lower ().
        sql = sql_line.split("\t", 1)[1].replace("?", quote(value)).replace("cm_fold(", "lower(")
        _, _, rows, median, worst, cpu = list_line.split("\t")
        store_ms, store_cpu_ms = float(median), float(cpu)
        plain_ms, plain_wall_ms = shell_ms(path, sql)
        print(f"{what}: {rows} rows")
        print(f"  cm_store_list_where, median of fresh calls: {store_cpu_ms:.2f} ms"
              f" (wall {store_ms:.2f} ms, worst {float(worst):.2f} ms)")
        print(f"  sqlite3 shell, same SELECT: {plain_ms:.2f} ms"
              f" (wall {plain_wall_ms:.0f} ms, to the millisecond)")
        if plain_ms > 0:
            print(f"  store / shell, processor time: {store_cpu_ms / plain_ms:.2f}")
        print(f"  budget one frame: < {BUDGET_FRAME_MS:.0f} ms:"
              f" {'met' if store_ms < BUDGET_FRAME_MS else 'NOT met'}")
        print(f"  budget open to usable: < {BUDGET_OPEN_MS:.0f} ms:"
              f" {'met' if store_ms < BUDGET_OPEN_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
