# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-anchors.py: times the command line against plain tools doing the same work
#
# For each size, in one run on one machine: a register from
# bench-register.py is imported by the sqlite3 shell (.import into a bare
# table in a fresh file) and by `commissioner --import` into a fresh
# portfolio; that portfolio's deadlines are listed by `--deadlines` and by
# one sqlite3 query joining the same tables; it is exported by `--export`
# and the same workbook's cells written again by bench-workbook-cells
# (plain libxlsxwriter in constant_memory mode, from a list of every cell
# that bench-cell-dump.py reads from a first export, outside the timed
# runs); and its audit trail is checked by --verify-audit
# and hashed by sqlite3's sha3(). Each pair prints as a ratio beside its
# target, with the peak memory of each process. Nothing is checked: a
# slow machine never fails a build.
#
#   meson test -C _build --benchmark anchors                 (10,000 and 100,000 rows)
#   meson test -C _build --benchmark anchors --test-args='--sizes 1000000'
#   /usr/bin/python3 tests/bench/bench-anchors.py --commissioner _build/ui/commissioner \
#       --workbook-cells _build/tests/bench/bench-workbook-cells --sizes 10000
#
# To compare two builds' imports, give the earlier one with --before: each
# round imports the register with the sqlite3 shell, the earlier build and
# this one in turn, each into a fresh file, --repeat rounds in all, and the
# medians print side by side. --only import, --only deadlines or --only
# export times that pair alone (the last two after an untimed import).

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

TODAY = "2026-12-03"

# One query for the deadlines: each contract's end, latest notice and
# extension decision, with a status against today, in date order.
DEADLINES_SQL = """
SELECT c.reference, p.name, k.kind, date(c.end_date, k.shift) AS due,
       CASE WHEN date(c.end_date, k.shift) < '{today}' THEN 'overdue'
            WHEN date(c.end_date, k.shift) < date('{today}', '+3 months') THEN 'due-soon'
            ELSE 'upcoming' END,
       c.title
FROM contract c LEFT JOIN provider p ON p.id = c.provider_id
CROSS JOIN (SELECT 'contract-end' AS kind, '+0 days' AS shift
            UNION ALL SELECT 'latest-notice', '-3 months'
            UNION ALL SELECT 'extension-decision', '-6 months') k
WHERE c.end_date <> ''
ORDER BY due, c.reference;
""".format(today=TODAY)

# The audit rows' fields hashed one row at a time, as --verify-audit hashes
# them: each after the hash of the row before (rows no longer store it).
VERIFY_SQL = """
SELECT count(sha3(prev || at || actor || entity || entity_id || field ||
                  coalesce(old_value, '-') || coalesce(new_value, '-'), 256))
FROM (SELECT *, lag(hash, 1, '{genesis}') OVER (ORDER BY id) AS prev FROM audit);
""".format(genesis="0" * 64)

TARGETS = {"import": 3.0, "deadlines": 2.0, "export": 1.2, "verify-audit": None}


class Failed(Exception):
    pass


REPEAT = 1


def run(argv, env, stdout=subprocess.DEVNULL):
    """The median wall time in ms of REPEAT runs of @argv, the peak resident memory
    in MB of the slowest, and the processor time (user and system) in ms of the
    median run. Runs that change a file are run once."""
    times = sorted(run_once(argv, env, stdout) for _ in range(REPEAT if repeatable(argv) else 1))
    return times[len(times) // 2][0], times[-1][1], times[len(times) // 2][2]


def repeatable(argv):
    return not any(option in arg for arg in argv for option in ("--import", "--keep", ".import"))


def run_once(argv, env, stdout):
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.monotonic() - start) * 1000
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise Failed("%s failed (%d): %s" % (os.path.basename(argv[0]), process.returncode,
                                            errors.strip()[-500:]))
    return elapsed, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000


def report(size, work, ours, anchor, anchor_name):
    ratio = ours[0] / anchor[0] if anchor[0] > 0 else float("inf")
    # On a machine shared with other work the wall times swing; the
    # processor times less so.
    cpu_ratio = ours[2] / anchor[2] if anchor[2] > 0 else float("inf")
    target = TARGETS[work.split()[0]]
    print("%d %s: %.0f ms (cpu %.0f ms), peak %.0f MB; %s: %.0f ms (cpu %.0f ms), peak %.0f MB;"
          " ratio %.2f%s, cpu ratio %.2f"
          % (size, work, ours[0], ours[2], ours[1], anchor_name, anchor[0], anchor[2], anchor[1],
             ratio, " (target %.1f)" % target if target else "", cpu_ratio), flush=True)


def median_run(runs):
    """The median wall time, the most memory and the median processor time of @runs."""
    return (sorted(r[0] for r in runs)[len(runs) // 2], max(r[1] for r in runs),
            sorted(r[2] for r in runs)[len(runs) // 2])


def fresh(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def bench_import(size, args, env, folder, register, portfolio):
    """The import pair, and with --before the earlier build's import in the same rounds;
    leaves this build's portfolio at @portfolio."""
    shell_db = os.path.join(folder, "shell.db")
    builds = [("import", args.commissioner)]
    if args.before:
        builds.insert(0, ("import (before)", args.before))
    anchors, times = [], {work: [] for work, _ in builds}
    for _ in range(REPEAT if args.before else 1):
        fresh(shell_db)
        anchors.append(run_once(["sqlite3", shell_db, ".import --csv '%s' register" % register],
                                env, subprocess.DEVNULL))
        for work, commissioner in builds:
            fresh(portfolio)
            times[work].append(run_once([commissioner, "--portfolio", portfolio, "--today", TODAY,
                                         "--import", register], env, subprocess.DEVNULL))
    for work, _ in builds:
        report(size, work, median_run(times[work]), median_run(anchors), "sqlite3 .import")


def bench(size, args, env, folder):
    register = os.path.join(folder, "register.csv")
    portfolio = os.path.join(folder, "bench.commissioner")
    ours = [args.commissioner, "--portfolio", portfolio, "--today", TODAY]

    subprocess.run([sys.executable, args.register, str(size), register], check=True)

    if args.only in ("deadlines", "export"):
        run(ours + ["--import", register], env)
    else:
        bench_import(size, args, env, folder, register, portfolio)
    if args.only == "import":
        return

    if args.only in (None, "deadlines"):
        anchor = run(["sqlite3", "-csv", portfolio, DEADLINES_SQL], env)
        report(size, "deadlines", run(ours + ["--deadlines", "--format", "csv"], env), anchor,
               "one sqlite3 query")
    if args.only is None:
        anchor = run(["sqlite3", portfolio, VERIFY_SQL], env)
        report(size, "verify-audit", run(ours + ["--verify-audit"], env), anchor,
               "sqlite3 sha3 of every audit row")
    if args.only not in (None, "export"):
        return

    try:
        export(size, args, env, folder, portfolio, "export")
    except Failed as failure:
        print("%d export of the imported portfolio FAILED: %s" % (size, failure), flush=True)
        if args.portfolio_generator:
            generated = os.path.join(folder, "generated.commissioner")
            # As many services and providers as the register names.
            run([args.portfolio_generator, "--contracts", str(size), "--save-only",
                 "--services", str(max(10, size // 100)),
                 "--providers", str(max(20, min(20000, size // 5))), "--keep", generated], env)
            export(size, args, env, folder, generated, "export (generated portfolio)")


def export(size, args, env, folder, portfolio, work):
    ours = [args.commissioner, "--portfolio", portfolio, "--today", TODAY]
    workbook = os.path.join(folder, "export.xlsx")
    cells = os.path.join(folder, "cells.txt")
    # Not timed: the cells of the workbook as exported, for the anchor.
    run(ours + ["--export", workbook], env)
    subprocess.run([sys.executable, args.cell_dump, workbook, cells], check=True, env=env)
    anchor = run([args.workbook_cells, cells, os.path.join(folder, "plain.xlsx")], env)
    report(size, work, run(ours + ["--export", workbook], env), anchor,
           "plain libxlsxwriter, every sheet's cells")
    if args.contracts_sheet:
        # The earlier yardstick, the Contracts sheet alone: not like for like.
        anchor = run([args.contracts_sheet, portfolio, os.path.join(folder, "plain.xlsx")], env)
        print("%d (the Contracts sheet alone by plain libxlsxwriter: %.0f ms, peak %.0f MB)"
              % (size, anchor[0], anchor[1]), flush=True)
    os.unlink(cells)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores, %s" % (model, os.cpu_count() or 0, platform.platform())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Time the command line against plain tools.")
    parser.add_argument("--commissioner", required=True)
    parser.add_argument("--workbook-cells", required=True,
                        help="bench-workbook-cells, the export's anchor")
    parser.add_argument("--cell-dump", default=os.path.join(here, "bench-cell-dump.py"))
    parser.add_argument("--contracts-sheet",
                        help="bench-contracts-sheet, to time the Contracts sheet alone too")
    parser.add_argument("--register", default=os.path.join(here, "bench-register.py"))
    parser.add_argument("--portfolio-generator",
                        help="bench-portfolio, to export a generated portfolio where the "
                        "imported one cannot be exported")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000,100000"),
                        help="comma-separated numbers of rows (default 10000,100000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each reading step this many times and take the median")
    parser.add_argument("--before",
                        help="an earlier build's commissioner, whose import is timed beside")
    parser.add_argument("--only", choices=["import", "deadlines", "export"],
                        help="time only this pair (the register is imported first for the "
                        "others)")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)

    print("machine: %s" % machine(), flush=True)
    for size in [int(s) for s in args.sizes.replace(" ", ",").split(",") if s]:
        folder = tempfile.mkdtemp(prefix="commissioner-anchors-")
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(folder, "data"), LC_ALL="C.UTF-8")
        try:
            bench(size, args, env, folder)
        except Failed as failure:
            print("%d FAILED: %s" % (size, failure), flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
