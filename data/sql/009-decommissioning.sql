-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Decommissioning (DOMAIN.md; seed 003 section 3.1; seed 004 paras 39-44).
-- Its checklist is the service's checklist for the "decommissioning" stage
-- of the cycle, so every step is audited like any checklist item; steps
-- gain an owner. The affected contracts, and each person's move to other
-- support (by reference only, never by name), are kept beside it.

ALTER TABLE checklist_item ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN decommissioned_on TEXT NOT NULL DEFAULT '';
ALTER TABLE contract ADD COLUMN decommissioned_on TEXT NOT NULL DEFAULT '';

CREATE TABLE decommission (
  id                  INTEGER PRIMARY KEY,
  service_id          INTEGER NOT NULL REFERENCES service (id),
  cycle               INTEGER NOT NULL DEFAULT 1,
  started_from        TEXT NOT NULL DEFAULT 'review',
  reason              TEXT NOT NULL,
  decision_route      TEXT NOT NULL DEFAULT 'not-recorded',
  decision_date       TEXT NOT NULL DEFAULT '',
  case_for_change     TEXT NOT NULL DEFAULT '',
  provider_note       TEXT NOT NULL DEFAULT '',
  lessons             TEXT NOT NULL DEFAULT '',
  completed_on        TEXT NOT NULL DEFAULT '',
  completion_override TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decommission_service ON decommission (service_id);

CREATE TABLE decommission_contract (
  id              INTEGER PRIMARY KEY,
  decommission_id INTEGER NOT NULL REFERENCES decommission (id),
  contract_id     INTEGER NOT NULL REFERENCES contract (id),
  UNIQUE (decommission_id, contract_id)
);

CREATE TABLE transition (
  id              INTEGER PRIMARY KEY,
  decommission_id INTEGER NOT NULL REFERENCES decommission (id),
  person_ref      TEXT NOT NULL,
  current_support TEXT NOT NULL DEFAULT '',
  destination     TEXT NOT NULL DEFAULT '',
  planned_date    TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'planned'
);
CREATE INDEX transition_decommission ON transition (decommission_id);
