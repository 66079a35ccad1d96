/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-registers.c: risks, engagement and performance measures */
#include "cm-engagement.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-organisation.h"
#include "cm-risk.h"
#include "cm-service.h"
#include "cm-test-util.h"

static void
test_rag_table (void)
{
  static const struct { int likelihood, impact; CmRag rag; } cases[] = {
    { 1, 1, CM_RAG_GREEN }, { 1, 5, CM_RAG_GREEN }, { 2, 3, CM_RAG_GREEN },
    { 2, 4, CM_RAG_AMBER }, { 3, 3, CM_RAG_AMBER }, { 2, 5, CM_RAG_AMBER },
    { 3, 4, CM_RAG_AMBER }, { 3, 5, CM_RAG_RED }, { 4, 4, CM_RAG_RED }, { 5, 5, CM_RAG_RED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmRisk) risk = cm_risk_new (1, "A risk", CM_RISK_FINANCIAL, cases[i].likelihood,
                                            cases[i].impact);

      g_assert_cmpint (cm_risk_get_score (risk), ==, cases[i].likelihood * cases[i].impact);
      g_assert_cmpint (cm_risk_get_rag (risk), ==, cases[i].rag);
    }
}

static void
test_trend_table (void)
{
  static const struct { double previous, latest; gboolean higher_is_better; CmTrend trend; } cases[] = {
    { 72, 80, TRUE, CM_TREND_BETTER }, { 80, 72, TRUE, CM_TREND_WORSE },
    { 72, 80, FALSE, CM_TREND_WORSE }, { 80, 72, FALSE, CM_TREND_BETTER },
    { 5, 5, TRUE, CM_TREND_SAME }, { 0.5, 0.25, FALSE, CM_TREND_BETTER },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cm_trend_between (cases[i].previous, cases[i].latest,
                                       cases[i].higher_is_better), ==, cases[i].trend);
}

static gint64
service (CmStore *store)
{
  g_autoptr(CmOrganisation) org =
    cm_organisation_new ("Public Health", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) s = cm_service_new ("Healthy Living Services");

  g_object_set (s, "lead-commissioner-id", cm_test_save (store, org), NULL);
  return cm_test_save (store, s);
}

static void
test_validation (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("registers.commissioner", &path);
  gint64 id = service (store);
  g_autoptr(CmRisk) too_likely = cm_risk_new (id, "Provider failure", CM_RISK_PROVIDER_MARKET, 6, 2);
  g_autoptr(CmEngagement) undated = cm_engagement_new (id, "", CM_STAKEHOLDER_CARERS, "Survey",
                                                       "Carers want evening sessions", FALSE);
  g_autoptr(CmMeasureValue) badly_dated = cm_measure_value_new (1, "Q2 2026", 3);
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_store_save (store, CM_ENTITY (too_likely), &error));
  g_assert_cmpstr (error->message, ==, "Likelihood must be from 1 (lowest) to 5 (highest), not 6.");
  g_clear_error (&error);
  g_assert_false (cm_store_save (store, CM_ENTITY (undated), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cm_store_save (store, CM_ENTITY (badly_dated), &error));
  g_assert_nonnull (strstr (error->message, "2026-Q2"));
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM risk"), ==, 0);
}

static void
test_latest_value_and_trend (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("measures.commissioner", &path);
  gint64 id = service (store);
  g_autoptr(CmMeasure) measure = cm_measure_new (id, "People more active after 12 weeks",
                                                 CM_MEASURE_BETTER_OFF, "%", 85);
  static const struct { const char *period; double value; } values[] = {
    { "2026-Q1", 72 }, { "2025-Q4", 65 }, { "2026-Q2", 80 },
  };
  CmMeasure *listed;
  g_autofree char *trend = NULL;

  cm_test_save (store, measure);
  listed = CM_MEASURE (cm_store_find (store, CM_TYPE_MEASURE, cm_entity_get_id (CM_ENTITY (measure))));
  g_assert_cmpint (cm_measure_get_trend (listed), ==, CM_TREND_NONE);
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(CmMeasureValue) v = cm_measure_value_new (cm_entity_get_id (CM_ENTITY (measure)),
                                                          values[i].period, values[i].value);
      cm_test_save (store, v);
    }
  /* The latest by period, not by entry order. */
  g_assert_cmpint (cm_measure_get_value_count (listed), ==, 3);
  g_assert_cmpstr (cm_measure_get_latest_period (listed), ==, "2026-Q2");
  g_assert_cmpfloat (cm_measure_get_latest_value (listed), ==, 80);
  g_assert_cmpfloat (cm_measure_get_previous_value (listed), ==, 72);
  g_assert_cmpint (cm_measure_get_trend (listed), ==, CM_TREND_BETTER);
  trend = cm_measure_describe_trend (listed);
  g_assert_cmpstr (trend, ==, "Better: up from 72 to 80");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"
                                            " WHERE entity = 'measure_value' AND field = 'value'"),
                   ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/registers/rag-table", test_rag_table);
  g_test_add_func ("/registers/trend-table", test_trend_table);
  g_test_add_func ("/registers/validation", test_validation);
  g_test_add_func ("/registers/latest-value-and-trend", test_latest_value_and_trend);
  return g_test_run ();
}
