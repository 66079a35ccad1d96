/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook-audit.c: the workbook's Audit trail sheet, written beside the other sheets */
#include <glib/gi18n-lib.h>

#include "cm-audit-anchor.h"
#include "cm-audit-query.h"
#include "cm-workbook-audit.h"

/* Excel holds 1,048,576 rows a sheet; past this many the sheet says where
 * the rest are rather than failing the whole workbook. */
#define AUDIT_SHEET_ROWS 1000000

struct _CmWorkbookAudit {
  CmStore *store;          /* the caller's */
  CmSheet *sheet;
  const char *footer;
  GCancellable *cancellable;
  GThread *thread;         /* writing the rows */
  lxw_error written;       /* the sheet's first error, once closed */
  GError *unread;          /* why the trail could not be read, or NULL */
};

static gboolean
audit_row (CmAuditItem *item, gpointer user_data)
{
  CmWorkbookAudit *self = user_data;
  CmSheet *sheet = self->sheet;
  const CmAuditEntry *row = cm_audit_item_get_entry (item);

  cm_sheet_moment (sheet, 0, row->at);
  cm_sheet_text (sheet, 1, row->actor);
  cm_sheet_text (sheet, 2, cm_audit_item_get_record (item));
  cm_sheet_text (sheet, 3, cm_audit_step_label (cm_audit_item_get_step (item)));
  cm_sheet_text (sheet, 4, cm_audit_item_get_field (item));
  cm_sheet_text (sheet, 5, cm_audit_item_get_before (item));
  cm_sheet_text (sheet, 6, cm_audit_item_get_after (item));
  cm_sheet_text (sheet, 7, cm_audit_item_get_verifies (item) ? _("Yes") : _("No"));
  cm_sheet_next_row (sheet);
  /* A cancelled export is thrown away: no need to read the rest. */
  return !g_cancellable_is_cancelled (self->cancellable);
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

/* A trail that cannot be read fails the export with the store's reason:
 * an empty sheet would claim the portfolio has no history. */
static void
write_rows (CmWorkbookAudit *self, CmStore *store)
{
  CmAuditFilter all = { 0 };
  gint64 written;

  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      written = cm_audit_foreach (store, &all, cm_audit_first_bad_row (store),
                                  AUDIT_SHEET_ROWS, audit_row, self, &self->unread);
      note_rows_left_off (self->sheet, store, written);
    }
  self->written = cm_sheet_close (g_steal_pointer (&self->sheet), self->footer);
}

/* Opened here too: opening is part of the work taken off the caller. */
static gpointer
write_in_thread (gpointer data)
{
  CmWorkbookAudit *self = data;
  g_autoptr(CmStore) reader = cm_store_open_reader (self->store);

  /* Without a connection of its own, the sheet waits for the caller's. */
  if (reader == NULL)
    return GINT_TO_POINTER (FALSE);
  write_rows (self, reader);
  return GINT_TO_POINTER (TRUE);
}

CmWorkbookAudit *
cm_workbook_audit_start (CmStore *store, lxw_workbook *workbook, const CmSheetFormats *formats,
                         const char *footer, GCancellable *cancellable)
{
  const char *headers[] = { _("Time"), _("Who"), _("Record"), _("Step"), _("Field"),
                            _("Before"), _("After"), _("Hash chain verifies"), NULL };
  CmWorkbookAudit *self = g_new0 (CmWorkbookAudit, 1);

  self->store = g_object_ref (store);
  self->footer = footer;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  /* libxlsxwriter numbers a format in the workbook's shared table when a
   * cell first uses it: numbered here, before the thread, which then only
   * reads the number. The Read me's rows have already used these, so the
   * numbers are what they would be anyway. */
  lxw_format_get_xf_index (formats->header);
  lxw_format_get_xf_index (formats->bold);
  lxw_format_get_xf_index (formats->datetime);
  self->sheet = cm_sheet_new (workbook, "Audit trail", formats, headers);
  cm_sheet_set_cut_note (self->sheet, _("export the audit trail from the Audit Trail window "
                                        "as CSV for the whole value"));
  self->thread = g_thread_new ("workbook-audit", write_in_thread, self);
  return self;
}

lxw_error
cm_workbook_audit_finish (CmWorkbookAudit *self, GError **error)
{
  lxw_error written;

  if (!GPOINTER_TO_INT (g_thread_join (self->thread)))
    write_rows (self, self->store);
  written = self->written;
  if (self->unread)
    g_propagate_error (error, self->unread);
  g_clear_object (&self->cancellable);
  g_object_unref (self->store);
  g_free (self);
  return written;
}
