/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-references.c: a batch written alone has its references checked at its commit
 *
 * SQLite does not check the rows of such a batch one by one: a record
 * that refers to none fails the whole batch at its commit, whichever way
 * its reference is checked, nothing of it is kept, and afterwards,
 * committed or not, each write is checked as it is made again.
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-store-bulk.h"
#include "cm-store-private.h"
#include "cm-test-util.h"

/* Enough rows for the batch to be written alone (cm-store-bulk.c). */
#define N_ROWS 10000
/* No provider has this id. */
#define MISSING_PROVIDER 999

static const char * const bulk_tables[] = { "contract", "audit", NULL };

/* The service and provider a contract refers to. */
typedef struct {
  gint64 service;
  gint64 provider;
} Referred;

static Referred
save_referred (CmStore *store)
{
  gint64 lead = cm_test_save_new (store, g_object_new (CM_TYPE_ORGANISATION, "name",
                                                       "Adult Social Care", NULL));

  return (Referred) {
    cm_test_save_new (store, g_object_new (CM_TYPE_SERVICE, "name", "Home care",
                                           "lead-commissioner-id", lead, NULL)),
    cm_test_save_new (store, g_object_new (CM_TYPE_PROVIDER, "name", "Mencap", NULL)),
  };
}

static CmContract *
contract_of (const char *reference, gint64 service_id, gint64 provider_id)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", "Home care",
                       "service-id", service_id, "provider-id", provider_id, NULL);
}

/* Begins a batch of @N_ROWS contracts on @store, writes @contracts and
 * runs @sql if given, and commits, saying whether the commit took. */
static gboolean
write_batch (CmStore *store, CmContract **contracts, guint n, const char *sql, GError **error)
{
  g_autoptr(CmStoreBulk) bulk = NULL;

  g_assert_true (cm_store_begin (store, error));
  bulk = cm_store_bulk_begin (store, bulk_tables, N_ROWS, error);
  g_assert_nonnull (bulk);
  for (guint i = 0; i < n; i++)
    g_assert_true (cm_store_insert_validated (store, CM_ENTITY (contracts[i]), error));
  if (sql)
    g_assert_true (cm_db_exec (cm_store_get_db (store), sql));
  g_assert_true (cm_store_bulk_end (g_steal_pointer (&bulk), error));
  return cm_store_commit (store, error);
}

/* A save outside a batch is refused at once for a reference to nothing. */
static void
assert_checked_row_by_row (CmStore *store, Referred referred)
{
  g_autoptr(CmContract) dangling = contract_of ("R-LATER", referred.service, MISSING_PROVIDER);
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_store_save (store, CM_ENTITY (dangling), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
}

static void
test_dangling_reference_fails_the_batch (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("references-dangling.commissioner", &path);
  Referred referred = save_referred (store);
  gint64 audit_rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_autoptr(CmContract) good = contract_of ("R-1", referred.service, referred.provider);
  g_autoptr(CmContract) dangling = contract_of ("R-2", referred.service, MISSING_PROVIDER);
  g_autoptr(GError) error = NULL;

  g_assert_false (write_batch (store, (CmContract *[]) { good, dangling }, 2, NULL, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (good)), ==, 0);
  assert_checked_row_by_row (store, referred);
}

static void
test_committed_batch_checks_again (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("references-committed.commissioner", &path);
  Referred referred = save_referred (store);
  g_autoptr(CmContract) contract = contract_of ("R-1", referred.service, referred.provider);
  g_autoptr(GError) error = NULL;

  g_assert_true (write_batch (store, &contract, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 1);
  assert_checked_row_by_row (store, referred);
}

/* A reference to a table's key that does not name the column is left to
 * SQLite's own check of the whole table. */
static void
test_unnamed_key_checked_whole (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("references-unnamed.commissioner", &path);
  Referred referred = save_referred (store);
  g_autoptr(CmContract) good = contract_of ("R-1", referred.service, referred.provider);
  g_autoptr(GError) error = NULL;

  cm_test_run_sql (path, "CREATE TABLE note (provider_id INTEGER REFERENCES provider)");
  g_assert_false (write_batch (store, &good, 1, "INSERT INTO note VALUES (999)", &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM note"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
}

/* A file that already holds a reference to nothing, written outside
 * Commissioner, keeps the row-by-row check: a sound batch is not failed
 * for what it did not write. */
static void
test_unsound_file_checked_row_by_row (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("references-unsound.commissioner", &path);
  Referred referred = save_referred (store);
  g_autoptr(CmContract) good = contract_of ("R-1", referred.service, referred.provider);
  g_autoptr(GError) error = NULL;

  cm_test_run_sql (path, "CREATE TABLE note (provider_id INTEGER REFERENCES provider (id));"
                         " INSERT INTO note VALUES (999)");
  g_assert_true (write_batch (store, &good, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 1);
  assert_checked_row_by_row (store, referred);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cm_test_add_file_func ("/store-references/dangling", test_dangling_reference_fails_the_batch);
  cm_test_add_file_func ("/store-references/committed", test_committed_batch_checks_again);
  cm_test_add_file_func ("/store-references/unnamed-key", test_unnamed_key_checked_whole);
  cm_test_add_file_func ("/store-references/unsound-file", test_unsound_file_checked_row_by_row);
  return g_test_run ();
}
