-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- What happened when a contract reached its end (until it is recorded an
-- ended contract stays overdue), and what the notice served means: notice
-- not to extend (the default, as registers that do not say mean it) or
-- notice of early termination.
ALTER TABLE contract ADD COLUMN outcome TEXT NOT NULL DEFAULT 'none';
ALTER TABLE contract ADD COLUMN notice_kind TEXT NOT NULL DEFAULT 'not-to-extend';
