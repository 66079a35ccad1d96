/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-derived.c: loaded lists show the derived values a fresh load shows
 *
 * A save recomputes only the rows of the loaded lists that it can alter
 * (CmDerivedColumn's "through"). Each case below makes one kind of change;
 * after it, every derived value of every listed record must equal what
 * loading that record afresh from the file gives.
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service-partner.h"
#include "cm-service.h"
#include "cm-test-util.h"

typedef struct {
  CmStore *store;
  char *path;
  CmOrganisation *orgs[2];
  CmService *services[3];
  CmProvider *providers[3];
  GPtrArray *contracts;
} Fixture;

static CmContract *
add_contract (Fixture *f, guint service, guint provider, gint64 annual)
{
  g_autofree char *reference = g_strdup_printf ("C-%04u", f->contracts->len + 1);
  CmContract *contract = g_object_new (CM_TYPE_CONTRACT, "reference", reference,
                                       "title", reference,
                                       "service-id", cm_entity_get_id (CM_ENTITY (f->services[service])),
                                       "provider-id",
                                       cm_entity_get_id (CM_ENTITY (f->providers[provider])),
                                       "annual-value", annual, "total-value", annual * 3,
                                       "start-date", "2024-04-01", "end-date", "2027-03-31",
                                       "term", "3+1", NULL);

  cm_test_save (f->store, contract);
  g_ptr_array_add (f->contracts, contract);
  return contract;
}

static void
fixture_set_up (Fixture *f)
{
  static const char * const providers[] = { "Touchstone", "Carers Leeds", "Age UK Leeds" };

  f->store = cm_test_open_new ("derived.commissioner", &f->path);
  f->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  f->orgs[0] = cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  f->orgs[1] = cm_organisation_new ("Integrated Care Board", CM_ORGANISATION_KIND_NHS_BODY);
  for (guint i = 0; i < G_N_ELEMENTS (f->orgs); i++)
    cm_test_save (f->store, f->orgs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    {
      g_autofree char *name = g_strdup_printf ("Service %u", i + 1);

      f->services[i] = g_object_new (CM_TYPE_SERVICE, "name", name, "lead-commissioner-id",
                                     cm_entity_get_id (CM_ENTITY (f->orgs[i % 2])), NULL);
      cm_test_save (f->store, f->services[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (f->providers); i++)
    {
      f->providers[i] = cm_provider_new (providers[i], CM_SECTOR_THIRD_SECTOR);
      cm_test_save (f->store, f->providers[i]);
    }
  for (guint i = 0; i < 6; i++)
    add_contract (f, i % 3, i % 2, 100000 * (i + 1));
}

static void
fixture_tear_down (Fixture *f)
{
  g_ptr_array_unref (f->contracts);
  for (guint i = 0; i < G_N_ELEMENTS (f->orgs); i++)
    g_object_unref (f->orgs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    g_object_unref (f->services[i]);
  for (guint i = 0; i < G_N_ELEMENTS (f->providers); i++)
    g_object_unref (f->providers[i]);
  g_object_unref (f->store);
  g_free (f->path);
}

/* ---- the changes -------------------------------------------------------- */

static void
change_value (Fixture *f)
{
  g_object_set (f->contracts->pdata[0], "annual-value", G_GINT64_CONSTANT (4400001), NULL);
  cm_test_save (f->store, f->contracts->pdata[0]);
}

static void
move_to_other_provider (Fixture *f)
{
  g_object_set (f->contracts->pdata[1], "provider-id",
                cm_entity_get_id (CM_ENTITY (f->providers[2])), NULL);
  cm_test_save (f->store, f->contracts->pdata[1]);
}

static void
move_to_other_service (Fixture *f)
{
  g_object_set (f->contracts->pdata[2], "service-id",
                cm_entity_get_id (CM_ENTITY (f->services[0])), NULL);
  cm_test_save (f->store, f->contracts->pdata[2]);
}

static void
rename_provider (Fixture *f)
{
  g_object_set (f->providers[1], "name", "Carers Leeds (merged)", "sector",
                CM_SECTOR_INDEPENDENT, NULL);
  cm_test_save (f->store, f->providers[1]);
}

static void
rename_service (Fixture *f)
{
  g_object_set (f->services[2], "name", "Service three", NULL);
  cm_test_save (f->store, f->services[2]);
}

static void
change_lead_commissioner (Fixture *f)
{
  g_object_set (f->services[0], "lead-commissioner-id",
                cm_entity_get_id (CM_ENTITY (f->orgs[1])), NULL);
  cm_test_save (f->store, f->services[0]);
}

static void
rename_organisation (Fixture *f)
{
  g_object_set (f->orgs[1], "name", "West Yorkshire ICB", "kind",
                CM_ORGANISATION_KIND_PARTNER, NULL);
  cm_test_save (f->store, f->orgs[1]);
}

static void
add_partner (Fixture *f)
{
  g_autoptr(CmServicePartner) partner = g_object_new (CM_TYPE_SERVICE_PARTNER,
    "service-id", cm_entity_get_id (CM_ENTITY (f->services[1])),
    "organisation-id", cm_entity_get_id (CM_ENTITY (f->orgs[0])), NULL);

  cm_test_save (f->store, partner);
}

static void
delete_contract (Fixture *f)
{
  cm_test_delete (f->store, f->contracts->pdata[3]);
  g_ptr_array_remove_index (f->contracts, 3);
}

static void
insert_contract (Fixture *f)
{
  add_contract (f, 2, 2, 777);
}

/* More changes to one table than are recomputed one by one. */
static void
many_in_one_transaction (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (f->store, &error));
  for (guint i = 0; i < 100; i++)
    add_contract (f, i % 3, i % 3, 1000 + i);
  g_object_set (f->contracts->pdata[0], "provider-id",
                cm_entity_get_id (CM_ENTITY (f->providers[2])), NULL);
  cm_test_save (f->store, f->contracts->pdata[0]);
  g_assert_true (cm_store_commit (f->store, &error));
}

/* A contract moved twice in one transaction: the provider it left first
 * must be recomputed too. */
static void
moved_twice_in_one_transaction (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (f->store, &error));
  for (guint p = 0; p < G_N_ELEMENTS (f->providers); p++)
    {
      g_object_set (f->contracts->pdata[4], "provider-id",
                    cm_entity_get_id (CM_ENTITY (f->providers[p])), NULL);
      cm_test_save (f->store, f->contracts->pdata[4]);
    }
  g_assert_true (cm_store_commit (f->store, &error));
}

/* So many changes come first that the store keeps no more records as they
 * were: the provider the contract left must still be recomputed. */
static void
moved_after_many_other_changes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (f->store, &error));
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Service one, version %u", i);

      g_object_set (f->services[0], "name", name, NULL);
      cm_test_save (f->store, f->services[0]);
    }
  move_to_other_provider (f);
  g_assert_true (cm_store_commit (f->store, &error));
}

static const struct {
  const char *name;
  void (*change) (Fixture *f);
} cases[] = {
  { "a contract's value", change_value },
  { "a contract moved to another provider", move_to_other_provider },
  { "a contract moved to another service", move_to_other_service },
  { "a provider renamed and its sector changed", rename_provider },
  { "a service renamed", rename_service },
  { "a service's lead commissioner changed", change_lead_commissioner },
  { "an organisation renamed and its kind changed", rename_organisation },
  { "a partner added to a service", add_partner },
  { "a contract deleted", delete_contract },
  { "a contract added", insert_contract },
  { "a hundred contracts added and one moved in one transaction", many_in_one_transaction },
  { "a contract moved twice in one transaction", moved_twice_in_one_transaction },
  { "a contract moved after seventy other changes in one transaction",
    moved_after_many_other_changes },
};

/* ---- the check ---------------------------------------------------------- */

/* Every derived value of every record listed for @type, against the file. */
static void
assert_list_matches_file (Fixture *f, GType type, const char *after)
{
  GListModel *list = cm_store_list (f->store, type);
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmEntity) listed = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CmEntity) fresh = cm_store_load (f->store, type, cm_entity_get_id (listed),
                                                 &error);

      g_assert_no_error (error);
      for (guint d = 0; klass->derived && klass->derived[d].property; d++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            klass->derived[d].property);
          g_autofree char *shown = g_strdup_value_contents (
            cm_entity_peek_value (listed, pspec->param_id));
          g_autofree char *stored = g_strdup_value_contents (
            cm_entity_peek_value (fresh, pspec->param_id));

          if (g_strcmp0 (shown, stored) != 0)
            g_error ("after %s, %s %" G_GINT64_FORMAT " shows %s = %s, the file %s", after,
                     g_type_name (type), cm_entity_get_id (listed), pspec->name, shown, stored);
        }
    }
}

static void
test_lists_follow_each_change (void)
{
  GType listed[] = { CM_TYPE_ORGANISATION, CM_TYPE_SERVICE, CM_TYPE_PROVIDER, CM_TYPE_CONTRACT,
                     CM_TYPE_SERVICE_PARTNER };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Fixture f = { 0 };

      fixture_set_up (&f);
      /* Loaded before the change, as the window's pages are. */
      for (gsize t = 0; t < G_N_ELEMENTS (listed); t++)
        cm_store_list (f.store, listed[t]);
      cases[c].change (&f);
      for (gsize t = 0; t < G_N_ELEMENTS (listed); t++)
        assert_list_matches_file (&f, listed[t], cases[c].name);
      fixture_tear_down (&f);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/derived/lists-follow-each-change", test_lists_follow_each_change);
  return g_test_run ();
}
