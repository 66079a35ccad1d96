-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- One row per import of a contracts register: where it came from and what
-- it did. Saving it is the import's own audited action, beside the audit
-- rows of every record the import created or changed.
CREATE TABLE import_run (
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  created   INTEGER NOT NULL DEFAULT 0,
  updated   INTEGER NOT NULL DEFAULT 0,
  skipped   INTEGER NOT NULL DEFAULT 0,
  summary   TEXT NOT NULL DEFAULT ''
);
