/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-notices.c: the demo's procurement notices */
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-demo-notices.h"
#include "cm-required-notices.h"

#define DAYS_EARLY 3

static gboolean
publish (CmStore *store, CmContract *contract, const CmRequiredNotice *notice, guint serial,
         GError **error)
{
  GDate day = notice->due;
  g_autofree char *published_on = NULL;
  g_autofree char *identifier = NULL;
  g_autoptr(CmContractNotice) record = NULL;

  g_date_subtract_days (&day, DAYS_EARLY);
  published_on = cm_date_format_iso (&day);
  /* Find a Tender numbers notices within their year: "000123-2025". */
  identifier = g_strdup_printf ("%06u-%04u", serial, g_date_get_year (&day));
  record = cm_contract_notice_new (cm_entity_get_id (CM_ENTITY (contract)), notice->code,
                                   published_on, identifier);
  return cm_store_save (store, CM_ENTITY (record), error);
}

gboolean
cm_demo_notices_add (CmStore *store, const GDate *today, GError **error)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  gboolean left_one = FALSE;
  CmDeadlineSettings settings;
  guint serial = 100;

  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(GPtrArray) notices = cm_contract_required_notices (store, contract, today,
                                                                   &settings);

      for (guint j = 0; j < notices->len; j++)
        {
          const CmRequiredNotice *notice = g_ptr_array_index (notices, j);

          if (notice->status != CM_NOTICE_STATUS_OVERDUE)
            continue;
          if (!left_one && g_strcmp0 (notice->code, "UK7") == 0)
            {
              left_one = TRUE;
              continue;
            }
          if (!publish (store, contract, notice, serial++, error))
            return FALSE;
        }
    }
  return TRUE;
}
