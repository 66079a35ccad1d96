/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-record-versions.c: no lost edits, on a file and on a server alike
 *
 * Two stores open one portfolio and read the same contract; one saves its
 * change, and the other's save, read before it, is refused with both
 * values and writes nothing, until it applies its change on top. Every
 * case runs on a SQLite file and on a PostgreSQL database of its own
 * (cm_test_pg_uri: on-server.py starts a throwaway cluster).
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-store-conflict.h"
#include "cm-store.h"
#include "cm-test-util.h"

#include <string.h>

typedef struct {
  const char *name;
  gboolean server;
} Backend;

static const Backend backends[] = { { "sqlite", FALSE }, { "postgresql", TRUE } };

typedef struct {
  CmStore *ours;    /* the colleague who saves first */
  CmStore *theirs;  /* the one whose copy goes stale */
  char *path;
  gint64 contract_id;
} Fixture;

typedef void (*Check) (Fixture *f);

static CmStore *
open_store (const char *where, CmStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_store_open (where, flags, &error);

  g_assert_no_error (error);
  return store;
}

/* A contract, with the records it names, saved by @store. */
static gint64
save_contract (CmStore *store, const char *reference)
{
  g_autofree char *lead = g_strdup_printf ("Adult Social Care %s", reference);
  g_autofree char *name = g_strdup_printf ("Advonet %s", reference);
  g_autoptr(CmOrganisation) org = cm_organisation_new (lead,
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmProvider) provider = NULL;
  g_autoptr(CmContract) contract = NULL;

  cm_test_save (store, org);
  service = g_object_new (CM_TYPE_SERVICE, "name", name, "lead-commissioner-id",
                          cm_entity_get_id (CM_ENTITY (org)), NULL);
  cm_test_save (store, service);
  provider = g_object_new (CM_TYPE_PROVIDER, "name", name, NULL);
  cm_test_save (store, provider);
  contract = g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", "Advocacy gateway",
                           "service-id", cm_entity_get_id (CM_ENTITY (service)),
                           "provider-id", cm_entity_get_id (CM_ENTITY (provider)),
                           "annual-value", G_GINT64_CONSTANT (6500000),
                           "start-date", "2024-04-01", "end-date", "2027-03-31", NULL);
  cm_test_save (store, contract);
  g_assert_cmpint (cm_entity_get_version (CM_ENTITY (contract)), ==, 1);
  return cm_entity_get_id (CM_ENTITY (contract));
}

static CmEntity *
load (CmStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  CmEntity *record = cm_store_load (store, CM_TYPE_CONTRACT, id, &error);

  g_assert_no_error (error);
  return record;
}

static gint64
audit_rows (CmStore *store)
{
  gint64 rows = 0, bad = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_verify_audit (store, &rows, &bad, &error));
  g_assert_no_error (error);
  return rows;
}

static const CmStoreConflictField *
conflict_field (CmStoreConflict *conflict, const char *property)
{
  for (guint i = 0; i < conflict->fields->len; i++)
    {
      CmStoreConflictField *field = g_ptr_array_index (conflict->fields, i);
      if (g_str_equal (field->property, property))
        return field;
    }
  return NULL;
}

/* ---- the checks ---------------------------------------------------------- */

/* One wins; the other is refused with both values and nothing written,
 * then applies its own change on top of the winner's. */
static void
check_stale_save (Fixture *f)
{
  g_autoptr(CmEntity) mine = load (f->theirs, f->contract_id);
  g_autoptr(CmEntity) read = cm_entity_copy (mine);
  g_autoptr(CmEntity) winner = load (f->ours, f->contract_id);
  g_autoptr(CmEntity) stored = NULL;
  g_autoptr(CmEntity) merged = NULL;
  g_autoptr(CmEntity) refused = NULL;
  g_autoptr(CmStoreConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  const CmStoreConflictField *field;
  gint64 rows;

  g_object_set (winner, "title", "Independent advocacy", NULL);
  cm_test_save (f->ours, winner);
  g_assert_cmpint (cm_entity_get_version (winner), ==, 2);
  rows = audit_rows (f->theirs);

  g_object_set (mine, "annual-value", G_GINT64_CONSTANT (7000000), NULL);
  g_assert_false (cm_store_save (f->theirs, mine, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  /* Any caller can show the message: it names who changed what. */
  g_assert_nonnull (strstr (error->message, cm_store_get_actor (f->ours)));
  g_assert_nonnull (strstr (error->message, "VER-stale-save"));
  g_assert_cmpint (cm_entity_get_version (mine), ==, 1);
  stored = load (f->theirs, f->contract_id);
  g_assert_cmpstr (cm_contract_get_title (CM_CONTRACT (stored)), ==, "Independent advocacy");
  g_assert_cmpint (cm_contract_get_annual_value (CM_CONTRACT (stored)), ==, 6500000);
  g_assert_cmpint (audit_rows (f->theirs), ==, rows);
  g_clear_error (&error);
  /* Which record an action of several met the change with, as it was to
   * be written. */
  refused = cm_store_conflict_refused (f->theirs);
  g_assert_nonnull (refused);
  g_assert_true (refused != mine);
  g_assert_cmpint (cm_entity_get_id (refused), ==, f->contract_id);
  g_assert_cmpint (cm_entity_get_version (refused), ==, 1);
  g_assert_cmpint (cm_contract_get_annual_value (CM_CONTRACT (refused)), ==, 7000000);
  g_assert_null (cm_store_conflict_refused (f->ours));

  conflict = cm_store_conflict_get (f->theirs, mine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (conflict->actor, ==, cm_store_get_actor (f->ours));
  g_assert_true (g_str_has_prefix (conflict->at, "20"));
  g_assert_cmpuint (conflict->fields->len, ==, 2);
  field = conflict_field (conflict, "title");
  g_assert_cmpstr (field->mine, ==, "Advocacy gateway");
  g_assert_cmpstr (field->theirs, ==, "Independent advocacy");
  field = conflict_field (conflict, "annual-value");
  g_assert_cmpstr (field->mine, ==, "7000000");
  g_assert_cmpstr (field->theirs, ==, "6500000");

  /* Applied on top: the winner's title stays, our value joins it. */
  merged = cm_store_conflict_reapply (conflict, read, mine);
  cm_test_save (f->theirs, merged);
  g_assert_cmpint (cm_entity_get_version (merged), ==, 3);
  g_clear_object (&stored);
  stored = load (f->ours, f->contract_id);
  g_assert_cmpstr (cm_contract_get_title (CM_CONTRACT (stored)), ==, "Independent advocacy");
  g_assert_cmpint (cm_contract_get_annual_value (CM_CONTRACT (stored)), ==, 7000000);
  g_assert_cmpint (cm_entity_get_version (stored), ==, 3);
  g_assert_cmpint (audit_rows (f->ours), ==, rows + 1);
}

/* A stale copy cannot delete what someone changed since. */
static void
check_stale_delete (Fixture *f)
{
  g_autoptr(CmEntity) mine = load (f->theirs, f->contract_id);
  g_autoptr(CmEntity) winner = load (f->ours, f->contract_id);
  g_autoptr(CmEntity) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (winner, "title", "Advocacy hub", NULL);
  cm_test_save (f->ours, winner);
  g_assert_false (cm_store_delete (f->theirs, mine, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  stored = load (f->theirs, f->contract_id);
  g_assert_cmpstr (cm_contract_get_title (CM_CONTRACT (stored)), ==, "Advocacy hub");
  /* Read again, it can. */
  cm_test_delete (f->theirs, stored);
  audit_rows (f->ours);
}

/* A copy never read, like the blank row a list shows for a record it
 * could not load, neither saves nor deletes over the stored record. */
static void
check_unread (Fixture *f)
{
  g_autoptr(CmEntity) blank = g_object_new (CM_TYPE_CONTRACT, NULL);
  g_autoptr(CmEntity) unread = load (f->theirs, f->contract_id);
  g_autoptr(CmEntity) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows = audit_rows (f->ours);

  cm_entity_set_id (blank, f->contract_id);
  /* Valid values on a copy that forgot its version, as a draft made
   * afresh and given a stored record's id. */
  g_object_set (unread, "title", "Written blind", NULL);
  cm_entity_set_version (unread, 0);
  g_assert_false (cm_store_save (f->theirs, unread, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (cm_store_delete (f->theirs, blank, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT);
  stored = load (f->ours, f->contract_id);
  g_assert_cmpstr (cm_contract_get_title (CM_CONTRACT (stored)), ==, "Advocacy gateway");
  g_assert_cmpint (cm_entity_get_version (stored), ==, 1);
  g_assert_cmpint (audit_rows (f->ours), ==, rows);
}

/* Saving a copy unchanged writes nothing, so a colleague who read the
 * record before saves on top without a conflict. */
static void
check_unchanged_save (Fixture *f)
{
  g_autoptr(CmEntity) mine = load (f->theirs, f->contract_id);
  g_autoptr(CmEntity) unchanged = load (f->ours, f->contract_id);
  g_autoptr(CmEntity) stored = NULL;
  gint64 rows = audit_rows (f->ours);

  cm_test_save (f->ours, unchanged);
  g_assert_cmpint (cm_entity_get_version (unchanged), ==, 1);
  g_assert_cmpint (audit_rows (f->ours), ==, rows);
  g_object_set (mine, "title", "Advocacy hub", NULL);
  cm_test_save (f->theirs, mine);
  g_assert_cmpint (cm_entity_get_version (mine), ==, 2);
  stored = load (f->ours, f->contract_id);
  g_assert_cmpstr (cm_contract_get_title (CM_CONTRACT (stored)), ==, "Advocacy hub");
}

/* The lists a store reloads carry the version another store wrote. */
static void
check_lists_follow (Fixture *f)
{
  g_autoptr(GListModel) listed = cm_store_list_all (f->theirs, CM_TYPE_CONTRACT);
  g_autoptr(CmEntity) winner = load (f->ours, f->contract_id);
  CmEntity *record = cm_store_find (f->theirs, CM_TYPE_CONTRACT, f->contract_id);

  g_assert_cmpint (cm_entity_get_version (record), ==, 1);
  g_object_set (winner, "title", "Advocacy hub", NULL);
  cm_test_save (f->ours, winner);
  g_assert_true (cm_store_reload_if_changed (f->theirs));
  g_assert_cmpint (cm_entity_get_version (record), ==, 2);
  g_object_set (record, "annual-value", G_GINT64_CONSTANT (100), NULL);
  cm_test_save (f->theirs, record);
  g_assert_cmpint (cm_entity_get_version (record), ==, 3);
}

/* A change rolled back leaves the record at the version it had, so
 * saving it again is not taken for someone else's change. */
static void
check_rollback (Fixture *f)
{
  g_autoptr(CmEntity) record = load (f->ours, f->contract_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (f->ours, &error));
  g_object_set (record, "title", "Undone", NULL);
  g_assert_true (cm_store_save (f->ours, record, &error));
  g_assert_cmpint (cm_entity_get_version (record), ==, 2);
  cm_store_rollback (f->ours);
  g_assert_cmpint (cm_entity_get_version (record), ==, 1);
  cm_test_save (f->ours, record);
  g_assert_cmpint (cm_entity_get_version (record), ==, 2);
}

/* ---- running each check on each backend ---------------------------------- */

typedef struct {
  const Backend *backend;
  const char *name;
  Check check;
} Case;

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  Fixture f = { 0 };
  g_autofree char *reference = g_strdup_printf ("VER-%s", c->name);
  const char *where;

  if (c->backend->server)
    where = cm_test_pg_uri ();
  else
    where = f.path = cm_test_temp_path ("versions.commissioner");
  f.ours = open_store (where, CM_STORE_OPEN_DEFAULT);
  cm_store_set_actor (f.ours, "Jane Smith");
  f.theirs = open_store (where, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_CHECKED);
  f.contract_id = save_contract (f.ours, reference);
  c->check (&f);
  g_object_unref (f.theirs);
  g_object_unref (f.ours);
  g_free (f.path);
}

int
main (int argc, char **argv)
{
  static const struct {
    const char *name;
    Check check;
  } checks[] = {
    { "stale-save", check_stale_save },
    { "stale-delete", check_stale_delete },
    { "lists-follow", check_lists_follow },
    { "rollback", check_rollback },
    { "unread", check_unread },
    { "unchanged-save", check_unchanged_save },
  };

  g_test_init (&argc, &argv, NULL);
  for (gsize b = 0; b < G_N_ELEMENTS (backends); b++)
    for (gsize i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *path = g_strdup_printf ("/record-versions/%s/%s", backends[b].name,
                                                 checks[i].name);

        c->backend = &backends[b];
        c->name = checks[i].name;
        c->check = checks[i].check;
        g_test_add_data_func_full (path, c, run_case, g_free);
      }
  return g_test_run ();
}
