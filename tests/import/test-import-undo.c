/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-undo.c: undoing imports of real registers into real portfolio
 * files, compared row by row with the sqlite3 shell, and the refusals */
#include <glib/gstdio.h>

#include "cm-backup.h"
#include "cm-contract.h"
#include "cm-csv-reader.h"
#include "cm-import.h"
#include "cm-import-undo.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

static char *data_home;

static const char first_register[] =
  "Reference,Title,Provider,Service,Commissioner,Annual value,Start date,End date\r\n"
  "U-1,Carers support,Carers Leeds,Carers,Adult Social Care,£100k,01/04/2019,31/03/2024\r\n"
  "U-2,Short breaks,Carers Leeds,Carers,Adult Social Care,500,1/4/19,31/3/20\r\n"
  "U-3,Crisis line,Touchstone,Mental health,NHS Leeds ICB,£1m,01/04/2019,31/03/2024\r\n";

/* Updates U-1 onto a new provider and service, leaves U-2 as it is, and
 * adds three contracts with a new provider, service and commissioner. */
static const char second_register[] =
  "Reference,Title,Provider,Service,Commissioner,Annual value,Start date,End date\r\n"
  "U-1,Carers support (renewed),New Carers Co,New carers service,Adult Social Care,£120k,"
  "01/04/2024,31/03/2029\r\n"
  "U-2,Short breaks,Carers Leeds,Carers,Adult Social Care,500,1/4/19,31/3/20\r\n"
  "U-10,Day centre,Day Care Ltd,Day care,Public Health,2000,01/04/2025,31/03/2026\r\n"
  "U-11,Meals,Day Care Ltd,Day care,Public Health,100,01/04/2025,31/03/2026\r\n"
  "U-12,Lunch club,Touchstone,Day care,Public Health,50,01/04/2025,31/03/2026\r\n";

/* ---- fixtures --------------------------------------------------------- */

static void
import (CmStore *store, const char *csv, const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_csv_read (csv, strlen (csv), &error);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_UPDATE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, source, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The portfolio's records as another program sees them, on a connection
 * of its own. */
static char *
records (const char *path)
{
  const char *tables[] = { "contract", "provider", "service", "organisation", "import_run" };
  g_autoptr(GRegex) version_column = g_regex_new ("\\|[0-9]+$", G_REGEX_MULTILINE, 0, NULL);
  GString *out = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT '%s', * FROM %s ORDER BY id",
                                              tables[i], tables[i]);
      g_autofree char *rows = cm_test_query_dump (path, sql);

      g_string_append (out, rows);
    }
  /* Without each row's version, its last column: a change and its undoing
   * move it on, and leave the record as it was. */
  all = g_string_free (out, FALSE);
  return g_regex_replace (version_column, all, -1, 0, "", 0, NULL);
}

static void
assert_audit_intact (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  g_assert_true (cm_store_verify_audit (store, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, >, 0);
}

static void
undo_last (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportUndo) undo = cm_import_undo_new (store, 0, &error);

  g_assert_no_error (error);
  g_assert_true (cm_import_undo_apply (undo, &error));
  g_assert_no_error (error);
}

/* ---- undoing ---------------------------------------------------------- */

static void
test_undo_gives_back_the_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("undo.commissioner", &path);
  g_autoptr(CmImportUndo) undo = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *empty = records (path);
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after = NULL;
  g_autofree char *described = NULL;
  GListModel *contracts;

  import (store, first_register, "first.csv");
  before = records (path);
  import (store, second_register, "second.csv");
  imported = records (path);
  g_assert_cmpstr (imported, !=, before);

  undo = cm_import_undo_new (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cm_import_undo_get_source (undo), ==, "second.csv");
  g_assert_cmpuint (cm_import_undo_count_removed (undo, CM_TYPE_CONTRACT), ==, 3);
  g_assert_cmpuint (cm_import_undo_count_removed (undo, CM_TYPE_PROVIDER), ==, 2);
  g_assert_cmpuint (cm_import_undo_count_removed (undo, CM_TYPE_SERVICE), ==, 2);
  g_assert_cmpuint (cm_import_undo_count_removed (undo, CM_TYPE_ORGANISATION), ==, 1);
  g_assert_cmpuint (cm_import_undo_count_restored (undo), ==, 1);
  described = cm_import_undo_describe (undo);
  g_test_message ("%s", described);
  g_assert_nonnull (strstr (described, "3 contracts removed"));
  g_assert_nonnull (strstr (described, "1 contract put back as it was"));
  contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 6);

  g_assert_true (cm_import_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = records (path);
  g_assert_cmpstr (after, ==, before);
  assert_audit_intact (store);
  /* The store's own lists followed. */
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 3);

  /* A file was backed up first, with the import in it; a server's backups
   * are PostgreSQL's own. */
  if (!cm_test_on_server ())
    {
      backups = cm_backup_list (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (backups->len, >=, 1);
      g_assert_cmpint (((CmBackup *) backups->pdata[0])->reason, ==, CM_BACKUP_REASON_UNDO_IMPORT);
      g_assert_cmpint (((CmBackup *) backups->pdata[0])->contracts, ==, 6);
    }

  /* The import before it is now the last, and undoes in turn. */
  undo_last (store);
  g_clear_pointer (&after, g_free);
  after = records (path);
  g_assert_cmpstr (after, ==, empty);
  assert_audit_intact (store);

  /* The trail keeps what the undone imports had done. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE"
                                            " entity = 'import_run' AND new_value IS NULL"
                                            " AND field = 'source'"), ==, 2);
}

static void
test_refuses_after_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("edited.commissioner", &path);
  g_autoptr(CmImportUndo) undo = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  CmContract *contract = NULL;
  GListModel *contracts;

  import (store, first_register, "first.csv");
  contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) item = g_list_model_get_item (contracts, i);

      if (g_str_equal (cm_contract_get_reference (item), "U-3"))
        contract = item;
    }
  g_assert_nonnull (contract);
  g_object_set (contract, "title", "Crisis line, retitled", NULL);
  cm_test_save (store, contract);
  edited = records (path);

  undo = cm_import_undo_new (store, 0, &error);
  g_assert_null (undo);
  g_assert_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_CHANGED_SINCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "U-3"));
  g_assert_null (strstr (error->message, "U-1"));
  after = records (path);
  g_assert_cmpstr (after, ==, edited);
  assert_audit_intact (store);
}

static void
test_refuses_after_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("deleted.commissioner", &path);
  g_autoptr(CmImportUndo) undo = NULL;
  CmContract *contract;

  import (store, first_register, "first.csv");
  contract = g_list_model_get_item (cm_store_list (store, CM_TYPE_CONTRACT), 0);
  cm_test_delete (store, contract);
  g_object_unref (contract);

  undo = cm_import_undo_new (store, 0, &error);
  g_assert_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_CHANGED_SINCE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "U-1"));
}

/* A record added since that uses one the import created holds it: the
 * undo stops at it and writes nothing. */
static void
test_refuses_a_record_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("in-use.commissioner", &path);
  g_autoptr(CmImportUndo) undo = NULL;
  g_autoptr(CmContract) added = cm_contract_new ("U-99", "Added by hand");
  g_autoptr(CmContract) imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import (store, first_register, "first.csv");
  imported = g_list_model_get_item (cm_store_list (store, CM_TYPE_CONTRACT), 0);
  g_object_set (added, "provider-id", cm_contract_get_provider_id (imported),
                "service-id", cm_contract_get_service_id (imported), NULL);
  cm_test_save (store, added);
  before = records (path);

  undo = cm_import_undo_new (store, 0, &error);
  g_assert_no_error (error);
  g_assert_false (cm_import_undo_apply (undo, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_test_message ("refused: %s", error->message);
  after = records (path);
  g_assert_cmpstr (after, ==, before);
  assert_audit_intact (store);
}

static void
test_nothing_to_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("nothing.commissioner", NULL);
  g_autoptr(CmImportUndo) undo = cm_import_undo_new (store, 0, &error);

  g_assert_null (undo);
  g_assert_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_NO_IMPORT);
}

/* An import from before runs kept their ids cannot be undone. */
static void
test_refuses_an_old_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("old-import.commissioner", &path);
  g_autoptr(CmImportUndo) undo = NULL;

  import (store, first_register, "first.csv");
  g_clear_object (&store);
  cm_test_run_sql (path, "UPDATE import_run SET created_ids = '', first_audit_id = 0");
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  undo = cm_import_undo_new (store, 0, &error);
  g_assert_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_TOO_OLD);
}

int
main (int argc, char **argv)
{
  int status;

  data_home = g_dir_make_tmp ("commissioner-undo-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-undo/gives-back-the-portfolio", test_undo_gives_back_the_portfolio);
  g_test_add_func ("/import-undo/refuses-after-edit", test_refuses_after_edit);
  g_test_add_func ("/import-undo/refuses-after-delete", test_refuses_after_delete);
  g_test_add_func ("/import-undo/refuses-a-record-in-use", test_refuses_a_record_in_use);
  g_test_add_func ("/import-undo/nothing-to-undo", test_nothing_to_undo);
  g_test_add_func ("/import-undo/refuses-an-old-import", test_refuses_an_old_import);
  status = g_test_run ();
  cm_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
