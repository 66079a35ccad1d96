# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-copy.py: copying a 100,000-contract portfolio to a server and back, beside PostgreSQL's own tools
#
# One run makes the portfolio with bench-portfolio (or takes one given),
# starts a throwaway cluster (tests/postgresql/cluster.sh, over its Unix
# socket) and times, for each round: commissioner --copy-portfolio from the
# file into an empty database, against pg_restore of a pg_dump of that
# database into another (the same rows, tables and indexes, loaded by
# PostgreSQL alone); and --copy-portfolio from the server back to a file,
# against the pg_dump itself.
#
#   bench-copy.py --commissioner C --generator BENCH_PORTFOLIO --cluster CLUSTER_SH
#                 [--contracts N] [--rounds R] [--portfolio FILE]

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def timed(*command):
    start = time.monotonic()
    subprocess.run(command, check=True, env=PG_ENV, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def database(base, name):
    subprocess.run(["psql", "-X", "-q", "-d", base, "-c", f"CREATE DATABASE {name}"],
                   check=True, env=PG_ENV)
    return base.replace("/postgres?", f"/{name}?")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commissioner", required=True)
    parser.add_argument("--generator", required=True, help="bench-portfolio")
    parser.add_argument("--cluster", required=True, help="cluster.sh")
    parser.add_argument("--contracts", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--portfolio", help="an existing portfolio to copy instead")
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench-copy-")
    # Its own folder, which cluster.sh hands to the server's user.
    cluster = tempfile.mkdtemp(prefix="bench-copy-cluster-")
    figures = {"copy to a server": [], "pg_restore": [], "copy to a file": [], "pg_dump": []}
    try:
        path = options.portfolio
        if path is None:
            path = os.path.join(work, "large.commissioner")
            subprocess.run([options.generator, "--keep", path, "--save-only",
                            "--contracts", str(options.contracts)], check=True,
                           stdout=subprocess.DEVNULL)
        base = subprocess.run([options.cluster, "start", cluster], check=True,
                              capture_output=True, text=True).stdout.strip()
        for n in range(options.rounds):
            copied = database(base, f"copied{n}")
            restored = database(base, f"restored{n}")
            dump = os.path.join(work, f"round{n}.dump")
            back = os.path.join(work, f"back{n}.commissioner")
            figures["copy to a server"].append(
                timed(options.commissioner, "--copy-portfolio", path, copied))
            figures["pg_dump"].append(timed("pg_dump", "-Fc", "-f", dump, "-d", copied))
            figures["pg_restore"].append(timed("pg_restore", "-d", restored, dump))
            figures["copy to a file"].append(
                timed(options.commissioner, "--copy-portfolio", copied, back))
            os.unlink(back)
            os.unlink(dump)
    finally:
        subprocess.run([options.cluster, "stop", cluster], capture_output=True)
        shutil.rmtree(cluster, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)

    median = {name: sorted(times)[len(times) // 2] for name, times in figures.items()}
    for name, seconds in median.items():
        print(f"{name:18} {seconds:7.2f} s (median of {len(figures[name])})")
    print(f"to a server / pg_restore: {median['copy to a server'] / median['pg_restore']:.2f}")
    print(f"to a file / pg_dump:      {median['copy to a file'] / median['pg_dump']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
