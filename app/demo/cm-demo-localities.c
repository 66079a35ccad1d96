/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-localities.c: the demo's performance measures of local services
 *
 * Seed 004 recommendation 1 wants performance reported through the
 * Community Committees; the former CCGs' locality grants are the demo's
 * local services. The figures are illustrative.
 */
#include <glib/gi18n-lib.h>

#include "cm-demo-localities.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-service.h"

#define TARGET 100

static const char * const quarters[] = { "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3" };

static gint64
save_id (CmStore *store, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (store, owned, error) ? cm_entity_get_id (owned) : 0;
}

/* Committee @n's measure climbs by the same step each quarter from a
 * different start, so some committees reach the target and some do not. */
static gboolean
add_measure (CmStore *store, gint64 service_id, int n, GError **error)
{
  CmMeasure *measure = cm_measure_new (service_id, _("Local people supported"),
                                       CM_MEASURE_HOW_MUCH, _("people"), TARGET);
  gint64 id = save_id (store, measure, error);

  if (id == 0)
    return FALSE;
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    if (!save_id (store, cm_measure_value_new (id, quarters[q],
                                               70 + 3 * (7 * n % 10) + 4 * (int) q), error))
      return FALSE;
  return TRUE;
}

gboolean
cm_demo_localities_add (CmStore *store, GError **error)
{
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  gboolean measured[CM_COMMUNITY_COMMITTEE_OUTER_WEST + 1] = { FALSE };

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);
      CmCommunityCommittee committee = cm_service_get_community_committee (service);

      if (committee == CM_COMMUNITY_COMMITTEE_NONE || measured[committee])
        continue;
      measured[committee] = TRUE;
      if (!add_measure (store, cm_entity_get_id (CM_ENTITY (service)), committee, error))
        return FALSE;
    }
  return TRUE;
}
