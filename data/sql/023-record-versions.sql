-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Every record carries the version it is at: 1 when it is made, one more
-- at each change. A change is written only over the version its author
-- read, so a save from a window opened before a colleague's commit is
-- refused instead of overwriting the colleague's values. The version is
-- bookkeeping, not a field of the record: the audit trail does not record it.
-- (An assessment's "version" is a field of its own: hence row_version.)
ALTER TABLE characteristic ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE checklist_item ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contract ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contract_notice ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contract_variation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decommission ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decommission_contract ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE eia ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE eia_characteristic ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE eia_mitigation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE engagement ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE funding_source ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE import_run ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE measure ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE measure_value ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE provider ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE risk ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE scenario ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE scenario_line ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service_partner ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE stage_event ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE transition ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
