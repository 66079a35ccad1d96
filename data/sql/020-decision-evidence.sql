-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Decisions tied to their evidence (DOMAIN.md, "The EIA comes before the
-- decision" and "Completion means the substance is done").
--
-- A decommissioning decision is the decommission record: its decision date
-- and now the signed EIA that informed it. A re-commissioning decision is
-- the Review step that re-commissions a service: the stage event now keeps
-- its date and the EIA that informed it. A decision with no signed EIA, or
-- dated before its EIA was signed off, stands only with a recorded reason.
-- The EIA ids are plain integers, as SQLite cannot add a column with a
-- foreign key that an older file could later drop; the store checks them.

ALTER TABLE decommission ADD COLUMN eia_id INTEGER;
ALTER TABLE decommission ADD COLUMN eia_override TEXT NOT NULL DEFAULT '';
-- What a completion override went past, as the stage gate keeps it.
ALTER TABLE decommission ADD COLUMN completion_open_items TEXT NOT NULL DEFAULT '';

ALTER TABLE stage_event ADD COLUMN decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE stage_event ADD COLUMN eia_id INTEGER;
ALTER TABLE stage_event ADD COLUMN eia_override TEXT NOT NULL DEFAULT '';
