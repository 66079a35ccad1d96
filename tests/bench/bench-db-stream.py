# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Walks a table of a million rows through cm-db.h on each backend, as an
export reads its records, against each engine's own shell writing the
same SELECT to /dev/null in the same run: PostgreSQL in a throwaway
cluster (tests/postgresql/cluster.sh) over its Unix socket, and a SQLite
file with the same rows. Also prints each walk's peak memory, which stays
small when the rows stream rather than arrive all at once.

    bench-db-stream.py BENCH_DB_STREAM CLUSTER_SH [ROWS]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

BENCH, CLUSTER_SH = sys.argv[1:3]
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
REPEATS = 3
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
SELECT = "SELECT id, name, amount, ratio FROM item ORDER BY id"
# The same rows in both engines: integer, text, a large integer and a double.
FILL = ("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount BIGINT,"
        " ratio DOUBLE PRECISION);"
        "INSERT INTO item SELECT n, 'Contract ' || n || ' for home care services', n * CAST (100003 AS BIGINT),"
        " n / 7.0 FROM {series};")
PG_SERIES = f"generate_series (1, {ROWS}) AS s (n)"
SQLITE_SERIES = (f"(WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
                 f" WHERE n < {ROWS}) SELECT n FROM s)")


def wall_ms(args, **kwargs):
    """The best of REPEATS runs of @args, its output thrown away."""
    best = None
    for _ in range(REPEATS):
        start = time.monotonic()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kwargs)
        elapsed = (time.monotonic() - start) * 1000.0
        best = elapsed if best is None else min(best, elapsed)
    return best


def bench(engine, where):
    """The best of REPEATS walks: (rows, wall ms, processor ms, peak KiB)."""
    runs = []
    for _ in range(REPEATS):
        out = subprocess.run([BENCH, engine, where], check=True, capture_output=True,
                             text=True, env=PG_ENV).stdout.split("\t")
        runs.append((int(out[0]), float(out[1]), float(out[2]), int(out[3])))
    return min(runs, key=lambda run: run[1])


def report(engine, walk, tool, tool_ms):
    rows, ms, cpu, peak = walk
    print(f"{engine}: cm-db.h walked {rows} rows in {ms:.0f} ms (processor {cpu:.0f} ms),"
          f" peak memory {peak / 1024:.1f} MiB")
    print(f"  {tool}, same SELECT to /dev/null: {tool_ms:.0f} ms;"
          f" cm-db.h / {tool.split()[0]}: {ms / tool_ms:.2f}")


def main():
    work = tempfile.mkdtemp(prefix="bench-db-stream-")
    cluster = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        base = subprocess.run([CLUSTER_SH, "start", cluster], check=True, capture_output=True,
                              text=True).stdout.strip()
        uri = base.replace("/postgres?", "/bench?")
        psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        subprocess.run(psql + ["-d", base, "-c", "CREATE DATABASE bench"], check=True, env=PG_ENV)
        subprocess.run(psql + ["-d", uri, "-c", FILL.format(series=PG_SERIES)], check=True,
                       env=PG_ENV)
        subprocess.run(psql + ["-d", uri, "-c", "VACUUM ANALYZE item"], check=True, env=PG_ENV)
        path = os.path.join(work, "bench.sqlite")
        subprocess.run(["sqlite3", path, FILL.format(series=SQLITE_SERIES)], check=True)

        print(f"{ROWS} rows, best of {REPEATS} runs each")
        report("PostgreSQL 15, Unix socket", bench("postgresql", uri),
               "psql -A -t", wall_ms(psql + ["-A", "-t", "-d", uri, "-c", SELECT], env=PG_ENV))
        report("SQLite", bench("sqlite", path),
               "sqlite3 shell", wall_ms(["sqlite3", "-readonly", path, SELECT]))
    finally:
        subprocess.run([CLUSTER_SH, "stop", cluster], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
