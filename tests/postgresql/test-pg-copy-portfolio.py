#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""commissioner --copy-portfolio FROM TO, on a throwaway cluster
(cluster.sh): the demo portfolio copied from a file to a server, back to
a file, from file to file and from server to server keeps every table
row for row, its trail verifies on each copy and still holds the head
recorded of the original; a copy on a server takes changes afterwards.
--backup of a server's portfolio writes the same file. A target that
exists, or a database that holds a portfolio or another program's tables,
is refused with nothing changed, and an older source is refused saying
how to update it, as is --copy-portfolio with anything else. A copy that
fails midway leaves nothing half-written, and on a terminal says why on a
line of its own. A copied file keeps no write-ahead log.

    test-pg-copy-portfolio.py COMMISSIONER CLUSTER_SH SOURCE_ROOT
"""
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import pgcluster
import tap
from tap import digest, finish, run

CLUSTER_SH, SOURCE_ROOT = sys.argv[2:4]

# Libpq reads these from the environment; the URI alone must decide.
for name in [k for k in os.environ if k.startswith("PG")]:
    del os.environ[name]

folder = None


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def uri(database):
    return pgcluster.uri(folder, database)


def create(database):
    made = pgcluster.psql(uri("postgres"), "-c", f'CREATE DATABASE "{database}"')
    check(f"the database {database} is made", made.returncode == 0, made.stderr)


def dump(path):
    """The sqlite3 shell's dump of the file, and its header's numbers."""
    shown = subprocess.run(["sqlite3", path, ".dump", "PRAGMA user_version",
                            "PRAGMA application_id"], capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else "error: " + shown.stderr


def file_counts(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite%' ORDER BY name")]
        return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in tables}


def server_counts(database, tables):
    counts = {}
    for table in tables:
        result = pgcluster.psql(uri(database), "-c", f'SELECT count(*) FROM "{table}"')
        counts[table] = int(result.stdout) if result.returncode == 0 else result.stderr.strip()
    return counts


def server_state(database):
    """What a refusal must leave as it was: the tables and their rows."""
    result = pgcluster.psql(uri(database), "-c",
                            "SELECT table_name FROM information_schema.tables"
                            " WHERE table_schema = current_schema () ORDER BY 1")
    tables = result.stdout.split()
    return tables, server_counts(database, tables)


# A database's tables, columns, constraints and indexes, to compare two:
# a copy to a server drops the keys and indexes while it loads, and builds
# them again.
SCHEMA_SQL = """
SELECT table_name, column_name, data_type, coalesce (column_default, '')
  FROM information_schema.columns WHERE table_schema = current_schema ()
UNION ALL
SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef (oid)
  FROM pg_constraint WHERE connamespace = current_schema ()::regnamespace
UNION ALL
SELECT tablename, indexname, 'i', indexdef
  FROM pg_indexes WHERE schemaname = current_schema ()
ORDER BY 1, 2, 3, 4
"""


def schema(database):
    result = pgcluster.psql(uri(database), "-c", SCHEMA_SQL)
    return result.stdout if result.returncode == 0 else "error: " + result.stderr


def check_trail(portfolio, head, where):
    verified = run("--portfolio", portfolio, "--verify-audit")
    check(f"the trail verifies {where}", verified.returncode == 0,
          verified.stdout + verified.stderr)
    anchored = run("--portfolio", portfolio, "--verify-audit", "--expect-head", head)
    check(f"the original's head still verifies {where}", anchored.returncode == 0,
          anchored.stdout + anchored.stderr)


def check_self_contained(path, where):
    """A copy's rows are all in its file: its header (bytes 18 and 19, 1
    for a rollback journal, 2 for a write-ahead log) keeps no log, so none
    is looked for, and none is beside it."""
    with open(path, "rb") as data:
        header = data.read(20)
    check(f"{where} keeps no write-ahead log", header[18:20] == b"\x01\x01"
          and not os.path.exists(path + "-wal"), header[18:20])


def copied(source, target, what):
    result = run("--copy-portfolio", source, target)
    check(f"{what}: copied", result.returncode == 0 and "Copied" in result.stdout,
          result.stdout + result.stderr)
    check(f"{what}: naming a server's portfolio as every message does, not by its URI",
          "postgresql:" not in result.stdout, result.stdout)
    return result.returncode == 0


def refused(source, target, words, what):
    result = run("--copy-portfolio", source, target)
    message = result.stderr.strip()
    check(f"{what}: refused", result.returncode == 1 and words in message,
          f"exit {result.returncode}: {message}")
    check(f"{what}: the message says what to do", message.endswith("."), message)


def check_round_trip(work, demo, head):
    original = dump(demo)
    counts = file_counts(demo)
    check("the demo portfolio has records and a trail",
          counts.get("contract", 0) > 0 and counts.get("audit", 0) > 0, counts)

    create("team")
    if not copied(demo, uri("team"), "a file to a server"):
        return
    check("the server holds as many rows of each table as the file",
          server_counts("team", counts) == counts, server_counts("team", counts))
    check_trail(uri("team"), head, "on the server")
    create("opened")
    opened = run("--create-demo", uri("opened"), "--today", "2026-11-22")
    check("the copy's tables are those the store makes in an empty database",
          opened.returncode == 0 and schema("team") == schema("opened") and "contract" in
          schema("team"), opened.stderr)

    back = os.path.join(work, "back.commissioner")
    if copied(uri("team"), back, "the server back to a file"):
        check("the file copied back is the original, table for table",
              dump(back) == original, "dumps differ")
        check_self_contained(back, "the file copied back")
        check_trail(back, head, "on the file copied back")
    check("no working folder or journal is left beside the copy",
          [name for name in os.listdir(work)
           if name.startswith(".") or name.startswith("back.commissioner-")] == [],
          os.listdir(work))

    same = os.path.join(work, "same.commissioner")
    if copied(demo, same, "a file to a file"):
        check("the file copy is the original, table for table", dump(same) == original,
              "dumps differ")
        check_self_contained(same, "the file copy")

    create("again")
    if copied(uri("team"), uri("again"), "a server to a server"):
        check("the second server holds the same rows", server_counts("again", counts) == counts,
              server_counts("again", counts))
        check_trail(uri("again"), head, "on the second server")
        changed = run("--portfolio", uri("again"), "--set-ocds-prefix", "ocds-abc123")
        check("the copy on a server takes a change", changed.returncode == 0, changed.stderr)
        check_trail(uri("again"), head, "after the change")

    backup = os.path.join(work, "server-backup.commissioner")
    # The password is one the cluster's trust sign-in never asks for.
    made = run("--portfolio", uri("team") + "&password=never-shown", "--backup", backup)
    check("--backup of a server's portfolio writes a file", made.returncode == 0,
          made.stdout + made.stderr)
    check("and says so naming the portfolio as every message does, without its password",
          f"the database “team” on the PostgreSQL server “{folder}”" in made.stdout
          and "never-shown" not in made.stdout + made.stderr, made.stdout + made.stderr)
    if made.returncode == 0:
        check("the backup is the original, table for table", dump(backup) == original,
              "dumps differ")
        check_trail(backup, head, "on the backup")
        check_self_contained(backup, "the backup")
        again = run("--portfolio", uri("team"), "--backup", backup)
        check("--backup replaces an earlier backup", again.returncode == 0 and
              dump(backup) == original, again.stderr)
        os.unlink(backup)


def check_refusals(work, demo):
    existing = os.path.join(work, "existing.commissioner")
    with open(existing, "w") as out:
        out.write("not to be lost\n")
    before = digest(existing)
    refused(demo, existing, "already exists", "a file that exists")
    check("the existing file is as it was", digest(existing) == before)
    os.unlink(existing)

    state = server_state("team")
    # Named as every message names a server portfolio (cm-portfolio-name.h).
    refused(demo, uri("team"), "Nothing was copied into the database “team” on the PostgreSQL "
            "server", "a database with a portfolio")
    check("the database with a portfolio is as it was", server_state("team") == state,
          server_state("team"))

    create("other")
    pgcluster.psql(uri("other"), "-c", "CREATE TABLE invoices (id integer); "
                                       "INSERT INTO invoices VALUES (1)")
    state = server_state("other")
    refused(demo, uri("other"), "another program", "a database of another program")
    check("the other program's database is as it was", server_state("other") == state,
          server_state("other"))

    older = os.path.join(work, "older.commissioner")
    shutil.copy(demo, older)
    with sqlite3.connect(older) as db:
        db.execute("PRAGMA user_version = 21")
    refused(older, os.path.join(work, "from-older.commissioner"), "Open it once",
            "an older portfolio")
    check("nothing was written from the older portfolio",
          not os.path.exists(os.path.join(work, "from-older.commissioner")))
    os.unlink(older)

    missing = run("--copy-portfolio", demo)
    check("a copy without a target is refused", missing.returncode == 2, missing.stderr)

    extra = os.path.join(work, "extra.commissioner")
    for more in (["--portfolio", demo], ["another.commissioner"]):
        mixed = run("--copy-portfolio", demo, extra, *more)
        check(f"a copy with {more[0]} as well is refused", mixed.returncode == 2 and
              "no other options" in mixed.stderr and not os.path.exists(extra), mixed.stderr)


def check_error_on_own_line(broken, target):
    """On a terminal, a copy that fails after telling its progress ends
    that line before saying why."""
    leader, follower = pty.openpty()
    failed = subprocess.run([tap.BINARY, "--copy-portfolio", broken, target],
                            stdout=subprocess.DEVNULL, stderr=follower,
                            env=dict(os.environ, DISPLAY=""))
    os.close(follower)
    told = b""
    while True:
        try:
            more = os.read(leader, 4096)
        except OSError:
            break
        if not more:
            break
        told += more
    os.close(leader)
    lines = told.decode().replace("\r\n", "\n").split("\n")
    check("on a terminal, the reason starts a line of its own", failed.returncode == 1 and
          "rows…" in told.decode() and any(line.startswith("The portfolio could not")
                                           for line in lines), repr(told.decode()))


def check_failure_midway(work, demo):
    """A source whose last rows break a reference fails once every row is
    in: a file target is not made, a server's copy is undone whole, tables
    and all, and the same database takes a good copy afterwards."""
    broken = os.path.join(work, "broken.commissioner")
    shutil.copy(demo, broken)
    with sqlite3.connect(broken) as db:
        db.execute("UPDATE contract SET service_id = 999999 WHERE id = (SELECT max(id) FROM contract)")
    target = os.path.join(work, "from-broken.commissioner")
    failed = run("--copy-portfolio", broken, target)
    check("a copy that fails midway to a file fails, saying why",
          failed.returncode == 1 and "do not fit together" in failed.stderr, failed.stderr)
    check("it leaves no file and no working folder",
          [name for name in os.listdir(work) if "from-broken" in name] == [], os.listdir(work))

    check_error_on_own_line(broken, target)

    create("undone")
    failed = run("--copy-portfolio", broken, uri("undone"))
    check("a copy that fails midway to a server fails, saying why",
          failed.returncode == 1 and "do not fit together" in failed.stderr, failed.stderr)
    check("the database is left empty, without even tables", server_state("undone") == ([], {}),
          server_state("undone"))
    retried = copied(demo, uri("undone"), "the same database, once more")
    check("it holds every contract then", retried and server_counts("undone", ["contract"]) ==
          {"contract": file_counts(demo)["contract"]}, server_counts("undone", ["contract"]))
    os.unlink(broken)


def main():
    global folder
    work = tempfile.mkdtemp(prefix="cm-pg-copy-")
    folder = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        check("a throwaway cluster starts", base is not None, why)
        if base is None:
            return finish()
        demo = os.path.join(work, "demo.commissioner")
        made = run("--create-demo", demo, "--today", "2026-11-22")
        check("the demo portfolio is made", made.returncode == 0, made.stderr)
        head = run("--portfolio", demo, "--audit-head").stdout.strip()
        check("the original's head is read", ":" in head, head)
        check_round_trip(work, demo, head)
        check_refusals(work, demo)
        check_failure_midway(work, demo)
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
