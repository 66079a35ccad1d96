/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-verdict.c: a trail that verifies, one broken at a row, and one
 * that could not be checked, as the check and the audit CSV tell them */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-audit-query.h"
#include "cm-audit-verdict.h"
#include "cm-provider.h"
#include "cm-test-util.h"

#define PORTFOLIO_VARIABLE "CM_TEST_VERDICT_PORTFOLIO"
#define CSV_VARIABLE "CM_TEST_VERDICT_CSV"

/* An OpenSSL configuration that loads no algorithm at all: no SHA-256. */
static const char no_algorithms[] =
  "openssl_conf = openssl_init\n"
  "[openssl_init]\n"
  "providers = providers\n"
  "[providers]\n"
  "null = null_provider\n"
  "[null_provider]\n"
  "activate = 1\n";

/* A portfolio with a few providers, so a trail of some rows. */
static char *
portfolio_with_changes (const char *name)
{
  char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *provider_name = g_strdup_printf ("Carers Leeds %u", i);

      cm_test_save_new (store, g_object_new (CM_TYPE_PROVIDER, "name", provider_name,
                                             "sector", CM_SECTOR_THIRD_SECTOR, NULL));
    }
  return path;
}

/* The last column of each row of the audit CSV at @path. */
static GStrv
csv_verdicts (const char *path)
{
  g_autoptr(GBytes) bytes = cm_test_read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  g_assert_true (g_str_has_suffix (lines[0], ",Hash chain verifies"));
  for (guint i = 1; lines[i] && *lines[i]; i++)
    g_strv_builder_add (words, strrchr (lines[i], ',') + 1);
  return g_strv_builder_end (words);
}

static void
test_verified (void)
{
  g_autofree char *path = portfolio_with_changes ("verified.commissioner");
  g_autofree char *csv = cm_test_temp_path ("verified.csv");
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, NULL);
  g_auto(CmAuditVerdict) verdict = { 0 };
  g_auto(GStrv) words = NULL;
  CmAuditFilter all = { 0 };

  cm_audit_verdict_check (store, &verdict);
  g_assert_cmpint (verdict.finding, ==, CM_AUDIT_VERIFIED);
  g_assert_null (verdict.reason);
  g_assert_cmpint (verdict.rows, ==, cm_test_query_int (path, "SELECT count(*) FROM audit"));
  g_assert_cmpint (cm_audit_verdict_row (&verdict, verdict.rows), ==, CM_AUDIT_ROW_VOUCHED);
  g_assert_true (cm_audit_write_csv (store, &all, csv, NULL));
  words = csv_verdicts (csv);
  g_assert_cmpuint (g_strv_length (words), ==, verdict.rows);
  for (guint i = 0; words[i]; i++)
    g_assert_cmpstr (words[i], ==, "Yes");
}

/* A row edited outside the program: it and every later one say No, the
 * earlier ones Yes; the quick check of the chain alone agrees. */
static void
test_broken_at_a_row (void)
{
  g_autofree char *path = portfolio_with_changes ("broken.commissioner");
  g_autofree char *csv = cm_test_temp_path ("broken.csv");
  gint64 rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  gint64 bad = rows / 2;
  g_autofree char *forge = g_strdup_printf ("UPDATE audit SET new_value = 'forged' WHERE id = %"
                                            G_GINT64_FORMAT, bad);
  g_autoptr(CmStore) store = NULL;
  g_auto(CmAuditVerdict) verdict = { 0 };
  g_auto(CmAuditVerdict) chain = { 0 };
  g_auto(GStrv) words = NULL;
  CmAuditFilter all = { 0 };

  g_assert_cmpint (bad, >, 1);
  cm_test_run_sql (path, forge);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, NULL);
  cm_audit_verdict_check (store, &verdict);
  g_assert_cmpint (verdict.finding, ==, CM_AUDIT_BROKEN);
  g_assert_cmpint (verdict.first_bad, ==, bad);
  g_assert_nonnull (verdict.reason);
  cm_audit_verdict_check_chain (store, &chain);
  g_assert_cmpint (chain.finding, ==, CM_AUDIT_BROKEN);
  g_assert_cmpint (chain.first_bad, ==, bad);
  g_assert_true (cm_audit_write_csv (store, &all, csv, NULL));
  words = csv_verdicts (csv);
  g_assert_cmpuint (g_strv_length (words), ==, rows);
  /* Newest first: row id is rows - i. */
  for (guint i = 0; words[i]; i++)
    g_assert_cmpstr (words[i], ==, rows - i < bad ? "Yes" : "No");
}

/* Run with no SHA-256: the check cannot run, and says why. */
static void
check_without_sha256 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (g_getenv (PORTFOLIO_VARIABLE),
                                            CM_STORE_OPEN_MUST_EXIST, &error);
  g_auto(CmAuditVerdict) verdict = { 0 };
  g_auto(CmAuditVerdict) chain = { 0 };
  CmAuditFilter all = { 0 };

  g_assert_no_error (error);
  cm_audit_verdict_check (store, &verdict);
  g_assert_cmpint (verdict.finding, ==, CM_AUDIT_NOT_CHECKED);
  g_assert_nonnull (strstr (verdict.reason, "OPENSSL_CONF"));
  g_assert_cmpint (cm_audit_verdict_row (&verdict, 1), ==, CM_AUDIT_ROW_NOT_CHECKED);
  cm_audit_verdict_check_chain (store, &chain);
  g_assert_cmpint (chain.finding, ==, CM_AUDIT_NOT_CHECKED);
  g_assert_true (cm_audit_write_csv (store, &all, g_getenv (CSV_VARIABLE), &error));
  g_assert_no_error (error);
}

/* The check that could not run marks every row Not checked, never No. */
static void
run_without_sha256 (void)
{
  g_autofree char *path = portfolio_with_changes ("unchecked.commissioner");
  g_autofree char *csv = cm_test_temp_path ("unchecked.csv");
  g_autofree char *config = cm_test_temp_path ("no-algorithms.cnf");
  gint64 rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_auto(GStrv) words = NULL;

  g_assert_true (g_file_set_contents (config, no_algorithms, -1, NULL));
  /* Read by OpenSSL in the new process only: this one has its SHA-256. */
  g_setenv ("OPENSSL_CONF", config, TRUE);
  g_setenv (PORTFOLIO_VARIABLE, path, TRUE);
  g_setenv (CSV_VARIABLE, csv, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("OPENSSL_CONF");
  g_test_trap_assert_passed ();
  words = csv_verdicts (csv);
  g_assert_cmpuint (g_strv_length (words), ==, rows);
  for (guint i = 0; words[i]; i++)
    g_assert_cmpstr (words[i], ==, "Not checked");
}

static void
test_not_checked (void)
{
  /* The new process makes no portfolio: without SHA-256 it could not. */
  if (g_test_subprocess ())
    check_without_sha256 ();
  else
    run_without_sha256 ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cm_test_add_file_func ("/audit-verdict/verified", test_verified);
  cm_test_add_file_func ("/audit-verdict/broken-at-a-row", test_broken_at_a_row);
  cm_test_add_file_func ("/audit-verdict/not-checked", test_not_checked);
  return g_test_run ();
}
