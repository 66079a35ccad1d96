-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- A register being imported may name a sector, contract type or route the
-- application does not know. Such a value is filed as 'other' and the text
-- is kept here as the user wrote it, so that nothing they wrote is lost.
-- Empty unless the value is 'other'.
ALTER TABLE provider ADD COLUMN sector_as_written TEXT NOT NULL DEFAULT '';
ALTER TABLE contract ADD COLUMN type_as_written TEXT NOT NULL DEFAULT '';
ALTER TABLE contract ADD COLUMN route_as_written TEXT NOT NULL DEFAULT '';
