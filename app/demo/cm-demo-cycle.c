/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-cycle.c: checklist progress and history for the demo's services
 *
 * The demo is written in one transaction, before the store's lists know
 * its services, so it saves items and stage events directly instead of
 * stepping through cm-cycle, whose gates read those lists.
 */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-date.h"
#include "cm-demo-cycle.h"
#include "cm-stage-event.h"

#define OVERRIDDEN_INDEX 2
#define READY_EVERY 5       /* every fifth service has finished its stage */

static const char *evidence[] = {
  N_("Commissioning file, section 2"),
  N_("Board minutes"),
  N_("Officer decision record"),
  N_("Consultation report"),
};

static char *
days_from (const GDate *today, int days)
{
  GDate date = *today;

  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  return cm_date_format_iso (&date);
}

/* How far through @stage the service got: all of an earlier stage, about
 * half of the current one (all of it for every fifth service), none of a
 * later one; the overridden service left its Analyse engagement item open. */
static void
set_progress (CmChecklistItem *item, guint position, guint n_items, CmStage stage,
              CmStage current, guint index, const GDate *today)
{
  gboolean skipped = index == OVERRIDDEN_INDEX && stage == CM_STAGE_ANALYSE &&
                     g_str_equal (cm_checklist_item_get_template_key (item), "views");
  g_autofree char *due = NULL;

  gboolean ready = index % READY_EVERY == READY_EVERY - 1;

  if ((stage < current && !skipped) || (stage == current && (ready || position < n_items / 2)))
    {
      if (!cm_checklist_item_get_required (item) && (index + position) % 3 == 0)
        g_object_set (item, "state", CM_ITEM_STATE_NOT_APPLICABLE,
                      "reason", _("Not needed at this scale of service"), NULL);
      else
        g_object_set (item, "state", CM_ITEM_STATE_DONE,
                      "evidence", _(evidence[(index + position) % G_N_ELEMENTS (evidence)]),
                      NULL);
    }
  else if (stage == current && position == n_items / 2)
    {
      /* The next item of the current stage has a date: past for some. */
      due = days_from (today, index % 2 ? 30 : -14);
      g_object_set (item, "due-date", due, NULL);
    }
}

static gboolean
save_items (CmStore *store, gint64 service_id, CmStage current, int cycle, guint index,
            const GDate *today, GError **error)
{
  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      g_autoptr(GPtrArray) items = cm_checklist_items (store, service_id, cycle, stage);

      for (guint i = 0; i < items->len; i++)
        {
          CmChecklistItem *item = g_ptr_array_index (items, i);

          set_progress (item, i, items->len, stage, current, index, today);
          if (!cm_store_save (store, CM_ENTITY (item), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_event (CmStore *store, gint64 service_id, int cycle, CmStage from, CmStage to,
            CmReviewDecision decision, const char *reason, const char *open_items,
            GError **error)
{
  g_autoptr(CmStageEvent) event =
    g_object_new (CM_TYPE_STAGE_EVENT, "service-id", service_id, "cycle", cycle,
                  "from-stage", from, "to-stage", to, "decision", decision,
                  "overridden", open_items != NULL, "reason", reason,
                  "open-items", open_items ? open_items : "", NULL);

  return cm_store_save (store, CM_ENTITY (event), error);
}

gboolean
cm_demo_cycle_progress (CmStore *store, gint64 service_id, CmStage stage, int cycle,
                        guint index, const GDate *today, GError **error)
{
  if (cycle > 1 &&
      !save_event (store, service_id, cycle - 1, CM_STAGE_REVIEW, CM_STAGE_ANALYSE,
                   CM_REVIEW_DECISION_RECOMMISSION,
                   _("The contract is ending and needs have changed since it was let"), NULL,
                   error))
    return FALSE;
  for (CmStage from = CM_STAGE_ANALYSE; from < stage; from++)
    {
      gboolean overridden = index == OVERRIDDEN_INDEX && from == CM_STAGE_ANALYSE;
      gboolean decommissioned = from == CM_STAGE_REVIEW;

      if (!save_event (store, service_id, cycle, from, from + 1,
                       decommissioned ? CM_REVIEW_DECISION_DECOMMISSION : CM_REVIEW_DECISION_NONE,
                       overridden ? _("The board asked for options before the user "
                                      "engagement could finish; it continues in Plan")
                       : decommissioned ? _("The review found the fund no longer met priority "
                                            "outcomes once the new model began")
                                        : "",
                       overridden ? _("“Gather service users’, carers’ and providers’ views” "
                                      "is not done.")
                                  : NULL,
                       error))
        return FALSE;
    }
  return save_items (store, service_id, stage, cycle, index, today, error);
}
