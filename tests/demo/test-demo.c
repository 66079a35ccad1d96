/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-demo.c: the demonstration portfolio, read back from the file it writes
 *
 * The figures checked here come from the seeds (000 Appendix A, 001), not
 * from cm-demo.c: the totals are the printed sub totals of Appendix A.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cm-actor.h"
#include "cm-audit.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-demo.h"
#include "cm-eia-process.h"
#include "cm-service.h"
#include "cm-test-util.h"

#define PENCE(pounds) ((gint64) (pounds) * 100)

/* The services seed 001 names; every other service is a line of Appendix A.
 * The Neighbourhood Networks are not among them: their grant is one of the
 * contracts of Appendix A's older people's line. */
static const char * const named_services[] = {
  "Carers information, advice and support",
  "Independent advocacy gateway",
  "Carers community based short breaks",
  "Children and young people's mental health crisis support",
  "Social, emotional and mental health cluster fund (CCG share)",
};

#define NOT_NAMED \
  "s.name NOT IN ('Carers information, advice and support'," \
  " 'Independent advocacy gateway', 'Carers community based short breaks'," \
  " 'Children and young people''s mental health crisis support'," \
  " 'Social, emotional and mental health cluster fund (CCG share)')"

/* 000 Appendix A, the printed sub totals, in pounds. */
static const struct {
  const char *commissioner;
  gint64 pounds;
} appendix_a[] = {
  { "Leeds City Council: Public Health", 12984743 },
  { "Leeds City Council: Adult Social Care", 55603230 },
  { "NHS Leeds West CCG", 862500 },
  { "NHS Leeds North CCG", 817005 },
  { "NHS Leeds South and East CCG", 594592 },
  { "Better Care Fund", 14785356 },
};
#define CCG_GRAND_TOTAL 2274097

/* One demo file per process, made on first use and only read afterwards. */
static const char *
demo_path (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) today = cm_test_today ();

      path = cm_test_temp_path ("demo.commissioner");
      g_unlink (path);
      g_assert_true (cm_demo_create (path, today, &error));
      g_assert_no_error (error);
    }
  return path;
}

static gint64
query_int (const char *format, ...) G_GNUC_PRINTF (1, 2);

static gint64
query_int (const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cm_test_query_int (demo_path (), sql);
}

static char *
query_text (const char *format, ...) G_GNUC_PRINTF (1, 2);

static char *
query_text (const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cm_test_query_text (demo_path (), sql);
}

static void
test_create_refuses_existing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = cm_test_today ();
  g_autofree char *path = cm_test_temp_path ("precious.commissioner");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *demo = demo_path ();

  /* A file that is not a portfolio at all. */
  g_assert_true (g_file_set_contents (path, "Notes for the contracts board\n", -1, NULL));
  before = cm_test_read_file (path);
  g_assert_false (cm_demo_create (path, today, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = cm_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);

  /* An existing demo portfolio is not regenerated either. */
  before = cm_test_read_file (demo);
  g_assert_false (cm_demo_create (demo, today, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = cm_test_read_file (demo);
  g_assert_true (g_bytes_equal (before, after));
}

/* A demo that cannot be written leaves nothing behind and says why. */
static void
test_create_fails_cleanly (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = cm_test_today ();
  g_autofree char *dir = cm_test_temp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "demo.commissioner", NULL);

  g_assert_false (cm_demo_create (path, today, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_create_writes_a_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (demo_path (), CM_STORE_OPEN_MUST_EXIST, &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_store_latest_schema_version ());
  name = cm_store_get_meta (store, "name");
  g_assert_nonnull (name);
  g_assert_cmpstr (name, !=, "");

  g_assert_cmpint (query_int ("SELECT count(*) FROM organisation"), >=, G_N_ELEMENTS (appendix_a));
  g_assert_cmpint (query_int ("SELECT count(*) FROM service"), >, G_N_ELEMENTS (named_services));
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract"), >=,
                   query_int ("SELECT count(*) FROM service"));
  /* Every reference between records points at a record that exists. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service WHERE lead_commissioner_id IS NULL"),
                   ==, 0);
}

/* Appendix A by SQL over the file: one sum per lead commissioner. */
static void
test_appendix_a_totals_in_file (void)
{
  gint64 ccgs = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (appendix_a); i++)
    {
      gint64 total = query_int ("SELECT coalesce(sum(c.annual_value), 0) FROM contract c"
                                " JOIN service s ON s.id = c.service_id"
                                " JOIN organisation o ON o.id = s.lead_commissioner_id"
                                " WHERE o.name = '%s' AND " NOT_NAMED,
                                appendix_a[i].commissioner);

      g_test_message ("%s: %" G_GINT64_FORMAT " pence", appendix_a[i].commissioner, total);
      g_assert_cmpint (total, ==, PENCE (appendix_a[i].pounds));
      if (g_str_has_prefix (appendix_a[i].commissioner, "NHS Leeds ") &&
          g_str_has_suffix (appendix_a[i].commissioner, " CCG"))
        ccgs += total;
    }
  g_assert_cmpint (ccgs, ==, PENCE (CCG_GRAND_TOTAL));

  /* The three CCGs of Appendix A, by kind rather than by name. */
  g_assert_cmpint (query_int ("SELECT coalesce(sum(c.annual_value), 0) FROM contract c"
                              " JOIN service s ON s.id = c.service_id"
                              " JOIN organisation o ON o.id = s.lead_commissioner_id"
                              " WHERE o.kind = 'nhs-body' AND " NOT_NAMED),
                   ==, PENCE (CCG_GRAND_TOTAL));
}

static gboolean
is_named_service (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (named_services); i++)
    if (g_strcmp0 (name, named_services[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The same totals as the application shows them: the services' derived
 * "annual-value" and "lead-commissioner-name", from a freshly opened file. */
static void
test_appendix_a_totals_in_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (demo_path (), CM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *services;
  guint named = 0;

  g_assert_no_error (error);
  services = cm_store_list (store, CM_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==,
                    query_int ("SELECT count(*) FROM service"));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);
      g_autofree char *lead = NULL;
      gint64 *total;

      if (is_named_service (cm_service_get_name (service)))
        {
          named++;
          continue;
        }
      g_object_get (service, "lead-commissioner-name", &lead, NULL);
      g_assert_nonnull (lead);
      total = g_hash_table_lookup (totals, lead);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, g_strdup (lead), total);
        }
      *total += cm_service_get_annual_value (service);
    }
  g_assert_cmpuint (named, ==, G_N_ELEMENTS (named_services));

  g_assert_cmpuint (g_hash_table_size (totals), ==, G_N_ELEMENTS (appendix_a));
  for (gsize i = 0; i < G_N_ELEMENTS (appendix_a); i++)
    {
      gint64 *total = g_hash_table_lookup (totals, appendix_a[i].commissioner);

      g_assert_nonnull (total);
      g_assert_cmpint (*total, ==, PENCE (appendix_a[i].pounds));
    }
}

/* Appendix A's older people's line is made of contracts, one of them the
 * Neighbourhood Networks grant; together they are the printed figure, and
 * the line's funding is that figure too. */
static void
test_older_people_line_holds_the_networks (void)
{
  const char *line = "Services for older people aged 65 and over";

  g_assert_cmpint (query_int ("SELECT count(*) FROM service WHERE name = '%s'", line), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service"
                              " WHERE name LIKE '%%Neighbourhood Network%%'"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN service s"
                              " ON s.id = c.service_id WHERE s.name = '%s'", line), ==, 2);
  g_assert_cmpint (query_int ("SELECT sum(c.annual_value) FROM contract c JOIN service s"
                              " ON s.id = c.service_id WHERE s.name = '%s'", line),
                   ==, PENCE (15329238));
  g_assert_cmpint (query_int ("SELECT sum(f.amount) FROM funding_source f JOIN service s"
                              " ON s.id = f.service_id WHERE s.name = '%s'", line),
                   ==, PENCE (15329238));
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN service s"
                              " ON s.id = c.service_id JOIN provider p ON p.id = c.provider_id"
                              " WHERE s.name = '%s' AND c.title = 'Neighbourhood Networks"
                              " (37 areas)' AND p.sector = 'third-sector'", line), ==, 1);
}

static void
test_services_in_every_stage (void)
{
  static const char * const stages[] = { "analyse", "plan", "do", "review", "decommissioning" };

  for (gsize i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_cmpint (query_int ("SELECT count(*) FROM service WHERE stage = '%s'", stages[i]),
                     >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service WHERE stage NOT IN"
                              " ('analyse', 'plan', 'do', 'review', 'decommissioning')"), ==, 0);
}

/* One decommission in progress whose contract's notice date is at risk,
 * and one complete with every step evidenced and its EIA reviewed. */
static void
test_decommissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (demo_path (), CM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GDate) today = cm_test_today ();
  gint64 contract_id = query_int ("SELECT dc.contract_id FROM decommission_contract dc"
                                  " JOIN decommission d ON d.id = dc.decommission_id"
                                  " WHERE d.completed_on = ''");
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  CmContractDates dates;

  g_assert_no_error (error);
  g_assert_cmpint (query_int ("SELECT count(*) FROM decommission WHERE completed_on = ''"), ==, 1);
  g_assert_true (cm_contract_compute_dates (CM_CONTRACT (cm_store_find (store, CM_TYPE_CONTRACT,
                                                                        contract_id)),
                                            today, &settings, &dates));
  g_assert_cmpint (dates.notice_status, ==, CM_DEADLINE_DUE_SOON);

  g_assert_cmpint (query_int ("SELECT count(*) FROM decommission d JOIN service s"
                              " ON s.id = d.service_id WHERE d.completed_on <> ''"
                              " AND s.decommissioned_on <> '' AND d.lessons <> ''"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM checklist_item i JOIN decommission d"
                              " ON d.service_id = i.service_id AND d.cycle = i.cycle"
                              " WHERE d.completed_on <> '' AND i.stage = 'decommissioning'"), ==, 17);
  g_assert_cmpint (query_int ("SELECT count(*) FROM checklist_item i JOIN decommission d"
                              " ON d.service_id = i.service_id AND d.cycle = i.cycle"
                              " WHERE d.completed_on <> '' AND i.stage = 'decommissioning'"
                              " AND (i.state <> 'done' OR i.evidence = '')"), ==, 0);
}

/* Every register has realistic content: risks of every category, some red
 * and one overdue for review; co-produced engagement; measures of all
 * three kinds with four quarters each. */
static void
test_registers (void)
{
  g_assert_cmpint (query_int ("SELECT count(DISTINCT category) FROM risk"), ==, 6);
  g_assert_cmpint (query_int ("SELECT count(*) FROM risk WHERE likelihood * impact >= 15"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM risk WHERE review_date < '2026-11-22'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement WHERE co_production = 1"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(DISTINCT measure_type) FROM measure"), ==, 3);
  /* A blanket scenario (one percentage, several contracts) and a varied one. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM (SELECT scenario_id FROM scenario_line"
                              " GROUP BY scenario_id HAVING count(*) > 1"
                              " AND count(DISTINCT percent) = 1)"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM (SELECT scenario_id FROM scenario_line"
                              " GROUP BY scenario_id HAVING count(DISTINCT percent) > 1)"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM provider WHERE annual_income > 0"), >, 0);
  g_assert_cmpint (query_int ("SELECT min(n) FROM (SELECT count(*) AS n FROM measure_value"
                              " GROUP BY measure_id)"), ==, 4);
}

/* Issue-level content: progress through each cycle, one override, and the
 * EIAs the seeds ask for (signed with mitigations, a draft, a review after
 * decommissioning, and an assessor overdue for training). */
static void
test_cycle_and_eia_content (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM stage_event WHERE overridden = 1"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM checklist_item WHERE state = 'done'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM eia e WHERE signed = 1 AND EXISTS"
                              " (SELECT 1 FROM eia_characteristic c JOIN eia_mitigation m"
                              " ON m.characteristic_id = c.id WHERE c.eia_id = e.id)"), >=, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM eia WHERE signed = 0"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM eia e JOIN service s ON s.id = e.service_id"
                              " WHERE s.stage = 'decommissioning' AND e.reviewed_on <> ''"
                              " AND e.lessons <> ''"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM staff"
                              " WHERE date(eia_trained_on, '+' || refresher_months || ' months')"
                              " <= '2026-11-22'"), ==, 1);
}

/* Each decommissioning decision names a signed EIA signed off before it,
 * and each signed EIA meets the sign-off rules: not signed by its author,
 * no unknown impact without an action, every action owned and dated. */
static void
test_decisions_follow_their_eias (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (demo_path (), CM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) decisions = NULL;
  GListModel *eias;

  g_assert_no_error (error);
  decisions = cm_decision_evidence_all (store);
  g_assert_cmpuint (decisions->len, ==, 2);
  for (guint i = 0; i < decisions->len; i++)
    {
      CmDecisionEvidence *d = g_ptr_array_index (decisions, i);

      g_assert_false (d->recommission);
      g_assert_cmpstr (d->problem, ==, NULL);
      g_assert_cmpint (d->evidence, ==, CM_EIA_EVIDENCE_SOUND);
    }
  eias = cm_store_list (store, CM_TYPE_EIA);
  for (guint i = 0; i < g_list_model_get_n_items (eias); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (eias, i);
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *author_signs = NULL;

      if (!cm_eia_get_signed (eia))
        continue;
      problems = cm_eia_problems (store, eia);
      author_signs = cm_eia_signatory_problem (store, eia, cm_eia_get_signatory_id (eia));
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_null (author_signs);
    }
}

static void
test_providers_of_both_sectors (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM provider WHERE sector = 'third-sector'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM provider WHERE sector = 'independent'"), >, 0);
  /* Both sectors hold contracts, and third-sector providers are VCSE. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN provider p"
                              " ON p.id = c.provider_id WHERE p.sector = 'third-sector'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN provider p"
                              " ON p.id = c.provider_id WHERE p.sector = 'independent'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM provider"
                              " WHERE sector = 'third-sector' AND is_vcse = 0"), ==, 0);
}

/* Counts contracts whose end date falls within (from, to] days of @today. */
static guint
count_ending (const char *path, const GDate *today, int from_days, int to_days)
{
  g_autofree char *dump = cm_test_query_dump (path, "SELECT end_date FROM contract");
  g_auto(GStrv) ends = g_strsplit (dump, "\n", -1);
  guint n = 0;

  for (guint i = 0; ends[i] && *ends[i]; i++)
    {
      GDate end;
      int days;

      if (!cm_date_parse_iso (ends[i], &end))
        continue;
      days = g_date_days_between (today, &end);
      if (days > from_days && days <= to_days)
        n++;
    }
  return n;
}

/* Soon is within six months: every Appendix A contract runs to the end of
 * the financial year containing today, which can be that far off. */
static void
test_contracts_ending_soon_and_later (void)
{
  g_autoptr(GDate) today = cm_test_today ();

  g_assert_cmpuint (count_ending (demo_path (), today, 0, 183), >=, 1);
  g_assert_cmpuint (count_ending (demo_path (), today, 365, G_MAXINT), >=, 1);
}

/* The dates follow @today: another year's demo also has contracts ending soon. */
static void
test_dates_follow_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_FEBRUARY, 2031);
  g_autofree char *path = cm_test_temp_path ("demo-2031.commissioner");
  g_autofree char *latest = NULL;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_ending (path, today, 0, 90), >=, 1);
  g_assert_cmpuint (count_ending (path, today, 365, G_MAXINT), >=, 1);
  latest = cm_test_query_text (path, "SELECT max(end_date) FROM contract");
  g_assert_cmpstr (latest, >, "2032-02-15");
}

static void
test_named_services_of_seed_001 (void)
{
  g_autofree char *nn = NULL;
  g_autofree char *crisis = NULL;
  g_autofree char *short_breaks_end = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (named_services); i++)
    {
      g_auto(GStrv) parts = g_strsplit (named_services[i], "'", -1);
      g_autofree char *escaped = g_strjoinv ("''", parts);

      g_test_message ("service %s", named_services[i]);
      g_assert_cmpint (query_int ("SELECT count(*) FROM service WHERE name = '%s'", escaped), ==,
                       1);
      g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN service s"
                                  " ON s.id = c.service_id WHERE s.name = '%s'", escaped), >=, 1);
    }

  /* Neighbourhood Networks: from October 2018, 5+5, about £3m a year, a
   * grant within Appendix A's services for older people. */
  nn = query_text ("SELECT c.start_date || ' ' || c.term || ' ' || c.annual_value"
                   " FROM contract c JOIN service s ON s.id = c.service_id"
                   " WHERE c.title = 'Neighbourhood Networks (37 areas)'"
                   " AND s.name = 'Services for older people aged 65 and over'");
  g_assert_cmpstr (nn, ==, "2018-10-01 5+5 300000000");

  /* Children's mental health crisis support: 3+1+1 from April 2019. */
  crisis = query_text ("SELECT c.start_date || ' ' || c.term FROM contract c"
                       " JOIN service s ON s.id = c.service_id"
                       " WHERE s.name = 'Children and young people''s mental health"
                       " crisis support'");
  g_assert_cmpstr (crisis, ==, "2019-04-01 3+1+1");

  /* Advocacy: Advonet from 1 April 2018 for five years. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c"
                              " JOIN service s ON s.id = c.service_id"
                              " JOIN provider p ON p.id = c.provider_id"
                              " WHERE s.name = 'Independent advocacy gateway'"
                              " AND p.name = 'Advonet' AND c.start_date = '2018-04-01'"), ==, 1);

  /* Short breaks: six interim contracts, £564,720 together, ending 31 October 2019. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract WHERE contract_type = 'interim'"
                              " AND end_date = '2019-10-31'"), ==, 6);
  g_assert_cmpint (query_int ("SELECT sum(total_value) FROM contract"
                              " WHERE contract_type = 'interim' AND end_date = '2019-10-31'"),
                   ==, PENCE (564720));
  short_breaks_end = query_text ("SELECT group_concat(DISTINCT s.name) FROM contract c"
                                 " JOIN service s ON s.id = c.service_id"
                                 " WHERE c.contract_type = 'interim'"
                                 " AND c.end_date = '2019-10-31'");
  g_assert_cmpstr (short_breaks_end, ==, "Carers community based short breaks");
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c JOIN provider p"
                              " ON p.id = c.provider_id WHERE c.contract_type = 'interim'"
                              " AND c.end_date = '2019-10-31' AND p.sector <> 'independent'"),
                   ==, 0);
}

/* 001 L1091: the six interim contracts are "with four Independent Sector
 * providers". */
static void
test_short_breaks_have_four_providers (void)
{
  g_assert_cmpint (query_int ("SELECT count(DISTINCT c.provider_id) FROM contract c"
                              " JOIN provider p ON p.id = c.provider_id"
                              " WHERE c.contract_type = 'interim' AND c.end_date = '2019-10-31'"
                              " AND p.sector = 'independent'"), ==, 4);
}

static void
test_demo_audit_chain_verifies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (demo_path (), CM_STORE_OPEN_READ_ONLY, &error);
  gint64 rows = -1, bad = -1;
  g_autofree char *actors = NULL;
  g_autofree char *generator = cm_actor_describe ("Demo portfolio generator");

  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, &rows, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, query_int ("SELECT count(*) FROM audit"));
  g_assert_cmpint (rows, >, query_int ("SELECT count(*) FROM contract"));
  /* Every record the demo wrote is in the trail, under one actor. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM contract c WHERE NOT EXISTS"
                              " (SELECT 1 FROM audit a WHERE a.entity = 'contract'"
                              " AND a.entity_id = c.id AND a.field = 'reference'"
                              " AND a.new_value = c.reference)"), ==, 0);
  actors = query_text ("SELECT group_concat(DISTINCT actor) FROM audit"
                       " WHERE field <> '*baseline'");
  g_assert_cmpstr (actors, ==, generator);
}

/* Everything except when the audit rows were written, and so their hashes. */
static const char * const dumps[] = {
  "SELECT * FROM organisation ORDER BY id",
  "SELECT * FROM service ORDER BY id",
  "SELECT * FROM service_partner ORDER BY id",
  "SELECT * FROM funding_source ORDER BY id",
  "SELECT * FROM provider ORDER BY id",
  "SELECT * FROM contract ORDER BY id",
  "SELECT * FROM meta WHERE key <> 'audit_head' ORDER BY key",
  "SELECT id, actor, entity, entity_id, field, old_value, new_value FROM audit ORDER BY id",
};

static void
test_same_today_same_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = cm_test_today ();
  g_autofree char *path = cm_test_temp_path ("demo-again.commissioner");

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *first = cm_test_query_dump (demo_path (), dumps[i]);
      g_autofree char *second = cm_test_query_dump (path, dumps[i]);

      g_test_message ("%s", dumps[i]);
      g_assert_cmpstr (first, !=, "");
      g_assert_cmpstr (first, ==, second);
    }
}

/* The Leeds CCGs were succeeded by NHS West Yorkshire ICB on 1 July 2022:
 * the demo records it, and no contract led by a CCG starts after it,
 * whichever day the demo is made on. */
/* The demo's team publishes its notices, all but one: a demo with every
 * notice overdue would teach nothing, one with none would hide the rule. */
static void
test_one_procurement_notice_overdue (void)
{
  static const struct { GDateDay day; GDateMonth month; GDateYear year; } todays[] = {
    { 3, 12, 2026 }, { 1, 4, 2026 }, { 30, 9, 2027 },
  };

  for (gsize t = 0; t < G_N_ELEMENTS (todays); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("notices-%" G_GSIZE_FORMAT ".commissioner", t);
      g_autofree char *path = cm_test_temp_path (name);
      g_autoptr(GDate) today = g_date_new_dmy (todays[t].day, todays[t].month, todays[t].year);
      g_autoptr(CmStore) store = NULL;
      g_autoptr(GPtrArray) deadlines = NULL;
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      guint n_skipped, n_overdue = 0;

      g_unlink (path);
      g_assert_true (cm_demo_create (path, today, &error));
      store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      deadlines = cm_deadlines_collect (cm_store_list (store, CM_TYPE_CONTRACT), today,
                                        &settings, &n_skipped);
      for (guint i = 0; i < deadlines->len; i++)
        {
          const CmDeadline *deadline = g_ptr_array_index (deadlines, i);

          if (deadline->kind == CM_DEADLINE_KIND_PROCUREMENT_NOTICE &&
              deadline->status == CM_DEADLINE_OVERDUE)
            n_overdue++;
        }
      g_assert_cmpuint (n_overdue, ==, 1);
    }
}

static void
test_ccgs_succeeded_by_the_icb (void)
{
  static const char * const ccgs[] = {
    "NHS Leeds West CCG", "NHS Leeds North CCG", "NHS Leeds South and East CCG",
    "NHS Leeds CCG",
  };
  static const struct { GDateDay day; GDateMonth month; GDateYear year; } todays[] = {
    { 22, 11, 2026 }, { 1, 7, 2022 }, { 15, 3, 2032 },
  };

  for (gsize t = 0; t < G_N_ELEMENTS (todays); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("succession-%" G_GSIZE_FORMAT ".commissioner", t);
      g_autofree char *path = cm_test_temp_path (name);
      g_autoptr(GDate) today = g_date_new_dmy (todays[t].day, todays[t].month, todays[t].year);

      g_unlink (path);
      g_assert_true (cm_demo_create (path, today, &error));
      g_assert_no_error (error);
      for (gsize i = 0; i < G_N_ELEMENTS (ccgs); i++)
        {
          g_autofree char *by = NULL;
          g_autofree char *later = NULL;
          g_autofree char *successor_sql =
            g_strdup_printf ("SELECT s.name || ' ' || o.succeeded_on FROM organisation o"
                             " JOIN organisation s ON s.id = o.succeeded_by_id"
                             " WHERE o.name = '%s'", ccgs[i]);
          g_autofree char *later_sql =
            g_strdup_printf ("SELECT coalesce(group_concat(c.reference || ' ' || c.start_date),"
                             " '') FROM contract c JOIN service s ON s.id = c.service_id"
                             " JOIN organisation o ON o.id = s.lead_commissioner_id"
                             " WHERE o.name = '%s' AND c.start_date >= '2022-07-01'", ccgs[i]);

          by = cm_test_query_text (path, successor_sql);
          later = cm_test_query_text (path, later_sql);
          g_test_message ("%s on %s: succeeded by %s; started later: %s", ccgs[i], name, by,
                          later);
          g_assert_cmpstr (by, ==, "NHS West Yorkshire Integrated Care Board 2022-07-01");
          g_assert_cmpstr (later, ==, "");
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/create", test_create_writes_a_portfolio);
  g_test_add_func ("/demo/refuse-existing", test_create_refuses_existing_file);
  g_test_add_func ("/demo/create-fails-cleanly", test_create_fails_cleanly);
  g_test_add_func ("/demo/appendix-a/file", test_appendix_a_totals_in_file);
  g_test_add_func ("/demo/appendix-a/model", test_appendix_a_totals_in_model);
  g_test_add_func ("/demo/stages", test_services_in_every_stage);
  g_test_add_func ("/demo/cycle-and-eia-content", test_cycle_and_eia_content);
  g_test_add_func ("/demo/decisions-follow-their-eias", test_decisions_follow_their_eias);
  g_test_add_func ("/demo/decommissions", test_decommissions);
  g_test_add_func ("/demo/registers", test_registers);
  g_test_add_func ("/demo/sectors", test_providers_of_both_sectors);
  g_test_add_func ("/demo/expiries", test_contracts_ending_soon_and_later);
  g_test_add_func ("/demo/expiries-follow-today", test_dates_follow_today);
  g_test_add_func ("/demo/seed-001", test_named_services_of_seed_001);
  g_test_add_func ("/demo/appendix-a/older-people", test_older_people_line_holds_the_networks);
  g_test_add_func ("/demo/seed-001/short-breaks-providers", test_short_breaks_have_four_providers);
  g_test_add_func ("/demo/audit", test_demo_audit_chain_verifies);
  g_test_add_func ("/demo/deterministic", test_same_today_same_demo);
  g_test_add_func ("/demo/ccgs-succeeded-by-the-icb", test_ccgs_succeeded_by_the_icb);
  g_test_add_func ("/demo/one-procurement-notice-overdue", test_one_procurement_notice_overdue);
  return g_test_run ();
}
