#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Runs a core or command-line test with its portfolios on a PostgreSQL
server rather than in files: one throwaway cluster (cluster.sh) for the
run, whose maintenance database CM_TEST_PG_SERVER names, with
CM_TEST_BACKEND=postgresql; the fixtures (cm-test-util.c, cli.sh,
portfolio.py) then make a new empty database for each portfolio, or for a
test of the server itself (cm_test_pg_uri). The test's TAP output is
passed on as it is, and its exit status is this runner's.

    on-server.py CLUSTER_SH TEST [ARGUMENT...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

import pgcluster


def main():
    cluster_sh, test = sys.argv[1:3]
    folder = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        server, errors = pgcluster.start(cluster_sh, folder)
        if server is None:
            print("1..1\nnot ok 1 - a throwaway cluster starts")
            print("".join(f"# {line}\n" for line in errors.splitlines()), end="")
            return 1
        sys.stdout.flush()
        env = dict(pgcluster.PG_ENV, CM_TEST_BACKEND="postgresql", CM_TEST_PG_SERVER=server)
        ran = subprocess.run([test, *sys.argv[3:]], env=env)
        if ran.returncode < 0:
            print(f"# {os.path.basename(test)} was killed by signal {-ran.returncode}")
            return 1
        return ran.returncode
    finally:
        pgcluster.stop(cluster_sh, folder)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
