/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-sheet.c: the workbook's Audit trail sheet */
#include <glib/gi18n-lib.h>

#include "cm-audit-anchor.h"
#include "cm-audit-query.h"
#include "cm-audit-sheet.h"

/* Excel holds 1,048,576 rows a sheet; past this many the sheet says where
 * the rest are rather than failing the whole workbook. */
#define AUDIT_SHEET_ROWS 1000000

typedef struct {
  CmSheet *sheet;
  GCancellable *cancellable;
} AuditRows;

static gboolean
audit_row (CmAuditItem *item, gpointer user_data)
{
  AuditRows *rows = user_data;
  CmSheet *sheet = rows->sheet;
  const CmAuditEntry *row = cm_audit_item_get_entry (item);

  cm_sheet_moment (sheet, 0, row->at);
  cm_sheet_text (sheet, 1, row->actor);
  cm_sheet_text (sheet, 2, cm_audit_item_get_record (item));
  cm_sheet_text (sheet, 3, cm_audit_step_label (cm_audit_item_get_step (item)));
  cm_sheet_text (sheet, 4, cm_audit_item_get_field (item));
  cm_sheet_text (sheet, 5, cm_audit_item_get_before (item));
  cm_sheet_text (sheet, 6, cm_audit_item_get_after (item));
  cm_sheet_text (sheet, 7, cm_audit_row_check_word (cm_audit_item_get_check (item)));
  cm_sheet_next_row (sheet);
  /* A cancelled export is thrown away: no need to read the rest. */
  return !g_cancellable_is_cancelled (rows->cancellable);
}

/* Below the last row, how many of the oldest changes are not on the
 * sheet. Rows are numbered without gaps, so the head's number is their
 * count. */
static void
note_rows_left_off (CmSheet *sheet, CmStore *store, gint64 written)
{
  g_autofree char *note = NULL;
  gint64 total = 0;

  if (written < AUDIT_SHEET_ROWS || !cm_audit_anchor_head (store, &total, NULL, NULL) ||
      total <= written)
    return;
  note = g_strdup_printf (ngettext ("The oldest change is not on this sheet: export the "
                                    "audit trail from the Audit Trail window as CSV to see it.",
                                    "The %lld oldest changes are not on this sheet: export the "
                                    "audit trail from the Audit Trail window as CSV to see "
                                    "them all.", (gulong) MIN (total - written, G_MAXLONG)),
                          (long long) (total - written));
  cm_sheet_bold (sheet, 0, note);
  cm_sheet_next_row (sheet);
}

CmSheet *
cm_audit_sheet_new (lxw_workbook *workbook, const CmSheetFormats *formats)
{
  const char *headers[] = { _("Time"), _("Who"), _("Record"), _("Step"), _("Field"),
                            _("Before"), _("After"), _("Hash chain verifies"), NULL };
  CmSheet *sheet = cm_sheet_new (workbook, "Audit trail", formats, headers);

  cm_sheet_set_cut_note (sheet, _("export the audit trail from the Audit Trail window as CSV "
                                  "for the whole value"));
  return sheet;
}

void
cm_audit_sheet_write (CmSheet *sheet, CmStore *store, GCancellable *cancellable,
                      GError **error)
{
  CmAuditFilter all = { 0 };
  AuditRows rows = { sheet, cancellable };
  g_auto(CmAuditVerdict) verdict = { 0 };
  gint64 written;

  if (g_cancellable_is_cancelled (cancellable))
    return;
  cm_audit_verdict_check (store, &verdict);
  written = cm_audit_foreach (store, &all, &verdict, AUDIT_SHEET_ROWS, audit_row, &rows, error);
  note_rows_left_off (sheet, store, written);
}
