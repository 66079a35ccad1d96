/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-total-value.c: a contract's total worked out from its annual value
 * and term, and kept when entered, through a real portfolio file. */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"
#include "cm-total-value.h"
#include "cm-transparency.h"

#define POUNDS(n) ((gint64) (n) * 100)

typedef struct {
  gint64 annual;
  const char *term;
  guint invoked;
  gboolean derived;
  gint64 total;
} DeriveCase;

static const DeriveCase derive_cases[] = {
  { POUNDS (45000), "3", 0, TRUE, POUNDS (135000) },
  { POUNDS (45000), "3 years", 0, TRUE, POUNDS (135000) },
  { POUNDS (45000), "3+1+1", 0, TRUE, POUNDS (135000) },
  { POUNDS (45000), "3+1+1", 1, TRUE, POUNDS (180000) },
  { POUNDS (45000), "3+1+1", 2, TRUE, POUNDS (225000) },
  { POUNDS (10000), "18 months", 0, TRUE, POUNDS (15000) },
  { POUNDS (36500), "90 days", 0, TRUE, POUNDS (9000) },
  { 100, "1 month", 0, TRUE, 8 },  /* £1 a year for a month: 8.3p, to the penny */
  { POUNDS (45000), "", 0, FALSE, 0 },
  { POUNDS (45000), "option to extend by 12 months", 0, FALSE, 0 },
  { POUNDS (45000), "not a term", 0, FALSE, 0 },
  { 0, "3", 0, FALSE, 0 },
};

static void
test_derive (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (derive_cases); i++)
    {
      const DeriveCase *c = &derive_cases[i];
      gint64 total = -1;
      gboolean derived = cm_total_value_derive (c->annual, c->term, c->invoked, &total);

      g_test_message ("%" G_GINT64_FORMAT " over “%s” with %u taken", c->annual, c->term,
                      c->invoked);
      g_assert_cmpint (derived, ==, c->derived);
      if (derived)
        g_assert_cmpint (total, ==, c->total);
      else
        g_assert_cmpint (total, ==, -1);
    }
}

static CmContract *
new_contract (CmStore *store, const char *reference, gint64 annual, const char *term,
              gint64 total)
{
  g_autoptr(CmOrganisation) council = cm_organisation_new ("Council", 0);
  g_autoptr(CmService) service = cm_service_new (reference);
  g_autoptr(CmProvider) provider = cm_provider_new ("Acme Care Ltd", 0);
  CmContract *contract = cm_contract_new (reference, "Home care");

  cm_test_save (store, council);
  g_object_set (service, "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (council)), NULL);
  cm_test_save (store, service);
  cm_test_save (store, provider);
  g_object_set (contract, "service-id", cm_entity_get_id (CM_ENTITY (service)),
                "provider-id", cm_entity_get_id (CM_ENTITY (provider)),
                "annual-value", annual, "term", term, "total-value", total, NULL);
  return contract;
}

static gint64
stored_total (const char *path, CmContract *contract)
{
  g_autofree char *sql = g_strdup_printf ("SELECT total_value FROM contract WHERE id = %"
                                          G_GINT64_FORMAT, cm_entity_get_id (CM_ENTITY (contract)));

  return cm_test_query_int (path, sql);
}

/* Saved with no total, a contract stores the one worked out; a later
 * annual value or extension moves it, and a total typed over it stays. */
static void
test_saved_total_follows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-follows.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-1", POUNDS (45000), "3+1", 0);
  g_autoptr(GError) error = NULL;

  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (135000));
  g_assert_true (cm_contract_total_is_derived (contract));

  g_object_set (contract, "annual-value", POUNDS (50000), NULL);
  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (150000));

  g_assert_true (cm_contract_invoke_extension (contract, &error));
  g_assert_no_error (error);
  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (200000));

  g_object_set (contract, "total-value", POUNDS (190000), NULL);
  cm_test_save (store, contract);
  g_object_set (contract, "annual-value", POUNDS (60000), NULL);
  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (190000));
  g_assert_false (cm_contract_total_is_derived (contract));
  g_unlink (path);
}

/* A worked-out total whose term is cleared is cleared with it, and follows
 * the term given later. */
static void
test_total_follows_after_term_cleared (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-term-cleared.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-4", POUNDS (45000), "3", 0);

  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (135000));
  g_object_set (contract, "term", "", NULL);
  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, 0);
  g_object_set (contract, "term", "2", NULL);
  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (90000));
  g_unlink (path);
}

static void
test_entered_total_kept (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-entered.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-2", POUNDS (45000), "3",
                                                 POUNDS (100000));

  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (100000));
  g_assert_cmpint (cm_contract_get_effective_total (contract), ==, POUNDS (100000));
  g_unlink (path);
}

/* Without a readable term nothing is invented: the total stays empty. */
static void
test_no_term_no_total (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-no-term.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-3", POUNDS (45000), "", 0);

  cm_test_save (store, contract);
  g_assert_cmpint (stored_total (path, contract), ==, 0);
  g_assert_cmpint (cm_contract_get_effective_total (contract), ==, 0);
  g_unlink (path);
}

/* An import writes its rows with cm_store_insert_listed: a register that
 * gives no total gets the one worked out too. */
static void
test_listed_insert_derives (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-listed.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-4", POUNDS (12000), "2+1", 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (store, &error));
  g_assert_true (cm_store_insert_listed (store, CM_ENTITY (contract), &error));
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_total (path, contract), ==, POUNDS (24000));
  g_unlink (path);
}

/* A portfolio saved before totals were worked out holds 0: the Transparency
 * register publishes the total over the term, not £0 or one year's value. */
static void
test_transparency_publishes_derived (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("total-transparency.commissioner", &path);
  g_autoptr(CmContract) contract = new_contract (store, "C-5", POUNDS (45000), "3", 0);
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 published = 0;

  g_object_set (contract, "start-date", "2025-04-01", "end-date", "2028-03-31", NULL);
  cm_test_save (store, contract);
  g_clear_object (&store);
  cm_test_run_sql (path, "UPDATE contract SET total_value = 0");
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);

  rows = cm_transparency_rows (store, today, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      CmTransparencyRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->reference, "C-5"))
        published = row->value;
    }
  g_assert_cmpint (published, ==, POUNDS (135000));
  g_clear_object (&store);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/total-value/derive", test_derive);
  g_test_add_func ("/total-value/saved-total-follows", test_saved_total_follows);
  g_test_add_func ("/total-value/follows-after-term-cleared",
                   test_total_follows_after_term_cleared);
  g_test_add_func ("/total-value/entered-total-kept", test_entered_total_kept);
  g_test_add_func ("/total-value/no-term-no-total", test_no_term_no_total);
  g_test_add_func ("/total-value/listed-insert-derives", test_listed_insert_derives);
  g_test_add_func ("/total-value/transparency-publishes-derived",
                   test_transparency_publishes_derived);
  return g_test_run ();
}
