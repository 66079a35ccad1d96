# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Where the Python tests keep their portfolios, and reading or changing
one behind the application's back, on either backend.

On files by default. With CM_TEST_BACKEND=postgresql and CM_TEST_PG_SERVER
naming a cluster's maintenance database (as postgresql/on-server.py sets
them), every new portfolio is a new empty database on that cluster, read
and changed with psql as the cluster's superuser (whom the insert-only
audit trail does not bind). SQL passed here is what both engines accept;
values are bound as "?"."""
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess

ON_SERVER = os.environ.get("CM_TEST_BACKEND") == "postgresql"
SERVER = os.environ.get("CM_TEST_PG_SERVER", "")
# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
_databases = set()


def on_server():
    return ON_SERVER


def name_of(portfolio):
    """What a portfolio with no name recorded is called: its file's name,
    or its database's."""
    if not is_uri(portfolio):
        return os.path.basename(portfolio)
    return re.match(r"^postgresql:///([^?]*)", portfolio).group(1)


def is_uri(portfolio):
    return portfolio.startswith(("postgresql:", "postgres:"))


def skip_on_server(check, what, why):
    """Reports the case @what, about files by nature, as skipped on a server
    (saying @why); True when it was, so the caller leaves it out."""
    if ON_SERVER:
        check(f"{what} # SKIP on a server: {why}", True)
    return ON_SERVER


def psql(target, *args, stdin=None):
    """psql on the URI @target, stopping at the first error; rows unaligned."""
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                           "-d", target, *args], input=stdin, capture_output=True, text=True,
                          env=PG_ENV)


def _database_uri(name):
    return re.sub(r"^postgresql:///[^?]*", f"postgresql:///{name}", SERVER)


def new(work, name):
    """Where a new, empty portfolio named after @name goes: a file in @work
    that does not exist yet, or a new empty database on the server."""
    if not ON_SERVER:
        return os.path.join(work, name + ".commissioner")
    base = re.sub(r"[^a-z0-9_]", "_", name.lower())[:40] or "portfolio"
    database, n = base, 1
    while database in _databases:
        n += 1
        database = f"{base}_{n}"
    _databases.add(database)
    made = psql(SERVER, "-c", f"CREATE DATABASE {database}")
    if made.returncode != 0:
        raise RuntimeError(f"cannot make database {database}: {made.stderr.strip()}")
    return _database_uri(database)


def missing(work, name):
    """A portfolio that does not exist: a file, or a database the server
    does not have."""
    return os.path.join(work, name + ".commissioner") if not ON_SERVER else _database_uri(name)


def exists(portfolio):
    """Whether anything was made at @portfolio: the file, or any table,
    function or collation in the database's schema."""
    if not is_uri(portfolio):
        return os.path.exists(portfolio)
    return value(portfolio, "SELECT (SELECT count(*) FROM pg_class"
                            "        WHERE relnamespace = 'public'::regnamespace)"
                            " + (SELECT count(*) FROM pg_proc"
                            "    WHERE pronamespace = 'public'::regnamespace)"
                            " + (SELECT count(*) FROM pg_collation"
                            "    WHERE collnamespace = 'public'::regnamespace)") > 0


def copy(portfolio, work, name):
    """A copy of @portfolio, which nothing may have open: the file copied,
    or a new database made from the first as its template."""
    if not is_uri(portfolio):
        target = os.path.join(work, name + ".commissioner")
        shutil.copy(portfolio, target)
        return target
    target = new(work, name)
    source = re.match(r"^postgresql:///([^?]*)", portfolio).group(1)
    database = re.match(r"^postgresql:///([^?]*)", target).group(1)
    dropped = psql(SERVER, "-c", f"DROP DATABASE {database}",
                   "-c", f"CREATE DATABASE {database} TEMPLATE {source}")
    if dropped.returncode != 0:
        raise RuntimeError(f"cannot copy {source}: {dropped.stderr.strip()}")
    return target


def _literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _bound(sql, params):
    """@sql with each "?" outside quotes replaced by its value as a literal."""
    values = iter(params)
    parts = re.split(r"('(?:[^']|'')*')", sql)
    return "".join(part if part.startswith("'") else
                   re.sub(r"\?", lambda _: _literal(next(values)), part) for part in parts)


class Row(tuple):
    """A row's values in their columns' order, also found by column name."""

    def __new__(cls, pairs):
        pairs = list(pairs)
        row = super().__new__(cls, (v for _, v in pairs))
        row.names = [k for k, _ in pairs]
        return row

    def __getitem__(self, key):
        return super().__getitem__(self.names.index(key) if isinstance(key, str) else key)


def _rows(text):
    """psql's json_agg of the rows, each a Row."""
    text = text.strip()
    if not text:
        return []
    return json.loads(text, object_pairs_hook=Row)


def query(portfolio, sql, params=()):
    """The rows of @sql on @portfolio, read on a connection of the test's
    own as another program would, each a Row."""
    if not is_uri(portfolio):
        db = sqlite3.connect(f"file:{portfolio}?mode=ro", uri=True)
        db.row_factory = lambda cursor, row: Row(zip([d[0] for d in cursor.description], row))
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()
    ran = psql(portfolio, stdin=f"SELECT json_agg(q) FROM ({_bound(sql, params)}) q;\n")
    if ran.returncode != 0:
        raise RuntimeError(f"“{sql}” failed: {ran.stderr.strip()}")
    return _rows(ran.stdout)


def value(portfolio, sql, params=()):
    """The first column of the first row of @sql, or None."""
    rows = query(portfolio, sql, params)
    return rows[0][0] if rows else None


def execute(portfolio, sql, params=()):
    """Changes @portfolio behind the application's back, in one transaction:
    a file as the sqlite3 shell would, a database as its owner with psql."""
    if not is_uri(portfolio):
        db = sqlite3.connect(portfolio)
        try:
            db.executescript(f"BEGIN; {_bound(sql, params)}; COMMIT;")
        finally:
            db.close()
        return
    ran = psql(portfolio, "-1", stdin=_bound(sql, params) + ";\n")
    if ran.returncode != 0:
        raise RuntimeError(f"“{sql}” failed: {ran.stderr.strip()}")


def snapshot(portfolio):
    """What @portfolio holds, to compare before and after: a file's digest,
    or one of every row of a database's tables."""
    if not is_uri(portfolio):
        return hashlib.sha256(open(portfolio, "rb").read()).hexdigest()
    tables = [row[0] for row in query(portfolio,
                                      "SELECT table_name FROM information_schema.tables"
                                      " WHERE table_schema = 'public'"
                                      " AND table_type = 'BASE TABLE' ORDER BY 1")]
    digest = hashlib.sha256()
    for table in tables:
        digest.update(f"{table}:{query(portfolio, f'SELECT * FROM {table} ORDER BY 1')}".encode())
    return digest.hexdigest()
