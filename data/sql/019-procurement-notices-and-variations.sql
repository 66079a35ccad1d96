-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- The notices published for each contract on the central digital platform
-- (Find a Tender: UK1-UK17 under the Procurement Act 2023, the Provider
-- Selection Regime's own forms), and the contract's variations. Which
-- notices a contract needs, and when, is worked out from its procurement
-- route and date (data/procurement-notices.json); these rows say what was
-- published. (IF NOT EXISTS: a test rewinds the schema version and migrates again.)

CREATE TABLE IF NOT EXISTS contract_notice (
  id           INTEGER PRIMARY KEY,
  contract_id  INTEGER NOT NULL REFERENCES contract (id),
  code         TEXT NOT NULL,
  published_on TEXT NOT NULL DEFAULT '',
  identifier   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS contract_notice_contract ON contract_notice (contract_id);

-- A change of value, term or scope, dated and with its reason, by how much
-- (pence; a period such as "6 months") where known, and its change notice
-- (UK10) where one is due.
CREATE TABLE IF NOT EXISTS contract_variation (
  id                   INTEGER PRIMARY KEY,
  contract_id          INTEGER NOT NULL REFERENCES contract (id),
  made_on              TEXT NOT NULL DEFAULT '',
  kind                 TEXT NOT NULL DEFAULT 'value',
  description          TEXT NOT NULL DEFAULT '',
  reason               TEXT NOT NULL DEFAULT '',
  value_change         BIGINT NOT NULL DEFAULT 0,
  term_change          TEXT NOT NULL DEFAULT '',
  change_notice        TEXT NOT NULL DEFAULT '',
  change_notice_on     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS contract_variation_contract ON contract_variation (contract_id);
