/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-succession.c: the organisation in force on a date, chains, and cycles refused */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-succession.h"
#include "cm-test-util.h"

/* A chain as plain data: 1 → 2 on 1 July 2022, 2 → 3 on 1 January 2024;
 * 4 → 5 → 4, a loop; 6 → 7 with no readable date. */
static const struct {
  gint64 id;
  gint64 successor;
  const char *on;
} links[] = {
  { 1, 2, "2022-07-01" },
  { 2, 3, "2024-01-01" },
  { 4, 5, "2020-01-01" },
  { 5, 4, "2021-01-01" },
  { 6, 7, "" },
};

static gboolean
table_lookup (gpointer data, gint64 id, gint64 *successor, GDate *on)
{
  g_date_clear (on, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    if (links[i].id == id)
      {
        *successor = links[i].successor;
        if (*links[i].on)
          g_date_set_parse (on, links[i].on);
        return TRUE;
      }
  return FALSE;
}

static void
test_follow (void)
{
  static const struct {
    gint64 id;
    const char *date;
    gint64 in_force;
  } cases[] = {
    { 1, "2022-06-30", 1 },   /* the day before the succession */
    { 1, "2022-07-01", 2 },   /* the day itself */
    { 1, "2023-12-31", 2 },
    { 1, "2024-01-01", 3 },   /* the chain followed on */
    { 2, "2025-01-01", 3 },
    { 3, "2025-01-01", 3 },   /* never succeeded */
    { 4, "2019-12-31", 4 },
    { 4, "2020-06-01", 5 },   /* only the first link has come */
    { 4, "2022-01-01", 4 },   /* a loop is not followed */
    { 5, "2022-01-01", 5 },
    { 6, "2030-01-01", 6 },   /* no date, no succession */
    { 0, "2030-01-01", 0 },
    { 99, "2030-01-01", 99 }, /* unknown */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, cases[i].date);
      g_assert_true (g_date_valid (&date));
      g_test_message ("case %" G_GSIZE_FORMAT ": %" G_GINT64_FORMAT " on %s", i, cases[i].id,
                      cases[i].date);
      g_assert_cmpint (cm_succession_follow (table_lookup, NULL, cases[i].id, &date), ==,
                       cases[i].in_force);
    }
}

static gint64
organisation (CmStore *store, const char *name)
{
  return cm_test_save_new (store, cm_organisation_new (name, CM_ORGANISATION_KIND_NHS_BODY));
}

static void
succeed (CmStore *store, gint64 id, gint64 successor, const char *on)
{
  CmEntity *found = cm_store_find (store, CM_TYPE_ORGANISATION, id);
  g_autoptr(CmEntity) draft = cm_entity_copy (found);
  g_autoptr(GError) error = NULL;

  g_object_set (draft, "succeeded-by-id", successor, "succeeded-on", on, NULL);
  g_assert_true (cm_store_save (store, draft, &error));
  g_assert_no_error (error);
}

/* Records keep their organisation; pages name the one in force. */
static void
test_describe (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("describe.commissioner", NULL);
  gint64 west = organisation (store, "NHS Leeds West CCG");
  gint64 leeds = organisation (store, "NHS Leeds CCG");
  gint64 icb = organisation (store, "NHS West Yorkshire ICB");
  gint64 council =
    cm_test_save_new (store, cm_organisation_new ("Leeds City Council: Adult Social Care",
                                                  CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE));
  static const struct {
    int org;   /* 0 west, 1 leeds, 2 icb, 3 council */
    const char *date;
    const char *says;
  } cases[] = {
    { 1, "2022-06-30", "NHS Leeds CCG" },
    { 1, "2022-07-01", "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)" },
    { 0, "2018-03-31", "NHS Leeds West CCG" },
    { 0, "2018-04-01", "NHS Leeds CCG (recorded as NHS Leeds West CCG)" },
    { 0, "2026-12-03", "NHS West Yorkshire ICB (recorded as NHS Leeds West CCG)" },
    { 2, "2026-12-03", "NHS West Yorkshire ICB" },
    { 3, "2026-12-03", "Leeds City Council: Adult Social Care" },
  };
  gint64 ids[] = { west, leeds, icb, council };

  succeed (store, west, leeds, "2018-04-01");
  succeed (store, leeds, icb, "2022-07-01");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *says = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, cases[i].date);
      says = cm_succession_describe (store, ids[cases[i].org], &date);
      g_assert_cmpstr (says, ==, cases[i].says);
    }
  g_assert_null (cm_succession_describe (store, 0, &(GDate) { 0 }));
}

/* A contract's commissioner is resolved on the day it ended, when that was
 * before today: one that ended before the succession keeps its own. */
static void
test_contract_commissioner (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("contract-commissioner.commissioner", NULL);
  gint64 ccg = organisation (store, "NHS Leeds CCG");
  gint64 icb = organisation (store, "NHS West Yorkshire ICB");
  gint64 service =
    cm_test_save_new (store, g_object_new (CM_TYPE_SERVICE, "name", "Crisis support",
                                           "lead-commissioner-id", ccg, NULL));
  gint64 provider =
    cm_test_save_new (store, cm_provider_new ("Barnardo's", CM_SECTOR_THIRD_SECTOR));
  g_autoptr(GDate) today = g_date_new_dmy (3, 12, 2026);
  static const struct {
    const char *end;
    const char *says;
  } cases[] = {
    { "2020-08-31", "NHS Leeds CCG" },
    { "2022-06-30", "NHS Leeds CCG" },
    { "2022-07-01", "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)" },
    { "2028-03-31", "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)" },
    { "", "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)" },
  };

  succeed (store, ccg, icb, "2022-07-01");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract =
        g_object_new (CM_TYPE_CONTRACT, "reference", "C-1", "title", "Crisis", "service-id",
                      service, "provider-id", provider, "start-date", "2019-04-01",
                      "end-date", cases[i].end, NULL);
      g_autofree char *says = cm_succession_contract_commissioner (store, contract, today);

      g_assert_cmpstr (says, ==, cases[i].says);
    }
}

/* A successor needs its date and the date its successor; none succeeds
 * itself; no chain may come back to where it started. */
static void
test_refused (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("refused.commissioner", NULL);
  gint64 a = organisation (store, "A");
  gint64 b = organisation (store, "B");
  gint64 c = organisation (store, "C");
  gint64 ids[] = { 0, a, b, c };
  static const struct {
    int org;
    int successor;   /* index into ids; 0 for none */
    const char *on;
    gboolean saved;
  } steps[] = {
    { 1, 2, "2022-07-01", TRUE },    /* A → B */
    { 2, 3, "2024-01-01", TRUE },    /* B → C */
    { 3, 1, "2025-01-01", FALSE },   /* C → A would close the loop */
    { 3, 2, "2025-01-01", FALSE },   /* C → B too */
    { 2, 1, "2025-01-01", FALSE },   /* B → A too */
    { 1, 1, "2025-01-01", FALSE },   /* A → A */
    { 3, 2, "", FALSE },             /* a successor without a date */
    { 3, 0, "2025-01-01", FALSE },   /* a date without a successor */
    { 3, 2, "2025-02-30", FALSE },   /* no such date */
    { 2, 0, "", TRUE },              /* B's succession cleared */
    { 3, 1, "2025-01-01", TRUE },    /* now C → A is no loop */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      CmEntity *found = cm_store_find (store, CM_TYPE_ORGANISATION, ids[steps[i].org]);
      g_autoptr(CmEntity) draft = cm_entity_copy (found);
      g_autoptr(GError) error = NULL;
      gboolean saved;

      g_object_set (draft, "succeeded-by-id", ids[steps[i].successor],
                    "succeeded-on", steps[i].on, NULL);
      saved = cm_store_save (store, draft, &error);
      g_test_message ("step %" G_GSIZE_FORMAT ": %s", i, error ? error->message : "saved");
      g_assert_cmpint (saved, ==, steps[i].saved);
      g_assert_true (saved == (error == NULL));
    }
}

/* A portfolio made before succession and procurement starts were kept
 * opens with neither recorded, and takes them afterwards. */
static void
test_older_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_test_temp_path ("before-succession.commissioner");
  sqlite3 *db = cm_test_create_old_portfolio (path, 16);
  g_autoptr(CmStore) store = NULL;
  g_autofree char *says = NULL;
  g_autofree char *began = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (3, 12, 2026);
  gint64 icb;

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO organisation VALUES (1, 'NHS Leeds CCG', 'nhs-body');"
    "INSERT INTO service (id, name, area, client_group, lead_commissioner_id)"
    "  VALUES (1, 'Crisis support', 'community-support', 'children', 1);"
    "INSERT INTO provider (id, name, sector) VALUES (1, 'Barnardo''s', 'third-sector');"
    "INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,"
    "  start_date, end_date) VALUES (1, 'C-1', 'Crisis', 1, 1, 'contract', 'open',"
    "  '2019-04-01', '2028-03-31');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  began = cm_test_query_text (path, "SELECT procurement_began FROM contract WHERE id = 1");
  g_assert_cmpstr (began, ==, "");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"
                                            " WHERE succeeded_by_id IS NULL"
                                            " AND succeeded_on = ''"), ==, 1);
  icb = organisation (store, "NHS West Yorkshire ICB");
  succeed (store, 1, icb, "2022-07-01");
  says = cm_succession_contract_commissioner (
    store, CM_CONTRACT (cm_store_find (store, CM_TYPE_CONTRACT, 1)), today);
  g_assert_cmpstr (says, ==, "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)");
}

/* An import reads our own workbook's commissioner column back as the
 * organisation the record was made with. */
static void
test_recorded_name (void)
{
  static const struct {
    const char *text;
    const char *recorded;
  } cases[] = {
    { "NHS West Yorkshire ICB (recorded as NHS Leeds CCG)", "NHS Leeds CCG" },
    { "NHS Leeds CCG", "NHS Leeds CCG" },
    { "B (recorded as X) (recorded as A)", "A" },
    { "(recorded as A)", "(recorded as A)" },
    { "B (recorded as )", "B (recorded as )" },
    { "Leeds (West) CCG", "Leeds (West) CCG" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *recorded = cm_succession_recorded_name (cases[i].text);

      g_assert_cmpstr (recorded, ==, cases[i].recorded);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/succession/follow", test_follow);
  g_test_add_func ("/succession/describe", test_describe);
  g_test_add_func ("/succession/contract-commissioner", test_contract_commissioner);
  g_test_add_func ("/succession/refused", test_refused);
  g_test_add_func ("/succession/older-portfolio", test_older_portfolio);
  g_test_add_func ("/succession/recorded-name", test_recorded_name);
  return g_test_run ();
}
