/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-live.c: a filtered list from the store follows the store's changes in place
 *
 * A list of one service's contracts is asked for once; each case then
 * changes contracts through the store and checks which rows the list
 * announced (items-changed), that unchanged rows kept their objects, that
 * the list holds what a fresh read of the file holds, and which details
 * "changed" was emitted with.
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

typedef struct {
  CmStore *store;
  char *path;
  CmOrganisation *org;
  CmService *services[2];
  CmProvider *provider;
  GPtrArray *contracts;    /* of services[0], then services[1], alternately */
  GListModel *live;        /* services[0]'s contracts */
  GString *announced;      /* "position,removed,added;" per items-changed */
  GString *details;        /* "table;" per "changed" */
  guint notified;          /* notify signals of listed records */
} Fixture;

static CmContract *
new_contract (Fixture *f, guint service, const char *reference)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", reference,
                       "service-id", cm_entity_get_id (CM_ENTITY (f->services[service])),
                       "provider-id", cm_entity_get_id (CM_ENTITY (f->provider)),
                       "annual-value", (gint64) 100000, "total-value", (gint64) 300000,
                       "start-date", "2024-04-01", "end-date", "2027-03-31", "term", "3+1",
                       NULL);
}

static void
items_changed (GListModel *list, guint position, guint removed, guint added, Fixture *f)
{
  g_string_append_printf (f->announced, "%u,%u,%u;", position, removed, added);
}

static void
store_changed (CmStore *store, Fixture *f)
{
  /* The detail is not passed to the handler: read it from the emission. */
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);

  g_string_append_printf (f->details, "%s;", g_quark_to_string (hint->detail));
}

static void
record_notified (GObject *record, GParamSpec *pspec, Fixture *f)
{
  f->notified++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = cm_test_open_new ("live.commissioner", &f->path);
  f->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  f->org = cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  cm_test_save (f->store, f->org);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    {
      g_autofree char *name = g_strdup_printf ("Service %u", i + 1);

      f->services[i] = g_object_new (CM_TYPE_SERVICE, "name", name, "lead-commissioner-id",
                                     cm_entity_get_id (CM_ENTITY (f->org)), NULL);
      cm_test_save (f->store, f->services[i]);
    }
  f->provider = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  cm_test_save (f->store, f->provider);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%u", i + 1);
      CmContract *contract = new_contract (f, i % 2, reference);

      cm_test_save (f->store, contract);
      g_ptr_array_add (f->contracts, contract);
    }
  f->live = cm_store_list_where_id (f->store, CM_TYPE_CONTRACT, "service-id",
                                    cm_entity_get_id (CM_ENTITY (f->services[0])));
  f->announced = g_string_new (NULL);
  f->details = g_string_new (NULL);
  g_signal_connect (f->live, "items-changed", G_CALLBACK (items_changed), f);
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed), f);
  for (guint i = 0; i < g_list_model_get_n_items (f->live); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (f->live, i);

      g_signal_connect (record, "notify", G_CALLBACK (record_notified), f);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->live);
  g_ptr_array_unref (f->contracts);
  g_object_unref (f->org);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    g_object_unref (f->services[i]);
  g_object_unref (f->provider);
  g_string_free (f->announced, TRUE);
  g_string_free (f->details, TRUE);
  g_clear_object (&f->store);
  g_free (f->path);
}

/* The list's references, in order: "C-1 C-3 C-5". */
static char *
listed_references (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i ? " " : "",
                              cm_contract_get_reference (contract));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the changes -------------------------------------------------------- */

static CmContract *
contract (Fixture *f, guint index)
{
  return g_ptr_array_index (f->contracts, index);
}

static void
insert_into_listed_service (Fixture *f)
{
  g_ptr_array_add (f->contracts, new_contract (f, 0, "C-7"));
  cm_test_save (f->store, contract (f, 6));
}

static void
insert_into_other_service (Fixture *f)
{
  g_ptr_array_add (f->contracts, new_contract (f, 1, "C-7"));
  cm_test_save (f->store, contract (f, 6));
}

static void
update_listed (Fixture *f)
{
  g_object_set (contract (f, 2), "title", "Renamed", NULL);
  cm_test_save (f->store, contract (f, 2));
}

static void
update_other_service (Fixture *f)
{
  g_object_set (contract (f, 1), "title", "Renamed", NULL);
  cm_test_save (f->store, contract (f, 1));
}

static void
move_out_of_listed_service (Fixture *f)
{
  g_object_set (contract (f, 2), "service-id",
                cm_entity_get_id (CM_ENTITY (f->services[1])), NULL);
  cm_test_save (f->store, contract (f, 2));
}

static void
move_into_listed_service (Fixture *f)
{
  g_object_set (contract (f, 3), "service-id",
                cm_entity_get_id (CM_ENTITY (f->services[0])), NULL);
  cm_test_save (f->store, contract (f, 3));
}

static void
delete_listed (Fixture *f)
{
  cm_test_delete (f->store, contract (f, 0));
}

static void
delete_other_service (Fixture *f)
{
  cm_test_delete (f->store, contract (f, 5));
}

static void
delete_then_restore_listed (Fixture *f)
{
  cm_test_delete (f->store, contract (f, 2));
  cm_test_restore (f->store, contract (f, 2));
}

/* The provider's name is a derived value of each of its contracts. */
static void
rename_provider (Fixture *f)
{
  g_object_set (f->provider, "name", "Touchstone Support", NULL);
  cm_test_save (f->store, f->provider);
}

static void
set_a_setting (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_set_meta (f->store, "due_soon_days", "30", &error));
  g_assert_no_error (error);
}

static const struct {
  const char *name;
  void (*change) (Fixture *f);
  const char *listed;      /* the list's references afterwards */
  const char *announced;   /* items-changed: position,removed,added; */
  gboolean notifies;       /* a listed record notified a property */
  const char *details;     /* "changed" emissions' details */
} cases[] = {
  { "insert", insert_into_listed_service, "C-1 C-3 C-5 C-7", "3,0,1;", FALSE, "contract;" },
  { "insert-elsewhere", insert_into_other_service, "C-1 C-3 C-5", "", FALSE, "contract;" },
  { "update", update_listed, "C-1 C-3 C-5", "", TRUE, "contract;" },
  { "update-elsewhere", update_other_service, "C-1 C-3 C-5", "", FALSE, "contract;" },
  { "move-out", move_out_of_listed_service, "C-1 C-5", "1,1,0;", FALSE, "contract;" },
  { "move-in", move_into_listed_service, "C-1 C-3 C-4 C-5", "2,0,1;", FALSE, "contract;" },
  { "delete", delete_listed, "C-3 C-5", "0,1,0;", FALSE, "contract;" },
  { "delete-elsewhere", delete_other_service, "C-1 C-3 C-5", "", FALSE, "contract;" },
  { "restore", delete_then_restore_listed, "C-1 C-3 C-5", "1,1,0;1,0,1;", FALSE,
    "contract;contract;" },
  { "rename-provider", rename_provider, "C-1 C-3 C-5", "", TRUE, "provider;" },
  { "setting", set_a_setting, "C-1 C-3 C-5", "", FALSE, "meta;" },
};

/* The list holds exactly what reading the file afresh gives. */
static void
assert_same_as_file (Fixture *f)
{
  g_autoptr(CmStore) fresh = cm_store_open (f->path, CM_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GListModel) reread = cm_store_list_where_id (fresh, CM_TYPE_CONTRACT, "service-id",
                                                         cm_entity_get_id (CM_ENTITY (f->services[0])));
  g_autofree char *expected = listed_references (reread);
  g_autofree char *listed = listed_references (f->live);

  g_assert_cmpstr (listed, ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (f->live); i++)
    {
      g_autoptr(CmContract) ours = g_list_model_get_item (f->live, i);
      g_autoptr(CmContract) theirs = g_list_model_get_item (reread, i);

      g_assert_cmpstr (cm_contract_get_title (ours), ==, cm_contract_get_title (theirs));
      g_assert_cmpstr (cm_contract_get_provider_name (ours), ==,
                       cm_contract_get_provider_name (theirs));
    }
}

static void
test_change (Fixture *f, gconstpointer data)
{
  guint c = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *listed = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (f->live); i++)
    g_ptr_array_add (before, g_list_model_get_item (f->live, i));

  cases[c].change (f);

  listed = listed_references (f->live);
  g_assert_cmpstr (listed, ==, cases[c].listed);
  g_assert_cmpstr (f->announced->str, ==, cases[c].announced);
  g_assert_cmpint (f->notified > 0, ==, cases[c].notifies);
  g_assert_cmpstr (f->details->str, ==, cases[c].details);
  assert_same_as_file (f);

  /* Rows still listed are the same objects they were (a restored record
   * is a new one: it left the list first). */
  for (guint i = 0; i < before->len; i++)
    {
      CmContract *was = g_ptr_array_index (before, i);
      g_auto(GStrv) now = g_strsplit (listed, " ", -1);
      guint position;

      if (g_strv_contains ((const char * const *) now, cm_contract_get_reference (was)) &&
          !g_str_equal (cases[c].name, "restore"))
        g_assert_true (g_list_store_find (G_LIST_STORE (f->live), was, &position));
    }
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* Asking twice gives the same list; a detailed handler hears only its table. */
static void
test_shared_and_detailed (Fixture *f, gconstpointer data)
{
  g_autoptr(GListModel) again = cm_store_list_where_id (f->store, CM_TYPE_CONTRACT,
                                                        "service-id",
                                                        cm_entity_get_id (CM_ENTITY (f->services[0])));
  guint contract_changes = 0, service_changes = 0;

  g_assert_true (again == f->live);
  g_signal_connect_swapped (f->store, "changed::contract", G_CALLBACK (count),
                            &contract_changes);
  g_signal_connect_swapped (f->store, "changed::service", G_CALLBACK (count),
                            &service_changes);
  update_listed (f);
  g_assert_cmpuint (contract_changes, ==, 1);
  g_assert_cmpuint (service_changes, ==, 0);
  g_object_set (f->services[1], "name", "Renamed service", NULL);
  cm_test_save (f->store, f->services[1]);
  g_assert_cmpuint (contract_changes, ==, 1);
  g_assert_cmpuint (service_changes, ==, 1);
}

static void
let_go (GListModel *list, guint position, guint removed, guint added, Fixture *f)
{
  g_clear_object (&f->live);
}

/* A view told of a change may let go of its list at once: the store goes
 * on to the next change and the next list without touching the freed one. */
static void
test_let_go_when_told (Fixture *f, gconstpointer data)
{
  g_autoptr(GListModel) other = cm_store_list_where_id (f->store, CM_TYPE_CONTRACT,
                                                        "provider-id",
                                                        cm_entity_get_id (CM_ENTITY (f->provider)));
  g_autoptr(GListModel) again = NULL;

  g_signal_connect (f->live, "items-changed", G_CALLBACK (let_go), f);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 6);
  g_assert_true (cm_store_begin (f->store, NULL));
  insert_into_listed_service (f);
  g_ptr_array_add (f->contracts, new_contract (f, 0, "C-8"));
  cm_test_save (f->store, g_ptr_array_index (f->contracts, 7));
  g_assert_true (cm_store_commit (f->store, NULL));
  g_assert_null (f->live);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 8);
  /* Asked for again, it is read afresh. */
  again = cm_store_list_where_id (f->store, CM_TYPE_CONTRACT, "service-id",
                                  cm_entity_get_id (CM_ENTITY (f->services[0])));
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = g_strdup_printf ("/store-live/%s", cases[c].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (c), fixture_set_up, test_change,
                  fixture_tear_down);
    }
  g_test_add ("/store-live/shared-and-detailed", Fixture, NULL, fixture_set_up,
              test_shared_and_detailed, fixture_tear_down);
  g_test_add ("/store-live/let-go-when-told", Fixture, NULL, fixture_set_up,
              test_let_go_when_told, fixture_tear_down);
  return g_test_run ();
}
