-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 The Commissioner developers
-- PostgreSQL only: the functions the shared SQL calls that PostgreSQL
-- lacks (SQLite has them, or the store gives them to it), and the table
-- that stands for SQLite's version pragmas, so that the migrations and the
-- store's statements are written once for both engines. Run in a
-- transaction of its own before the migrations, every time a database is
-- migrated: each statement may run again over its own earlier result.
-- What it makes, discard.sql names again, to take it out of a new
-- database whose first import failed.

-- Running again is expected: not worth a notice for each thing already there.
SET LOCAL client_min_messages = warning;

-- The schema version and our application's id, which a SQLite file keeps
-- in PRAGMA user_version and application_id. One row; the version is that
-- of the last migration applied, 0 before the first.
CREATE TABLE IF NOT EXISTS cm_schema (
  one_row        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one_row),
  application_id INTEGER NOT NULL,
  version        INTEGER NOT NULL
);
-- 0x436d736e, CM_SCHEMA_APPLICATION_ID
INSERT INTO cm_schema (application_id, version) VALUES (1131246446, 0)
  ON CONFLICT (one_row) DO NOTHING;

-- The case fold search compares with: GLib's g_utf8_casefold () in SQLite.
-- PostgreSQL 15 has no case folding, so this is lower () made to agree with
-- it: under ICU's root locale, whatever the database's own (in the C
-- locale lower () knows only ASCII); then the folds that differ from
-- lowering: sigmas, long s, micro sign, the Greek symbol letters, sharp s
-- and the Latin ligatures. Letters whose fold is longer still (U+0149,
-- Greek with iota subscript, Armenian ligatures) and Cherokee small
-- letters (which GLib folds to capitals, but capitals to small letters)
-- differ; the test of this file lists them.
CREATE OR REPLACE FUNCTION cm_fold (text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN replace (replace (replace (replace (replace (replace (replace (replace (
           translate (lower ($1 COLLATE "und-x-icu"),
                      'ςſµϐϑϕϖϰϱϵẛ' || U&'\1FBE', 'σsμβθφπκρεṡ' || U&'\03B9'),
           'ß', 'ss'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'),
           'ﬅ', 'st'), 'ﬆ', 'st');

-- SQLite's instr (): where @needle first starts in @haystack, from 1; 0 if
-- it does not.
CREATE OR REPLACE FUNCTION instr (haystack text, needle text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN strpos (haystack, needle);

-- SQLite's group_concat (): the values joined by a separator (',' when none
-- is given), NULLs left out, NULL when there are none. (string_agg () is
-- the same, but SQLite has it only from 3.44.)
CREATE OR REPLACE FUNCTION cm_group_concat_step (joined text, value text, separator text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN value IS NULL THEN joined
              WHEN joined IS NULL THEN value
              ELSE joined || separator || value END;
CREATE OR REPLACE FUNCTION cm_group_concat_step (joined text, value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN cm_group_concat_step (joined, value, ',');
CREATE OR REPLACE AGGREGATE group_concat (text, text) (SFUNC = cm_group_concat_step, STYPE = text);
CREATE OR REPLACE AGGREGATE group_concat (text) (SFUNC = cm_group_concat_step, STYPE = text);

-- SQLite's typeof () as it answers for a value of a typed column, which the
-- audit's checks ask of each row. (Without the integer one, PostgreSQL
-- would prefer the double precision one for an INTEGER column.)
CREATE OR REPLACE FUNCTION typeof (bigint) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN $1 IS NULL THEN 'null' ELSE 'integer' END;
CREATE OR REPLACE FUNCTION typeof (integer) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN $1 IS NULL THEN 'null' ELSE 'integer' END;
CREATE OR REPLACE FUNCTION typeof (double precision) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN $1 IS NULL THEN 'null' ELSE 'real' END;
CREATE OR REPLACE FUNCTION typeof (text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN $1 IS NULL THEN 'null' ELSE 'text' END;

-- SQLite's BINARY collation, by that name: code point order whatever the
-- database's locale. (Unquoted, BINARY is a keyword in PostgreSQL; SQLite
-- accepts COLLATE "binary" too.)
CREATE COLLATION IF NOT EXISTS "binary" FROM "C";

-- The day @months after @day (YYYY-MM-DD), the day of the month kept where
-- the month has it and the month's last day where it does not, as
-- g_date_add_months () gives it (31 January + 1 month = 29 February 2024);
-- NULL when @day is not such a date. SQLite's date (day, '+N months')
-- overflows into the next month instead, so both engines are to call this.
CREATE OR REPLACE FUNCTION cm_add_months (day text, months integer) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
  IF day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN NULL;
  END IF;
  RETURN to_char (make_date (substr (day, 1, 4)::integer, substr (day, 6, 2)::integer,
                             substr (day, 9, 2)::integer)
                  + make_interval (months => months), 'YYYY-MM-DD');
EXCEPTION WHEN data_exception THEN
  RETURN NULL; -- no such day, as 2023-02-30
END
$$;
