-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Each service's risk register (seed 000 4.6.1; seed 001 L482, L583), its
-- engagement log (seed 003 4.1; seed 000 4.1) and its Outcomes Based
-- Accountability measures with a value for each period (seed 001 L558-569).
-- Targets and values are DOUBLE PRECISION, as SQLite's REAL is; PostgreSQL's
-- REAL is single precision (1234567.89 reads back as 1234567.875).

CREATE TABLE risk (
  id          INTEGER PRIMARY KEY,
  service_id  INTEGER NOT NULL REFERENCES service (id),
  description TEXT NOT NULL,
  category    TEXT NOT NULL DEFAULT 'financial',
  likelihood  INTEGER NOT NULL DEFAULT 1 CHECK (likelihood BETWEEN 1 AND 5),
  impact      INTEGER NOT NULL DEFAULT 1 CHECK (impact BETWEEN 1 AND 5),
  mitigation  TEXT NOT NULL DEFAULT '',
  owner       TEXT NOT NULL DEFAULT '',
  review_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_service ON risk (service_id);

CREATE TABLE engagement (
  id                INTEGER PRIMARY KEY,
  service_id        INTEGER NOT NULL REFERENCES service (id),
  held_on           TEXT NOT NULL DEFAULT '',
  stakeholder_group TEXT NOT NULL DEFAULT 'service-users',
  method            TEXT NOT NULL DEFAULT '',
  summary           TEXT NOT NULL DEFAULT '',
  co_production     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX engagement_service ON engagement (service_id);

CREATE TABLE measure (
  id               INTEGER PRIMARY KEY,
  service_id       INTEGER NOT NULL REFERENCES service (id),
  name             TEXT NOT NULL,
  measure_type     TEXT NOT NULL DEFAULT 'how-much',
  unit             TEXT NOT NULL DEFAULT '',
  target           DOUBLE PRECISION NOT NULL DEFAULT 0,
  higher_is_better INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX measure_service ON measure (service_id);

-- A period is a quarter ("2026-Q2") or a month ("2026-05"); they sort as text.
CREATE TABLE measure_value (
  id         INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure (id),
  period     TEXT NOT NULL,
  value      DOUBLE PRECISION NOT NULL,
  UNIQUE (measure_id, period)
);
