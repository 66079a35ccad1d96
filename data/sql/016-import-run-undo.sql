-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- What undoing an import needs. The store gives each new record the id
-- after the highest, so the records one import created in a table are one
-- range of ids; created_ids lists them as "contract:12-250 provider:4-9"
-- (a table it created nothing in is left out). The values the import
-- replaced are in the audit rows from first_audit_id up to the import's
-- own record. Imports made before this migration have neither, and cannot
-- be undone.
ALTER TABLE import_run ADD COLUMN created_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE import_run ADD COLUMN first_audit_id INTEGER NOT NULL DEFAULT 0;
