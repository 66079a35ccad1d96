#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Every SQL text the store runs is one PostgreSQL 15 accepts, after the
dialect file and the migrations, but for those named in DIALECT below,
which wait for the store's PostgreSQL dialect layer.

The texts are those the store really runs: the command line and a few of
the core tests run with CM_SQL_LOG set, which makes each connection write
every distinct statement it runs (cm-sql-log.c). Each is then prepared in
a throwaway cluster (PREPARE, with ?, ?N and :name written as $n); a
statement PREPARE cannot take (DDL) is run and rolled back. Texts of the
migrations are left to test-pg-migrations.py, and so are those of the
schema snapshot made from them, which only a new file runs.

A new statement PostgreSQL refuses fails this test, and so does an entry
of DIALECT that no statement needs any more.

    test-pg-statements.py COMMISSIONER CLUSTER_SH SOURCE_ROOT BUILD_ROOT

CM_SQL_LOG_FROM may name more logs (colon-separated), e.g. one written
while the whole core suite ran with CM_SQL_LOG set, to be checked too.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import tap
from tap import finish

COMMISSIONER, CLUSTER_SH, SOURCE_ROOT, BUILD_ROOT = sys.argv[1:5]
SQL_DIR = os.path.join(SOURCE_ROOT, "data", "sql")
PRELUDE = os.path.join(SQL_DIR, "postgresql", "prelude.sql")

# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

# The statements left to the dialect layer: (name, what finds them, why).
# Each must match a statement that PostgreSQL refuses, and every statement
# PostgreSQL refuses must match one.
DIALECT = [
    ("pragmas", r"^\s*PRAGMA\b",
     "connection settings, the schema version and id: settings of the PostgreSQL"
     " connection and the cm_schema table"),
    ("write transaction", r"^\s*BEGIN\s+IMMEDIATE\b",
     "one writer at a time: BEGIN and a lock on the trail's head row"),
    ("read snapshot", r"^\s*BEGIN\s+DEFERRED\b",
     "a read snapshot: BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
    ("table list", r"\bsqlite_master\b",
     "the tables, columns and indexes: information_schema and pg_indexes"),
    ("rows of the audit view", r"\bjson_each\b",
     "a list of ids bound as one value: json_array_elements_text or an IN list"),
]

# Statements PostgreSQL takes that mean something else there, which the
# dialect layer must also translate: (name, what finds them, why).
OTHER_MEANING = [
    ("LIKE on a bound pattern", r"\bLIKE\s+(\?|:)",
     "SQLite's LIKE ignores ASCII case and PostgreSQL's does not: ILIKE there"),
]

# Transaction control, which PREPARE does not take: the forms both accept.
CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)
PORTABLE_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT \w+|RELEASE( SAVEPOINT)? \w+"
                              r"|ROLLBACK TO( SAVEPOINT)? \w+)\s*;?\s*$", re.I)
PREPARABLE = re.compile(r"^\s*(WITH|SELECT|INSERT|UPDATE|DELETE|VALUES)\b", re.I)

# Runs each statement in a subtransaction of its own: PREPARE, its
# parameters' types left to PostgreSQL but for those it cannot tell
# (text then, as the store would bind them); others run, then undone.
TRY_FUNCTION = r"""
CREATE FUNCTION pg_temp.cm_try (n integer, preparable boolean, n_params integer, sql text)
  RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  types text[] := array_fill ('unknown'::text, ARRAY[greatest (n_params, 1)]);
  unknown integer;
BEGIN
  FOR attempt IN 0 .. n_params LOOP
    BEGIN
      IF preparable THEN
        EXECUTE format ('PREPARE cm_s%s %s AS %s', n,
                        CASE WHEN n_params > 0
                             THEN '(' || array_to_string (types[1:n_params], ', ') || ')'
                             ELSE '' END, sql);
        EXECUTE format ('DEALLOCATE cm_s%s', n);
        RETURN 'ok';
      END IF;
      EXECUTE sql;
      RAISE EXCEPTION USING ERRCODE = 'CM000', MESSAGE = 'ran';
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE = 'CM000' THEN
        RETURN 'ok';
      END IF;
      unknown := substring (SQLERRM FROM 'could not determine data type of parameter \$(\d+)');
      IF unknown IS NULL THEN
        RETURN replace (SQLERRM, E'\n', ' ');
      END IF;
      types[unknown] := 'text';
    END;
  END LOOP;
  RETURN 'parameter types undetermined';
END
$f$;
"""


def check(what, ok, detail=""):
    """tap.check (), with the detail on one line, as TAP needs it."""
    tap.check(what, ok, " / ".join(str(detail).split("\n")))


def psql(uri, *args, stdin=None):
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                           "-d", uri, *args], input=stdin, capture_output=True, text=True,
                          env=PG_ENV)


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def to_pg(sql):
    """@sql with SQLite's ?, ?N and :name parameters written as PostgreSQL's
    $n (string literals and quoted names left alone), and their count."""
    out, names, largest, i = [], {}, 0, 0
    while i < len(sql):
        c = sql[i]
        if c in "'\"":
            end = i + 1
            while True:
                end = sql.find(c, end)
                if end == -1 or sql[end + 1:end + 2] != c:
                    break
                end += 2
            end = len(sql) if end == -1 else end + 1
            out.append(sql[i:end])
            i = end
            continue
        parameter = re.match(r"\?(\d*)|:([A-Za-z_]\w*)", sql[i:])
        if parameter and not (c == ":" and sql[i - 1:i] == ":"):
            # SQLite's numbering: ?N is N, and ? or a new :name the next
            # after the largest so far.
            if parameter.group(1):
                number = int(parameter.group(1))
            elif parameter.group(2) in names:
                number = names[parameter.group(2)]
            else:
                number = largest + 1
                if parameter.group(2):
                    names[parameter.group(2)] = number
            largest = max(largest, number)
            out.append(f"${number}")
            i += len(parameter.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out), largest


def normal(text):
    """@text without comments and with its white space collapsed."""
    return " ".join(re.sub(r"--[^\n]*", " ", text).split()).rstrip(";").strip()


def migration_text():
    paths = sorted(glob.glob(os.path.join(SQL_DIR, "[0-9]*.sql")))
    paths.append(os.path.join(BUILD_ROOT, "data", "schema-snapshot.sql"))
    return " ; ".join(normal(open(path).read()) for path in paths)


def read_log(path):
    try:
        with open(path, "rb") as log:
            return [t.decode() for t in log.read().split(b"\0") if t.strip()]
    except OSError:
        return []


def run_logged(work, log):
    """Runs the command line and the core tests that reach the statements
    the store has, each writing to @log."""
    env = dict(os.environ, CM_SQL_LOG=log, XDG_DATA_HOME=os.path.join(work, "data"),
               G_TEST_SRCDIR=os.path.join(SOURCE_ROOT, "tests"), LC_ALL="C.UTF-8")
    demo = os.path.join(work, "demo.commissioner")
    kept = os.path.join(work, "kept.commissioner")

    def cli(*args):
        return subprocess.run([COMMISSIONER, *args], env=env, capture_output=True, text=True)

    made = cli("--create-demo", demo, "--today", "2026-11-22")
    check("the command line makes a demo portfolio", made.returncode == 0, made.stderr)
    shutil.copyfile(demo, kept)
    exported = os.path.join(work, "all.xlsx")
    for args in (["--verify-audit"], ["--deadlines", "--today", "2026-11-22"],
                 ["--export", exported], ["--export-transparency",
                                          os.path.join(work, "q.csv"), "--quarter", "2026-Q3"],
                 ["--backup", os.path.join(work, "copy.commissioner")], ["--list-backups"]):
        ran = cli(*args, "--portfolio", demo)
        check(f"{args[0]} runs", ran.returncode == 0, ran.stderr)
    csv = os.path.join(work, "add.csv")
    with open(csv, "w") as out:
        out.write("Reference,Title,Provider,Service,Annual value,Start date,End date\n"
                  "SQL-0001,Portable statements,Check Care Ltd,Home care,12000,"
                  "2026-04-01,2027-03-31\n")
    for args in (["--import", csv], ["--undo-import"], ["--import", exported]):
        ran = cli(*args, "--portfolio", kept)
        check(f"{args[0]} runs on a copy", ran.returncode in (0, 1), ran.stderr)
    for area, name in (("store", "store"), ("store", "store-derived"), ("store", "search"),
                       ("store", "store-read"), ("store", "query-model"), ("store", "audit-words"),
                       ("store", "audit"),
                       ("cycle", "gate"), ("cycle", "overview"), ("cycle", "overview-charts")):
        test = os.path.join(BUILD_ROOT, "tests", area, "test-" + name)
        ran = subprocess.run([test], env=dict(env, G_TEST_BUILDDIR=os.path.dirname(test)),
                             capture_output=True, text=True, cwd=work)
        check(f"the core test {name} runs with the log", ran.returncode == 0,
              ran.stdout[-400:] + ran.stderr[-400:])


def try_all(uri, statements):
    """PostgreSQL's answer to each of @statements: 'ok' or its error."""
    rows = []
    for n, sql in enumerate(statements):
        text, n_params = to_pg(sql)
        rows.append(f"({n}, {'true' if PREPARABLE.match(text) else 'false'}, {n_params},"
                    f" {quoted(text)})")
    script = (TRY_FUNCTION + "SELECT n, pg_temp.cm_try (n, p, c, s) FROM (VALUES "
              + ", ".join(rows) + ") AS v (n, p, c, s) ORDER BY n;\n")
    result = psql(uri, "-f", "-", stdin=script)
    check("PostgreSQL answers for every statement", result.returncode == 0,
          result.stderr.strip())
    answers = dict(line.split("\t", 1) for line in result.stdout.splitlines() if "\t" in line)
    return [answers.get(str(n), "no answer") for n in range(len(statements))]


def dialect_of(sql):
    for name, pattern, _why in DIALECT:
        if re.search(pattern, sql, re.I):
            return name
    return None


def check_statements(uri, statements):
    migrations = migration_text()
    own = [s for s in statements if normal(s) not in migrations]
    control = [s for s in own if CONTROL.match(s)]
    others = [s for s in own if not CONTROL.match(s)]
    check(f"the store ran {len(own)} statements of its own"
          f" ({len(statements) - len(own)} more from the migrations)", len(others) > 100,
          len(others))
    answers = try_all(uri, others)
    refused = {s: a for s, a in zip(others, answers) if a != "ok"}
    refused.update({s: "not a form PostgreSQL takes" for s in control
                    if not PORTABLE_CONTROL.match(s)})
    unlisted = [f"{normal(s)[:160]!r}: {a}" for s, a in refused.items() if not dialect_of(s)]
    check(f"PostgreSQL prepares every statement but the {len(refused)} of the dialect layer"
          f" ({len(own) - len(refused)} of {len(own)} portable)", not unlisted,
          "; ".join(unlisted[:8]))
    for sql, answer in refused.items():
        print(f"# {dialect_of(sql) or 'REFUSED'}: {normal(sql)[:200]!r}: {answer}")
    for name, pattern, why in DIALECT:
        needing = [s for s in refused if dialect_of(s) == name]
        check(f"the dialect layer still has '{name}' to do ({len(needing)}: {why})",
              bool(needing), f"no refused statement matches {pattern}; take it off the list")
    for name, pattern, why in OTHER_MEANING:
        meaning = [s for s in own if re.search(pattern, s) and s not in refused]
        for sql in meaning:
            print(f"# {name}: {normal(sql)[:200]!r}")
        check(f"the dialect layer still has '{name}' to do ({len(meaning)}: {why})",
              bool(meaning), f"no statement matches {pattern}; take it off the list")
    wrongly = [normal(s)[:120] for s in own if dialect_of(s) and s not in refused]
    check("no statement PostgreSQL takes is left to the dialect layer", not wrongly,
          "; ".join(wrongly[:5]))


def main():
    work = tempfile.mkdtemp(prefix="cm-pg-statements-")
    cluster = tempfile.mkdtemp(prefix="cm-pg-cluster-")
    try:
        log = os.path.join(work, "sql.log")
        run_logged(work, log)
        statements = read_log(log)
        for extra in filter(None, os.environ.get("CM_SQL_LOG_FROM", "").split(":")):
            statements += read_log(extra)
        statements = list(dict.fromkeys(statements))
        check("the statements run were logged", len(statements) > 100, len(statements))

        started = subprocess.run([CLUSTER_SH, "start", cluster], capture_output=True, text=True)
        check("a throwaway cluster starts", started.returncode == 0, started.stderr.strip())
        if started.returncode != 0:
            return finish()
        base = started.stdout.strip()
        uri = base.replace("/postgres?", "/portfolio?")
        created = psql(base, "-c", "CREATE DATABASE portfolio")
        check("a database for the portfolio is made", created.returncode == 0, created.stderr)
        migrated = psql(uri, "-1", "-f", PRELUDE,
                        *[arg for path in sorted(glob.glob(os.path.join(SQL_DIR, "[0-9]*.sql")))
                          for arg in ("-f", path)])
        check("the dialect file and the migrations run", migrated.returncode == 0,
              migrated.stderr.strip())
        if migrated.returncode == 0:
            check_statements(uri, statements)
    finally:
        subprocess.run([CLUSTER_SH, "stop", cluster], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
