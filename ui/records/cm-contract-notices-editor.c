/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-notices-editor.c: a contract's new notice or variation, filled in for its editor */
#include "cm-contract-notices-editor.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-record-editor.h"
#include "cm-record-kind.h"
#include "cm-required-notices.h"

/* The code of the first notice @contract requires and has not published. */
static const char *
next_notice_code (CmStore *store, CmContract *contract, const GDate *today)
{
  CmDeadlineSettings settings;
  g_autoptr(GPtrArray) notices = NULL;

  cm_deadline_settings_load (store, &settings);
  notices = cm_contract_required_notices (store, contract, today, &settings);
  for (guint i = 0; i < notices->len; i++)
    {
      const CmRequiredNotice *notice = g_ptr_array_index (notices, i);

      if (notice->variation == NULL && notice->recorded == NULL)
        return notice->code;
    }
  return "";
}

/* No date is offered: a notice is often recorded long after it was
 * published, and a day filled in for the user could pass for the real one. */
GtkWidget *
cm_contract_notices_editor_new (CmStore *store, CmContract *contract, const GDate *today)
{
  g_autoptr(CmContractNotice) draft =
    cm_contract_notice_new (cm_entity_get_id (CM_ENTITY (contract)),
                            next_notice_code (store, contract, today), "", "");

  return cm_record_editor_new (store, &cm_contract_notice_kind, CM_ENTITY (draft));
}

GtkWidget *
cm_contract_variation_editor_new (CmStore *store, CmContract *contract, const GDate *today)
{
  g_autofree char *day = cm_date_format_iso (today);
  g_autoptr(CmContractVariation) draft =
    cm_contract_variation_new (cm_entity_get_id (CM_ENTITY (contract)), day,
                               CM_VARIATION_KIND_VALUE, "", "");

  return cm_record_editor_new (store, &cm_contract_variation_kind, CM_ENTITY (draft));
}
