#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Eight writers at once on one portfolio, for SECONDS: four edit contracts
of their own through the store in a loop (edit-contracts), four import
registers one after another with `commissioner --import`; a write refused
as busy is tried again. Afterwards the trail has no fork (ids without gaps,
and --verify-audit passes: each row's hash covers the one before it) and
every change a writer logged as committed is there: each edited title
in the trail in the order it was saved and the last one in the contract,
each import's contracts stored, a refused import's none. ENGINE is
"sqlite" (a portfolio file) or "postgresql" (a database in a throwaway
cluster, cluster.sh); the same checks run on both.

    test-writers.py COMMISSIONER EDIT_CONTRACTS CLUSTER_SH ENGINE SECONDS
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import pgcluster
import tap
from tap import finish

EDIT_CONTRACTS, CLUSTER_SH, ENGINE = sys.argv[2:5]
SECONDS = int(sys.argv[5])
EDITORS = 4
IMPORTERS = 4
CONTRACTS_EACH = 5
BUSY = ("in use by another program", "Someone else is saving")


def check(what, ok, detail=""):
    tap.check(what, ok, " / ".join(str(detail).split("\n"))[:2000])


class Portfolio:
    """Where the writers write, and reading it afterwards: a file, or a
    database in a throwaway cluster."""

    def __init__(self, work):
        self.work = work
        self.cluster = None
        if ENGINE == "sqlite":
            self.target = os.path.join(work, "writers.commissioner")
            return
        self.cluster = os.path.join(work, "cluster")
        os.mkdir(self.cluster)
        base, why = pgcluster.start(CLUSTER_SH, self.cluster)
        check("a throwaway cluster starts", base is not None, why)
        if base is None:
            return
        made = pgcluster.psql(base, "-c", "CREATE DATABASE writers")
        check("a database for the writers is made", made.returncode == 0, made.stderr)
        self.target = pgcluster.uri(self.cluster, "writers")

    def rows(self, sql):
        """The rows of @sql, as tuples of text."""
        if self.cluster is None:
            with sqlite3.connect(self.target) as db:
                return [tuple(None if v is None else str(v) for v in row)
                        for row in db.execute(sql)]
        result = pgcluster.psql(self.target, "-c", sql)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return [tuple(line.split("\t")) for line in result.stdout.splitlines() if line]

    def close(self):
        if self.cluster is not None:
            pgcluster.stop(CLUSTER_SH, self.cluster)


def write_register(path, references):
    with open(path, "w") as out:
        out.write("Reference,Title,Provider,Commissioner\n")
        for reference in references:
            out.write(f"{reference},Service {reference},Provider {reference},"
                      "Adult Social Care\n")


def import_register(portfolio, path):
    """`commissioner --import`, tried again while another writer saves:
    True once it committed, False with why when refused otherwise."""
    while True:
        result = subprocess.run([tap.BINARY, "--portfolio", portfolio.target, "--import", path],
                                capture_output=True, text=True, env=dict(os.environ, DISPLAY=""))
        if result.returncode == 0:
            return True, ""
        if result.returncode < 0 or not any(words in result.stderr for words in BUSY):
            return False, f"exit {result.returncode}: {result.stderr.strip()}"


def importer(portfolio, n, deadline, outcome):
    """Imports registers of two new contracts each until @deadline."""
    done, refused = [], []
    run = 0
    while time.monotonic() < deadline:
        run += 1
        references = [f"I{n}-{run}-a", f"I{n}-{run}-b"]
        path = os.path.join(portfolio.work, f"import-{n}-{run}.csv")
        write_register(path, references)
        ok, why = import_register(portfolio, path)
        (done if ok else refused).append((references, why))
    outcome[n] = (done, refused)


def seed(portfolio):
    """The contracts the editors edit, made by one import: their ids by writer."""
    path = os.path.join(portfolio.work, "seed.csv")
    write_register(path, [f"E{w}-{k}" for w in range(EDITORS) for k in range(CONTRACTS_EACH)])
    made = tap.run("--portfolio", portfolio.target, "--import", path)
    check("the portfolio is made with the contracts to edit", made.returncode == 0,
          made.stderr.strip())
    ids = {}
    for reference, contract in portfolio.rows("SELECT reference, id FROM contract"
                                              " WHERE reference LIKE 'E%' ORDER BY id"):
        ids.setdefault(int(reference[1:].split("-")[0]), []).append(contract)
    return ids


def run_writers(portfolio, ids):
    """The eight writers at once: the editors' logs and the imports' outcome."""
    deadline = time.monotonic() + SECONDS
    outcome = {}
    logs = [os.path.join(portfolio.work, f"edits-{w}.log") for w in range(EDITORS)]
    editors = [subprocess.Popen([EDIT_CONTRACTS, portfolio.target, str(w), str(SECONDS), logs[w],
                                 *ids[w]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for w in range(EDITORS)]
    importers = [threading.Thread(target=importer, args=(portfolio, n, deadline, outcome))
                 for n in range(IMPORTERS)]
    for thread in importers:
        thread.start()
    ended = [(editor.wait(timeout=SECONDS + 120),) + editor.communicate() for editor in editors]
    for thread in importers:
        thread.join(timeout=SECONDS + 120)
    check("every editor ran to the end, its saves committed or retried when busy",
          all(status == 0 for status, _, _ in ended),
          "; ".join(err.strip() for status, _, err in ended if status != 0))
    check("every importer ran to the end", len(outcome) == IMPORTERS)
    return logs, ended, outcome


def check_chain(portfolio):
    verified = tap.run("--portfolio", portfolio.target, "--verify-audit")
    check("--verify-audit passes after the writers", verified.returncode == 0,
          verified.stderr.strip() or verified.stdout.strip())
    trail = portfolio.rows("SELECT id, prev_hash, hash FROM audit ORDER BY id")
    gaps = [int(row[0]) for n, row in enumerate(trail, 1) if int(row[0]) != n]
    stored = [row[0] for row in trail if row[1]]
    check("the trail's ids run without a gap", trail and not gaps, gaps[:5])
    # Each hash covers the one before it, so a fork fails --verify-audit above.
    check("no row stores the hash it follows (its own hash covers it)", trail and not stored,
          stored[:5])
    head = portfolio.rows("SELECT value FROM meta WHERE key = 'audit_head'")
    check("the head is the newest row's hash", trail and head == [(trail[-1][2],)], head)
    return len(trail)


def check_edits(portfolio, logs):
    """Each logged title is in the trail, in the order saved, and the last
    one is the contract's."""
    logged = {}
    for log in logs:
        with open(log) as lines:
            for line in lines:
                contract, title = line.rstrip("\n").split("\t")
                logged.setdefault(contract, []).append(title)
    trail = {}
    for contract, value in portfolio.rows("SELECT entity_id, new_value FROM audit"
                                          " WHERE entity = 'contract' AND field = 'title'"
                                          " AND new_value LIKE 'Writer %' ORDER BY id"):
        trail.setdefault(contract, []).append(value)
    stored = dict(portfolio.rows("SELECT id, title FROM contract WHERE reference LIKE 'E%'"))
    missing = [c for c in logged if trail.get(c) != logged[c]]
    check("every logged edit is in the trail, in the order it was saved", logged and not missing,
          [(c, len(logged[c]), len(trail.get(c, []))) for c in missing[:5]])
    stale = [c for c in logged if stored.get(c) != logged[c][-1]]
    check("every edited contract holds its last logged title", logged and not stale,
          [(c, stored.get(c), logged[c][-1]) for c in stale[:5]])
    return sum(len(titles) for titles in logged.values())


def check_imports(portfolio, outcome):
    stored = {row[0] for row in portfolio.rows("SELECT reference FROM contract"
                                               " WHERE reference LIKE 'I%'")}
    done = [refs for n in outcome for refs, _ in outcome[n][0]]
    refused = [(refs, why) for n in outcome for refs, why in outcome[n][1]]
    lost = [refs for refs in done if not set(refs) <= stored]
    check("every import's contracts are stored", done and not lost, lost[:5])
    check("no import was refused for anything but another writer saving", not refused,
          [why for _, why in refused[:3]])
    half = [refs for refs, _ in refused if set(refs) & stored]
    check("a refused import stored none of its contracts", not half, half[:5])
    check("nothing else was imported",
          len(stored) == sum(len(refs) for refs in done), (len(stored), len(done)))
    return len(done)


def main():
    work = tempfile.mkdtemp(prefix="cm-writers-")
    os.chmod(work, 0o755)  # the cluster's user walks into it
    portfolio = Portfolio(work)
    try:
        if getattr(portfolio, "target", None) is None:
            return finish()
        ids = seed(portfolio)
        check(f"{EDITORS} writers have {CONTRACTS_EACH} contracts each to edit",
              sorted(len(mine) for mine in ids.values()) == [CONTRACTS_EACH] * EDITORS, ids)
        if len(ids) != EDITORS:
            return finish()
        trail_before = len(portfolio.rows("SELECT id FROM audit"))
        logs, ended, outcome = run_writers(portfolio, ids)
        rows = check_chain(portfolio)
        edits = check_edits(portfolio, logs)
        imports = check_imports(portfolio, outcome)
        busy = sum(int(out.split()[-1]) for status, out, _ in ended if status == 0 and out)
        print(f"# {ENGINE}: {edits} edits and {imports} imports committed by {EDITORS + IMPORTERS}"
              f" writers in {SECONDS} s, {(edits + imports) / SECONDS:.1f} commits/s;"
              f" {busy} saves retried when busy; {rows - trail_before} audit rows appended")
        check("the writers committed", edits > 0 and imports > 0, (edits, imports))
    finally:
        portfolio.close()
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
