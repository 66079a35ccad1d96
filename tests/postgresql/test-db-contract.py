#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Runs a test that needs a PostgreSQL database (test-db-contract, whose
checks run on both backends, or test-store-server) with an empty database
of its own in a throwaway cluster (cluster.sh); each of its cases is one
check here.

    test-db-contract.py TEST CLUSTER_SH
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import tap
from tap import finish

TEST, CLUSTER_SH = sys.argv[1:3]

# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

CASE = re.compile(r"^(ok|not ok) \d+ (\S+)(.*)$")


def check(what, ok, detail=""):
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def run_cases(uri):
    """The test's cases, each a check; their messages as comments."""
    ran = subprocess.run([TEST, "--tap"], capture_output=True, text=True,
                         env=dict(PG_ENV, CM_TEST_PG_URI=uri))
    cases = 0
    for line in ran.stdout.splitlines():
        case = CASE.match(line)
        if case:
            cases += 1
            check(case.group(2), case.group(1) == "ok", case.group(3))
        elif line.startswith("#"):
            print(line)
    check(f"{os.path.basename(TEST)} ran its cases ({cases}) to the end", ran.returncode == 0 and cases > 0,
          ran.stdout[-600:] + ran.stderr[-1200:])


def main():
    cluster = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        started = subprocess.run([CLUSTER_SH, "start", cluster], capture_output=True, text=True)
        check("a throwaway cluster starts", started.returncode == 0, started.stderr.strip())
        if started.returncode != 0:
            return finish()
        base = started.stdout.strip()
        created = subprocess.run(["psql", "-X", "-q", "-d", base, "-c", "CREATE DATABASE contract"],
                                 capture_output=True, text=True, env=PG_ENV)
        check("a database for the checks is made", created.returncode == 0, created.stderr)
        if created.returncode == 0:
            run_cases(base.replace("/postgres?", "/contract?"))
    finally:
        subprocess.run([CLUSTER_SH, "stop", cluster], capture_output=True)
        shutil.rmtree(cluster, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
