-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- The first schema: commissioners, services, providers, contracts and the
-- hash-chained audit trail. Dates are ISO text. Money is in whole pence,
-- as BIGINT: in PostgreSQL an INTEGER has 32 bits and stops at
-- £21,474,836.47. Ids stay INTEGER PRIMARY KEY (SQLite's rowid); the store
-- gives every new record its id.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE organisation (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);

CREATE TABLE service (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  area                 TEXT NOT NULL,
  client_group         TEXT NOT NULL,
  lead_commissioner_id INTEGER REFERENCES organisation (id),
  stage                TEXT NOT NULL DEFAULT 'analyse',
  cycle                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX service_lead ON service (lead_commissioner_id);

CREATE TABLE service_partner (
  id              INTEGER PRIMARY KEY,
  service_id      INTEGER NOT NULL REFERENCES service (id),
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  UNIQUE (service_id, organisation_id)
);

CREATE TABLE funding_source (
  id              INTEGER PRIMARY KEY,
  service_id      INTEGER NOT NULL REFERENCES service (id),
  organisation_id INTEGER REFERENCES organisation (id),
  description     TEXT NOT NULL DEFAULT '',
  amount          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX funding_source_service ON funding_source (service_id);

CREATE TABLE provider (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  sector         TEXT NOT NULL,
  charity_number TEXT NOT NULL DEFAULT '',
  company_number TEXT NOT NULL DEFAULT '',
  is_sme         INTEGER NOT NULL DEFAULT 0,
  is_vcse        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contract (
  id            INTEGER PRIMARY KEY,
  reference     TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  service_id    INTEGER NOT NULL REFERENCES service (id),
  provider_id   INTEGER NOT NULL REFERENCES provider (id),
  contract_type TEXT NOT NULL,
  route         TEXT NOT NULL,
  annual_value  BIGINT NOT NULL DEFAULT 0,
  total_value   BIGINT NOT NULL DEFAULT 0,
  start_date    TEXT NOT NULL DEFAULT '',
  end_date      TEXT NOT NULL DEFAULT '',
  term          TEXT NOT NULL DEFAULT '',
  notice_period TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contract_service ON contract (service_id);
CREATE INDEX contract_provider ON contract (provider_id);

-- One row per changed field. hash = SHA-256 over prev_hash and the row's
-- own fields (see cm-audit.c); meta 'audit_head' holds the newest hash so
-- that rows cut from the end are noticed too.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
