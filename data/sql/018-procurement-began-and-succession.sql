-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- A contract is judged against the procurement thresholds in force on the
-- day its procurement began. Registers seldom record that day, so it is
-- optional: empty when not recorded, and the start date stands in for it.
ALTER TABLE contract ADD COLUMN procurement_began TEXT NOT NULL DEFAULT '';
-- Organisations are succeeded by others on a date (the clinical
-- commissioning groups by integrated care boards on 1 July 2022). Records
-- keep the organisation they were made with; pages and reports resolve the
-- succession when they are drawn. Both empty when not succeeded.
ALTER TABLE organisation ADD COLUMN succeeded_by_id INTEGER REFERENCES organisation (id);
ALTER TABLE organisation ADD COLUMN succeeded_on TEXT NOT NULL DEFAULT '';
