/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-portfolio.c: how long a large portfolio takes to open, list, search and save
 *
 * Builds a portfolio of a given size, then times what a person waits for:
 * opening the file, opening the three lists the window shows (their ids
 * and a screenful of records each), searching the contracts as the search
 * entry does on each keystroke (the keystroke, and the time until the rows
 * are shown, against the sqlite3 shell running the same SELECT on the same
 * file), saving one edited contract while its list follows, exporting,
 * and verifying the audit trail against every record (--verify-audit).
 * It prints each figure next to its budget and checks
 * none of them, so a slow machine never fails a build; the figures are for
 * people to read and compare between versions.
 *
 * Each figure is one line, "name: value unit". The lines starting with
 * "parts" come last and split the slow steps into their pieces.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "cm-audit-baseline.h"
#include "cm-audit-damage.h"
#include "cm-audit-replay.h"
#include "cm-audit-tables.h"
#include "cm-contract.h"
#include "cm-db-sqlite.h"
#include "cm-enums.h"
#include "cm-overview.h"
#include "cm-overview-charts.h"
#include "cm-provider.h"
#include "cm-query-model.h"
#include "cm-service.h"
#include "cm-store.h"
#include "cm-store-server.h"
#include "cm-test-util.h"
#include "cm-value.h"
#include "cm-workbook.h"

#define SEED 20240611

/* The performance budgets of the design, for reference next to the figures. */
#define BUDGET_OPEN_TO_USABLE_MS 1000.0
#define BUDGET_FILTER_KEYSTROKE_MS 16.0
#define BUDGET_SAVE_MS 20.0
#define BUDGET_RESIDENT_MB 250.0
#define BUDGET_RESIDENT_CONTRACTS 100000
#define BUDGET_RESIDENT_1M_MB 1024.0

static int n_services = 1000;
static int n_providers = 20000;
static int n_contracts = 100000;
static char *keep_path;
static char *temp_path;
static gboolean save_only;
static gboolean lists_only;
static char *reuse_path;
/* --portfolio names a database on a server: there is no file to stat,
 * to give the sqlite3 shell or to check beside the window. */
static gboolean on_server;

/* ---- small helpers ---------------------------------------------------- */

static void G_GNUC_NORETURN
fail (const char *what, const char *message)
{
  g_printerr ("bench-portfolio: %s: %s\n", what, message);
  exit (1);
}

/* The processor time of this thread, which a machine busy with other
 * work does not inflate as it does the wall time. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_ms (const char *name, double ms)
{
  g_print ("%s: %.1f ms\n", name, ms);
}

static void
print_budget_ms (const char *name, double ms)
{
  g_print ("budget %s: < %.0f ms\n", name, ms);
}

/* A "Vm...:" line of /proc/self/status, in kB, or -1 where there is none. */
static gint64
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize key_length = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strncmp (lines[i], key, key_length) == 0 && lines[i][key_length] == ':')
      return g_ascii_strtoll (lines[i] + key_length + 1, NULL, 10);
  return -1;
}

static void
print_memory (const char *name, const char *key)
{
  gint64 kb = status_kb (key);

  if (kb < 0)
    g_print ("%s: unknown MB\n", name);
  else
    g_print ("%s: %.1f MB\n", name, kb / 1024.0);
}

static void
remove_temp_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (gsize i = 0; temp_path && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (temp_path, suffixes[i], NULL);
      g_unlink (path);
    }
}

/* ---- SQL helpers ------------------------------------------------------ */

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    fail (sql, sqlite3_errmsg (db));
  return stmt;
}

static void
run (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    fail (sql, message ? message : sqlite3_errmsg (db));
}

/* Runs a bound statement and makes it ready for the next row. */
static void
step_done (sqlite3 *db, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    fail (sqlite3_sql (stmt), sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* ---- the generated portfolio ------------------------------------------ */

typedef struct {
  const char *text;
  int weight;
} Choice;

static const char *
pick (GRand *rand, const Choice *choices, gsize n_choices)
{
  int total = 0, roll;

  for (gsize i = 0; i < n_choices; i++)
    total += choices[i].weight;
  roll = g_rand_int_range (rand, 0, total);
  for (gsize i = 0; i < n_choices; i++)
    if ((roll -= choices[i].weight) < 0)
      return choices[i].text;
  return choices[n_choices - 1].text;
}

#define PICK(rand, choices) pick ((rand), (choices), G_N_ELEMENTS (choices))
#define ANY(rand, words) ((words)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (words))])

static const struct {
  const char *name;
  const char *kind;
} organisations[] = {
  { "Adult Social Care", "council-directorate" },
  { "Children and Families", "council-directorate" },
  { "Public Health", "council-directorate" },
  { "Housing and Communities", "council-directorate" },
  { "Integrated Care Board", "nhs-body" },
  { "Community Healthcare NHS Trust", "nhs-body" },
  { "Mental Health Partnership NHS Trust", "nhs-body" },
  { "Better Care Fund", "pooled-budget" },
  { "Office of the Police and Crime Commissioner", "partner" },
  { "Voluntary Action Network", "partner" },
};
/* Services are led by the first organisations; partners may be any. */
#define N_LEAD_ORGANISATIONS 7

static const char * const places[] = {
  "Armley", "Ashfield", "Beeston", "Bramley", "Chapeltown", "Garforth", "Harehills",
  "Headingley", "Holbeck", "Horsforth", "Kirkstall", "Meanwood", "Moortown", "Morley",
  "Otley", "Pudsey", "Rothwell", "Roundhay", "Seacroft", "Wetherby", "Yeadon", "Guiseley",
  "Hunslet", "Killingbeck", "Middleton", "Osmondthorpe", "Richmond Hill", "Swarcliffe",
  "Whinmoor", "Woodhouse",
};

static const char * const qualifiers[] = {
  "Community", "Together", "Valley", "Riverside", "Hillside", "Northern", "Westfield",
  "Parkside", "Oakwood", "Millbrook", "Greenway", "Southbank", "Brookfield", "Fairfield",
  "Highfield", "Lakeside",
};

/* What each sector's providers tend to be called. */
static const char * const third_sector_kinds[] = {
  "Carers Trust", "Community Association", "Mind", "Age UK", "Young People's Project",
  "Housing Association", "Advice Centre", "Women's Aid", "Recovery Network", "Befriending Scheme",
};
static const char * const independent_kinds[] = {
  "Care Homes Ltd", "Home Care Ltd", "Healthcare plc", "Support Services Ltd",
  "Living Ltd", "Care Group Ltd", "Nursing Homes Ltd",
};
static const char * const nhs_kinds[] = {
  "Primary Care Network", "GP Federation", "Community Health NHS Trust", "Hospice",
};
static const char * const in_house_kinds[] = {
  "Reablement Team", "Day Services", "Shared Lives", "Equipment Service",
};

static const Choice sectors[] = {
  { "third-sector", 45 }, { "independent", 40 }, { "nhs", 10 }, { "in-house", 5 },
};

static const char * const activities[] = {
  "Carers' support", "Home care", "Reablement", "Supported living", "Day opportunities",
  "Advocacy", "Social prescribing", "Falls prevention", "Dementia support",
  "Extra care housing", "Community mental health", "Substance misuse recovery",
  "Domestic abuse refuge", "Young carers", "Homelessness outreach", "Stop smoking",
  "Weight management", "Sexual health", "Health visiting", "Befriending",
  "Residential care", "Nursing care", "Respite breaks", "Floating support",
};

static const char * const details[] = {
  "Lot 1", "Lot 2", "Lot 3", "north locality", "south locality", "east locality",
  "west locality", "block hours", "spot placements", "pilot", "extension", "citywide",
  "out of hours", "hospital discharge",
};

static const Choice areas[] = {
  { "prevention", 3 }, { "community-support", 4 }, { "independent-living", 3 },
  { "primary-care", 1 }, { "supported-accommodation", 2 },
};
static const Choice client_groups[] = {
  { "children", 2 }, { "adults", 4 }, { "older-people", 3 }, { "carers", 1 }, { "all-ages", 1 },
};
static const Choice stages[] = {
  { "analyse", 1 }, { "plan", 1 }, { "do", 5 }, { "review", 2 },
};
static const Choice contract_types[] = {
  { "contract", 50 }, { "grant", 15 }, { "spot-purchase", 10 }, { "framework-call-off", 8 },
  { "block", 7 }, { "service-level-agreement", 5 }, { "interim", 5 },
};
static const Choice routes[] = {
  { "open", 30 }, { "light-touch", 25 }, { "restricted", 8 }, { "competitive-flexible", 5 },
  { "provider-selection-regime", 7 }, { "direct-award", 10 }, { "quotation", 5 },
};
static const Choice notice_periods[] = {
  { "3 months", 40 }, { "6 months", 25 }, { "1 month", 10 }, { "12 weeks", 15 }, { "", 10 },
};

/* A term, how many years it runs before any extension, and with them. */
static const struct {
  const char *term;
  int initial_years;
  int total_years;
  int weight;
} terms[] = {
  { "3+1+1", 3, 5, 35 }, { "2+1", 2, 3, 15 }, { "5", 5, 5, 10 }, { "3", 3, 3, 15 },
  { "1", 1, 1, 10 }, { "4+2", 4, 6, 5 }, { "2+2", 2, 4, 10 },
};

/* Every nick must name a value of its enum; a misspelt one would load as
 * the enum's first value and go unnoticed. */
static void
check_nicks (GType enum_type, const Choice *choices, gsize n_choices)
{
  for (gsize i = 0; i < n_choices; i++)
    {
      int value;

      if (!cm_enum_from_nick (enum_type, choices[i].text, &value))
        fail (g_type_name (enum_type), choices[i].text);
    }
}

static void
check_all_nicks (void)
{
  check_nicks (CM_TYPE_SECTOR, sectors, G_N_ELEMENTS (sectors));
  check_nicks (CM_TYPE_SERVICE_AREA, areas, G_N_ELEMENTS (areas));
  check_nicks (CM_TYPE_CLIENT_GROUP, client_groups, G_N_ELEMENTS (client_groups));
  check_nicks (CM_TYPE_STAGE, stages, G_N_ELEMENTS (stages));
  check_nicks (CM_TYPE_CONTRACT_TYPE, contract_types, G_N_ELEMENTS (contract_types));
  check_nicks (CM_TYPE_PROCUREMENT_ROUTE, routes, G_N_ELEMENTS (routes));
  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      int value;

      if (!cm_enum_from_nick (CM_TYPE_ORGANISATION_KIND, organisations[i].kind, &value))
        fail ("organisation kind", organisations[i].kind);
    }
}

/* An annual value in pence: many small grants, fewer large block contracts. */
static gint64
annual_value (GRand *rand)
{
  int band = g_rand_int_range (rand, 0, 10);
  gint64 pounds;

  if (band < 4)
    pounds = g_rand_int_range (rand, 5000, 50000);
  else if (band < 8)
    pounds = g_rand_int_range (rand, 50000, 500000);
  else
    pounds = g_rand_int_range (rand, 500000, 5000000);
  /* Tendered values are round; spot purchases keep their pence. */
  if (g_rand_boolean (rand))
    return pounds / 100 * 100 * 100;
  return pounds * 100 + g_rand_int_range (rand, 0, 100);
}

/* Written by hand: g_date_strftime () converts to and from the locale's
 * encoding on every call, which dominates generating 100,000 contracts. */
static char *
iso_date (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
generate_organisations (sqlite3 *db)
{
  sqlite3_stmt *stmt = prepare (db, "INSERT INTO organisation (id, name, kind) VALUES (?, ?, ?)");

  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, organisations[i].name);
      bind_text (stmt, 3, organisations[i].kind);
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
}

/* Returns each service's activity, so its contracts can be named after it. */
static guint *
generate_services (sqlite3 *db, GRand *rand)
{
  sqlite3_stmt *service = prepare (db,
    "INSERT INTO service (id, name, area, client_group, lead_commissioner_id, stage, cycle)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt *partner = prepare (db,
    "INSERT INTO service_partner (service_id, organisation_id) VALUES (?, ?)");
  guint *activity_of = g_new (guint, n_services + 1);

  for (int id = 1; id <= n_services; id++)
    {
      guint activity = g_rand_int_range (rand, 0, G_N_ELEMENTS (activities));
      int lead = g_rand_int_range (rand, 1, N_LEAD_ORGANISATIONS + 1);
      int n_partners = g_rand_int_range (rand, 0, 3);
      g_autofree char *name = g_strdup_printf ("%s, %s", activities[activity], ANY (rand, places));

      activity_of[id] = activity;
      sqlite3_bind_int64 (service, 1, id);
      bind_text (service, 2, name);
      bind_text (service, 3, PICK (rand, areas));
      bind_text (service, 4, PICK (rand, client_groups));
      sqlite3_bind_int64 (service, 5, lead);
      bind_text (service, 6, PICK (rand, stages));
      sqlite3_bind_int (service, 7, g_rand_int_range (rand, 1, 4));
      step_done (db, service);

      /* Partners are the organisations after the lead, so never repeated. */
      for (int p = 1; p <= n_partners; p++)
        {
          sqlite3_bind_int64 (partner, 1, id);
          sqlite3_bind_int64 (partner, 2, (lead - 1 + p) % G_N_ELEMENTS (organisations) + 1);
          step_done (db, partner);
        }
    }
  sqlite3_finalize (service);
  sqlite3_finalize (partner);
  return activity_of;
}

static void
generate_providers (sqlite3 *db, GRand *rand)
{
  sqlite3_stmt *stmt = prepare (db,
    "INSERT INTO provider (id, name, sector, charity_number, company_number, is_sme, is_vcse)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");

  for (int id = 1; id <= n_providers; id++)
    {
      const char *sector = PICK (rand, sectors);
      const char *kind;
      g_autofree char *name = NULL;
      g_autofree char *charity = NULL;
      g_autofree char *company = NULL;
      gboolean third = g_str_equal (sector, "third-sector");
      gboolean independent = g_str_equal (sector, "independent");
      gboolean sme = FALSE;

      if (third)
        kind = ANY (rand, third_sector_kinds);
      else if (independent)
        kind = ANY (rand, independent_kinds);
      else if (g_str_equal (sector, "nhs"))
        kind = ANY (rand, nhs_kinds);
      else
        kind = ANY (rand, in_house_kinds);
      name = g_strdup_printf ("%s %s %s", ANY (rand, places), ANY (rand, qualifiers), kind);

      if (third)
        {
          charity = g_strdup_printf ("1%06d", g_rand_int_range (rand, 0, 1000000));
          sme = g_rand_int_range (rand, 0, 100) < 85;
        }
      if (independent || (third && g_rand_boolean (rand)))
        company = g_strdup_printf ("%08d", g_rand_int_range (rand, 1000000, 15000000));
      if (independent)
        sme = g_rand_int_range (rand, 0, 100) < 60;

      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, sector);
      bind_text (stmt, 4, charity ? charity : "");
      bind_text (stmt, 5, company ? company : "");
      sqlite3_bind_int (stmt, 6, sme);
      sqlite3_bind_int (stmt, 7, third);
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
generate_contracts (sqlite3 *db, GRand *rand, const guint *activity_of)
{
  sqlite3_stmt *stmt = prepare (db,
    "INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,"
    " annual_value, total_value, start_date, end_date, term, notice_period)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  GDate first;
  guint32 first_day;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2016);
  first_day = g_date_get_julian (&first);

  for (int id = 1; id <= n_contracts; id++)
    {
      int service = g_rand_int_range (rand, 1, n_services + 1);
      int roll = g_rand_int_range (rand, 0, 100);
      gsize t = 0;
      gint64 annual = annual_value (rand);
      g_autofree char *reference = g_strdup_printf ("BEN-%06d", id);
      g_autofree char *title = g_strdup_printf ("%s (%s)", activities[activity_of[service]],
                                                ANY (rand, details));
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      GDate date;

      while ((roll -= terms[t].weight) >= 0 && t + 1 < G_N_ELEMENTS (terms))
        t++;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, first_day + g_rand_int_range (rand, 0, 10 * 365));
      start = iso_date (&date);
      g_date_add_years (&date, terms[t].initial_years);
      g_date_subtract_days (&date, 1);
      end = iso_date (&date);

      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, reference);
      bind_text (stmt, 3, title);
      sqlite3_bind_int64 (stmt, 4, service);
      sqlite3_bind_int64 (stmt, 5, g_rand_int_range (rand, 1, n_providers + 1));
      bind_text (stmt, 6, PICK (rand, contract_types));
      bind_text (stmt, 7, PICK (rand, routes));
      sqlite3_bind_int64 (stmt, 8, annual);
      sqlite3_bind_int64 (stmt, 9, annual * terms[t].total_years);
      bind_text (stmt, 10, start);
      bind_text (stmt, 11, end);
      bind_text (stmt, 12, terms[t].term);
      bind_text (stmt, 13, PICK (rand, notice_periods));
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
}

/* Builds the portfolio as a Commissioner from before records were
 * replayed against the audit trail would have left it: the schema from
 * the real migrations up to then, and the rows written with plain SQL in
 * one transaction, with no audit rows of their own, as its imports wrote
 * them. Opening it then upgrades it, and the baseline the upgrade appends
 * gives every record its trail, as it does for any older portfolio. */
static void
generate (const char *path)
{
  sqlite3 *db = cm_test_create_old_portfolio (path, CM_AUDIT_BASELINE_VERSION - 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree guint *activity_of = NULL;

  run (db, "BEGIN IMMEDIATE");
  run (db, "INSERT INTO meta (key, value) VALUES ('name', 'Benchmark portfolio')");
  generate_organisations (db);
  activity_of = generate_services (db, rand);
  generate_providers (db, rand);
  generate_contracts (db, rand, activity_of);
  run (db, "COMMIT");
  sqlite3_close (db);
}

static void
upgrade (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    fail (path, error->message);
  g_print ("upgrade, with the baseline of every record: %.2f s\n", ms_since (start) / 1000.0);
}

/* ---- the check beside the window ------------------------------------- */

/* As ui/window/cm-window.c: a larger file opens before SQLite checks it. */
#define WINDOW_CHECKS_IN_BACKGROUND_BYTES (8 * 1024 * 1024)

/* The window's check of the file and its trail, in its thread: the first
 * time the whole trail, replayed; the next only the rows after the mark. */
static void
measure_trail_check (const char *path)
{
  g_autofree char *marks = NULL;
  int fd = g_file_open_tmp ("commissioner-bench-XXXXXX.ini", &marks, NULL);
  const char *labels[] = { "trail check on first open (whole, replayed)",
                           "trail check on a later open (since the mark)" };

  if (fd >= 0)
    g_close (fd, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_auto(CmAuditDamage) damage = { 0 };
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!cm_audit_damage_check_since (path, marks, &damage, &error))
        fail (labels[i], error->message);
      if (damage.damage)
        fail (labels[i], damage.damage);
      print_ms (labels[i], ms_since (start));
    }
  g_unlink (marks);
}

/* ---- loading ---------------------------------------------------------- */

/* Rows a list view binds to fill one screen. */
#define SCREEN_ROWS 40

/* Reads the first screenful of @list, as a view binding its rows does. */
static void
bind_screen (GListModel *list)
{
  for (guint i = 0; i < MIN (SCREEN_ROWS, g_list_model_get_n_items (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_assert (item != NULL);
    }
}

/* A records page's list: the ids, then the first screen of records. */
static CmQueryModel *
load (CmStore *store, GType type, int expected, double *ms)
{
  gint64 start = g_get_monotonic_time ();
  CmQueryModel *list = cm_query_model_new (store, type);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  bind_screen (G_LIST_MODEL (list));
  *ms = ms_since (start);
  if ((int) n != expected)
    fail (g_type_name (type), "the list does not hold every generated record");
  return list;
}

/* ---- the contracts search, against the sqlite3 shell ------------------ */

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static double
worst (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len - 1) : 0;
}

/* The wall time of the second of two runs of @sql in the sqlite3 shell on
 * @path (the first warms the cache), from its own .timer; -1 without it. */
static double
shell_ms (const char *path, const char *sql)
{
  g_autofree char *script = g_strdup_printf (".timer on\n.output /dev/null\n%s;\n%s;\n", sql,
                                             sql);
  g_autoptr(GSubprocess) shell = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  double ms = -1;

  if (on_server)
    return -1;
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                            "sqlite3", "-readonly", path, NULL);
  if (shell == NULL || !g_subprocess_communicate_utf8 (shell, script, NULL, &out, NULL, NULL))
    return -1;
  lines = g_strsplit (out ? out : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "Run Time: real "))
      ms = g_ascii_strtod (lines[i] + strlen ("Run Time: real "), NULL) * 1000.0;
  return ms;
}

/* The list's SELECT for @needle as the shell can run it: the value
 * written in, and lower () for the store's own Unicode fold. */
static char *
shell_sql (const char *needle)
{
  g_autofree char *sql = cm_query_model_sql (CM_TYPE_CONTRACT, TRUE, NULL, FALSE);
  g_autofree char *quoted = g_strdup_printf ("'%s'", needle);
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "?1", quoted, 0);
  g_string_replace (text, "cm_fold(", "lower(", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs the main loop until the list has its rows, then binds the first
 * screen of them: what the person waits for after a keystroke. */
static double
until_shown (CmQueryModel *list, gint64 start)
{
  while (cm_query_model_is_busy (list))
    g_main_context_iteration (NULL, TRUE);
  bind_screen (G_LIST_MODEL (list));
  return ms_since (start);
}

/* One keystroke, as the records page's search entry makes it: the call
 * returns before any row is read; the rows come from a thread. */
static void
measure_filter (CmStore *store, CmQueryModel *contracts)
{
  /* Someone types a word found in many records, then a reference number
   * found in one. */
  static const char * const words[] = { "Care", "000123" };
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystrokes_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start;
  double ms;

  for (gsize w = 0; w < G_N_ELEMENTS (words); w++)
    for (gsize length = 1; length <= strlen (words[w]); length++)
      {
        g_autofree char *typed = g_strndup (words[w], length);
        g_autofree char *needle = g_utf8_casefold (typed, -1);
        g_autofree char *sql = shell_sql (needle);
        double keystroke, keystroke_cpu, until, plain;
        double cpu = thread_cpu_ms ();

        start = g_get_monotonic_time ();
        cm_query_model_set_search (contracts, typed);
        keystroke = ms_since (start);
        keystroke_cpu = thread_cpu_ms () - cpu;
        until = until_shown (contracts, start);
        plain = shell_ms (cm_store_get_path (store), sql);
        g_print ("filter contracts \"%s\": keystroke %.2f ms (processor %.2f ms), shown after"
                 " %.1f ms (%u rows); sqlite3 shell, same SELECT: %.1f ms; shown / shell: %.2f\n",
                 typed, keystroke, keystroke_cpu, until, g_list_model_get_n_items (G_LIST_MODEL (contracts)), plain,
                 plain > 0 ? until / plain : 0);
        g_array_append_val (keystrokes, keystroke);
        g_array_append_val (keystrokes_cpu, keystroke_cpu);
        g_array_append_val (shown, until);
        if (plain > 0)
          g_array_append_vals (ratios, &(double) { until / plain }, 1);
      }
  /* Typed quickly: each keystroke cancels the search before it. */
  start = g_get_monotonic_time ();
  for (gsize length = 1; length <= strlen (words[0]); length++)
    {
      g_autofree char *typed = g_strndup (words[0], length);
      gint64 key = g_get_monotonic_time ();

      cm_query_model_set_search (contracts, typed);
      ms = ms_since (key);
      g_array_append_val (keystrokes, ms);
    }
  g_print ("filter contracts \"%s\" typed at once: shown after %.1f ms\n", words[0],
           until_shown (contracts, start));
  start = g_get_monotonic_time ();
  cm_query_model_set_search (contracts, "");
  ms = ms_since (start);
  g_array_append_val (keystrokes, ms);
  g_print ("filter contracts cleared: keystroke %.2f ms, shown after %.1f ms (%u rows)\n", ms,
           until_shown (contracts, start), g_list_model_get_n_items (G_LIST_MODEL (contracts)));
  print_ms ("filter contracts, median per keystroke", median (keystrokes));
  print_ms ("filter contracts, worst per keystroke", worst (keystrokes));
  print_ms ("filter contracts, median processor time per keystroke", median (keystrokes_cpu));
  print_ms ("filter contracts, worst processor time per keystroke", worst (keystrokes_cpu));
  print_ms ("filter contracts, median until shown", median (shown));
  print_ms ("filter contracts, worst until shown", worst (shown));
  g_print ("filter contracts, shown / sqlite3 shell same SELECT, median: %.2f\n",
           median (ratios));
  print_budget_ms ("filter per keystroke", BUDGET_FILTER_KEYSTROKE_MS);
}

/* ---- saving ----------------------------------------------------------- */

/* Edits a copy and saves it, as the record editor does, with the page's
 * list following the store, and checks that the listed contract shows
 * the new title afterwards. */
static double
save_title (CmStore *store, GListModel *contracts, guint position, const char *title,
            double *cpu_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) listed = g_list_model_get_item (contracts, position);
  g_autoptr(CmEntity) draft = cm_entity_copy (listed);
  gint64 start;
  double ms;

  g_object_set (draft, "title", title, NULL);
  start = g_get_monotonic_time ();
  *cpu_ms = thread_cpu_ms ();
  if (!cm_store_save (store, draft, &error))
    fail ("save", error->message);
  ms = ms_since (start);
  *cpu_ms = thread_cpu_ms () - *cpu_ms;
  if (g_strcmp0 (cm_contract_get_title (CM_CONTRACT (listed)), title) != 0)
    fail ("save", "the listed contract did not show the saved title");
  return ms;
}

/* The first save prepares the statements; the median and worst of the
 * next ones are what a person editing record after record waits for. */
static void
measure_save (CmStore *store, GListModel *contracts)
{
  guint n = g_list_model_get_n_items (contracts);
  double times[20], cpu[20], first_cpu;
  int repeats = G_N_ELEMENTS (times);

  cm_store_set_actor (store, "Benchmark");
  print_ms ("save one contract, first", save_title (store, contracts, n / 2,
                                                     "Home care (retendered)", &first_cpu));
  for (int i = 0; i < repeats; i++)
    {
      g_autofree char *title = g_strdup_printf ("Home care (variation %d)", i + 1);
      times[i] = save_title (store, contracts, (n / 2 + (i + 1) * 7919) % n, title, &cpu[i]);
    }
  qsort (times, repeats, sizeof times[0], compare_doubles);
  qsort (cpu, repeats, sizeof cpu[0], compare_doubles);
  g_print ("save one contract, median of next %d: %.1f ms\n", repeats, times[repeats / 2]);
  g_print ("save one contract, worst of next %d: %.1f ms\n", repeats, times[repeats - 1]);
  /* The rest of the wall time is the disk: each save is synced to it. */
  g_print ("save one contract, processor time, median of next %d: %.1f ms\n", repeats,
           cpu[repeats / 2]);
  g_print ("save one contract, processor time, worst of next %d: %.1f ms\n", repeats,
           cpu[repeats - 1]);
  print_budget_ms ("save one record", BUDGET_SAVE_MS);
}

/* ---- the overview and the export -------------------------------------- */

/* The budget's yardstick: libxlsxwriter alone writing as many cells of the
 * same kinds (text, numbers, dates) as the export's three largest sheets,
 * Contracts (23 columns), Deadlines (6) and Transparency (15), one row per
 * contract each. */
typedef struct {
  lxw_worksheet *sheet;
  lxw_format *date;
  int width;
  guint row;
} PlainSheet;

static gboolean
write_plain_row (CmEntity *record, gpointer data)
{
  PlainSheet *plain = data;
  CmContract *c = CM_CONTRACT (record);
  lxw_datetime day = { 2026, 11, 22, 0, 0, 0 };

  plain->row++;
  for (int col = 0; col < plain->width; col++)
    if (col % 3 == 0)
      worksheet_write_string (plain->sheet, plain->row, col, cm_contract_get_title (c), NULL);
    else if (col % 3 == 1)
      worksheet_write_number (plain->sheet, plain->row, col, cm_contract_get_annual_value (c),
                              NULL);
    else
      worksheet_write_datetime (plain->sheet, plain->row, col, &day, plain->date);
  return TRUE;
}

/* The contracts are read one at a time, as the export reads them, not
 * loaded as a list. */
static double
plain_loop_ms (CmStore *store, const char *path)
{
  lxw_workbook *workbook = workbook_new_opt (path, &(lxw_workbook_options) {
                                               .constant_memory = LXW_TRUE,
                                               .use_zip64 = LXW_TRUE });
  lxw_format *date = workbook_add_format (workbook);
  static const int widths[] = { 23, 6, 15 };
  gint64 start = g_get_monotonic_time ();

  format_set_num_format (date, "dd/mm/yyyy");
  for (gsize s = 0; s < G_N_ELEMENTS (widths); s++)
    {
      PlainSheet plain = { workbook_add_worksheet (workbook, NULL), date, widths[s], 0 };

      if (!cm_store_each (store, CM_TYPE_CONTRACT, write_plain_row, &plain, NULL))
        fail ("plain loop", "the contracts could not be read");
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    fail ("plain loop", "libxlsxwriter could not write the workbook");
  return ms_since (start);
}

/* The first page the window shows, and the workbook boards ask for. */
static void
measure_overview_and_export (CmStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *workbook = g_strconcat (cm_store_get_path (store), ".xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOverview) overview = NULL;
  g_autoptr(CmOverviewCharts) charts = NULL;
  GStatBuf info;
  gint64 start = g_get_monotonic_time ();
  double export_ms, plain_ms;

  overview = cm_overview_collect (store, today);
  print_ms ("overview page", ms_since (start));
  start = g_get_monotonic_time ();
  if ((charts = cm_overview_charts_collect (store, today, &error)) == NULL)
    fail ("overview charts", error->message);
  print_ms ("overview charts", ms_since (start));
  start = g_get_monotonic_time ();
  if (!cm_workbook_export (store, workbook, today, NULL, &error))
    fail ("export", error->message);
  export_ms = ms_since (start);
  print_ms ("export workbook", export_ms);
  if (g_stat (workbook, &info) == 0)
    g_print ("workbook size: %.1f MB\n", info.st_size / (1024.0 * 1024.0));
  plain_ms = plain_loop_ms (store, workbook);
  print_ms ("plain libxlsxwriter loop, same cells", plain_ms);
  g_print ("export / plain loop: %.2f\n", export_ms / plain_ms);
  g_print ("budget export / plain loop: < 1.5\n");
  g_unlink (workbook);
}

/* ---- verifying the audit trail ---------------------------------------- */

/* The yardstick for replay: every row of the tables it reads (the audited
 * tables, the trail and the settings) stepped through with plain SQL,
 * each column read as text, as the sqlite3 shell does to print them. */
static double
plain_select_ms (sqlite3 *db)
{
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);
  gint64 start = g_get_monotonic_time ();
  gint64 rows = 0;

  for (guint i = 0; i < n + 2; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", i < n ? tables[i].name
                                                                : i == n ? "audit" : "meta");
      sqlite3_stmt *stmt = prepare (db, sql);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            sqlite3_column_text (stmt, c);
          rows++;
        }
      sqlite3_finalize (stmt);
    }
  g_print ("plain SELECT of every row: %" G_GINT64_FORMAT " rows\n", rows);
  return ms_since (start);
}

/* What --verify-audit does: the file's integrity and the hash chain, then
 * the replay of the trail against every record. */
static void
measure_verify (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  CmDb *database;
  gint64 rows = 0, records = 0;
  gint64 start = g_get_monotonic_time ();
  double chain_ms, replay_ms, plain_ms;

  if (!cm_store_verify_audit_chain (store, &rows, NULL, &error))
    fail ("verify the chain", error->message);
  chain_ms = ms_since (start);
  /* A reader of its own, as another program would read the file. */
  if (sqlite3_open_v2 (cm_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    fail (cm_store_get_path (store), sqlite3_errmsg (db));
  start = g_get_monotonic_time ();
  database = cm_db_sqlite_borrow (db);
  if (!cm_audit_replay_verify (database, cm_store_get_path (store), &records, &error))
    fail ("replay the trail", error->message);
  replay_ms = ms_since (start);
  plain_ms = plain_select_ms (db);
  cm_db_close (database);
  sqlite3_close (db);
  g_print ("audit rows: %" G_GINT64_FORMAT "\n", rows);
  print_ms ("verify integrity and hash chain", chain_ms);
  g_print ("replay the trail against %" G_GINT64_FORMAT " records: %.1f ms\n", records,
           replay_ms);
  print_ms ("plain SELECT of every row of the same tables", plain_ms);
  g_print ("replay / plain SELECT: %.2f\n", replay_ms / plain_ms);
  g_print ("budget replay / plain SELECT: < 3\n");
}

/* ---- main ------------------------------------------------------------- */

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- time a large portfolio");
  g_autoptr(CmStore) store = NULL;
  const GOptionEntry entries[] = {
    { "services", 0, 0, G_OPTION_ARG_INT, &n_services, "Number of services (1000)", "N" },
    { "providers", 0, 0, G_OPTION_ARG_INT, &n_providers, "Number of providers (20000)", "N" },
    { "contracts", 0, 0, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path,
      "Build the portfolio in FILE and keep it, with the edits the benchmark saves", "FILE" },
    { "save-only", 0, 0, G_OPTION_ARG_NONE, &save_only,
      "Time only opening, loading and saving (for the largest sizes)", NULL },
    { "lists-only", 0, 0, G_OPTION_ARG_NONE, &lists_only,
      "Time only opening, the lists, searching and saving", NULL },
    { "portfolio", 0, 0, G_OPTION_ARG_FILENAME, &reuse_path,
      "Time FILE, kept by an earlier --keep with the same sizes, or the server database"
      " URI, instead of building one", "FILE|URI" },
    { NULL }
  };
  const char *path;
  g_autoptr(CmQueryModel) services = NULL;
  g_autoptr(CmQueryModel) contracts = NULL;
  g_autoptr(CmQueryModel) providers = NULL;
  double open_ms, services_ms, contracts_ms, providers_ms;
  GStatBuf info;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error->message);
  on_server = reuse_path && cm_store_server_is_uri (reuse_path);
  if (on_server && !lists_only && !save_only)
    fail ("options", "time a server database with --lists-only or --save-only");
  if (n_services < 1 || n_providers < 1 || n_contracts < 1)
    fail ("options", "there must be at least one service, provider and contract");
  check_all_nicks ();

  if (reuse_path)
    path = reuse_path;
  else if (keep_path)
    {
      if (g_stat (keep_path, &info) == 0 && info.st_size > 0)
        fail (keep_path, "the file already exists; choose a new file to keep the portfolio in");
      path = keep_path;
    }
  else
    {
      int fd = g_file_open_tmp ("commissioner-bench-XXXXXX.commissioner", &temp_path, &error);

      if (fd < 0)
        fail ("temporary file", error->message);
      g_close (fd, NULL);
      atexit (remove_temp_files);
      path = temp_path;
    }

  g_print ("services: %d records\n", n_services);
  g_print ("providers: %d records\n", n_providers);
  g_print ("contracts: %d records\n", n_contracts);

  start = g_get_monotonic_time ();
  if (reuse_path == NULL)
    {
      generate (path);
      g_print ("generate: %.2f s\n", ms_since (start) / 1000.0);
      upgrade (path); /* closes the store, which folds the log into the file */
    }
  if (on_server)
    info.st_size = 0;
  else if (g_stat (path, &info) != 0)
    fail (path, g_strerror (errno));
  else
    g_print ("file size: %.1f MB\n", info.st_size / (1024.0 * 1024.0));
  print_memory ("resident before open", "VmRSS");

  /* What the window does at start-up: open (a file over 8 MiB without
   * SQLite's check of it, which runs in a thread), then load each record
   * page's list, in the order of the pages. */
  start = g_get_monotonic_time ();
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                               (info.st_size > WINDOW_CHECKS_IN_BACKGROUND_BYTES
                                  ? CM_STORE_OPEN_CHECKED : 0), &error);
  open_ms = ms_since (start);
  if (store == NULL)
    fail (path, error->message);
  services = load (store, CM_TYPE_SERVICE, n_services, &services_ms);
  contracts = load (store, CM_TYPE_CONTRACT, n_contracts, &contracts_ms);
  providers = load (store, CM_TYPE_PROVIDER, n_providers, &providers_ms);

  print_ms ("open", open_ms);
  print_ms ("load services", services_ms);
  print_ms ("load contracts", contracts_ms);
  print_ms ("load providers", providers_ms);
  print_ms ("open to usable", open_ms + services_ms + contracts_ms + providers_ms);
  print_budget_ms ("open to usable", BUDGET_OPEN_TO_USABLE_MS);
  print_memory ("resident after loading", "VmRSS");

  if (!save_only)
    {
      measure_filter (store, contracts);
      /* The search texts read for the keystrokes are still held. */
      print_memory ("resident with the contracts searched", "VmRSS");
    }
  if (!save_only && !on_server)
    measure_trail_check (path);
  measure_save (store, G_LIST_MODEL (contracts));
  print_memory ("resident with the lists searched and saved", "VmRSS");
  if (!save_only && !lists_only)
    {
      measure_overview_and_export (store);
      measure_verify (store);
    }

  print_memory ("peak resident", "VmHWM");
  print_memory ("resident", "VmRSS");
  g_print ("budget resident with %d contracts: < %.0f MB\n",
           BUDGET_RESIDENT_CONTRACTS, BUDGET_RESIDENT_MB);
  g_print ("budget resident with 1000000 contracts: < %.0f MB\n", BUDGET_RESIDENT_1M_MB);

  g_clear_object (&store);
  return 0;
}
