/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-review.c: when the EIA review after a decommission is due */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"

int
cm_eia_review_months (CmStore *store)
{
  g_autofree char *text = cm_store_get_meta (store, CM_EIA_REVIEW_MONTHS_KEY);
  gint64 months;

  if (text && g_ascii_string_to_signed (text, 10, CM_EIA_REVIEW_MONTHS_MIN,
                                        CM_EIA_REVIEW_MONTHS_MAX, &months, NULL))
    return (int) months;
  return CM_EIA_REVIEW_MONTHS_DEFAULT;
}

gboolean
cm_eia_review_set_months (CmStore *store, int months, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%d", months);

  if (months < CM_EIA_REVIEW_MONTHS_MIN || months > CM_EIA_REVIEW_MONTHS_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%d is outside the range %d to %d for %s. Nothing was changed."), months,
                   CM_EIA_REVIEW_MONTHS_MIN, CM_EIA_REVIEW_MONTHS_MAX,
                   CM_EIA_REVIEW_MONTHS_KEY);
      return FALSE;
    }
  return cm_store_set_meta (store, CM_EIA_REVIEW_MONTHS_KEY, text, error);
}

gboolean
cm_eia_review_due_date (const char *completed_on, int months, GDate *due)
{
  if (!cm_date_parse_iso (completed_on, due))
    return FALSE;
  g_date_add_months (due, months);
  return TRUE;
}

static void
review_due_free (gpointer data)
{
  CmEiaReviewDue *review = data;

  g_object_unref (review->decommission);
  g_free (review);
}

GPtrArray *
cm_eia_reviews_due (CmStore *store)
{
  GListModel *all = cm_store_list (store, CM_TYPE_DECOMMISSION);
  GPtrArray *reviews = g_ptr_array_new_with_free_func (review_due_free);
  int months = cm_eia_review_months (store);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmDecommission) d = g_list_model_get_item (all, i);
      CmEiaReviewDue *review;
      GDate due;

      if (!cm_eia_review_due_date (cm_decommission_get_completed_on (d), months, &due))
        continue;
      review = g_new0 (CmEiaReviewDue, 1);
      review->decommission = g_steal_pointer (&d);
      review->due = due;
      review->reviewed = cm_eia_reviewed_for_cycle (store,
                                                    cm_decommission_get_service_id (review->decommission),
                                                    cm_decommission_get_cycle (review->decommission));
      g_ptr_array_add (reviews, review);
    }
  return reviews;
}

GPtrArray *
cm_eia_reviews_overdue (CmStore *store, const GDate *today)
{
  GPtrArray *reviews = cm_eia_reviews_due (store);

  for (guint i = reviews->len; i-- > 0;)
    {
      CmEiaReviewDue *review = g_ptr_array_index (reviews, i);

      if (review->reviewed || g_date_compare (&review->due, today) >= 0)
        g_ptr_array_remove_index (reviews, i);
    }
  return reviews;
}
