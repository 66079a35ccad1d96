#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The roles of a team portfolio on PostgreSQL 15 (data/sql/postgresql/roles.sql)
on a throwaway cluster: two portfolio databases, migrated and set up by
their owner, a role with CREATEROLE but no superuser; then each kind of
person tries, connected as themselves, what their role allows and what it
must not: a reader writes, a commissioner edits and rewrites the audit
trail or writes it in another's name, a reviewer edits and accepts damage,
anyone reaches the other portfolio. Running the setup again changes
nothing.

    test-pg-roles.py CLUSTER_SH SOURCE_ROOT
"""
import os
import shutil
import sys
import tempfile

import pgcluster
import tap
from tap import finish

CLUSTER_SH, SOURCE_ROOT = sys.argv[1:3]
ROLES_SQL = os.path.join(SOURCE_ROOT, "data", "sql", "postgresql", "roles.sql")
OWNER = "portfolio_owner"
A, B = "portfolio_a", "portfolio_b"

# Everything the setup decides about a portfolio, in an order of its own,
# to compare before and after running it again.
RIGHTS_SQL = """
SELECT 'table', grantee, table_name, privilege_type FROM information_schema.role_table_grants
  WHERE grantee LIKE current_database() || '\\_%' OR grantee = 'PUBLIC'
UNION ALL SELECT 'database', coalesce(r.rolname, 'PUBLIC'), '', a.privilege_type
  FROM pg_database d, aclexplode(d.datacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
  WHERE d.datname = current_database()
UNION ALL SELECT 'member', g.rolname, m.rolname, ''
  FROM pg_auth_members x JOIN pg_roles g ON g.oid = x.roleid JOIN pg_roles m ON m.oid = x.member
  WHERE g.rolname LIKE current_database() || '\\_%'
UNION ALL SELECT 'policy', policyname, array_to_string(roles, ','), coalesce(qual, '')
                 || ' ' || coalesce(with_check, '') FROM pg_policies
UNION ALL SELECT 'trigger', tgname, tgenabled::text, tgfoid::regproc::text FROM pg_trigger
  WHERE NOT tgisinternal
UNION ALL SELECT 'default', pg_get_userbyid(d.defaclrole) || ' ' || defaclobjtype::text,
                 coalesce(r.rolname, 'PUBLIC'), a.privilege_type
  FROM pg_default_acl d, aclexplode(d.defaclacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
ORDER BY 1, 2, 3, 4
"""

folder = None
next_audit_id = 900000


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def run_as(user, database, sql):
    return pgcluster.psql(pgcluster.uri(folder, database, user), "-c", sql)


def allowed(what, user, database, sql):
    result = run_as(user, database, sql)
    check(what, result.returncode == 0, result.stderr.strip())


def refused(what, user, database, sql, because="permission denied"):
    """Checks that @user's @sql fails, and fails for the reason given."""
    result = run_as(user, database, sql)
    check(what, result.returncode != 0 and because in result.stderr,
          result.stderr.strip() or "it ran: " + result.stdout.strip())


def audit_row(actor):
    """An audit row as the store writes it, naming @actor; a new id each time."""
    global next_audit_id
    next_audit_id += 1
    return ("INSERT INTO audit (id, at, actor, entity, entity_id, field, old_value, new_value,"
            f" prev_hash, hash) VALUES ({next_audit_id}, '2026-11-22T10:00:00Z', '{actor}',"
            f" 'service', 900001, 'name', NULL, 'Checked', 'prev', 'hash')")


def upsert_meta(key, value):
    """The statement the store writes a setting and the trail's head with."""
    return (f"INSERT INTO meta (key, value) VALUES ('{key}', '{value}')"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def setup(database, user=OWNER):
    return pgcluster.psql(pgcluster.uri(folder, database, user), "-1", "-f", ROLES_SQL)


def rights(database):
    """What the setup decides about @database, in text; an error is never
    equal to anything, not even to itself."""
    listed = run_as(None, database, RIGHTS_SQL)
    if listed.returncode == 0:
        return listed.stdout
    check(f"the rights of {database} can be listed", False, listed.stderr.strip())
    return object()


def make_portfolio(database, set_up_by=OWNER, who="the owner, with CREATEROLE only,"):
    """A migrated portfolio owned by OWNER, set up; whether it all ran."""
    made = run_as(None, "postgres", f"CREATE DATABASE {database} OWNER {OWNER}")
    failed = made.stderr.strip() if made.returncode else pgcluster.migrate(
        pgcluster.uri(folder, database, OWNER), SOURCE_ROOT)
    check(f"{database} is made and migrated by its owner", failed is None, failed)
    done = setup(database, set_up_by)
    check(f"{who} sets up {database}'s roles", done.returncode == 0, done.stderr.strip())
    return failed is None and done.returncode == 0


def check_setup_refusals():
    before = rights(A)
    done = setup(A, "alice")
    check("a role that does not own the tables cannot set up the roles",
          done.returncode != 0 and "only by the owner of its tables" in done.stderr,
          done.stderr.strip())
    check("and nothing changed", rights(A) == before)
    long_name = "p" * 50
    run_as(None, "postgres", f"CREATE DATABASE {long_name} OWNER {OWNER}")
    run_as(OWNER, long_name, "CREATE TABLE audit (actor TEXT)")
    done = setup(long_name)
    check("a database name too long for its roles' names is refused, naming the limit",
          done.returncode != 0 and "at most 49 bytes" in done.stderr, done.stderr.strip())
    run_as(None, "postgres", "CREATE DATABASE empty")
    done = setup("empty", None)
    check("a database that holds no portfolio is refused, saying so",
          done.returncode != 0 and "holds no portfolio" in done.stderr, done.stderr.strip())
    run_as(None, "postgres", f"ALTER ROLE {B}_readers LOGIN")
    done = setup(B)
    check("a person's own role by a group role's name is not taken over",
          done.returncode != 0 and "is not a group role" in done.stderr, done.stderr.strip())
    run_as(None, "postgres", f"ALTER ROLE {B}_readers NOLOGIN")


def check_reader():
    allowed("a reader reads records", "rita", A, "SELECT count(*) FROM characteristic")
    allowed("a reader reads the audit trail and settings", "rita", A,
            "SELECT count(*) FROM audit, meta")
    refused("a reader cannot add a record", "rita", A,
            "INSERT INTO service (id, name, area, client_group) VALUES (1, 'S', 'adults', 'all')")
    refused("a reader cannot change a record", "rita", A, "UPDATE characteristic SET name = 'x'")
    refused("a reader cannot change a setting", "rita", A, upsert_meta("name", "Rita"))
    refused("a reader cannot write to the audit trail", "rita", A, audit_row("rita"))


def check_commissioner():
    allowed("a commissioner adds a service", "alice", A,
            "INSERT INTO service (id, name, area, client_group)"
            " VALUES (900001, 'Day care', 'adults', 'older-people')")
    allowed("a commissioner changes and removes records", "alice", A,
            "UPDATE service SET name = 'Day services' WHERE id = 900001;"
            " INSERT INTO import_run (id, source) VALUES (900001, 'register.xlsx');"
            " DELETE FROM import_run WHERE id = 900001")
    allowed("a commissioner writes an audit row in her own name, and the trail's head",
            "alice", A, audit_row("alice") + ";" + upsert_meta("audit_head", "hash"))
    allowed("a commissioner changes a setting", "alice", A, upsert_meta("name", "Team"))
    refused("a commissioner cannot write an audit row in someone else's name", "alice", A,
            audit_row("rita"), "must name who is connected, alice, not rita")
    refused("nor in her name as a file records it", "alice", A, audit_row("alice (Alice)"),
            "must name who is connected")
    for verb, sql in [("UPDATE", "UPDATE audit SET actor = 'alice'"),
                      ("DELETE", "DELETE FROM audit WHERE id = 1"),
                      ("TRUNCATE", "TRUNCATE audit"),
                      ("UPSERT", audit_row("alice").replace("'hash')", "'hash')"
                                                            " ON CONFLICT (id) DO UPDATE"
                                                            " SET actor = 'alice'"))]:
        refused(f"a commissioner cannot {verb} audit rows", "alice", A, sql)
    refused("a commissioner cannot accept damage to the trail", "alice", A,
            upsert_meta("audit_damage_accepted", "damage\nreason"), "row-level security")
    refused("nor change the schema version", "alice", A, "UPDATE cm_schema SET version = 99")
    refused("nor say where the trail's second format begins", "alice", A,
            upsert_meta("audit_format_2_from", "999"), "row-level security")
    refused("nor add a setting the application does not write", "alice", A,
            upsert_meta("restored_from_backup", "x"), "row-level security")
    run_as("alice", A, "UPDATE meta SET value = '999' WHERE key = 'audit_format_2_from'")
    begins = run_as(None, A, "SELECT value FROM meta WHERE key = 'audit_format_2_from'")
    check("nor does updating it in place change it", begins.stdout.strip() not in ("", "999"),
          begins.stdout.strip() + begins.stderr.strip())


def check_schema_create():
    """A cluster upgraded from PostgreSQL 14 lets everyone create in public."""
    granted = run_as(None, A, "GRANT CREATE ON SCHEMA public TO PUBLIC")
    done = setup(A)
    check("the setup runs where everyone may create in the schema",
          granted.returncode == 0 and done.returncode == 0,
          granted.stderr.strip() + done.stderr.strip())
    refused("then no one but the owner creates tables in it", "alice", A,
            "CREATE TABLE alices_own (a integer)", "permission denied for schema")


def check_reviewer():
    refused("a reviewer cannot add a record", "vic", A,
            "INSERT INTO service (id, name, area, client_group) VALUES (2, 'S', 'adults', 'all')")
    refused("a reviewer cannot change a record", "vic", A,
            "UPDATE service SET name = 'x' WHERE id = 900001")
    refused("a reviewer cannot change a setting", "vic", A, upsert_meta("name", "Vic"),
            "row-level security")
    run_as("vic", A, "UPDATE meta SET value = 'Vic' WHERE key = 'name'")
    name = run_as(None, A, "SELECT value FROM meta WHERE key = 'name'").stdout.strip()
    check("nor does updating it in place change it", name == "Team", name)
    allowed("a reviewer accepts damage: the setting, its audit row and the head", "vic", A,
            upsert_meta("audit_damage_accepted", "damage\nreason") + ";" + audit_row("vic")
            + ";" + upsert_meta("audit_head", "hash"))
    refused("a reviewer cannot change audit rows", "vic", A, "UPDATE audit SET actor = 'vic'")


def check_head_lock():
    """Appending takes the trail's head row under a lock (the writers' lock,
    cm-db-pg.c), so that two commits at once still chain: both writing
    roles can take it, a reader cannot take it in any mode, and the audit
    table itself cannot be locked for update without UPDATE on it."""
    for who, user in (("a commissioner", "alice"), ("a reviewer", "vic")):
        allowed(f"{who} locks the trail's head", user, A,
                "BEGIN; SELECT value FROM meta WHERE key = 'audit_head' FOR UPDATE; COMMIT")
    for mode in ("UPDATE", "NO KEY UPDATE", "SHARE", "KEY SHARE"):
        refused(f"a reader cannot lock it FOR {mode}", "rita", A,
                f"SELECT value FROM meta WHERE key = 'audit_head' FOR {mode}")


def check_trigger_alone():
    """Rights granted by mistake: the trigger still refuses."""
    run_as(None, A, "CREATE ROLE mallory LOGIN; GRANT CONNECT ON DATABASE portfolio_a TO mallory;"
                    " GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON audit TO mallory")
    for verb, sql in [("UPDATE", "UPDATE audit SET actor = 'mallory'"),
                      ("DELETE", "DELETE FROM audit"), ("TRUNCATE", "TRUNCATE audit")]:
        refused(f"with every right on the table, {verb} of audit rows is still refused",
                "mallory", A, sql, "accepts new rows only")
    refused("and an audit row in another's name", "mallory", A, audit_row("alice"),
            "must name who is connected")
    allowed("the owner, who could drop the trigger, may rewrite rows", OWNER, A,
            "BEGIN; UPDATE audit SET actor = actor; DELETE FROM audit WHERE id = 1; ROLLBACK")
    run_as(None, A, "REVOKE ALL ON audit FROM mallory;"
                    " REVOKE CONNECT ON DATABASE portfolio_a FROM mallory; DROP ROLE mallory")
    before = rights(A)
    run_as(OWNER, A, f"GRANT UPDATE, DELETE ON audit TO {A}_commissioners;"
                     f" GRANT INSERT ON service TO {A}_readers; GRANT CONNECT ON DATABASE {A} TO"
                     " PUBLIC")
    done = setup(A)
    check("running the setup again takes back rights its roles were granted by hand",
          done.returncode == 0 and rights(A) == before, done.stderr.strip())


def check_two_portfolios():
    for role in ("readers", "commissioners", "reviewers"):
        found = run_as(None, "postgres", f"SELECT rolcanlogin FROM pg_roles WHERE rolname"
                                         f" IN ('{A}_{role}', '{B}_{role}')").stdout.split()
        check(f"each portfolio has its own {role} group role", found == ["f", "f"], found)
    refused("a commissioner of one portfolio cannot connect to another", "alice", B,
            "SELECT 1", f'permission denied for database "{B}"')
    allowed("a reader of the other reads it", "bob", B, "SELECT count(*) FROM contract")
    refused("but cannot connect to the first", "bob", A, "SELECT 1",
            f'permission denied for database "{A}"')
    refused("a role in no group cannot connect at all", "nemo", A, "SELECT 1",
            "permission denied for database")


def check_later_tables():
    """A table a later migration makes gets a record table's rights."""
    made = run_as(OWNER, A, "CREATE TABLE later_record (id INTEGER PRIMARY KEY)")
    check("a later migration adds a table", made.returncode == 0, made.stderr.strip())
    allowed("commissioners edit it", "alice", A, "INSERT INTO later_record VALUES (1)")
    allowed("readers read it", "rita", A, "SELECT * FROM later_record")
    refused("reviewers do not edit it", "vic", A, "INSERT INTO later_record VALUES (2)")


def main():
    global folder
    folder = tempfile.mkdtemp(prefix="cm-pg-roles-")
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        check("a throwaway cluster starts", base is not None, why)
        if base is None:
            return finish()
        made = run_as(None, "postgres", f"CREATE ROLE {OWNER} LOGIN CREATEROLE;"
                                        " CREATE ROLE alice LOGIN; CREATE ROLE rita LOGIN;"
                                        " CREATE ROLE vic LOGIN; CREATE ROLE bob LOGIN;"
                                        " CREATE ROLE nemo LOGIN")
        check("the owner and the people have login roles", made.returncode == 0,
              made.stderr.strip())
        if not (make_portfolio(A) and make_portfolio(B, None, "a superuser")):
            return finish()
        again = setup(B)
        check("the owner runs it again after a superuser did", again.returncode == 0,
              again.stderr.strip())
        granted = run_as(OWNER, A, f"GRANT {A}_commissioners TO alice; GRANT {A}_readers TO rita;"
                                   f" GRANT {A}_reviewers TO vic; GRANT {B}_readers TO bob")
        check("the owner gives each person a role", granted.returncode == 0,
              granted.stderr.strip())
        before = rights(A)
        again = setup(A)
        check("running the setup again succeeds and changes nothing",
              again.returncode == 0 and rights(A) == before and before.count("\n") > 50,
              again.stderr.strip())
        by_superuser = setup(A, None)
        again = setup(A)
        check("run by a superuser, then by the owner again, it changes nothing either",
              by_superuser.returncode == 0 and again.returncode == 0 and rights(A) == before,
              by_superuser.stderr.strip() + again.stderr.strip())
        check_setup_refusals()
        check_reader()
        check_commissioner()
        check_schema_create()
        check_reviewer()
        check_head_lock()
        check_trigger_alone()
        check_two_portfolios()
        check_later_tables()
        before = rights(A)
        again = setup(A)
        check("after all that, running it again still changes nothing",
              again.returncode == 0 and rights(A) == before, again.stderr.strip())
    finally:
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(folder, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
