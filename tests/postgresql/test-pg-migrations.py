#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The migrations, written once, build in PostgreSQL 15 the schema they build
in SQLite. Starts a throwaway cluster (cluster.sh), applies the dialect file
and every migration the application ships, each in one transaction, and
compares every table, column and index with a portfolio the application
made; then stores and reads back in both engines what only the right column
types keep (money above £21,474,836.47, doubles exactly), and checks the
dialect file's functions against SQLite and GLib.

    test-pg-migrations.py COMMISSIONER CLUSTER_SH GLIB_ANSWERS SOURCE_ROOT
"""
import glob
import os
import pwd
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import tap
from tap import finish, run

CLUSTER_SH, GLIB_ANSWERS, SOURCE_ROOT = sys.argv[2:5]
SQL_DIR = os.path.join(SOURCE_ROOT, "data", "sql")
PRELUDE = os.path.join(SQL_DIR, "postgresql", "prelude.sql")
APPLICATION_ID = 0x436d736e  # CM_SCHEMA_APPLICATION_ID

# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

# Letters that the dialect's cm_fold () does not fold as g_utf8_casefold ()
# does, the difference between the engines that remains: those whose fold
# is more than one character (in PostgreSQL a search for "ᾳ" does not find
# "αι"), and Cherokee small letters, which GLib folds to capitals (while it
# folds capitals to small letters).
FOLD_DIFFERS = {chr(c) for c in [
    0x0149, 0x01F0, 0x0390, 0x03B0, 0x0587, *range(0x1E96, 0x1E9B), 0x1F50, 0x1F52, 0x1F54,
    0x1F56, *range(0x1F80, 0x1FB0), 0x1FB2, 0x1FB3, 0x1FB4, 0x1FB6, 0x1FB7, 0x1FBC, 0x1FC2,
    0x1FC3, 0x1FC4, 0x1FC6, 0x1FC7, 0x1FCC, 0x1FD2, 0x1FD3, 0x1FD6, 0x1FD7, 0x1FE2, 0x1FE3,
    0x1FE4, 0x1FE6, 0x1FE7, 0x1FF2, 0x1FF3, 0x1FF4, 0x1FF6, 0x1FF7, 0x1FFC, *range(0xFB13, 0xFB18),
    *range(0x13F8, 0x13FE), *range(0xAB70, 0xABC0)]}

# Whole words, and every code point of the scripts a register may hold.
FOLD_WORDS = ["Straße", "CARE homes", "ΟΔΟΣ", "İstanbul", "ﬁnance ﬂow", "ＡＢＣ",
              "Ärzte Öl Über", "Łódź", "ДОМ", "x²", "Ǆemal", "µg"]
FOLD_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x58F), (0x10A0, 0x10FF),
               (0x13A0, 0x13FF), (0x1E00, 0x1FFF), (0x2100, 0x218F), (0x24B6, 0x24E9),
               (0x2C00, 0x2D2F), (0xA640, 0xA7FF), (0xAB70, 0xABBF), (0xFB00, 0xFB17),
               (0xFF01, 0xFF5E), (0x10400, 0x1044F)]

# Each row of the money and double checks, in both engines: the parents
# first, for the foreign keys. Ids far above the demo's.
CHECK_ROWS = """
INSERT INTO organisation (id, name, kind) VALUES (900001, 'Check council', 'council');
INSERT INTO service (id, name, area, client_group, lead_commissioner_id)
  VALUES (900001, 'Check service', 'adults', 'older-people', 900001);
INSERT INTO provider (id, name, sector, annual_income)
  VALUES (900001, 'Check provider', 'private', 4100000000);
INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,
                      annual_value, total_value)
  VALUES (900001, 'CHECK-900001', 'Check contract', 900001, 900001, 'block', 'open',
          2500000000, 12500000000);
INSERT INTO funding_source (id, service_id, organisation_id, amount)
  VALUES (900001, 900001, 900001, 3000000000);
INSERT INTO contract_variation (id, contract_id, value_change)
  VALUES (900001, 900001, -2200000000);
INSERT INTO measure (id, service_id, name, target)
  VALUES (900001, 900001, 'Check measure', 1234567.89);
INSERT INTO measure_value (id, measure_id, period, value)
  VALUES (900001, 900001, '2026-Q1', 0.1);
INSERT INTO scenario (id, name) VALUES (900001, 'Check scenario');
INSERT INTO scenario_line (id, scenario_id, contract_id, percent)
  VALUES (900001, 900001, 900001, 33.333333333333336);
"""

# (what, SQL, the row both engines must give)
SAME_IN_BOTH = [
    ("contract values above £21,474,836.47",
     "SELECT annual_value, total_value FROM contract WHERE id = 900001",
     (2500000000, 12500000000)),
    ("a provider's income above £21,474,836.47",
     "SELECT annual_income FROM provider WHERE id = 900001", (4100000000,)),
    ("a funding source above £21,474,836.47",
     "SELECT amount FROM funding_source WHERE id = 900001", (3000000000,)),
    ("a variation below -£21,474,836.48",
     "SELECT value_change FROM contract_variation WHERE id = 900001", (-2200000000,)),
    ("a money total above £21,474,836.47",
     "SELECT sum(total_value) FROM contract WHERE id = 900001", (12500000000,)),
    ("a measure's target, exactly",
     "SELECT target FROM measure WHERE id = 900001", (1234567.89,)),
    ("a measure's value, exactly",
     "SELECT value FROM measure_value WHERE id = 900001", (0.1,)),
    ("a scenario's percentage, exactly",
     "SELECT percent FROM scenario_line WHERE id = 900001", (33.333333333333336,)),
    ("typeof () of an INTEGER, a BIGINT, a text, a real and a null column",
     "SELECT typeof(c.id), typeof(c.total_value), typeof(c.title), typeof(m.target),"
     " typeof(o.succeeded_by_id) FROM contract c, measure m, organisation o"
     " WHERE c.id = 900001 AND m.id = 900001 AND o.id = 900001",
     ("integer", "integer", "text", "real", "null")),
    ("instr ()", "SELECT instr('Home care', 'care'), instr('Home care', 'Care')", (6, 0)),
    ("group_concat () with and without a separator, leaving out NULLs",
     "SELECT group_concat(x, '; '), group_concat(x) FROM"
     " (SELECT 'a' AS x UNION ALL SELECT NULL UNION ALL SELECT 'b') AS v",
     ("a; b", "a,b")),
    ("group_concat () of nothing",
     "SELECT group_concat(name, ', ') FROM organisation WHERE id < 0", (None,)),
    ("COLLATE \"binary\" sorts by code point",
     "SELECT group_concat(x, ' ') FROM (SELECT x FROM (SELECT 'b' AS x UNION ALL SELECT 'B'"
     " UNION ALL SELECT 'é' UNION ALL SELECT 'a' UNION ALL SELECT 'Z') AS v"
     " ORDER BY x COLLATE \"binary\") AS sorted",
     ("B Z a b é",)),
]

# Replay's reading of the trail (cm-audit-replay.c), which the index of
# 022 gives in order in both engines.
TRAIL_SQL = ("SELECT id, entity_id, field, old_value, new_value FROM audit"
             " WHERE entity = 'contract' ORDER BY entity_id, id")

ADD_MONTHS = [("2024-01-31", 1), ("2023-01-31", 1), ("2023-08-31", 6), ("2024-02-29", 12),
              ("2024-12-31", 2), ("2026-11-22", 24), ("2024-01-31", 0), ("2023-02-30", 1),
              ("2024-1-31", 1), ("2024-01-31T10:00", 1), ("not a date", 12), ("", 24)]


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def psql(uri, *args, stdin=None):
    """psql on @uri, stopping at the first error; its rows tab-separated."""
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                           "-d", uri, *args], input=stdin, capture_output=True, text=True,
                          env=PG_ENV)


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def shipped_migrations():
    """The migrations the application runs, from its resource list, in order."""
    xml = open(os.path.join(SOURCE_ROOT, "data", "commissioner-core.gresource.xml")).read()
    names = re.findall(r'<file alias="(\d{3}-[^"]+\.sql)">sql/\1</file>', xml)
    return sorted(names)


def kind(declared):
    """A column's kind, by SQLite's rules for its declared type."""
    declared = declared.upper()
    if "INT" in declared:
        return "integer"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "other: " + declared


def pg_kind(data_type):
    """The same of a PostgreSQL column; its REAL, single precision, is a
    kind of its own, as SQLite has no such column."""
    return {"integer": "integer", "bigint": "integer", "smallint": "integer",
            "double precision": "real", "real": "single precision", "text": "text",
            "character varying": "text"}.get(data_type, "other: " + data_type)


# ---- the two schemas ----------------------------------------------------

def sqlite_columns(db):
    tables = {}
    for table, column, declared in db.execute(
            "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p"
            " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            " ORDER BY m.name, p.cid"):
        tables.setdefault(table, []).append((column, kind(declared)))
    return tables


def pg_columns(uri):
    result = psql(uri, "-c", "SELECT table_name, column_name, data_type"
                             " FROM information_schema.columns"
                             " WHERE table_schema = current_schema() AND table_name <> 'cm_schema'"
                             " ORDER BY table_name, ordinal_position")
    tables = {}
    for line in result.stdout.splitlines():
        table, column, data_type = line.split("\t")
        tables.setdefault(table, []).append((column, pg_kind(data_type)))
    return tables


def sqlite_indexes(db):
    indexes = {}
    for name, table, column in db.execute(
            "SELECT m.name, m.tbl_name, i.name FROM sqlite_master m, pragma_index_info(m.name) i"
            " WHERE m.type = 'index' AND m.sql IS NOT NULL ORDER BY m.name, i.seqno"):
        indexes.setdefault(name, (table, []))[1].append(column)
    return indexes


def pg_indexes(uri):
    """The indexes made by CREATE INDEX: not those behind a key or UNIQUE."""
    result = psql(uri, "-c", "SELECT c.relname, t.relname, a.attname FROM pg_index i"
                             " JOIN pg_class c ON c.oid = i.indexrelid"
                             " JOIN pg_class t ON t.oid = i.indrelid"
                             " JOIN pg_namespace n ON n.oid = t.relnamespace"
                             " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)"
                             " JOIN pg_attribute a ON a.attrelid = i.indrelid"
                             "  AND a.attnum = k.attnum"
                             " WHERE n.nspname = current_schema() AND NOT EXISTS"
                             "  (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                             " ORDER BY c.relname, k.n")
    indexes = {}
    for line in result.stdout.splitlines():
        name, table, column = line.split("\t")
        indexes.setdefault(name, (table, []))[1].append(column)
    return indexes


def differences(a, b, a_name, b_name):
    """What differs between two {name: description} maps, briefly."""
    lines = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            lines.append(f"{name} only in {a_name}")
        elif name not in a:
            lines.append(f"{name} only in {b_name}")
        elif a[name] != b[name]:
            lines.append(f"{name}: {a_name} {a[name]}, {b_name} {b[name]}")
    return lines


# ---- values in both engines ---------------------------------------------

def pg_value(text, expected):
    """psql's text of a value, as the Python value @expected is."""
    if text == "":
        return None
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return text
    if isinstance(expected, int):
        return int(text)
    return float(text)


def pg_row(uri, sql, expected):
    result = psql(uri, "-c", sql)
    if result.returncode != 0:
        return "error: " + result.stderr.strip()
    fields = result.stdout.rstrip("\n").split("\t")
    return tuple(pg_value(f, e) for f, e in zip(fields, expected))


def sqlite_row(db, sql):
    try:
        return tuple(db.execute(sql).fetchone())
    except sqlite3.Error as error:
        return f"error: {error}"


# ---- the dialect's functions against GLib -------------------------------

def glib_answers(mode, lines):
    result = subprocess.run([GLIB_ANSWERS, mode], input="".join(l + "\n" for l in lines),
                            capture_output=True, text=True)
    return result.stdout.split("\n")[:len(lines)]


def check_fold(uri):
    samples = list(FOLD_WORDS)
    for first, last in FOLD_RANGES:
        samples += [chr(c) for c in range(first, last + 1)
                    if not 0xD800 <= c <= 0xDFFF and chr(c).isprintable()]
    glib = glib_answers("fold", samples)
    values = ", ".join(f"({i}, {quoted(s)})" for i, s in enumerate(samples))
    result = psql(uri, "-f", "-", stdin=f"SELECT n, cm_fold(t) FROM (VALUES {values})"
                                        " AS v(n, t) ORDER BY n;\n")
    check("cm_fold () runs over every sample", result.returncode == 0, result.stderr)
    pg = [line.split("\t", 1)[1] for line in result.stdout.splitlines()]
    differ = [s for s, g, p in zip(samples, glib, pg) if g != p]
    unexpected = [f"{s!r} (U+{ord(s[0]):04X}): GLib {g!r}, PostgreSQL {p!r}"
                  for s, g, p in zip(samples, glib, pg)
                  if g != p and not (len(s) == 1 and s in FOLD_DIFFERS)]
    check(f"cm_fold () folds as GLib does, but for the {len(FOLD_DIFFERS)} letters listed"
          f" ({len(samples)} samples, {len(differ)} differ)",
          len(pg) == len(samples) and len(glib) == len(samples) and not unexpected,
          "; ".join(unexpected[:10]))


def check_add_months(uri):
    glib = glib_answers("add-months", [f"{day} {months}" for day, months in ADD_MONTHS])
    values = ", ".join(f"({i}, {quoted(day)}, {months})"
                       for i, (day, months) in enumerate(ADD_MONTHS))
    result = psql(uri, "-c", f"SELECT n, coalesce(cm_add_months(d, m), 'NULL') FROM (VALUES {values})"
                             " AS v(n, d, m) ORDER BY n")
    pg = [line.split("\t", 1)[1] for line in result.stdout.splitlines()]
    wrong = [f"{day} + {months}: GLib {g}, PostgreSQL {p}"
             for (day, months), g, p in zip(ADD_MONTHS, glib, pg) if g != p]
    check("cm_add_months () gives g_date_add_months ()'s day, or NULL for no date",
          result.returncode == 0 and len(pg) == len(ADD_MONTHS) and not wrong,
          result.stderr.strip() or "; ".join(wrong))
    check("31 January 2024 + 1 month is 29 February", glib[:1] == ["2024-02-29"] == pg[:1], pg)


# ---- the cluster ---------------------------------------------------------

def postmaster_pid(cluster):
    try:
        with open(os.path.join(cluster, "data", "postmaster.pid")) as pid_file:
            return int(pid_file.readline())
    except (OSError, ValueError):
        return None


def running(pid):
    """Whether process @pid runs: a zombie has ended, whoever reaps it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def stop(cluster):
    return subprocess.run([CLUSTER_SH, "stop", cluster], capture_output=True, text=True)


def check_cluster(cluster, uri):
    check("the URI names the socket folder", uri == f"postgresql:///postgres?host={cluster}", uri)
    listening = psql(uri, "-c", "SHOW listen_addresses")
    check("the cluster listens on no TCP address", listening.stdout.strip() == "",
          listening.stdout + listening.stderr)
    owner = os.stat(os.path.join(cluster, "data")).st_uid
    wanted = pwd.getpwnam("nobody").pw_uid if os.getuid() == 0 else os.getuid()
    check("the cluster belongs to nobody when run as root, else to the caller",
          owner == wanted, owner)


def check_migrations(base_uri, demo):
    uri = base_uri.replace("/postgres?", "/portfolio?")
    created = psql(base_uri, "-c", "CREATE DATABASE portfolio")
    check("a database for the portfolio is made", created.returncode == 0, created.stderr)

    names = shipped_migrations()
    on_disk = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SQL_DIR, "[0-9]*.sql")))
    check("every migration in data/sql is shipped", bool(names) and names == on_disk,
          f"shipped {names}, on disk {on_disk}")

    prelude = psql(uri, "-1", "-f", PRELUDE)
    check("the dialect file runs", prelude.returncode == 0, prelude.stderr)
    for name in names:
        version = int(name[:3])
        applied = psql(uri, "-1", "-f", os.path.join(SQL_DIR, name),
                       "-c", f"UPDATE cm_schema SET version = {version}")
        check(f"{name} runs in PostgreSQL, in one transaction", applied.returncode == 0,
              applied.stderr.strip())
        if applied.returncode != 0:
            return None
    again = psql(uri, "-1", "-f", PRELUDE)
    check("the dialect file runs again over a migrated database", again.returncode == 0,
          again.stderr)

    db = sqlite3.connect(demo)
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    schema = psql(uri, "-c", "SELECT application_id, version FROM cm_schema")
    check("cm_schema holds the application id and the version the file has",
          schema.stdout.strip() == f"{application_id}\t{user_version}"
          and application_id == APPLICATION_ID and user_version == int(names[-1][:3]),
          f"PostgreSQL {schema.stdout.strip()!r}, file {application_id} {user_version}")

    lite_tables, pg_tables = sqlite_columns(db), pg_columns(uri)
    diff = differences(lite_tables, pg_tables, "SQLite", "PostgreSQL")
    check(f"all {len(lite_tables)} tables have the same columns, in order and of the same"
          " kind (integer, real, text)", bool(lite_tables) and not diff, "; ".join(diff[:10]))
    diff = differences(sqlite_indexes(db), pg_indexes(uri), "SQLite", "PostgreSQL")
    check("the same indexes, on the same columns", not diff, "; ".join(diff[:10]))

    fresh = sqlite3.connect(":memory:")
    for name in names:
        fresh.executescript(open(os.path.join(SQL_DIR, name)).read())
    seeded = "SELECT id, name, position FROM characteristic ORDER BY id"
    rows = psql(uri, "-c", seeded).stdout.splitlines()
    check("the characteristics 008 writes have the same ids in both",
          rows == ["\t".join(map(str, row)) for row in fresh.execute(seeded)] and len(rows) == 11,
          rows)
    plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + TRAIL_SQL))
    pg_plan = psql(uri, "-c", "SET enable_seqscan = off", "-c", "SET enable_bitmapscan = off",
                   "-c", "EXPLAIN (COSTS OFF) " + TRAIL_SQL)
    check("the trail is read in replay's order from the index, unsorted, in both",
          "audit_entity" in plan and "TEMP B-TREE" not in plan
          and "audit_entity" in pg_plan.stdout and "Sort" not in pg_plan.stdout,
          f"SQLite: {plan}; PostgreSQL: {pg_plan.stdout.strip()} {pg_plan.stderr.strip()}")
    db.close()
    return uri


def check_values(uri, demo):
    db = sqlite3.connect(demo)
    db.executescript("BEGIN;" + CHECK_ROWS + "COMMIT;")
    written = psql(uri, "-1", "-f", "-", stdin=CHECK_ROWS)
    check("the check rows are written in PostgreSQL", written.returncode == 0,
          written.stderr.strip())
    for what, sql, expected in SAME_IN_BOTH:
        lite, pg = sqlite_row(db, sql), pg_row(uri, sql, expected)
        check(f"{what}: the same in both", lite == expected and pg == expected,
              f"SQLite {lite}, PostgreSQL {pg}, wanted {expected}")
    db.close()


def main():
    work = tempfile.mkdtemp(prefix="cm-pg-migrations-")
    # Its own folder, which the cluster's owner can reach (work is closed).
    cluster = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        made = run("--create-demo", os.path.join(work, "made.commissioner"),
                   "--today", "2026-11-22")
        check("the application makes a portfolio", made.returncode == 0, made.stderr)
        verified = run("--verify-audit", "--portfolio", os.path.join(work, "made.commissioner"))
        check("it opens again, and its audit trail verifies", verified.returncode == 0,
              verified.stdout + verified.stderr)
        # A copy, the application long gone: the check rows go in it.
        demo = os.path.join(work, "demo.commissioner")
        shutil.copyfile(os.path.join(work, "made.commissioner"), demo)

        started = subprocess.run([CLUSTER_SH, "start", cluster], capture_output=True, text=True)
        check("a throwaway cluster starts", started.returncode == 0, started.stderr.strip())
        if started.returncode != 0:
            return finish()
        uri = started.stdout.strip()
        check_cluster(cluster, uri)
        portfolio = check_migrations(uri, demo)
        if portfolio:
            check_values(portfolio, demo)
            check_fold(portfolio)
            check_add_months(portfolio)

        pid = postmaster_pid(cluster)
        stopped = stop(cluster)
        check("the cluster stops", stopped.returncode == 0, stopped.stderr)
        check("no server is left running", pid is not None and not running(pid), pid)
        check("its folder is removed", not os.path.exists(cluster))
        check("stopping it again is harmless", stop(cluster).returncode == 0)
    finally:
        stop(cluster)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
