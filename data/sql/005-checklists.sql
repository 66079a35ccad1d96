-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- The commissioning cycle: each service's checklist items for each stage
-- of each cycle, and the history of its stage changes. Who set an item's
-- state, and when, is read from the audit trail rather than stored here,
-- so the two can never disagree.

CREATE TABLE checklist_item (
  id           INTEGER PRIMARY KEY,
  service_id   INTEGER NOT NULL REFERENCES service (id),
  cycle        INTEGER NOT NULL,
  stage        TEXT NOT NULL,
  position     INTEGER NOT NULL DEFAULT 0,
  template_key TEXT NOT NULL DEFAULT '',  -- '' for an item the commissioner added
  title        TEXT NOT NULL,
  guidance     TEXT NOT NULL DEFAULT '',
  required     INTEGER NOT NULL DEFAULT 1,
  state        TEXT NOT NULL DEFAULT 'to-do',
  evidence     TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT '',  -- why it does not apply
  due_date     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_item_service ON checklist_item (service_id, cycle, stage);

CREATE TABLE stage_event (
  id          INTEGER PRIMARY KEY,
  service_id  INTEGER NOT NULL REFERENCES service (id),
  cycle       INTEGER NOT NULL,
  from_stage  TEXT NOT NULL,
  to_stage    TEXT NOT NULL,
  decision    TEXT NOT NULL DEFAULT 'none',
  overridden  INTEGER NOT NULL DEFAULT 0,
  reason      TEXT NOT NULL DEFAULT '',
  open_items  TEXT NOT NULL DEFAULT ''   -- what the gate still lacked, when overridden
);
CREATE INDEX stage_event_service ON stage_event (service_id);
