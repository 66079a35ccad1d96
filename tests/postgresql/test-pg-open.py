#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The command line on a portfolio in a PostgreSQL 15 database, on a
throwaway cluster (cluster.sh): opening an empty database makes the
portfolio, as the migrations run by hand make it; records written there
are listed and exported, by a reader too; and a database of another program, a newer
portfolio, an empty database opened only for reading and a server that
cannot be reached are refused, naming the database and server, with
nothing changed. Changes are refused until the audit trail is written on
a server, and say so.

    test-pg-open.py COMMISSIONER CLUSTER_SH SOURCE_ROOT
"""
import os
import shutil
import sys
import tempfile

import openpyxl
import pgcluster
import tap
from tap import finish, run

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
    check(f"{what}: the message names the database and the server, and says {words!r}",
          f"“{database}”" in message and f"“{folder}”" in message and words in message,
          message)
    after = rows(database, SCHEMA_SQL) + rows(database, "SELECT * FROM cm_schema")
    check(f"{what}: the database is left as it was", before == after)


def check_new_portfolio(work):
    create("fresh")
    refused("an empty database opened only for reading", "fresh", "holds no portfolio",
            "--deadlines", "--today", "2026-11-22")
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
    check("the import is refused while the audit trail cannot be written on a server",
          imported.returncode == 1 and "“fresh”" in imported.stderr
          and "audit trail" in imported.stderr, imported.stderr.strip())
    check("the refused import wrote nothing",
          rows("fresh", "SELECT (SELECT count(*) FROM contract) + (SELECT count(*) FROM audit)")
          == "0")

    again = run("--portfolio", uri("fresh"), "--undo-import")
    check("opening it again for changes migrates nothing",
          rows("fresh", "SELECT version FROM cm_schema") == str(latest_version())
          and rows("fresh", SCHEMA_SQL) == rows("reference", SCHEMA_SQL), again.stderr)

    verified = run("--portfolio", uri("fresh"), "--verify-audit")
    check("checking the audit trail on a server says it cannot be done yet",
          verified.returncode != 0 and "cannot be checked" in verified.stderr,
          verified.stderr.strip())


def check_reading(work):
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
    check("reading wrote nothing to the trail", rows("fresh", "SELECT count(*) FROM audit") == "0")


def check_reader():
    """A person given the readers' role of the portfolio reads it as themselves."""
    roles = pgcluster.psql(uri("fresh"), "-1", "-f",
                           os.path.join(SOURCE_ROOT, "data", "sql", "postgresql", "roles.sql"),
                           "-c", "CREATE ROLE alice LOGIN IN ROLE fresh_readers")
    check("the portfolio's roles are set up, and a reader given one", roles.returncode == 0,
          roles.stderr.strip())
    as_alice = pgcluster.uri(folder, "fresh", "alice")
    listed = run("--portfolio", as_alice, "--deadlines", "--format", "csv", "--today", "2026-11-22")
    check("a reader lists the deadlines", listed.returncode == 0 and "SRV-0001" in listed.stdout,
          listed.stderr.strip())
    imported = run("--portfolio", as_alice, "--undo-import")
    check("a reader opening it for changes is not refused for reading it",
          "This portfolio holds no import to undo." in imported.stderr, imported.stderr.strip())


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
        check_refusals()
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
