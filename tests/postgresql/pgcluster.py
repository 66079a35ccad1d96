# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""What the PostgreSQL tests share: a throwaway cluster (cluster.sh), psql
on it as any role, and a portfolio database migrated as the application's
migrations build it."""
import os
import re
import subprocess
from urllib.parse import quote

# Libpq reads these from the environment; the URI alone must decide.
PG_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def start(cluster_sh, folder):
    """Starts a cluster in @folder: its URI, or None and cluster.sh's errors."""
    started = subprocess.run([cluster_sh, "start", folder], capture_output=True, text=True)
    if started.returncode != 0:
        return None, started.stderr.strip()
    return started.stdout.strip(), ""


def stop(cluster_sh, folder):
    return subprocess.run([cluster_sh, "stop", folder], capture_output=True, text=True)


def uri(folder, database, user=None):
    """The URI of @database in the cluster in @folder, as @user (the
    cluster's superuser when None)."""
    text = f"postgresql:///{quote(database, safe='')}?host={folder}"
    return text + (f"&user={quote(user, safe='')}" if user else "")


def psql(target, *args, stdin=None):
    """psql on the URI @target, stopping at the first error; its rows
    tab-separated."""
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                           "-d", target, *args], input=stdin, capture_output=True, text=True,
                          env=PG_ENV)


def shipped_migrations(source_root):
    """The migrations the application runs, from its resource list, in order."""
    xml = open(os.path.join(source_root, "data", "commissioner-core.gresource.xml")).read()
    return sorted(re.findall(r'<file alias="(\d{3}-[^"]+\.sql)">sql/\1</file>', xml))


def migrate(target, source_root):
    """Applies the dialect file and every migration to the database at
    @target, each in one transaction, as the store is to: None, or what
    failed and why."""
    sql_dir = os.path.join(source_root, "data", "sql")
    prelude = psql(target, "-1", "-f", os.path.join(sql_dir, "postgresql", "prelude.sql"))
    if prelude.returncode != 0:
        return "prelude.sql: " + prelude.stderr.strip()
    for name in shipped_migrations(source_root):
        applied = psql(target, "-1", "-f", os.path.join(sql_dir, name),
                       "-c", f"UPDATE cm_schema SET version = {int(name[:3])}")
        if applied.returncode != 0:
            return f"{name}: {applied.stderr.strip()}"
    return None
