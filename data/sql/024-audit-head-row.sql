-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Every portfolio keeps the head of its audit trail in meta from now on,
-- an empty trail's too (the genesis hash, CM_AUDIT_GENESIS_HASH, which is
-- what an absent head was read as). On a server a writing transaction
-- locks this row as the writers' lock (cm-db-pg.c), which a role that may
-- only read cannot lock; before the first change there was no row to lock.
INSERT INTO meta (key, value)
  SELECT 'audit_head', '0000000000000000000000000000000000000000000000000000000000000000'
  WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'audit_head');
