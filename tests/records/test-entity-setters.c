/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-entity-setters.c: a record's typed setters, its quiet copy, required texts and a
 * contract's two-part check */
#include "cm-contract.h"
#include "cm-provider.h"

static GParamSpec *
find (gpointer record, const char *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* Each setter holds what g_object_set () would, and notifies as it does:
 * once for a change, never for the same value. */
static void
test_typed_setters (void)
{
  g_autoptr(CmContract) contract = cm_contract_new ("C-1", "Carers");
  g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_INDEPENDENT);
  CmEntity *entity = CM_ENTITY (contract);
  guint notified = 0;
  int route = 0, invoked = 0;
  gint64 value = 0;
  gboolean vcse = FALSE;
  g_autofree char *term = NULL;

  g_signal_connect (contract, "notify", G_CALLBACK (count_notify), &notified);
  cm_entity_set_string (entity, find (contract, "term"), "3+1+1");
  cm_entity_set_string (entity, find (contract, "term"), "3+1+1");
  cm_entity_set_int64 (entity, find (contract, "annual-value"), 1250000);
  cm_entity_set_int64 (entity, find (contract, "annual-value"), 1250000);
  cm_entity_set_enum (entity, find (contract, "route"), CM_PROCUREMENT_ROUTE_LIGHT_TOUCH);
  cm_entity_set_enum (entity, find (contract, "route"), CM_PROCUREMENT_ROUTE_LIGHT_TOUCH);
  cm_entity_set_int (entity, find (contract, "extensions-invoked"), 1);
  cm_entity_set_int (entity, find (contract, "extensions-invoked"), 1);
  g_assert_cmpuint (notified, ==, 4);
  g_object_get (contract, "term", &term, "annual-value", &value, "route", &route,
                "extensions-invoked", &invoked, NULL);
  g_assert_cmpstr (term, ==, "3+1+1");
  g_assert_cmpint (value, ==, 1250000);
  g_assert_cmpint (route, ==, CM_PROCUREMENT_ROUTE_LIGHT_TOUCH);
  g_assert_cmpint (invoked, ==, 1);
  cm_entity_set_string (entity, find (contract, "term"), NULL);
  g_assert_cmpuint (notified, ==, 5);
  g_assert_cmpstr (cm_entity_get_string (entity, find (contract, "term")->param_id), ==, "");

  notified = 0;
  g_signal_connect (provider, "notify::is-vcse", G_CALLBACK (count_notify), &notified);
  cm_entity_set_boolean (CM_ENTITY (provider), find (provider, "is-vcse"), 2);
  cm_entity_set_boolean (CM_ENTITY (provider), find (provider, "is-vcse"), TRUE);
  g_object_get (provider, "is-vcse", &vcse, NULL);
  g_assert_true (vcse == TRUE);
  g_assert_cmpuint (notified, ==, 1);
}

/* A property of another type of record is refused, not written into the
 * slot of the same number. */
static void
test_setter_refuses_other_type (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CmContract) contract = cm_contract_new ("C-1", "Carers");
      g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_INDEPENDENT);

      cm_entity_set_string (CM_ENTITY (contract), find (provider, "name"), "Mind");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*owner_type*");
}

static void
test_copy_values_quietly (void)
{
  g_autoptr(CmContract) from = cm_contract_new ("C-2", "Day care");
  g_autoptr(CmContract) to = cm_contract_new ("C-1", "Carers");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint notified = 0;

  g_object_set (from, "term", "2+1", "annual-value", (gint64) 500, "route",
                CM_PROCUREMENT_ROUTE_GRANT_SCHEME, NULL);
  g_object_set (to, "notice-period", "3 months", NULL);
  cm_entity_set_id (CM_ENTITY (to), 7);
  g_signal_connect (to, "notify", G_CALLBACK (count_notify), &notified);
  cm_entity_copy_values_quietly (CM_ENTITY (to), CM_ENTITY (from));
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (to)), ==, 7);
  g_assert_null (cm_entity_first_change (CM_ENTITY (from), CM_ENTITY (to), NULL));
  g_assert_cmpstr (cm_contract_get_notice_period (to), ==, "");
}

/* Only space is as good as nothing; anything else is a value. */
static void
test_require_text (void)
{
  const char *empty[] = { NULL, "", " ", " \t\r\n " };
  const char *given[] = { "x", "  Carers ", "\xc2\xa0" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cm_entity_require_text (empty[i], "The title", &error));
      g_assert_cmpstr (error->message, ==,
                       "The title cannot be empty. Enter a value and save again.");
    }
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    g_assert_true (cm_entity_require_text (given[i], "The title", NULL));
}

/* The two parts together are cm_entity_validate (), and each refuses
 * only what is its own. */
static void
test_contract_validate_parts (void)
{
  g_autoptr(CmContract) contract = cm_contract_new ("C-1", "Carers");
  g_autoptr(GError) whole = NULL;
  g_autoptr(GError) part = NULL;

  g_object_set (contract, "service-id", (gint64) 1, "provider-id", (gint64) 2, "term", "3+1",
                "extensions-invoked", 2, NULL);
  g_assert_true (cm_contract_validate_all_but_term (contract, NULL));
  g_assert_false (cm_contract_validate_term (contract, &part));
  g_assert_false (cm_entity_validate (CM_ENTITY (contract), &whole));
  g_assert_cmpstr (part->message, ==, whole->message);
  g_clear_error (&part);
  g_clear_error (&whole);

  g_object_set (contract, "extensions-invoked", 1, "service-id", (gint64) 0, NULL);
  g_assert_true (cm_contract_validate_term (contract, NULL));
  g_assert_false (cm_contract_validate_all_but_term (contract, &part));
  g_assert_false (cm_entity_validate (CM_ENTITY (contract), &whole));
  g_assert_cmpstr (part->message, ==, whole->message);

  g_object_set (contract, "service-id", (gint64) 1, NULL);
  g_assert_true (cm_entity_validate (CM_ENTITY (contract), NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entity/typed-setters", test_typed_setters);
  g_test_add_func ("/entity/setter-refuses-other-type", test_setter_refuses_other_type);
  g_test_add_func ("/entity/copy-values-quietly", test_copy_values_quietly);
  g_test_add_func ("/entity/require-text", test_require_text);
  g_test_add_func ("/contract/validate-parts", test_contract_validate_parts);
  return g_test_run ();
}
