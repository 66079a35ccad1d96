#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""commissioner --setup-server URI on a throwaway PostgreSQL 15 cluster
(cluster.sh): it sets up a migrated portfolio's roles, so that a reader
is then refused a write, and running it again is harmless; an empty
database, an older portfolio, a role that does not own the tables, an
owner without CREATEROLE, a person's role named like a group role and a
file path are refused, saying why, with nothing changed; a password in
the URI never appears in what it prints.

    test-pg-setup-server.py COMMISSIONER CLUSTER_SH SOURCE_ROOT
"""
import shutil
import sys
import tempfile

import pgcluster
import tap
from tap import finish, run

CLUSTER_SH, SOURCE_ROOT = sys.argv[2:4]
OWNER = "team_owner"
PASSWORD = "s3cret-never-shown"
ROLES = ["team_commissioners", "team_readers", "team_reviewers"]  # as listed, sorted

folder = None


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def sql(database, text, user=None):
    return pgcluster.psql(pgcluster.uri(folder, database, user), "-c", text)


def setup_server(database, user=OWNER):
    """The command on @database as @user, with a password in its URI."""
    result = run("--setup-server", pgcluster.uri(folder, database, user) + "&password=" + PASSWORD)
    check(f"the password in the URI is never printed ({database}, {user})",
          PASSWORD not in result.stdout + result.stderr, result.stdout + result.stderr)
    return result


def group_roles():
    """Every role named after a database, and the setup's rights, in text."""
    listed = sql("postgres", "SELECT rolname FROM pg_roles WHERE rolname ~ '_(readers|"
                             "commissioners|reviewers)$' ORDER BY 1")
    return listed.stdout if listed.returncode == 0 else "error: " + listed.stderr


def make_portfolio(database, owner):
    made = sql("postgres", f"CREATE DATABASE {database} OWNER {owner}")
    failed = made.stderr.strip() if made.returncode else pgcluster.migrate(
        pgcluster.uri(folder, database, owner), SOURCE_ROOT)
    check(f"{database} is made and migrated by {owner}", failed is None, failed)


def named(database):
    """A server portfolio as every message names it (cm-portfolio-name.h)."""
    return f"the database “{database}” on the PostgreSQL server “{folder}”"


def refused(what, result, because, database=None):
    check(what, result.returncode != 0 and because in result.stderr and not result.stdout
          and (database is None or named(database) in result.stderr),
          f"exit {result.returncode}: {result.stdout} {result.stderr}")


def check_setup():
    before = group_roles()
    done = setup_server("team")
    check("the owner sets up the portfolio's roles", done.returncode == 0, done.stderr)
    check("naming the three roles and how to give one to a person",
          all(role in done.stdout for role in ROLES) and
          "GRANT team_commissioners TO name" in done.stdout and named("team") in done.stdout,
          done.stdout)
    check("the three roles exist then", group_roles() == before + "".join(r + "\n" for r in ROLES),
          group_roles())
    sql("postgres", "CREATE ROLE rita LOGIN; GRANT team_readers TO rita")
    read = sql("team", "SELECT count(*) FROM audit", "rita")
    check("a reader reads", read.returncode == 0, read.stderr)
    wrote = sql("team", "UPDATE meta SET value = 'Rita' WHERE key = 'name'", "rita")
    check("a reader is refused a write", wrote.returncode != 0 and
          "permission denied" in wrote.stderr, wrote.stderr or wrote.stdout)
    again = setup_server("team")
    check("running it again is harmless", again.returncode == 0 and again.stdout == done.stdout,
          again.stderr)
    check("and makes no other role", group_roles() == before + "".join(r + "\n" for r in ROLES))


def check_refusals(work):
    before = group_roles()
    sql("postgres", "CREATE DATABASE empty")
    refused("an empty database is refused, saying to open it once first",
            setup_server("empty", None), "holds no portfolio yet", "empty")
    sql("postgres", "GRANT team_readers TO alice")
    refused("a reader, who does not own the tables, is refused",
            setup_server("team", "alice"), "only by the role that owns its tables",
            "team")
    make_portfolio("plain", "plain_owner")
    refused("an owner that cannot create roles is refused, saying what it needs",
            setup_server("plain", "plain_owner"), "CREATEROLE", "plain")
    make_portfolio("older", OWNER)
    sql("older", "UPDATE cm_schema SET version = version - 1", OWNER)
    refused("an older portfolio is refused, saying to open it once for changes",
            setup_server("older"), "Open it once for changes first", "older")
    sql("postgres", "ALTER ROLE team_readers LOGIN")
    refused("a role that can sign in, named like a group role, is not taken over",
            setup_server("team"), "Rename that role", "team")
    sql("postgres", "ALTER ROLE team_readers NOLOGIN")
    path = f"{work}/portfolio.cmportfolio"
    refused("a file path is refused, asking for a URI", run("--setup-server", path),
            "--setup-server takes a PostgreSQL URI")
    check("and nothing was changed", group_roles() == before, group_roles())


def main():
    global folder
    folder = tempfile.mkdtemp(prefix="cm-pg-setup-")
    work = tempfile.mkdtemp(prefix="cm-setup-work-")
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        check("a throwaway cluster starts", base is not None, why)
        if base is None:
            return finish()
        made = sql("postgres", f"CREATE ROLE {OWNER} LOGIN CREATEROLE;"
                               " CREATE ROLE plain_owner LOGIN; CREATE ROLE alice LOGIN")
        check("the owners and a person have login roles", made.returncode == 0, made.stderr)
        make_portfolio("team", OWNER)
        check_setup()
        check_refusals(work)
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
