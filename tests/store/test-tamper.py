#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Forges a portfolio's audit trail as someone who can write the file would,
with SQLite (or on a server as the database's owner, with psql, whom the
insert-only trail lets through) and a hash chain recomputed the way
cm-audit-hash.h states it (audit_chain.py, with hashlib), and checks that
--verify-audit catches each forgery: from the portfolio alone where it can,
and against an anchor taken before the forgery where only an anchor can
tell. An untampered portfolio must verify, with its own anchors, old and
new.

    test-tamper.py COMMISSIONER
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

import portfolio as portfolios
import tap
from audit_chain import rechain, row_hash
from tap import check, finish, run

# Forgeries of the records rather than of the trail, caught by comparing the
# records with what the trail says happened to them (replay).
REPLAY_CASES = [
    "a contract edited directly in its table",
    "a contract deleted directly from its table",
    "a record inserted with no trail",
    "a forged approval appended to the trail without changing the records",
]

TODAY = "2026-11-22"


# ---- the portfolio, as an insider sees it -----------------------------------

def query(portfolio, sql, *params):
    return portfolios.query(portfolio, sql, params)


def shell(portfolio, sql):
    """Changes the portfolio in one transaction, as a person with the
    sqlite3 shell or psql would."""
    portfolios.execute(portfolio, sql)


def quoted(value):
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def append(portfolio, entity, entity_id, name, old_value, new_value, actor):
    """Appends one row to the trail, chained and hashed as the store would."""
    head = query(portfolio, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")[0]
    row = {"id": head["id"] + 1, "at": datetime.datetime.now(datetime.timezone.utc)
           .strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "actor": actor, "entity": entity,
           "entity_id": entity_id, "field": name, "old_value": old_value,
           "new_value": new_value}
    digest = row_hash(row, head["hash"], True)
    values = ", ".join(quoted(row[k]) for k in ("id", "at", "actor", "entity", "entity_id",
                                                 "field", "old_value", "new_value"))
    shell(portfolio, "INSERT INTO audit (id, at, actor, entity, entity_id, field,"
                     f" old_value, new_value, prev_hash, hash) VALUES ({values},"
                     f" '{head['hash']}', '{digest}');"
                     f" UPDATE meta SET value = '{digest}' WHERE key = 'audit_head';")


# ---- the program --------------------------------------------------------------

def anchor_of(portfolio):
    result = run("--audit-head", "--portfolio", portfolio)
    if result.returncode != 0:
        raise RuntimeError(f"--audit-head: {result.stderr}")
    return result.stdout.strip()


def verify(portfolio, anchor=None, workbook=None):
    args = ["--verify-audit", "--portfolio", portfolio]
    if anchor:
        args += ["--expect-head", anchor]
    if workbook:
        args += ["--expect-head-from", workbook]
    return run(*args)


def told(result):
    """The exit status and what was printed, on one line for the TAP stream."""
    said = " ".join((result.stdout + " " + result.stderr).split())
    return f"exit {result.returncode}: {said}"


def register(path):
    """A small contracts register, for changes made by the program itself."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Reference,Title,Service,Provider,Provider sector,Commissioner,Start date,"
                "End date,Annual value\r\n"
                "T-1,Befriending,Befriending services,Leeds Befriending Network,Charity,"
                "Adult Social Care,2025-04-01,2028-03-31,48000\r\n"
                "T-2,Carers' breaks,Carers services,Carers Leeds,Charity,"
                "Adult Social Care,2025-04-01,2027-03-31,120000\r\n")


def copy_of(work, original, name):
    return portfolios.copy(original, work, name)


# ---- the cases ------------------------------------------------------------------

def caught(what, result):
    """A forgery is reported as such: exit 1, not a failure to check (2)."""
    check(what, result.returncode == 1, told(result))


def note_file_alone(portfolio):
    """What the chain alone says, for the record: some forgeries need an anchor."""
    print(f"#   without an anchor: {told(verify(portfolio))}")


def test_untampered(work, base, anchor, workbook):
    result = verify(base)
    check("an untampered portfolio verifies", result.returncode == 0
          and "intact" in result.stdout, told(result))
    result = verify(base, anchor=anchor)
    check("it verifies against its own audit head", result.returncode == 0
          and "holds the anchor" in result.stdout, told(result))
    result = verify(base, workbook=workbook)
    check("it verifies against the head on its exported workbook's Read me sheet",
          result.returncode == 0, told(result))

    later = copy_of(work, base, "later")
    source = os.path.join(work, "register.csv")
    register(source)
    result = run("--import", source, "--portfolio", later)
    check("more changes are made by importing a register", result.returncode == 0, told(result))
    later_anchor = anchor_of(later)
    check("the head moves on with them", later_anchor != anchor
          and int(later_anchor.split(":")[0]) > int(anchor.split(":")[0]), later_anchor)
    for name, args in [("the earlier head", {"anchor": anchor}),
                       ("the earlier workbook's head", {"workbook": workbook}),
                       ("the later head", {"anchor": later_anchor})]:
        result = verify(later, **args)
        check(f"after more changes it still verifies against {name}", result.returncode == 0,
              told(result))
    return later, later_anchor


def test_truncated(work, base, anchor):
    path = copy_of(work, base, "truncated")
    last = int(anchor.split(":")[0])
    shell(path, f"DELETE FROM audit WHERE id > {last - 40};"
                " UPDATE meta SET value = (SELECT hash FROM audit ORDER BY id DESC LIMIT 1)"
                " WHERE key = 'audit_head';")
    note_file_alone(path)
    caught("the tail cut off and the stored head moved back is caught against an earlier head",
           verify(path, anchor=anchor))


def test_edited_and_rechained(work, base, anchor, workbook):
    path = copy_of(work, base, "rechained")
    shell(path, "UPDATE audit SET new_value = '1' WHERE id = (SELECT min(id) FROM audit"
                " WHERE entity = 'contract' AND field = 'annual_value');")
    caught("an edited row, without the chain recomputed, is caught from the file alone",
           verify(path))
    rechain(path)
    note_file_alone(path)
    caught("an edited row with the whole chain recomputed is caught against an earlier head",
           verify(path, anchor=anchor))
    caught("... and against the head on an earlier workbook", verify(path, workbook=workbook))


def test_forged_actor_and_time(work, base, anchor):
    path = copy_of(work, base, "forged-actor")
    shell(path, "UPDATE audit SET actor = 'dlee (Director of Adult Social Care)',"
                " at = '2026-01-05T09:00:00.000000Z'"
                " WHERE id IN (SELECT id FROM audit WHERE entity = 'eia' LIMIT 5);")
    rechain(path)
    note_file_alone(path)
    caught("a forged actor and time, rechained, are caught against an earlier head",
           verify(path, anchor=anchor))


def test_renumbered(work, base, anchor):
    path = copy_of(work, base, "renumbered")
    shell(path, "UPDATE audit SET id = id + 1000000 WHERE id > 100")
    caught("renumbered rows are caught from the file alone", verify(path))

    path = copy_of(work, base, "renumbered-gap")
    # Through negative numbers: a server checks each row's number is unique
    # as it goes.
    shell(path, "DELETE FROM audit WHERE id = 100; UPDATE audit SET id = 1 - id WHERE id > 100;"
                " UPDATE audit SET id = -id WHERE id < 0")
    caught("a deleted row with the rows after it renumbered is caught from the file alone",
           verify(path))
    rechain(path)
    note_file_alone(path)
    caught("... and, rechained, against an earlier head", verify(path, anchor=anchor))


def test_retyped(work, base):
    if portfolios.skip_on_server(check, "an entity_id stored as another type is caught",
                                 "a server's column holds its one type"):
        return
    path = copy_of(work, base, "retyped")
    shell(path, "UPDATE audit SET entity_id = CAST(CAST(entity_id AS TEXT) AS BLOB)"
                " WHERE id = (SELECT min(id) FROM audit WHERE entity = 'contract');")
    shown = query(path, "SELECT count(*) FROM audit WHERE typeof(entity_id) <> 'integer'")[0][0]
    check("the record id is now stored as something else that reads the same", shown == 1)
    caught("an entity_id stored as another type is caught from the file alone", verify(path))


def test_older_copy(work, base, later, later_anchor):
    path = copy_of(work, base, "older-copy")
    note_file_alone(path)
    caught("an older copy of the file in place of the newer is caught against the newer head",
           verify(path, anchor=later_anchor))
    workbook = os.path.join(work, "later.xlsx")
    result = run("--export", workbook, "--portfolio", later, "--today", TODAY)
    check("the newer portfolio exports", result.returncode == 0, told(result))
    caught("... and against the head on the newer workbook", verify(path, workbook=workbook))


def test_trail_deleted(work, base, anchor):
    path = copy_of(work, base, "no-trail")
    shell(path, "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head';")
    note_file_alone(path)
    caught("the whole trail and its head deleted is caught against an earlier head",
           verify(path, anchor=anchor))


def test_restore(work, base, later, later_anchor):
    """A restore from a backup, recorded as Restore from Backup records it,
    is told as a restore: exit 3, neither proof nor tampering."""
    path = copy_of(work, base, "restored")
    shell(path, "INSERT INTO meta (key, value) VALUES"
                f" ('restored_from_backup', '{later_anchor}');")
    append(path, "meta", 0, "restored_from_backup", None, later_anchor, "tester (Test User)")
    result = verify(path, anchor=later_anchor)
    check("a head replaced by a recorded restore is reported as restored from a backup",
          result.returncode == 3 and "restored from a backup on" in result.stdout, told(result))
    result = verify(path, anchor=anchor_of(base))
    check("the backup's own head still verifies after the restore", result.returncode == 0,
          told(result))


def replay_case(what, result):
    check(what + " is caught", result.returncode == 1, told(result))


def named(portfolio):
    """A portfolio as every message names it (cm-portfolio-name.h): a
    server's by its database and server, never by its URI."""
    if not portfolios.is_uri(portfolio):
        return portfolio
    server = re.search(r"[?&]host=([^&]*)", portfolio).group(1)
    return f"the database “{portfolios.name_of(portfolio)}” on the PostgreSQL server “{server}”"


def test_replay_cases(work, base, anchor):
    path = copy_of(work, base, "contract-edited")
    shell(path, "UPDATE contract SET annual_value = annual_value + 100000"
                " WHERE id = (SELECT min(id) FROM contract);")
    result = verify(path, anchor=anchor)
    replay_case(REPLAY_CASES[0], result)
    first = (result.stderr.splitlines() or [""])[0]
    check("the first line names the portfolio as other messages do",
          named(path) in first and "postgresql:" not in first, told(result))

    path = copy_of(work, base, "contract-deleted")
    # One no other record refers to: a server keeps its references whole.
    shell(path, "DELETE FROM contract WHERE id = (SELECT max(id) FROM contract c WHERE"
                " NOT EXISTS (SELECT 1 FROM decommission_contract d WHERE d.contract_id = c.id)"
                " AND NOT EXISTS (SELECT 1 FROM scenario_line l WHERE l.contract_id = c.id)"
                " AND NOT EXISTS (SELECT 1 FROM contract_notice n WHERE n.contract_id = c.id)"
                " AND NOT EXISTS (SELECT 1 FROM contract_variation v WHERE v.contract_id = c.id))")
    replay_case(REPLAY_CASES[1], verify(path, anchor=anchor))

    path = copy_of(work, base, "untracked-record")
    shell(path, "INSERT INTO organisation (id, name, kind) VALUES"
                " ((SELECT max(id) + 1 FROM organisation), 'Shadow board', 'partner');")
    replay_case(REPLAY_CASES[2], verify(path, anchor=anchor))

    path = copy_of(work, base, "forged-approval")
    unsigned = query(path, "SELECT min(id) FROM eia WHERE signed = 0")[0][0]
    append(path, "eia", unsigned, "signed", "false", "true",
           "dlee (Director of Adult Social Care)")
    replay_case(REPLAY_CASES[3], verify(path, anchor=anchor))


def test_edit_with_matching_row(work, base, anchor):
    """A contract edited in its table with a matching audit row written in
    the middle of the trail, as if it had happened long ago: the rows after
    it are renumbered and the chain recomputed, which loses the anchor."""
    path = copy_of(work, base, "edit-with-matching-row")
    contract = query(path, "SELECT id, annual_value FROM contract ORDER BY id LIMIT 1")[0]
    old, new = contract["annual_value"], contract["annual_value"] + 100000
    middle = int(anchor.split(":")[0]) // 2
    shell(path, f"UPDATE contract SET annual_value = {new} WHERE id = {contract['id']};"
                f" UPDATE audit SET id = -id WHERE id > {middle};"
                " UPDATE audit SET id = 1 - id WHERE id < 0;"
                " INSERT INTO audit (id, at, actor, entity, entity_id, field, old_value,"
                f" new_value, prev_hash, hash) VALUES ({middle + 1}, '2026-01-05T09:00:00.000000Z',"
                f" 'dlee (D Lee)', 'contract', {contract['id']}, 'annual_value', '{old}', '{new}',"
                " '', '');")
    rechain(path)
    caught("a contract edited with a matching audit row slipped into the trail and the chain"
           " recomputed is caught against an earlier head", verify(path, anchor=anchor))


def main():
    work = tempfile.mkdtemp(prefix="commissioner-tamper-")
    try:
        base = portfolios.new(work, "base")
        subprocess.run([tap.BINARY, "--create-demo", base, "--today", TODAY], check=True,
                       capture_output=True)
        anchor = anchor_of(base)
        workbook = os.path.join(work, "base.xlsx")
        result = run("--export", workbook, "--portfolio", base, "--today", TODAY)
        check("the portfolio exports a workbook to take the head from", result.returncode == 0,
              told(result))

        later, later_anchor = test_untampered(work, base, anchor, workbook)
        test_truncated(work, base, anchor)
        test_edited_and_rechained(work, base, anchor, workbook)
        test_forged_actor_and_time(work, base, anchor)
        test_renumbered(work, base, anchor)
        test_retyped(work, base)
        test_older_copy(work, base, later, later_anchor)
        test_trail_deleted(work, base, anchor)
        test_restore(work, base, later, later_anchor)
        test_replay_cases(work, base, anchor)
        test_edit_with_matching_row(work, base, anchor)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
