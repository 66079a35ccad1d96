-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- From here on an audit row no longer stores the hash of the row before it
-- (its prev_hash is empty: the third format of the chain, see cm-audit.c).
-- That hash is the previous row's own, and the row's hash already covers
-- it, so storing it again proved nothing and made every row 64 bytes
-- larger. Rows written before keep theirs; this key names the first row
-- without one.
--
-- Moving the key does not help a forger: a row before it must hold the
-- previous hash and a row from it on must hold none, so moving it breaks
-- the chain at the first row it moves across.
INSERT INTO meta (key, value)
  SELECT 'audit_format_3_from', coalesce(max(id), 0) + 1 FROM audit;
