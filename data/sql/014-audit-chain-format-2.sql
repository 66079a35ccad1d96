-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- From here on each audit row's hash also covers the row's own number (the
-- second format of the chain, see cm-audit.c), so a row cannot be renumbered
-- or moved without breaking the chain. Rows written before keep the hash they
-- were written with; this key names the first row of the new format.
--
-- Moving the key does not help a forger: a row verifies only under the
-- format it was hashed with, so moving the boundary breaks the chain at the
-- first row it moves across, and rehashing those rows changes every hash an
-- anchor kept outside the file may name.
INSERT INTO meta (key, value)
  SELECT 'audit_format_2_from', coalesce(max(id), 0) + 1 FROM audit;
