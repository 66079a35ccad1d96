-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Equality impact assessments (DOMAIN.md, EIA; seed 004 paras 41-42 and
-- recommendation 3). An EIA keeps its own copy of the characteristics it
-- was assessed against, so editing the list never rewrites history. A
-- signed-off version is read-only; a change starts the next version.

-- The commissioning staff who write and sign EIAs, with their training.
CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL DEFAULT '',
  eia_trained_on   TEXT NOT NULL DEFAULT '',
  refresher_months INTEGER NOT NULL DEFAULT 24
);

-- The characteristics a new EIA is screened against: the nine protected
-- characteristics of the Equality Act 2010, and carers and poverty.
CREATE TABLE characteristic (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);
-- The ids are written out: only SQLite makes one up for a row without it.
INSERT INTO characteristic (id, name, position) VALUES
  (1, 'Age', 1), (2, 'Disability', 2), (3, 'Gender reassignment', 3),
  (4, 'Marriage and civil partnership', 4), (5, 'Pregnancy and maternity', 5), (6, 'Race', 6),
  (7, 'Religion or belief', 7), (8, 'Sex', 8), (9, 'Sexual orientation', 9), (10, 'Carers', 10),
  (11, 'Poverty and socio-economic disadvantage', 11);

CREATE TABLE eia (
  id                  INTEGER PRIMARY KEY,
  service_id          INTEGER NOT NULL REFERENCES service (id),
  cycle               INTEGER NOT NULL DEFAULT 1,
  decision            TEXT NOT NULL DEFAULT 'commission',
  version             INTEGER NOT NULL DEFAULT 1,
  previous_id         INTEGER REFERENCES eia (id),
  proposal            TEXT NOT NULL DEFAULT '',
  author_id           INTEGER REFERENCES staff (id),
  -- screening: the duty's three aims engaged, and the outcome
  aim_discrimination  INTEGER NOT NULL DEFAULT 0,
  aim_opportunity     INTEGER NOT NULL DEFAULT 0,
  aim_relations       INTEGER NOT NULL DEFAULT 0,
  outcome             TEXT NOT NULL DEFAULT 'undecided',
  outcome_reason      TEXT NOT NULL DEFAULT '',
  -- sign-off
  signed              INTEGER NOT NULL DEFAULT 0,
  signatory_id        INTEGER REFERENCES staff (id),
  signatory_role      TEXT NOT NULL DEFAULT '',
  signed_on           TEXT NOT NULL DEFAULT '',
  training_override   TEXT NOT NULL DEFAULT '',
  -- the review after decommissioning (recommendation 3b)
  reviewed_on         TEXT NOT NULL DEFAULT '',
  unpredicted_impacts TEXT NOT NULL DEFAULT '',
  lessons             TEXT NOT NULL DEFAULT '',
  lessons_shared_with TEXT NOT NULL DEFAULT ''
);
CREATE INDEX eia_service ON eia (service_id, cycle);

CREATE TABLE eia_characteristic (
  id               INTEGER PRIMARY KEY,
  eia_id           INTEGER NOT NULL REFERENCES eia (id),
  position         INTEGER NOT NULL DEFAULT 0,
  name             TEXT NOT NULL,
  relevance        TEXT NOT NULL DEFAULT 'unanswered',
  screening_reason TEXT NOT NULL DEFAULT '',
  impact           TEXT NOT NULL DEFAULT 'unknown',
  evidence         TEXT NOT NULL DEFAULT '',
  happened         TEXT NOT NULL DEFAULT 'not-reviewed'
);
CREATE INDEX eia_characteristic_eia ON eia_characteristic (eia_id);

CREATE TABLE eia_mitigation (
  id                 INTEGER PRIMARY KEY,
  characteristic_id  INTEGER NOT NULL REFERENCES eia_characteristic (id),
  description        TEXT NOT NULL,
  owner              TEXT NOT NULL DEFAULT '',
  due_date           TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'planned',
  effectiveness      INTEGER NOT NULL DEFAULT 0,   -- 1-5 after review; 0 not rated
  effectiveness_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX eia_mitigation_characteristic ON eia_mitigation (characteristic_id);
