-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- PostgreSQL only: the roles of a team portfolio and an audit trail that
-- accepts new rows only. Run on a migrated portfolio database, in one
-- transaction, by the role that owns its tables (the one that ran the
-- migrations), holding CREATEROLE; a superuser may run it too. It names
-- nothing itself: every name comes from current_database (), so the text
-- runs as it is. Running it again is harmless, and takes back what was
-- granted by hand since to its roles or to PUBLIC. Run it again after
-- every migration, so that a table the migration added gets the rights its
-- kind needs: the default privileges below give a new table only the
-- rights of a record table.
--
-- Three group roles, named after the database so that two portfolios on
-- one server never share one: DB_readers read everything (search, export,
-- reports); DB_commissioners are readers who also edit records; DB_reviewers
-- are readers who also verify the trail (reading alone) and accept damage.
-- People are given a role with GRANT DB_commissioners TO alice.
--
-- Refusals use SQLSTATEs that say why (42P01 undefined_table, 42501
-- insufficient_privilege, 42622 name_too_long, 42710 duplicate_object),
-- for a caller to word them.

-- Running again is expected: not worth a notice for each thing already there.
SET LOCAL client_min_messages = warning;

DO $$
DECLARE
  db      text := current_database ();
  schema  text := current_schema ();
  readers text := db || '_readers';
  editors text := db || '_commissioners';
  checkers text := db || '_reviewers';
  -- The settings a commissioner's work writes: the trail's head with each
  -- audit row (cm-audit.c), and the settings people change (the name, the
  -- OCDS prefix, review and deadline months, remembered import mappings).
  -- Not the keys of the trail's format, damage accepted or a restore.
  settings text[] := ARRAY['audit_head', 'name', 'ocds-prefix', 'eia_review_months',
                           'extension_lead_months', 'compact_minimum_months',
                           'due_soon_days', 'import-mappings'];
  owner   text;
  role    text;
  existing pg_roles;
BEGIN
  IF to_regclass ('audit') IS NULL THEN
    RAISE EXCEPTION 'The database "%" holds no portfolio: open it with Commissioner first, which makes its tables.',
                    db USING ERRCODE = 'undefined_table';
  END IF;
  owner := pg_get_userbyid ((SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass));
  -- Longer names would be cut short to 63 bytes, and could meet another
  -- portfolio's roles.
  IF octet_length (editors) > 63 THEN
    RAISE EXCEPTION 'The database name "%" is too long to name its roles after: use a name of at most 49 bytes.',
                    db USING ERRCODE = 'name_too_long';
  END IF;
  IF NOT pg_has_role (owner, 'MEMBER') THEN
    RAISE EXCEPTION 'The roles of "%" can be set up only by the owner of its tables.', db
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'Setting up the roles of "%" needs a role with CREATEROLE.', db
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  FOREACH role IN ARRAY ARRAY[readers, editors, checkers] LOOP
    SELECT * INTO existing FROM pg_roles WHERE rolname = role;
    IF NOT FOUND THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', role);
    ELSIF existing.rolcanlogin OR existing.rolsuper THEN
      -- Someone's own role: it is not ours to give a portfolio's rights to.
      RAISE EXCEPTION 'The role "%" already exists and is not a group role: rename it, or drop it if it is no longer used.',
                      role USING ERRCODE = 'duplicate_object';
    END IF;
  END LOOP;
  EXECUTE format ('GRANT %I TO %I, %I', readers, editors, checkers);

  -- Only the three roles (and the owner) may connect to the portfolio.
  EXECUTE format ('REVOKE ALL ON DATABASE %I FROM PUBLIC', db);
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO %I, %I, %I', db, readers, editors, checkers);
  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO %I', schema, readers);
  -- PostgreSQL 15 no longer lets everyone create in the public schema, but
  -- a cluster upgraded from an older one still does.
  EXECUTE format ('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', schema);

  -- From nothing, so that running again takes back what was granted since.
  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM PUBLIC, %I, %I, %I',
                  schema, readers, editors, checkers);
  EXECUTE format ('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM PUBLIC, %I, %I, %I',
                  schema, readers, editors, checkers);
  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', schema, readers);
  EXECUTE format ('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, readers);

  -- Commissioners edit every record. Beside the records a save writes its
  -- audit rows, the trail's head and settings in meta, and an import its
  -- import_run; the schema version is the migrations' alone.
  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                  schema, editors);
  EXECUTE format ('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, editors);
  EXECUTE format ('REVOKE ALL ON audit, meta, cm_schema FROM %I', editors);
  EXECUTE format ('GRANT INSERT ON audit TO %I, %I', editors, checkers);
  EXECUTE format ('GRANT INSERT, UPDATE ON meta TO %I, %I', editors, checkers);

  -- Tables a later migration adds (as the owner) are read by readers and
  -- edited by commissioners until this runs again.
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I'
                  ' GRANT SELECT ON TABLES TO %I', owner, schema, readers);
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I'
                  ' GRANT INSERT, UPDATE, DELETE ON TABLES TO %I', owner, schema, editors);
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I'
                  ' GRANT USAGE ON SEQUENCES TO %I', owner, schema, editors);

  -- Which settings each may write. Accepting damage writes its key
  -- (CM_AUDIT_DAMAGE_KEY, cm-audit-damage.h) with an audit row, and every
  -- audit row moves the head ('audit_head', cm-audit.c); commissioners
  -- write the settings above, reviewers nothing else, and only reviewers accept damage. The owner is not held
  -- to these policies. Updating the head also lets both lock it (SELECT
  -- ... FOR UPDATE) while appending; locking audit rows so would need
  -- UPDATE on audit, which no one has.
  ALTER TABLE meta ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS meta_read ON meta;
  DROP POLICY IF EXISTS meta_commissioners_insert ON meta;
  DROP POLICY IF EXISTS meta_commissioners_update ON meta;
  DROP POLICY IF EXISTS meta_reviewers_insert ON meta;
  DROP POLICY IF EXISTS meta_reviewers_update ON meta;
  EXECUTE format ('CREATE POLICY meta_read ON meta FOR SELECT TO %I USING (true)', readers);
  EXECUTE format ('CREATE POLICY meta_commissioners_insert ON meta FOR INSERT TO %I'
                  ' WITH CHECK (key = ANY (%L::text[]))', editors, settings);
  EXECUTE format ('CREATE POLICY meta_commissioners_update ON meta FOR UPDATE TO %I'
                  ' USING (key = ANY (%2$L::text[])) WITH CHECK (key = ANY (%2$L::text[]))',
                  editors, settings);
  EXECUTE format ('CREATE POLICY meta_reviewers_insert ON meta FOR INSERT TO %I'
                  ' WITH CHECK (key IN (%L, %L))', checkers, 'audit_head',
                  'audit_damage_accepted');
  EXECUTE format ('CREATE POLICY meta_reviewers_update ON meta FOR UPDATE TO %I'
                  ' USING (key IN (%2$L, %3$L)) WITH CHECK (key IN (%2$L, %3$L))', checkers,
                  'audit_head', 'audit_damage_accepted');
END
$$;

-- The audit trail accepts new rows only: rewriting or removing rows needs
-- the owner of the table, who could drop this trigger anyway (as could a
-- member of the owning role, or a superuser). It holds whatever rights a
-- role was granted by mistake.
CREATE OR REPLACE FUNCTION cm_audit_refuse_rewrite () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF NOT pg_has_role (session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                      'MEMBER') THEN
    RAISE EXCEPTION 'The audit trail accepts new rows only: % of its rows was refused to %.',
                    TG_OP, session_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Only the owner of the portfolio database can change or remove audit rows.';
  END IF;
  RETURN NULL; -- a statement trigger's result is not used
END
$$;

-- TRUNCATE triggers are statement triggers only; one for all three.
CREATE OR REPLACE TRIGGER audit_accepts_inserts_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION cm_audit_refuse_rewrite ();

-- Each audit row names who made the change. On a file that is the
-- computer account with the name the user chose to be shown ("jsmith
-- (Jane Smith)", see cm-actor.c), which anyone can set; on a server it is
-- the role the server authenticated, as session_user names it, and
-- nothing else, so no decoration can make one role look like another
-- (role names may hold spaces and brackets). session_user, not
-- current_user: SET ROLE to a group role does not change who is
-- connected. The owner is let through, as above: copying a file's trail
-- to the server keeps the actors it recorded.
CREATE OR REPLACE FUNCTION cm_audit_check_actor () RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF NEW.actor IS DISTINCT FROM session_user::text
     AND NOT pg_has_role (session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                          'MEMBER') THEN
    RAISE EXCEPTION 'An audit row must name who is connected, %, not %.',
                    session_user, NEW.actor
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Connect as the person making the change.';
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER audit_actor_is_session_user
  BEFORE INSERT ON audit
  FOR EACH ROW EXECUTE FUNCTION cm_audit_check_actor ();

-- The owner's, whoever ran this: else the owner could not run it again
-- after a superuser had.
DO $$
DECLARE
  owner text := pg_get_userbyid ((SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass));
BEGIN
  EXECUTE format ('ALTER FUNCTION cm_audit_refuse_rewrite () OWNER TO %I', owner);
  EXECUTE format ('ALTER FUNCTION cm_audit_check_actor () OWNER TO %I', owner);
END
$$;
