/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-measure-target.c: whether a measure's latest value meets its target,
 * for a table of measures saved with their values in a real file */
#include "cm-measure-target.h"
#include "cm-measure-value.h"
#include "cm-organisation.h"
#include "cm-service.h"
#include "cm-test-util.h"

typedef struct {
  const char *name;
  double target;
  gboolean higher_is_better;
  guint n_values;
  double values[3];  /* oldest first; the last one counts */
  CmTargetStanding expected;
} Case;

static const Case cases[] = {
  { "none yet", 10, TRUE, 0, { 0 }, CM_TARGET_NO_VALUE },
  { "above, higher better", 10, TRUE, 2, { 4, 12 }, CM_TARGET_MET },
  { "exactly, higher better", 10, TRUE, 1, { 10 }, CM_TARGET_MET },
  { "below, higher better", 10, TRUE, 3, { 12, 11, 9 }, CM_TARGET_MISSED },
  { "below, lower better", 28, FALSE, 2, { 41, 27 }, CM_TARGET_MET },
  { "exactly, lower better", 28, FALSE, 1, { 28 }, CM_TARGET_MET },
  { "above, lower better", 28, FALSE, 2, { 20, 44 }, CM_TARGET_MISSED },
  { "zero kept at zero", 0, FALSE, 1, { 0 }, CM_TARGET_MET },
};

static const char * const periods[] = { "2026-Q1", "2026-Q2", "2026-Q3" };

static gint64
new_service (CmStore *store)
{
  g_autoptr(CmOrganisation) lead =
    cm_organisation_new ("Leeds City Council", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = NULL;

  cm_test_save (store, lead);
  service = g_object_new (CM_TYPE_SERVICE, "name", "Carers' support",
                          "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (lead)), NULL);
  return cm_test_save (store, service);
}

static void
test_standings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("measure-target.commissioner", &path);
  gint64 service_id = new_service (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(CmMeasure) measure = cm_measure_new (service_id, c->name, CM_MEASURE_HOW_MUCH,
                                                     "", c->target);
      g_autoptr(CmEntity) loaded = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      g_object_set (measure, "higher-is-better", c->higher_is_better, NULL);
      id = cm_test_save (store, measure);
      for (guint v = 0; v < c->n_values; v++)
        cm_test_save_new (store, cm_measure_value_new (id, periods[v], c->values[v]));
      /* Read back, so the latest value is the store's, not ours. */
      loaded = cm_store_load (store, CM_TYPE_MEASURE, id, &error);
      g_assert_no_error (error);
      g_test_message ("%s", c->name);
      g_assert_cmpint (cm_measure_target_standing (CM_MEASURE (loaded)), ==, c->expected);
    }
  g_assert_cmpstr (cm_target_standing_label (CM_TARGET_MET), ==, "On target");
  g_assert_cmpstr (cm_target_standing_label (CM_TARGET_MISSED), ==, "Off target");
  g_assert_cmpstr (cm_target_standing_label (CM_TARGET_NO_VALUE), ==, "No value yet");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/measure-target/standings", test_standings);
  return g_test_run ();
}
