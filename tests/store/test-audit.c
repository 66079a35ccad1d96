/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit.c: the audit trail the store writes, and its hash chain
 *
 * The rows are read from the file through a connection of their own; the
 * chain is tampered with through the sqlite3 shell, with the store closed,
 * as someone editing the file by hand would.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-audit.h"
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

/* The id the store gave a record. */
#define ID(entity) cm_entity_get_id (CM_ENTITY (entity))
#include "cm-value.h"

#define ACTOR "Commissioning officer (adults)"

typedef struct {
  gint64 id;
  char *at;
  char *actor;
  char *entity;
  gint64 entity_id;
  char *field;
  char *old_value;
  char *new_value;
} AuditRow;

static void
audit_row_free (AuditRow *row)
{
  g_free (row->at);
  g_free (row->actor);
  g_free (row->entity);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

static char *
column_dup (CmDbStmt *stmt, int column)
{
  return g_strdup (cm_db_column_text (stmt, column));
}

/* The audit rows after @after_id, read on a connection of the test's own. */
static GPtrArray *
read_audit (const char *path, gint64 after_id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_row_free);
  CmDb *db = cm_test_connect (path);
  CmDbStmt *stmt = cm_db_prepare (db, "SELECT id, at, actor, entity, entity_id, field,"
                                      " old_value, new_value FROM audit WHERE id > ? ORDER BY id");

  g_assert_nonnull (stmt);
  cm_db_bind_int64 (stmt, 1, after_id);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      AuditRow *row = g_new0 (AuditRow, 1);

      row->id = cm_db_column_int64 (stmt, 0);
      row->at = column_dup (stmt, 1);
      row->actor = column_dup (stmt, 2);
      row->entity = column_dup (stmt, 3);
      row->entity_id = cm_db_column_int64 (stmt, 4);
      row->field = column_dup (stmt, 5);
      row->old_value = column_dup (stmt, 6);
      row->new_value = column_dup (stmt, 7);
      g_ptr_array_add (rows, row);
    }
  cm_db_stmt_free (stmt);
  cm_db_close (db);
  return rows;
}

static gint64
last_audit_id (const char *path)
{
  return cm_test_query_int (path, "SELECT coalesce(max(id), 0) FROM audit");
}

static AuditRow *
find_row (GPtrArray *rows, const char *field)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AuditRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->field, field))
        return row;
    }
  return NULL;
}

/* The fields of @entity whose text is not empty, as column names. */
static GPtrArray *
non_empty_columns (CmEntity *entity)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *text = cm_entity_property_text (entity, klass->columns[i]);

      if (text && *text)
        g_ptr_array_add (columns, cm_value_column_name (klass->columns[i]));
    }
  return columns;
}

/* Checks the rows a create wrote: one per non-empty field, old NULL. A
 * blank field is no change, so a create writes no row for it. */
static void
assert_create_rows (GPtrArray *rows, CmEntity *entity, const char *actor)
{
  g_autoptr(GPtrArray) expected = non_empty_columns (entity);
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < rows->len; i++)
    {
      AuditRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->actor, ==, actor);
      g_assert_cmpstr (row->entity, ==, klass->table);
      g_assert_cmpint (row->entity_id, ==, cm_entity_get_id (entity));
      g_assert_null (row->old_value);
      g_assert_nonnull (row->new_value);
      g_assert_cmpstr (row->new_value, !=, "");
    }
  for (guint i = 0; i < expected->len; i++)
    {
      const char *column = g_ptr_array_index (expected, i);
      g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
      g_autofree char *text = cm_entity_property_text (entity, property);
      AuditRow *row = find_row (rows, column);

      g_test_message ("%s.%s = %s", klass->table, column, text);
      g_assert_nonnull (row);
      g_assert_cmpstr (row->new_value, ==, text);
    }
  /* Nothing but those fields. */
  g_assert_cmpuint (rows->len, ==, expected->len);
}

static void
create_and_check (CmStore *store, const char *path, gpointer entity)
{
  gint64 mark = last_audit_id (path);
  g_autoptr(GPtrArray) rows = NULL;

  cm_test_save (store, entity);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, >, 0);
  assert_create_rows (rows, CM_ENTITY (entity), cm_store_get_actor (store));
}

static void
test_create_writes_one_row_per_field (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("create.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Leeds City Council: Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmProvider) provider = NULL;
  g_autoptr(CmContract) contract = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 mark;

  cm_store_set_actor (store, ACTOR);
  /* On a server the actor is the role signed in, whatever name is given. */
  g_assert_true (cm_test_on_server () ||
                 g_str_has_suffix (cm_store_get_actor (store), "“" ACTOR "”"));

  /* An organisation: exactly its name and kind, spelled as stored. */
  mark = last_audit_id (path);
  cm_test_save (store, org);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (find_row (rows, "name")->new_value, ==, "Leeds City Council: Adult Social Care");
  g_assert_cmpstr (find_row (rows, "kind")->new_value, ==, "council-directorate");
  assert_create_rows (rows, CM_ENTITY (org), cm_store_get_actor (store));
  g_clear_pointer (&rows, g_ptr_array_unref);

  service = g_object_new (CM_TYPE_SERVICE, "name", "Independent advocacy gateway",
                          "area", CM_SERVICE_AREA_COMMUNITY_SUPPORT,
                          "lead-commissioner-id", ID (org),
                          "stage", CM_STAGE_PLAN, "cycle", 2, NULL);
  create_and_check (store, path, service);

  provider = g_object_new (CM_TYPE_PROVIDER, "name", "Advonet", "sector", CM_SECTOR_THIRD_SECTOR,
                           "charity-number", "1100000", "is-vcse", TRUE, NULL);
  create_and_check (store, path, provider);

  /* A contract without a notice period or term. */
  contract = g_object_new (CM_TYPE_CONTRACT, "reference", "ASC-0003",
                           "title", "Advocacy single gateway",
                           "service-id", ID (service),
                           "provider-id", ID (provider),
                           "route", CM_PROCUREMENT_ROUTE_LIGHT_TOUCH,
                           "annual-value", G_GINT64_CONSTANT (65000000),
                           "total-value", G_GINT64_CONSTANT (325000000),
                           "start-date", "2018-04-01", "end-date", "2023-03-31", NULL);
  mark = last_audit_id (path);
  create_and_check (store, path, contract);
  rows = read_audit (path, mark);
  g_assert_cmpstr (find_row (rows, "reference")->new_value, ==, "ASC-0003");
  g_assert_cmpstr (find_row (rows, "route")->new_value, ==, "light-touch");
  g_assert_cmpstr (find_row (rows, "annual_value")->new_value, ==, "65000000");
  g_assert_cmpstr (find_row (rows, "start_date")->new_value, ==, "2018-04-01");
  {
    g_autofree char *provider_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    ID (provider));
    g_assert_cmpstr (find_row (rows, "provider_id")->new_value, ==, provider_id);
  }
  /* Derived properties are not fields of the record. */
  g_assert_null (find_row (rows, "provider_name"));
  g_assert_null (find_row (rows, "service_name"));
}

static void
test_update_writes_changed_fields_only (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("update.commissioner", &path);
  g_autoptr(CmProvider) provider = g_object_new (CM_TYPE_PROVIDER, "name", "Barca-Leeds",
                                                 "sector", CM_SECTOR_THIRD_SECTOR,
                                                 "charity-number", "1222222", "is-sme", TRUE,
                                                 "is-vcse", TRUE, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CmEntity) edit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mark, id;
  AuditRow *row;

  cm_store_set_actor (store, ACTOR);
  cm_test_save (store, provider);
  id = ID (provider);

  mark = last_audit_id (path);
  g_object_set (provider, "name", "Barca Leeds", "is-sme", FALSE, NULL);
  cm_test_save (store, provider);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, ==, 2);
  row = find_row (rows, "name");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->old_value, ==, "Barca-Leeds");
  g_assert_cmpstr (row->new_value, ==, "Barca Leeds");
  g_assert_cmpstr (row->actor, ==, cm_store_get_actor (store));
  g_assert_cmpstr (row->entity, ==, "provider");
  g_assert_cmpint (row->entity_id, ==, id);
  row = find_row (rows, "is_sme");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->old_value, ==, "true");
  g_assert_cmpstr (row->new_value, ==, "false");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A save with nothing changed writes nothing. */
  mark = last_audit_id (path);
  cm_test_save (store, provider);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The old value is what the file held, not what the caller's object held:
   * an editor's copy made before another change still audits truthfully. */
  edit = cm_entity_copy (cm_store_find (store, CM_TYPE_PROVIDER, id));
  g_object_set (provider, "sector", CM_SECTOR_INDEPENDENT, NULL);
  cm_test_save (store, provider);
  mark = last_audit_id (path);
  g_object_set (edit, "charity-number", "1222223", NULL);
  /* Read before that change, the copy is refused (test-record-versions)... */
  g_assert_false (cm_store_save (store, edit, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  g_assert_cmpint (last_audit_id (path), ==, mark);
  /* ...and so is one never read as a version... */
  cm_entity_set_version (edit, 0);
  g_clear_error (&error);
  g_assert_false (cm_store_save (store, edit, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  g_assert_cmpint (last_audit_id (path), ==, mark);
  /* ...but one told the stored version is written over it. */
  cm_entity_set_version (edit, cm_entity_get_version (CM_ENTITY (provider)));
  cm_test_save (store, edit);
  rows = read_audit (path, mark);
  /* The copy still says third-sector, so saving it changes the sector back. */
  g_assert_cmpuint (rows->len, ==, 2);
  row = find_row (rows, "sector");
  g_assert_cmpstr (row->old_value, ==, "independent");
  g_assert_cmpstr (row->new_value, ==, "third-sector");
  row = find_row (rows, "charity_number");
  g_assert_cmpstr (row->old_value, ==, "1222222");
  g_assert_cmpstr (row->new_value, ==, "1222223");
}

static void
test_delete_writes_old_values (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("delete.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Better Care Fund",
                                                       CM_ORGANISATION_KIND_POOLED_BUDGET);
  g_autoptr(CmService) service = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  gint64 mark;

  cm_store_set_actor (store, ACTOR);
  cm_test_save (store, org);
  service = g_object_new (CM_TYPE_SERVICE, "name", "Community support within the Better Care Fund",
                          "lead-commissioner-id", ID (org),
                          "client-group", CM_CLIENT_GROUP_OLDER_PEOPLE, "stage", CM_STAGE_REVIEW,
                          NULL);
  mark = last_audit_id (path);
  cm_test_save (store, service);
  created = read_audit (path, mark);

  mark = last_audit_id (path);
  cm_test_delete (store, service);
  deleted = read_audit (path, mark);

  /* The same fields as the create, with the values the record had. */
  g_assert_cmpuint (deleted->len, ==, created->len);
  for (guint i = 0; i < deleted->len; i++)
    {
      AuditRow *row = g_ptr_array_index (deleted, i);
      AuditRow *was = find_row (created, row->field);

      g_assert_nonnull (was);
      g_assert_cmpstr (row->actor, ==, cm_store_get_actor (store));
      g_assert_cmpstr (row->entity, ==, "service");
      g_assert_cmpint (row->entity_id, ==, ID (service));
      g_assert_null (row->new_value);
      g_assert_cmpstr (row->old_value, ==, was->new_value);
    }
  g_assert_cmpstr (find_row (deleted, "stage")->old_value, ==, "review");
  g_assert_cmpstr (find_row (deleted, "client_group")->old_value, ==, "older-people");

  /* Undoing the delete is audited like a create of the same record. */
  mark = last_audit_id (path);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (cm_store_restore (store, CM_ENTITY (service), &error));
    g_assert_no_error (error);
  }
  restored = read_audit (path, mark);
  g_assert_cmpuint (restored->len, ==, created->len);
  for (guint i = 0; i < restored->len; i++)
    {
      AuditRow *row = g_ptr_array_index (restored, i);

      g_assert_null (row->old_value);
      g_assert_cmpstr (row->new_value, ==, find_row (created, row->field)->new_value);
      g_assert_cmpint (row->entity_id, ==, ID (service));
    }
}

static void
test_actor_is_recorded (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("actor.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("NHS Leeds North CCG",
                                                       CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 mark;

  cm_store_set_actor (store, "Contracts officer, Public Health");
  mark = last_audit_id (path);
  cm_test_save (store, org);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((AuditRow *) g_ptr_array_index (rows, i))->actor, ==,
                     cm_store_get_actor (store));
  g_clear_pointer (&rows, g_ptr_array_unref);

  cm_store_set_actor (store, "Head of commissioning");
  g_assert_true (cm_test_on_server () ||
                 g_str_has_suffix (cm_store_get_actor (store), "“Head of commissioning”"));
  mark = last_audit_id (path);
  g_object_set (org, "kind", CM_ORGANISATION_KIND_PARTNER, NULL);
  cm_test_save (store, org);
  rows = read_audit (path, mark);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((AuditRow *) g_ptr_array_index (rows, 0))->actor, ==, cm_store_get_actor (store));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Portfolio settings are audited under the actor too. */
  {
    g_autoptr(GError) error = NULL;
    AuditRow *row;

    mark = last_audit_id (path);
    g_assert_true (cm_store_set_meta (store, "name", "Leeds third sector portfolio", &error));
    g_assert_no_error (error);
    g_assert_true (cm_store_set_meta (store, "name", "Leeds portfolio", &error));
    rows = read_audit (path, mark);
    g_assert_cmpuint (rows->len, ==, 2);
    row = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (row->actor, ==, cm_store_get_actor (store));
    g_assert_cmpstr (row->entity, ==, "meta");
    g_assert_cmpstr (row->field, ==, "name");
    g_assert_cmpstr (row->old_value, ==, "Leeds third sector portfolio");
    g_assert_cmpstr (row->new_value, ==, "Leeds portfolio");
  }

  /* The whole trail, after the baseline the application wrote when it
   * made the file, names exactly these two people. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(DISTINCT actor) FROM audit"
                                            " WHERE field <> '*baseline'"), ==, 2);
}

static void
test_timestamps_are_utc (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("timestamps.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("NHS Leeds West CCG",
                                                       CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(GRegex) iso = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}"
                                       "T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$",
                                       0, 0, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));

  /* Whatever the local zone, the trail is in UTC. */
  g_setenv ("TZ", "America/St_Johns", TRUE);
  before = g_date_time_new_now_utc ();
  cm_test_save (store, org);
  g_object_set (org, "name", "NHS Leeds West Clinical Commissioning Group", NULL);
  cm_test_save (store, org);
  cm_test_delete (store, org);
  after = g_date_time_new_now_utc ();
  if (saved_tz)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");

  rows = read_audit (path, 0);
  g_assert_cmpuint (rows->len, >=, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      AuditRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GDateTime) at = NULL;

      g_test_message ("%s", row->at);
      g_assert_true (g_str_has_suffix (row->at, "Z"));
      g_assert_true (g_regex_match (iso, row->at, 0, NULL));
      at = g_date_time_new_from_iso8601 (row->at, NULL);
      g_assert_nonnull (at);
      g_assert_cmpint (g_date_time_get_utc_offset (at), ==, 0);
      /* Within the action, allowing for the second the clock may tick. */
      g_assert_cmpint (g_date_time_difference (at, before), >=, -G_TIME_SPAN_SECOND);
      g_assert_cmpint (g_date_time_difference (after, at), >=, -G_TIME_SPAN_SECOND);
      /* In the order they were written. */
      if (previous)
        g_assert_cmpstr (previous, <=, row->at);
      g_free (previous);
      previous = g_strdup (row->at);
    }
}

/* ---- the chain -------------------------------------------------------- */

static void
assert_verifies (const char *path, gint64 expected_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  gint64 rows = -1;

  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, expected_rows);
}

/* Verifies a tampered file with the store opened again; returns the bad row. */
static gint64
assert_broken (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  gint64 bad = -1, rows = -1;

  g_assert_no_error (error);
  g_assert_false (cm_store_verify_audit (store, &rows, &bad, &error));
  g_assert_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BROKEN);
  g_test_message ("verify: %s", error->message);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bad);
    g_assert_nonnull (strstr (error->message, id));
  }
  return bad;
}

/* A portfolio with a few actions in its trail, closed. */
static char *
make_trail (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);
  g_autoptr(CmOrganisation) ph = cm_organisation_new ("Leeds City Council: Public Health",
                                                      CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmProvider) provider = cm_provider_new ("Forward Leeds (consortium)",
                                                    CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  cm_store_set_actor (store, ACTOR);
  cm_test_save (store, ph);
  cm_test_save (store, provider);
  service = g_object_new (CM_TYPE_SERVICE, "name", "Addiction Services",
                          "lead-commissioner-id", ID (ph), NULL);
  cm_test_save (store, service);
  contract = g_object_new (CM_TYPE_CONTRACT, "reference", "PH-0010", "title", "Addiction Services",
                           "service-id", ID (service),
                           "provider-id", ID (provider),
                           "annual-value", G_GINT64_CONSTANT (807997700), NULL);
  cm_test_save (store, contract);
  g_object_set (contract, "annual-value", G_GINT64_CONSTANT (800000000), "end-date", "2027-03-31",
                NULL);
  cm_test_save (store, contract);
  g_assert_true (cm_store_set_meta (store, "name", "Public health portfolio", &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gint64
audit_id (const char *path, const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM audit WHERE %s", where);
  gint64 id = cm_test_query_int (path, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void tamper (const char *path, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Changes the closed file with the sqlite3 shell. */
static void
tamper (const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  cm_test_run_sql (path, sql);
}

static void
test_intact_chain_verifies (void)
{
  g_autofree char *path = make_trail ("intact.commissioner");
  gint64 rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_autofree char *head =
    cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_autofree char *newest =
    cm_test_query_text (path, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");

  g_assert_cmpint (rows, >=, 10);
  g_assert_cmpstr (head, ==, newest);
  g_assert_cmpuint (strlen (newest), ==, 64);
  /* The hash each row follows is the one before it, which its own hash
   * covers (test audit-hash recomputes them): it is not stored again. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE prev_hash <> ''"),
                   ==, 0);
  assert_verifies (path, rows);

  /* And still after more work in a later session. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
    g_autoptr(CmOrganisation) org = cm_organisation_new ("Better Care Fund",
                                                         CM_ORGANISATION_KIND_POOLED_BUDGET);

    g_assert_no_error (error);
    cm_test_save (store, org);
  }
  assert_verifies (path, rows + 2);
}

static void
test_altered_value_is_detected (void)
{
  g_autofree char *path = make_trail ("altered-value.commissioner");
  gint64 id = audit_id (path, "entity = 'contract' AND field = 'annual_value'"
                              " AND old_value IS NOT NULL");

  tamper (path, "UPDATE audit SET new_value = '900000000' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (assert_broken (path), ==, id);
}

static void
test_altered_actor_is_detected (void)
{
  g_autofree char *path = make_trail ("altered-actor.commissioner");
  gint64 id = audit_id (path, "entity = 'provider' AND field = 'name'");

  tamper (path, "UPDATE audit SET actor = 'Someone else' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (assert_broken (path), ==, id);
}

static void
test_deleted_middle_row_is_detected (void)
{
  g_autofree char *path = make_trail ("deleted-middle.commissioner");
  gint64 id = audit_id (path, "entity = 'service' AND field = 'name'");
  g_autofree char *where = g_strdup_printf ("id > %" G_GINT64_FORMAT " ORDER BY id LIMIT 1", id);
  gint64 next = audit_id (path, where);

  tamper (path, "DELETE FROM audit WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (assert_broken (path), ==, next);
}

static void
test_deleted_first_row_is_detected (void)
{
  g_autofree char *path = make_trail ("deleted-first.commissioner");
  gint64 first = audit_id (path, "TRUE ORDER BY id LIMIT 1");
  g_autofree char *where = g_strdup_printf ("id > %" G_GINT64_FORMAT " ORDER BY id LIMIT 1", first);
  gint64 second = audit_id (path, where);

  tamper (path, "DELETE FROM audit WHERE id = %" G_GINT64_FORMAT, first);
  g_assert_cmpint (assert_broken (path), ==, second);
}

static void
test_deleted_last_row_is_detected (void)
{
  g_autofree char *path = make_trail ("deleted-last.commissioner");
  gint64 last = last_audit_id (path);

  tamper (path, "DELETE FROM audit WHERE id = %" G_GINT64_FORMAT, last);
  g_assert_cmpint (assert_broken (path), ==, last);
}

static void
test_altered_hash_is_detected (void)
{
  g_autofree char *path = make_trail ("altered-hash.commissioner");
  gint64 id = audit_id (path, "entity = 'contract' AND field = 'reference'");

  /* A well-formed hash, just not the right one. */
  tamper (path, "UPDATE audit SET hash = '%064d' WHERE id = %" G_GINT64_FORMAT, 0, id);
  g_assert_cmpint (assert_broken (path), ==, id);
}

/* Within a transaction the chain's head is kept in memory: rows taken
 * back by a rollback to a savepoint, or by a rollback of the whole
 * transaction, must leave the next row chaining from the last one kept. */
static void
test_rollbacks_keep_the_chain (void)
{
  g_autofree char *path = make_trail ("rollbacks.commissioner");
  gint64 rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(CmOrganisation) kept = cm_organisation_new ("Kept", CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) undone = cm_organisation_new ("Undone",
                                                          CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) later = cm_organisation_new ("Later", CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) dropped = cm_organisation_new ("Dropped",
                                                           CM_ORGANISATION_KIND_NHS_BODY);
  g_autofree char *head = NULL;
  g_autofree char *newest = NULL;

  g_assert_no_error (error);
  /* A savepoint rolled back after a row kept, then one before any row. */
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, kept);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, undone);
  cm_store_rollback (store);
  cm_test_save (store, later);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_begin (store, &error));
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, dropped);
  cm_store_rollback (store);
  g_assert_true (cm_store_commit (store, &error));
  /* And a whole transaction rolled back. */
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, dropped);
  cm_store_rollback (store);
  g_assert_no_error (error);
  g_clear_object (&store);

  head = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  newest = cm_test_query_text (path, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (head, ==, newest);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation WHERE name IN"
                                      " ('Undone', 'Dropped')"), ==, 0);
  /* Kept and Later: a name and a kind each. */
  assert_verifies (path, rows + 4);
}

/* Each row's time, to the microsecond in UTC, is the time it was written,
 * though the date and time are formatted once a second: stamps are taken
 * until two seconds have passed, each checked against the clock. */
static void
test_now_is_the_time (void)
{
  gint64 start = g_get_real_time ();
  gint64 first_second = start / G_USEC_PER_SEC;
  gboolean crossed = FALSE;

  while (!crossed || g_get_real_time () - start < 2 * G_USEC_PER_SEC)
    {
      gint64 before = g_get_real_time ();
      g_autofree char *stamp = cm_audit_now ();
      gint64 after = g_get_real_time ();
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (stamp, NULL);
      gint64 usec;

      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:"
                                           "[0-9]{2}\\.[0-9]{6}Z$", stamp, 0, 0));
      g_assert_nonnull (at);
      usec = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
      g_assert_cmpint (usec, >=, before);
      g_assert_cmpint (usec, <=, after);
      crossed = crossed || usec / G_USEC_PER_SEC > first_second + 1;
      g_assert_cmpint (g_get_real_time () - start, <, 30 * G_USEC_PER_SEC);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/create", test_create_writes_one_row_per_field);
  g_test_add_func ("/audit/update", test_update_writes_changed_fields_only);
  g_test_add_func ("/audit/delete", test_delete_writes_old_values);
  cm_test_add_file_func ("/audit/actor", test_actor_is_recorded);
  g_test_add_func ("/audit/timestamps", test_timestamps_are_utc);
  g_test_add_func ("/audit/verify/intact", test_intact_chain_verifies);
  g_test_add_func ("/audit/verify/altered-value", test_altered_value_is_detected);
  g_test_add_func ("/audit/verify/altered-actor", test_altered_actor_is_detected);
  g_test_add_func ("/audit/verify/deleted-middle", test_deleted_middle_row_is_detected);
  g_test_add_func ("/audit/verify/deleted-first", test_deleted_first_row_is_detected);
  g_test_add_func ("/audit/verify/deleted-last", test_deleted_last_row_is_detected);
  g_test_add_func ("/audit/verify/altered-hash", test_altered_hash_is_detected);
  g_test_add_func ("/audit/verify/rollbacks", test_rollbacks_keep_the_chain);
  g_test_add_func ("/audit/now", test_now_is_the_time);
  return g_test_run ();
}
