-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- PostgreSQL only: takes out of its database a portfolio that opening the
-- database just made there, as when the first import into a new database
-- failed, so that the database is empty again as it was. Run in one
-- transaction, by the role that ran the migrations. The database held no
-- table before (cm_store_server_identify () refuses one that does), so
-- every table of the schema is the migrations'; the rest is what
-- prelude.sql makes, named here as there. A portfolio that holds saved
-- changes meanwhile is refused with SQLSTATE 55006 (object_in_use), and
-- left as it is.

-- Dropping cascades to the tables' indexes and keys: not worth a notice each.
SET LOCAL client_min_messages = warning;

DO $$
DECLARE
  schema text := current_schema ();
  made   record;
BEGIN
  -- Whoever opens the portfolio meanwhile waits, then finds an empty database.
  LOCK TABLE cm_schema IN ACCESS EXCLUSIVE MODE;
  -- The migrations audit only a baseline row of each record they hold.
  IF EXISTS (SELECT FROM audit WHERE field <> '*baseline') THEN
    RAISE EXCEPTION 'The portfolio in "%" holds saved changes.', current_database ()
      USING ERRCODE = 'object_in_use';
  END IF;
  FOR made IN SELECT tablename FROM pg_tables WHERE schemaname = schema LOOP
    EXECUTE format ('DROP TABLE IF EXISTS %I.%I CASCADE', schema, made.tablename);
  END LOOP;
END
$$;

DROP AGGREGATE group_concat (text, text), group_concat (text);
DROP FUNCTION cm_group_concat_step (text, text, text), cm_group_concat_step (text, text),
  cm_fold (text), instr (text, text), typeof (bigint), typeof (integer),
  typeof (double precision), typeof (text), cm_add_months (text, integer);
DROP COLLATION "binary";
