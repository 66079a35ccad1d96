# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The audit trail's hash chain computed the way cm-audit-hash.h states it,
with Python's hashlib: independently of the program's own code, to check the
hashes it writes and to forge a chain as someone who can write the file
would; and the program run without SHA-256."""
import contextlib
import hashlib
import os

import portfolio as portfolios

GENESIS = "0" * 64
# An OpenSSL configuration that loads no algorithm at all.
NO_ALGORITHMS = """openssl_conf = openssl_init
[openssl_init]
providers = providers
[providers]
null = null_provider
[null_provider]
activate = 1
"""


@contextlib.contextmanager
def without_sha256(work):
    """The program, run inside, gets no SHA-256 from OpenSSL: OPENSSL_CONF
    names a configuration (written in @work) that loads no algorithm."""
    config = os.path.join(work, "no-algorithms.cnf")
    with open(config, "w", encoding="utf-8") as f:
        f.write(NO_ALGORITHMS)
    os.environ["OPENSSL_CONF"] = config
    try:
        yield
    finally:
        del os.environ["OPENSSL_CONF"]


def field(value):
    """One field as the chain frames it: its length in bytes, then itself."""
    if value is None:
        return b"-;"
    data = value.encode()
    return str(len(data)).encode() + b":" + data + b";"


def row_hash(row, prev, second_format):
    """A row's hash: the second format also covers the row's number."""
    sha = hashlib.sha256()
    if second_format:
        sha.update(b"commissioner-audit-2;" + field(str(row["id"])))
    for value in (prev, row["at"], row["actor"], row["entity"], str(row["entity_id"]),
                  row["field"], row["old_value"], row["new_value"]):
        sha.update(field(value))
    return sha.hexdigest()


def second_format_from(portfolio):
    return int(portfolios.value(portfolio, "SELECT value FROM meta"
                                           " WHERE key = 'audit_format_2_from'"))


def rechain(portfolio):
    """Recomputes every hash and the stored head after a forgery."""
    start = second_format_from(portfolio)
    prev, sql = GENESIS, []
    for row in portfolios.query(portfolio, "SELECT * FROM audit ORDER BY id"):
        digest = row_hash(row, prev, row["id"] >= start)
        sql.append(f"UPDATE audit SET prev_hash = '{prev}', hash = '{digest}'"
                   f" WHERE id = {row['id']};")
        prev = digest
    sql.append(f"UPDATE meta SET value = '{prev}' WHERE key = 'audit_head';")
    portfolios.execute(portfolio, "\n".join(sql))
