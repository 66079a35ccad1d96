# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-backends.py: the 100,000-contract figures on a file and on a PostgreSQL server, side by side
#
# One run starts a throwaway cluster (tests/postgresql/cluster.sh, over its
# Unix socket) and, for each round, imports the same register
# (bench-register.py) with `commissioner --import` into a fresh file and
# into a fresh database, exports each, and runs bench-portfolio
# --lists-only on each: open to usable, each keystroke of the Contracts
# search, saving one contract. The backends take turns within a round,
# the first of them alternating between rounds, so a machine busy with
# other work slows both alike. The budgets' yardsticks run in the same
# rounds, as bench-anchors.py runs them: the sqlite3 shell's .import of the
# same register, and bench-workbook-cells writing the cells of the first
# round's exported workbook (listed once by bench-cell-dump.py, untimed).
#
#   bench-backends.py --commissioner C --bench BENCH_PORTFOLIO --register REGISTER_PY
#                     --cluster CLUSTER_SH --workbook-cells W --cell-dump CELL_DUMP_PY
#                     [--contracts N] [--rounds R]

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TODAY = "2026-12-03"
# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

# (label, bench-portfolio's line, budget) for each figure read from it.
PORTFOLIO_FIGURES = [
    ("open to usable", "open to usable", "< 1000 ms"),
    ("filter keystroke, median", "filter contracts, median per keystroke", "< 16 ms"),
    ("filter keystroke, worst", "filter contracts, worst per keystroke", "< 16 ms"),
    ("filter shown, median", "filter contracts, median until shown", "(fills in later)"),
    ("save one contract, median", "save one contract, median of next 20", "< 20 ms"),
    ("save one contract, worst", "save one contract, worst of next 20", "< 20 ms"),
]
BACKENDS = ("file", "server")


class Failed(Exception):
    pass


def timed(argv, env):
    """The wall time of @argv in ms, and its output."""
    start = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = (time.monotonic() - start) * 1000.0
    if done.returncode != 0:
        raise Failed("%s failed (%d): %s" % (os.path.basename(argv[0]), done.returncode,
                                            done.stderr.strip()[-500:]))
    return elapsed, done.stdout


def psql(uri, sql):
    done = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", uri,
                           "-c", sql], capture_output=True, text=True, env=PG_ENV)
    if done.returncode != 0:
        raise Failed("psql: %s" % done.stderr.strip())
    return done.stdout.strip()


def sqlite(path, sql):
    done = subprocess.run(["sqlite3", "-readonly", path, sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise Failed("sqlite3: %s" % done.stderr.strip())
    return done.stdout.strip()


def counts(query):
    """The services, providers and contracts a portfolio holds, as bench-portfolio's options."""
    return ["--%ss" % table + "=" + query("SELECT count(*) FROM %s" % table)
            for table in ("service", "provider", "contract")]


def figure(output, name):
    match = re.search(r"^%s: ([0-9.]+) ms$" % re.escape(name), output, re.MULTILINE)
    if match is None:
        raise Failed("bench-portfolio printed no \"%s\"" % name)
    return float(match.group(1))


def one_backend(args, env, folder, base_uri, backend, round_number, register, figures):
    """Imports, exports and times one fresh portfolio on @backend; the
    first exported workbook's cells are listed for the export's yardstick."""
    name = "round%d" % round_number
    if backend == "file":
        portfolio = os.path.join(folder, name + ".commissioner")

        def query(sql):
            return sqlite(portfolio, sql)
    else:
        psql(base_uri, "CREATE DATABASE %s" % name)
        portfolio = base_uri.replace("/postgres?", "/%s?" % name)

        def query(sql):
            return psql(portfolio, sql)
    ours = [args.commissioner, "--portfolio", portfolio, "--today", TODAY]
    figures["import"][backend].append(timed(ours + ["--import", register], env)[0])
    workbook = os.path.join(folder, "%s-%s.xlsx" % (name, backend))
    figures["export"][backend].append(timed(ours + ["--export", workbook], env)[0])
    cells = os.path.join(folder, "cells.txt")
    if not os.path.exists(cells):
        subprocess.run([sys.executable, args.cell_dump, workbook, cells], check=True, env=env)
    os.unlink(workbook)
    _, output = timed([args.bench, "--portfolio", portfolio, "--lists-only"] + counts(query), env)
    for label, line, _ in PORTFOLIO_FIGURES:
        figures[label][backend].append(figure(output, line))


def shell_import(folder, register, round_number):
    shell_db = os.path.join(folder, "shell%d.db" % round_number)
    return timed(["sqlite3", shell_db, ".import --csv '%s' register" % register], None)[0]


def plain_export(args, folder):
    plain = os.path.join(folder, "plain.xlsx")
    ms = timed([args.workbook_cells, os.path.join(folder, "cells.txt"), plain], None)[0]
    os.unlink(plain)
    return ms


def median(values):
    """The middle value; of an even number, the larger of the two middle ones."""
    return sorted(values)[len(values) // 2]


def report(figures, anchors, rounds, contracts):
    print("\nmedian of %d rounds of %d contracts; ratio is server / file" % (rounds, contracts))
    print("%-28s %10s %10s %7s  %s" % ("figure", "file ms", "server ms", "ratio", "budget"))
    budgets = {label: budget for label, _, budget in PORTFOLIO_FIGURES}
    shell, plain = median(anchors["import"]), median(anchors["export"])
    budgets["import"] = "< 3 x sqlite3 .import = %.0f ms" % (3 * shell)
    budgets["export"] = "< 1.2 x plain libxlsxwriter = %.0f ms" % (1.2 * plain)
    for label, by_backend in figures.items():
        file_ms, server_ms = median(by_backend["file"]), median(by_backend["server"])
        # bench-portfolio prints tenths of a millisecond: below that, no ratio.
        ratio = "%.2f" % (server_ms / file_ms) if min(file_ms, server_ms) >= 0.1 else "-"
        print("%-28s %10.1f %10.1f %7s  %s" % (label, file_ms, server_ms, ratio, budgets[label]))
    print("sqlite3 shell .import of the same register: %.0f ms" % shell)
    print("plain libxlsxwriter writing the same workbook's cells: %.0f ms" % plain)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commissioner", required=True)
    parser.add_argument("--bench", required=True, help="bench-portfolio")
    parser.add_argument("--register", required=True, help="bench-register.py")
    parser.add_argument("--cluster", required=True, help="tests/postgresql/cluster.sh")
    parser.add_argument("--workbook-cells", required=True, help="bench-workbook-cells")
    parser.add_argument("--cell-dump", required=True, help="bench-cell-dump.py")
    parser.add_argument("--contracts", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="commissioner-backends-")
    cluster = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    env = dict(PG_ENV, XDG_DATA_HOME=os.path.join(folder, "data"), LC_ALL="C.UTF-8")
    labels = [label for label, _, _ in PORTFOLIO_FIGURES] + ["import", "export"]
    figures = {label: {backend: [] for backend in BACKENDS} for label in labels}
    anchors = {"import": [], "export": []}
    try:
        register = os.path.join(folder, "register.csv")
        subprocess.run([sys.executable, args.register, str(args.contracts), register], check=True)
        started = subprocess.run([args.cluster, "start", cluster], capture_output=True, text=True)
        if started.returncode != 0:
            raise Failed("cluster.sh: %s" % started.stderr.strip())
        base_uri = started.stdout.strip()
        for round_number in range(1, args.rounds + 1):
            anchors["import"].append(shell_import(folder, register, round_number))
            order = BACKENDS if round_number % 2 else BACKENDS[::-1]
            for backend in order:
                one_backend(args, env, folder, base_uri, backend, round_number, register,
                            figures)
                print("round %d, %s: open to usable %.0f ms, import %.0f ms, export %.0f ms"
                      % (round_number, backend, figures["open to usable"][backend][-1],
                         figures["import"][backend][-1],
                         figures["export"][backend][-1]), flush=True)
            anchors["export"].append(plain_export(args, folder))
        report(figures, anchors, args.rounds, args.contracts)
    except Failed as failure:
        print("FAILED: %s" % failure, flush=True)
        return 1
    finally:
        subprocess.run([args.cluster, "stop", cluster], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
