/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-field-check.c: naming the fields a contract's complaint is about
 *
 * The contracts are saved to a real portfolio first, as the editor's
 * records would be, and checked on copies.
 */
#include "cm-contract.h"
#include "cm-field-check.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

static const char * const fields[] = {
  "reference", "title", "service-id", "provider-id", "annual-value", "total-value",
  "start-date", "end-date", "term", "notice-period", "extensions-invoked", "notice-served", NULL
};

static CmContract *
saved_contract (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) org = CM_ENTITY (cm_organisation_new ("Leeds City Council: Adult Social Care",
                                                            CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE));
  g_autoptr(CmEntity) service = NULL;
  g_autoptr(CmEntity) provider = NULL;
  CmContract *contract;

  g_assert_true (cm_store_save (store, org, &error));
  service = g_object_new (CM_TYPE_SERVICE, "name", "Carers", "lead-commissioner-id",
                          cm_entity_get_id (org), NULL);
  g_assert_true (cm_store_save (store, service, &error));
  provider = g_object_new (CM_TYPE_PROVIDER, "name", "Carers Leeds", NULL);
  g_assert_true (cm_store_save (store, provider, &error));
  contract = g_object_new (CM_TYPE_CONTRACT, "reference", "ASC-0001", "title", "Carers support",
                           "service-id", cm_entity_get_id (service),
                           "provider-id", cm_entity_get_id (provider),
                           "annual-value", (gint64) 120000000, "start-date", "2019-04-01",
                           "end-date", "2024-03-31", "term", "5+2", "notice-period", "3 months",
                           NULL);
  g_assert_true (cm_store_save (store, CM_ENTITY (contract), &error));
  g_assert_no_error (error);
  return contract;
}

/* The fields blamed, joined by commas, or "valid". */
static char *
blame (CmContract *contract, const char *property, ...)
{
  g_autoptr(CmEntity) copy = cm_entity_copy (CM_ENTITY (contract));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, property);
  g_object_set_valist (G_OBJECT (copy), property, args);
  va_end (args);
  if (cm_field_check (copy, fields, found, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 0);
      return g_strdup ("valid");
    }
  g_assert_nonnull (error);
  g_ptr_array_add (found, NULL);
  return g_strjoinv (",", (char **) found->pdata);
}

static void
test_blames_the_fields_of_the_complaint (void)
{
  g_autofree char *path = cm_test_temp_path ("field-check.commissioner");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CmContract) contract = NULL;
  static const struct {
    const char *property;
    const char *text;
    const char *blamed;
  } text_cases[] = {
    { "end-date", "2019-03-31", "start-date,end-date" },  /* ends before it starts */
    { "start-date", "2025-01-01", "start-date,end-date" },
    { "term", "five decades", "term" },
    { "notice-period", "soon", "notice-period" },
    { "reference", "", "reference" },
    { "title", "", "title" },
    { "end-date", "2024-03-31", "valid" },
  };

  g_assert_no_error (error);
  contract = saved_contract (store);
  for (gsize i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *found = blame (contract, text_cases[i].property, text_cases[i].text, NULL);

      g_test_message ("%s = %s", text_cases[i].property, text_cases[i].text);
      g_assert_cmpstr (found, ==, text_cases[i].blamed);
    }

  {
    g_autofree char *negative = blame (contract, "annual-value", (gint64) -100, NULL);
    g_autofree char *too_many = blame (contract, "extensions-invoked", 2, NULL);
    g_autofree char *no_provider = blame (contract, "provider-id", (gint64) 0, NULL);

    g_assert_cmpstr (negative, ==, "annual-value");
    /* "5+2" has one extension: taking fewer answers it; with no term at
     * all the extensions would still be refused. */
    g_assert_cmpstr (too_many, ==, "extensions-invoked");
    g_assert_cmpstr (no_provider, ==, "");
  }
}

/* The check only reads: nothing reaches the file, and a refused record is
 * still refused by the store. */
static void
test_checks_without_writing (void)
{
  g_autofree char *path = cm_test_temp_path ("field-check-write.commissioner");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CmContract) contract = saved_contract (store);
  g_autoptr(CmEntity) copy = cm_entity_copy (CM_ENTITY (contract));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *end = NULL;

  g_object_set (copy, "end-date", "2018-01-01", NULL);
  g_assert_false (cm_field_check (copy, fields, found, &error));
  g_clear_error (&error);
  g_assert_false (cm_store_save (store, copy, &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  end = cm_test_query_text (path, "SELECT end_date FROM contract");
  g_assert_cmpstr (end, ==, "2024-03-31");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-check/blames", test_blames_the_fields_of_the_complaint);
  g_test_add_func ("/field-check/read-only", test_checks_without_writing);
  return g_test_run ();
}
