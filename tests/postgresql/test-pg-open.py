#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The command line on a portfolio in a PostgreSQL 15 database, on a
throwaway cluster (cluster.sh): opening an empty database makes the
portfolio, as the migrations run by hand make it; records written there
are listed and exported, by a reader too; and a database of another program, a newer
portfolio, an empty database opened only for reading and a server that
cannot be reached are refused, naming the database and server, with
nothing changed. Imports and their undoing are audited there as in a file:
the trail verifies, its actor is the database role, a reader is refused,
and writers at once all commit to one chain. Backups kept and restored are
the server's own.

    test-pg-open.py COMMISSIONER CLUSTER_SH SOURCE_ROOT
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import openpyxl
import pgcluster
import tap
from tap import finish, run
from urllib.parse import quote

CLUSTER_SH, SOURCE_ROOT = sys.argv[2:4]
APPLICATION_ID = 0x436d736e  # CM_SCHEMA_APPLICATION_ID

# Libpq reads these from the environment; the URI alone must decide.
for name in [k for k in os.environ if k.startswith("PG")]:
    del os.environ[name]

# Two contracts written straight into the database, one ending within the
# deadlines' horizon of 22 November 2026.
RECORDS = """
INSERT INTO organisation (id, name, kind) VALUES (1, 'Check council', 'council');
INSERT INTO service (id, name, area, client_group, lead_commissioner_id)
  VALUES (1, 'Home care', 'adults', 'older-people', 1);
INSERT INTO provider (id, name, sector) VALUES (1, 'Acme Care', 'private');
INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,
                      annual_value, start_date, end_date)
  VALUES (1, 'SRV-0001', 'Home care north', 1, 1, 'block', 'open', 12000000,
          '2024-04-01', '2027-03-31'),
         (2, 'SRV-0002', 'Home care south', 1, 1, 'block', 'open', 8000000,
          '2025-04-01', '2030-03-31');
"""

# Everything a portfolio's tables are, to compare two databases.
SCHEMA_SQL = """
SELECT table_name, column_name, data_type, coalesce(column_default, '')
  FROM information_schema.columns WHERE table_schema = current_schema()
  ORDER BY table_name, ordinal_position
"""

folder = None


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def uri(database, scheme="postgresql"):
    return pgcluster.uri(folder, database).replace("postgresql:", scheme + ":", 1)


def rows(database, sql):
    result = pgcluster.psql(uri(database), "-c", sql)
    return result.stdout.strip() if result.returncode == 0 else "error: " + result.stderr.strip()


def create(database):
    made = pgcluster.psql(uri("postgres"), "-c", f'CREATE DATABASE "{database}"')
    check(f"the database {database} is made", made.returncode == 0, made.stderr)


def latest_version():
    return int(pgcluster.shipped_migrations(SOURCE_ROOT)[-1][:3])


def refused(what, database, words, *args, status=2):
    """Runs the program on @database, which must refuse, naming the
    database and server and saying @words; the database left as it was."""
    before = rows(database, SCHEMA_SQL) + rows(database, "SELECT * FROM cm_schema")
    result = run("--portfolio", uri(database), *args)
    message = result.stderr.strip()
    check(f"{what}: refused", result.returncode == status,
          f"status {result.returncode}: {message}")
    # As every message names a server portfolio (cm-portfolio-name.h).
    check(f"{what}: the message names the database and the server, and says {words!r}",
          f"the database “{database}” on the PostgreSQL server “{folder}”" in message
          and words in message, message)
    after = rows(database, SCHEMA_SQL) + rows(database, "SELECT * FROM cm_schema")
    check(f"{what}: the database is left as it was", before == after)


def check_new_portfolio(work):
    create("fresh")
    refused("an empty database opened only for reading", "fresh", "holds no portfolio",
            "--deadlines", "--today", "2026-11-22")
    refused("an empty database opened for undoing an import", "fresh", "holds no portfolio",
            "--undo-import")
    check("nothing was made in it", rows("fresh", "SELECT count(*) FROM pg_tables"
                                                 " WHERE schemaname = current_schema()") == "0")

    register = os.path.join(work, "add.csv")
    with open(register, "w") as out:
        out.write("Reference,Title,Provider,Commissioner\nCLI-1,Added,New Provider,"
                  "Adult Social Care\n")
    imported = run("--portfolio", uri("fresh"), "--import", register)
    check("opening an empty database for an import makes the portfolio",
          rows("fresh", "SELECT application_id, version FROM cm_schema")
          == f"{APPLICATION_ID}\t{latest_version()}",
          rows("fresh", "SELECT * FROM cm_schema"))
    create("reference")
    failed = pgcluster.migrate(uri("reference"), SOURCE_ROOT)
    check("the migrations run by hand in another database", failed is None, failed)
    check("the portfolio has the tables and columns the migrations make by hand",
          rows("fresh", SCHEMA_SQL) == rows("reference", SCHEMA_SQL) != "",
          rows("fresh", "SELECT count(*) FROM information_schema.columns"
                        " WHERE table_schema = current_schema()"))
    check("the dialect's functions are there", rows("fresh", "SELECT cm_fold('Straße')") == "strasse")
    check("the import stores its contract",
          imported.returncode == 0 and rows("fresh", "SELECT reference FROM contract") == "CLI-1",
          imported.stderr.strip())
    check("the import's audit rows name the database role",
          rows("fresh", "SELECT DISTINCT actor FROM audit WHERE entity = 'contract'")
          == rows("fresh", "SELECT session_user"))
    check_audit("fresh", "after the import")

    undone = run("--portfolio", uri("fresh"), "--undo-import")
    check("--undo-import removes the imported records",
          undone.returncode == 0 and rows("fresh", "SELECT count(*) FROM contract") == "0",
          undone.stderr.strip())
    check("opening it again for changes migrates nothing",
          rows("fresh", "SELECT version FROM cm_schema") == str(latest_version())
          and rows("fresh", SCHEMA_SQL) == rows("reference", SCHEMA_SQL), undone.stderr)
    check_audit("fresh", "after the import was undone")
    check_backups_refused(work)


def check_audit(database, when, user=None):
    """--verify-audit passes on @database and --audit-head names its newest row."""
    target = pgcluster.uri(folder, database, user)
    verified = run("--portfolio", target, "--verify-audit")
    check(f"--verify-audit passes {when}",
          verified.returncode == 0 and "intact" in verified.stdout,
          verified.stderr.strip() or verified.stdout.strip())
    head = run("--portfolio", target, "--audit-head")
    newest = rows(database, "SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1")
    check(f"--audit-head names the newest audit row {when}",
          head.returncode == 0 and head.stdout.strip() == newest,
          f"{head.stdout.strip()} / {newest} / {head.stderr.strip()}")


def check_backups_refused(work):
    """The file-only backup options say a server's backups are pg_dump's
    (--backup writes a file copy: test-pg-copy-portfolio.py)."""
    copy = os.path.join(work, "copy.commissioner")
    for args in (["--list-backups"], ["--restore", copy]):
        result = run("--portfolio", uri("fresh"), *args)
        check(f"{args[0]} on a server says its backups are pg_dump's",
              result.returncode != 0 and "pg_dump" in result.stderr
              and "“fresh”" in result.stderr and not os.path.exists(copy),
              result.stderr.strip())


def check_reading(work):
    trail = rows("fresh", "SELECT count(*) FROM audit")
    written = pgcluster.psql(uri("fresh"), "-1", "-f", "-", stdin=RECORDS)
    check("records are written into the portfolio by hand", written.returncode == 0,
          written.stderr.strip())
    for scheme in ("postgresql", "postgres"):
        listed = run("--portfolio", uri("fresh", scheme), "--deadlines", "--format", "csv",
                     "--today", "2026-11-22")
        check(f"--deadlines lists the contracts of a {scheme}:// portfolio",
              listed.returncode == 0 and "SRV-0001" in listed.stdout
              and "Acme Care" in listed.stdout, listed.stderr.strip() or listed.stdout)
    workbook = os.path.join(work, "portfolio.xlsx")
    exported = run("--portfolio", uri("fresh"), "--export", workbook, "--today", "2026-11-22")
    check("--export writes the portfolio's workbook", exported.returncode == 0,
          exported.stderr.strip())
    try:
        book = openpyxl.load_workbook(workbook, read_only=True)
        cells = {str(cell) for sheet in book.worksheets
                 for row in sheet.iter_rows(values_only=True) for cell in row}
        check("the workbook holds both contracts, read back",
              {"SRV-0001", "SRV-0002", "Home care north"} <= cells)
    except Exception as error:  # an unreadable workbook fails the check
        check("the workbook holds both contracts, read back", False, error)
    check("reading wrote nothing to the trail",
          rows("fresh", "SELECT count(*) FROM audit") == trail)


def check_reader():
    """A person given the readers' role of the portfolio reads it as themselves."""
    roles = pgcluster.psql(uri("fresh"), "-1", "-f",
                           os.path.join(SOURCE_ROOT, "data", "sql", "postgresql", "roles.sql"),
                           "-c", "CREATE ROLE ruth LOGIN IN ROLE fresh_readers")
    check("the portfolio's roles are set up, and a reader given one", roles.returncode == 0,
          roles.stderr.strip())
    as_ruth = pgcluster.uri(folder, "fresh", "ruth")
    listed = run("--portfolio", as_ruth, "--deadlines", "--format", "csv", "--today", "2026-11-22")
    check("a reader lists the deadlines", listed.returncode == 0 and "SRV-0001" in listed.stdout,
          listed.stderr.strip())
    imported = run("--portfolio", as_ruth, "--undo-import")
    check("a reader opening it for changes is not refused for reading it",
          "This portfolio holds no import to undo." in imported.stderr, imported.stderr.strip())


def write_register(work, name, *references):
    """A CSV register of one new contract per reference, each with a
    provider of its own; its path."""
    path = os.path.join(work, name)
    with open(path, "w") as out:
        out.write("Reference,Title,Provider,Commissioner\n")
        for reference in references:
            out.write(f"{reference},Service {reference},Provider {reference},"
                      "Adult Social Care\n")
    return path


def check_reader_cannot_stall(work, alice):
    """A reader who takes every lock a reader can, and holds them in a
    transaction left open, does not stall a commissioner's save: the
    writers' lock is the trail's head row, which readers cannot lock."""
    reader = subprocess.Popen(["psql", "-X", "-q", "-A", "-t", "-d",
                               pgcluster.uri(folder, "team", "rita")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=pgcluster.PG_ENV)
    # 1131246446: the advisory lock writers once took (WRITER_LOCK_KEY).
    reader.stdin.write("SELECT 1 FROM meta WHERE key = 'audit_head' FOR UPDATE;\n"
                       "SELECT 1 FROM meta WHERE key = 'audit_head' FOR KEY SHARE;\n"
                       "BEGIN; LOCK TABLE meta IN ROW SHARE MODE; ROLLBACK;\n"
                       "SELECT pg_advisory_lock (1131246446);\n"
                       "BEGIN ISOLATION LEVEL REPEATABLE READ;\n"
                       "SELECT pg_advisory_xact_lock_shared (1131246446);\n"
                       "SELECT count(*) FROM meta, audit;\n"
                       "\\echo held\n")
    reader.stdin.flush()
    # Its rows, then the line that says all was sent: nothing waits on time.
    said = iter(reader.stdout.readline, "")
    held = any(line.strip() == "held" for line in said) and rows(
        "team", "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                " WHERE a.usename = 'rita' AND l.locktype = 'advisory' AND l.granted"
                " AND l.objid = 1131246446") == "2"
    check("a reader holds the advisory lock writers once took, in an open transaction", held)
    started = time.monotonic()
    saved = run("--portfolio", alice, "--import", write_register(work, "stall.csv", "S-1"))
    took = time.monotonic() - started
    reader.stdin.close()
    refusals = reader.stderr.read()
    reader.wait(timeout=60)
    check("the reader may not lock the trail's head, nor meta for changes",
          refusals.count("permission denied") == 3, refusals.strip())
    check("a commissioner's import commits while the reader holds its locks",
          saved.returncode == 0
          and rows("team", "SELECT count(*) FROM contract WHERE reference = 'S-1'") == "1",
          f"{took:.1f} s: {saved.stderr.strip()}")


def check_writer_waits(work, alice):
    """A writer holding the writers' lock (the trail's head row) makes
    another wait, until the lock's timeout says someone else is saving;
    nothing of the refused import is written."""
    holder = subprocess.Popen(["psql", "-X", "-q", "-A", "-t", "-d", alice],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=pgcluster.PG_ENV)
    holder.stdin.write("BEGIN; SELECT 1 FROM meta WHERE key = 'audit_head' FOR UPDATE;\n"
                       "\\echo held\n")
    holder.stdin.flush()
    held = any(line.strip() == "held" for line in iter(holder.stdout.readline, ""))
    waited = run("--portfolio", alice, "--import", write_register(work, "wait.csv", "L-1"))
    holder.stdin.close()
    holder.wait(timeout=60)
    check("while another writer holds the lock, an import is told someone else is saving",
          held and waited.returncode != 0 and "Someone else is saving" in waited.stderr
          and rows("team", "SELECT count(*) FROM contract WHERE reference = 'L-1'") == "0",
          waited.stderr.strip())


def check_team(work):
    """A team's portfolio: a commissioner imports as themselves, a reader
    is refused, and writers at once all commit to one chain."""
    create("team")
    made = run("--portfolio", uri("team"), "--import", write_register(work, "t0.csv", "T-0"))
    roles = pgcluster.psql(uri("team"), "-1", "-f",
                           os.path.join(SOURCE_ROOT, "data", "sql", "postgresql", "roles.sql"),
                           "-c", "CREATE ROLE alice LOGIN IN ROLE team_commissioners",
                           "-c", "CREATE ROLE rita LOGIN IN ROLE team_readers")
    check("a team portfolio is made, and a commissioner and a reader given its roles",
          made.returncode == 0 and roles.returncode == 0, made.stderr + roles.stderr)
    alice = pgcluster.uri(folder, "team", "alice")
    imported = run("--portfolio", alice, "--import", write_register(work, "t1.csv", "T-1"))
    check("a commissioner imports", imported.returncode == 0
          and rows("team", "SELECT count(*) FROM contract WHERE reference = 'T-1'") == "1",
          imported.stderr.strip())
    check("the commissioner's import is audited as alice",
          rows("team", "SELECT DISTINCT actor FROM audit WHERE entity = 'contract'"
                       " AND entity_id = (SELECT id FROM contract WHERE reference = 'T-1')")
          == "alice")

    trail = rows("team", "SELECT count(*) FROM audit")
    refused_import = run("--portfolio", pgcluster.uri(folder, "team", "rita"), "--import",
                         write_register(work, "t2.csv", "T-2"))
    check("a reader's import is refused, saying they may not change the portfolio",
          refused_import.returncode != 0 and "not allowed to change" in refused_import.stderr,
          refused_import.stderr.strip())
    check("the reader's import wrote nothing",
          rows("team", "SELECT count(*) FROM audit") == trail
          and rows("team", "SELECT count(*) FROM contract WHERE reference = 'T-2'") == "0")
    with_password = ("postgresql://rita:hunter2@/team?host=" + quote(folder, safe="")
                     + "&password=hunter3")
    told = run("--portfolio", with_password, "--import", write_register(work, "t3.csv", "T-3"))
    check("a refusal names the portfolio without the passwords in its URI",
          "not allowed to change" in told.stderr and "hunter" not in told.stderr
          and "team" in told.stderr, told.stderr.strip())

    check_reader_cannot_stall(work, alice)
    check_writer_waits(work, alice)

    head = run("--portfolio", alice, "--audit-head").stdout.strip()
    writers = [subprocess.Popen([tap.BINARY, "--portfolio", alice, "--import",
                                 write_register(work, f"w{n}.csv", f"W-{n}a", f"W-{n}b")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, DISPLAY=""))
               for n in range(4)]
    ended = [(writer.wait(timeout=120), writer.stderr.read()) for writer in writers]
    check("four imports at once all commit", all(status == 0 for status, _ in ended),
          "; ".join(why.strip() for _, why in ended))
    check("every contract of the imports at once is stored",
          rows("team", "SELECT count(*) FROM contract WHERE reference LIKE 'W-%'") == "8")
    check_audit("team", "after imports at once", "alice")
    kept = run("--portfolio", alice, "--verify-audit", "--expect-head", head)
    check("the head kept before the imports at once is still in the trail",
          kept.returncode == 0 and head.split(":")[0] in kept.stdout,
          kept.stderr.strip() or kept.stdout.strip())

    undone = run("--portfolio", alice, "--undo-import")
    check("a commissioner undoes the last import",
          undone.returncode == 0
          and rows("team", "SELECT count(*) FROM contract WHERE reference LIKE 'W-%'") == "6",
          undone.stderr.strip())
    check_audit("team", "after undoing an import", "alice")

    pgcluster.psql(uri("team"), "-c", "UPDATE contract SET title = 'Changed by hand'"
                                      " WHERE reference = 'T-1'")
    tampered = run("--portfolio", alice, "--verify-audit")
    check("--verify-audit finds a record changed outside Commissioner",
          tampered.returncode != 0 and "T-1" in tampered.stderr + tampered.stdout,
          tampered.stderr.strip() or tampered.stdout.strip())
    check("--verify-audit on a server speaks of the portfolio, not of a file",
          "title: portfolio “Changed by hand”, trail" in tampered.stderr,
          tampered.stderr.strip())


def check_same_trail(work):
    """One register imported into a file and into a server gives the same
    audit rows but for when and by whom: the values hashed are the same
    text on both engines (money, dates, truth values, references)."""
    register = os.path.join(work, "valued.csv")
    with open(register, "w") as out:
        out.write("Reference,Title,Provider,Service,Commissioner,Annual value,Start date,End date\n"
                  "VAL-1,Valued,Valued Care,Home care,Adult Social Care,12000.50,2026-04-01,"
                  "2027-03-31\n")
    portfolio = os.path.join(work, "valued.commissioner")
    create("valued")
    on_file = run("--portfolio", portfolio, "--import", register)
    on_server = run("--portfolio", uri("valued"), "--import", register)
    check("the register is imported into a file and into a server",
          on_file.returncode == 0 and on_server.returncode == 0,
          on_file.stderr.strip() + on_server.stderr.strip())
    columns = ("id, entity, entity_id, field, coalesce(old_value, 'NULL'),"
               " coalesce(new_value, 'NULL')")
    with sqlite3.connect(portfolio) as db:
        from_file = "\n".join("\t".join(str(value) for value in row) for row in
                               db.execute(f"SELECT {columns} FROM audit ORDER BY id"))
    from_server = rows("valued", f"SELECT {columns} FROM audit ORDER BY id")
    check("the audit rows of the file and of the server hold the same values",
          from_file == from_server and "1200050" in from_server,
          f"file: {from_file[-300:]} / server: {from_server[-300:]}")


def check_demo():
    """The demo portfolio, which has every kind of record and value, made
    on a server: its whole trail, baseline included, verifies there."""
    create("demo")
    made = run("--create-demo", uri("demo"), "--today", "2026-11-22")
    check("the demo portfolio is made on a server",
          made.returncode == 0 and rows("demo", "SELECT count(*) > 0 FROM contract") == "t",
          made.stderr.strip())
    check_audit("demo", "on the demo portfolio")


def check_refusals():
    create("other")
    made = pgcluster.psql(uri("other"), "-c", "CREATE TABLE invoices (id integer, amount integer)"
                                              "; INSERT INTO invoices VALUES (1, 100)")
    check("another program's table is made", made.returncode == 0, made.stderr)
    refused("a database of another program", "other", "another program", "--deadlines")
    refused("a database of another program, opened for changes", "other", "another program",
            "--undo-import")
    check("no portfolio table was made in it", rows("other", "SELECT count(*) FROM pg_tables"
                                                             " WHERE schemaname = current_schema()")
          == "1")

    create("foreign_id")
    pgcluster.psql(uri("foreign_id"), "-c", "CREATE TABLE cm_schema (one_row boolean PRIMARY KEY,"
                                            " application_id integer, version integer);"
                                            " INSERT INTO cm_schema VALUES (true, 42, 1)")
    refused("a cm_schema of another application", "foreign_id", "another program", "--undo-import")

    create("newer")
    failed = pgcluster.migrate(uri("newer"), SOURCE_ROOT)
    check("a portfolio is migrated by hand", failed is None, failed)
    pgcluster.psql(uri("newer"), "-c", f"UPDATE cm_schema SET version = {latest_version() + 1}")
    refused("a newer portfolio", "newer", "newer version of Commissioner", "--undo-import")
    refused("a newer portfolio, opened only for reading", "newer", "newer version of Commissioner",
            "--deadlines")

    older = "older"
    create(older)
    pgcluster.psql(uri(older), "-1", "-f", os.path.join(SOURCE_ROOT, "data", "sql", "postgresql",
                                                         "prelude.sql"))
    for name in pgcluster.shipped_migrations(SOURCE_ROOT)[:-1]:
        pgcluster.psql(uri(older), "-1", "-f", os.path.join(SOURCE_ROOT, "data", "sql", name),
                       "-c", f"UPDATE cm_schema SET version = {int(name[:3])}")
    refused("an older portfolio opened only for reading", older, "needs updating", "--deadlines")

    gone = os.path.join(folder, "no-such-folder")
    result = run("--portfolio", f"postgresql:///fresh?host={gone}", "--deadlines")
    check("an unreachable server is refused, named, saying what to do",
          result.returncode == 2 and f"“{gone}” cannot be reached" in result.stderr
          and "Check that the server is running" in result.stderr, result.stderr.strip())
    result = run("--portfolio", uri("missing"), "--deadlines")
    check("a missing database is refused, named",
          result.returncode == 2 and "no database called “missing”" in result.stderr,
          result.stderr.strip())


def main():
    global folder
    work = tempfile.mkdtemp(prefix="cm-pg-open-")
    folder = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        check("a throwaway cluster starts", base is not None, why)
        if base is None:
            return finish()
        check_new_portfolio(work)
        check_reading(work)
        check_reader()
        check_team(work)
        check_same_trail(work)
        check_demo()
        check_refusals()
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
