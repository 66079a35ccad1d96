-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Reduction scenarios (seed 004 para 37; seed 000 3.6.4): what cutting
-- chosen contracts by chosen percentages would do to each provider. A
-- scenario is a what-if: it never changes the contracts themselves.

CREATE TABLE scenario (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE scenario_line (
  id          INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL REFERENCES scenario (id),
  contract_id INTEGER NOT NULL REFERENCES contract (id),
  percent     DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  UNIQUE (scenario_id, contract_id)
);
CREATE INDEX scenario_line_contract ON scenario_line (contract_id);
