-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- Replay reads the trail ordered by entity, entity_id and id (see 015).
-- SQLite keeps the rowid last in every index, so audit_entity already gave
-- that order there; PostgreSQL keeps no such column and sorted the rows
-- after reading them. Naming id in the index gives both engines the order
-- from the index alone. The name stays, so nothing that looks for the
-- index by name notices the change.
DROP INDEX audit_entity;
CREATE INDEX audit_entity ON audit (entity, entity_id, id);
