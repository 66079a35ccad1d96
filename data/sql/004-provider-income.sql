-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- A provider's total annual income, when known, to show how much of it
-- comes from us (due diligence, seed 004 para 35 and 43). Pence; 0 = unknown.
ALTER TABLE provider ADD COLUMN annual_income BIGINT NOT NULL DEFAULT 0;
