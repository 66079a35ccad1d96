-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- How many of a contract's extensions have been taken, and the day notice
-- was served (empty while it has not been).
ALTER TABLE contract ADD COLUMN extensions_invoked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contract ADD COLUMN notice_served TEXT NOT NULL DEFAULT '';
