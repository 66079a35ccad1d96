/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-verdict.c: what a check of the audit trail found, of three */
#include <glib/gi18n-lib.h>

#include "cm-audit-damage.h"
#include "cm-audit-verdict.h"

typedef gboolean (*CheckFunc) (CmStore *store, gint64 *rows_checked, gint64 *bad_row,
                               GError **error);

static void
judge (CmStore *store, CheckFunc check, CmAuditVerdict *verdict)
{
  g_autoptr(GError) error = NULL;
  gint64 bad_row = 0;

  *verdict = (CmAuditVerdict) { CM_AUDIT_VERIFIED };
  if (check (store, &verdict->rows, &bad_row, &error))
    return;
  verdict->reason = g_strdup (error->message);
  if (!cm_audit_damage_is_damage (error))
    {
      verdict->finding = CM_AUDIT_NOT_CHECKED;
      return;
    }
  verdict->finding = CM_AUDIT_BROKEN;
  /* A break found before any row (the head), or records that disagree
   * with the trail, leave every row unvouched. */
  verdict->first_bad = bad_row > 0 ? bad_row : 1;
}

void
cm_audit_verdict_check (CmStore *store, CmAuditVerdict *verdict)
{
  judge (store, cm_store_verify_audit, verdict);
}

void
cm_audit_verdict_check_chain (CmStore *store, CmAuditVerdict *verdict)
{
  judge (store, cm_store_verify_audit_chain, verdict);
}

void
cm_audit_verdict_clear (CmAuditVerdict *verdict)
{
  g_clear_pointer (&verdict->reason, g_free);
}

CmAuditRowCheck
cm_audit_verdict_row (const CmAuditVerdict *verdict, gint64 id)
{
  switch (verdict->finding)
    {
    case CM_AUDIT_NOT_CHECKED:
      return CM_AUDIT_ROW_NOT_CHECKED;
    case CM_AUDIT_BROKEN:
      return id < verdict->first_bad ? CM_AUDIT_ROW_VOUCHED : CM_AUDIT_ROW_NOT_VOUCHED;
    case CM_AUDIT_VERIFIED:
    default:
      return CM_AUDIT_ROW_VOUCHED;
    }
}

const char *
cm_audit_row_check_word (CmAuditRowCheck check)
{
  switch (check)
    {
    case CM_AUDIT_ROW_NOT_VOUCHED:
      return _("No");
    case CM_AUDIT_ROW_NOT_CHECKED:
      /* TRANSLATORS: whether the hash chain verifies a change, when it could not be checked */
      return _("Not checked");
    case CM_AUDIT_ROW_VOUCHED:
    default:
      return _("Yes");
    }
}
