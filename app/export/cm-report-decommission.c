/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-decommission.c: a service's decommissioning record, its contracts'
 * timeline, every step with who, when and evidence, and the hash check, as PDF */
#include <glib/gi18n-lib.h>

#include "cm-audit-words.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-decommissioning.h"
#include "cm-report.h"
#include "cm-report-timeline.h"
#include "cm-service.h"

typedef struct {
  const CmReportContext *context;
  CmService *service;
  CmDecommission *decommission;   /* NULL when none was started */
  GPtrArray *actions;             /* of CmDecommissionAction */
  CmAuditVerdict verdict;         /* the whole trail, checked now */
  CmAuditWords *words;
  CmReportTimeline *timeline;     /* the service's contracts */
} Record;

/* A fact of the decision, or "Not recorded". */
static void
fact (GPtrArray *cells, const char *label, const char *value)
{
  g_ptr_array_add (cells, g_strdup (label));
  g_ptr_array_add (cells, g_strdup (value && *value ? value : _("Not recorded")));
}

static void
draw_decision (CmReportPage *page, Record *record)
{
  const char *headers[] = { _("Item"), _("Value"), NULL };
  static const double shares[] = { 0.3, 0.7 };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *decided = cm_date_format_long (
    cm_decommission_get_decision_date (record->decommission));
  g_autofree char *completed = cm_date_format_long (
    cm_decommission_get_completed_on (record->decommission));

  fact (cells, _("Reason"), cm_decommission_get_reason (record->decommission));
  fact (cells, _("Decision date"), decided);
  fact (cells, _("Completed on"), completed);
  fact (cells, _("Completed despite open problems, because"),
        cm_decommission_get_eia_override (record->decommission));
  cm_report_page_heading (page, _("Decision"));
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i + 1 < cells->len; i += 2)
    cm_report_page_row (page, (const char * const *) &cells->pdata[i]);
  cm_report_page_end_table (page);
}

static void
draw_action (CmReportPage *page, Record *record, const CmDecommissionAction *action)
{
  const CmAuditEntry *row = action->entry;
  g_autofree char *when = cm_date_format_moment (row->at);
  g_autofree char *field = cm_audit_field_label (row->entity, row->field);
  g_autofree char *before = cm_audit_words_value (record->words, row->entity, row->field,
                                                  row->old_value);
  g_autofree char *after = cm_audit_words_value (record->words, row->entity, row->field,
                                                 row->new_value);
  /* TRANSLATORS: what an audited action changed: "Status: Not started → Done" */
  g_autofree char *change = g_strdup_printf (_("%s: %s → %s"), field,
                                             before && *before ? before : "—",
                                             after && *after ? after : "—");
  const char *cells[] = { when, row->actor, action->step, change, action->evidence,
                          cm_audit_row_check_word (action->check) };

  cm_report_page_row (page, cells);
}

static void
draw_steps (CmReportPage *page, Record *record)
{
  /* TRANSLATORS: a column heading: whether the hash chain vouches for the row */
  const char *headers[] = { _("When"), _("Who"), _("Step"), _("What changed"), _("Evidence"),
                            _("Verifies"), NULL };
  /* The last wide enough for "Not checked" on one line. */
  static const double shares[] = { 0.14, 0.14, 0.18, 0.25, 0.17, 0.12 };
  g_autofree char *count = g_strdup_printf (ngettext ("%u audited action, oldest first.",
                                                      "%u audited actions, oldest first.",
                                                      record->actions->len),
                                            record->actions->len);

  cm_report_page_heading (page, _("Every step"));
  cm_report_page_paragraph (page, count);
  if (record->actions->len == 0)
    return;
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < record->actions->len; i++)
    draw_action (page, record, g_ptr_array_index (record->actions, i));
  cm_report_page_end_table (page);
}

static void
draw_hash_check (CmReportPage *page, Record *record)
{
  const CmAuditVerdict *verdict = &record->verdict;
  g_autofree char *text = NULL;

  cm_report_page_heading (page, _("Hash check"));
  if (verdict->finding == CM_AUDIT_VERIFIED)
    {
      g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, verdict->rows);

      text = g_strdup_printf (_("The hash chain verifies for every action above, and the whole "
                                "audit trail (%s rows) is intact and agrees with every record."),
                              rows);
    }
  else if (verdict->finding == CM_AUDIT_BROKEN)
    text = g_strdup_printf (_("The hash chain does NOT verify: the actions marked No above "
                              "cannot be vouched for. %s"), verdict->reason);
  else
    text = g_strdup_printf (_("The hash chain could not be checked, so the actions marked Not "
                              "checked above are neither vouched for nor found altered. %s "
                              "Make this report again once that is put right."),
                            verdict->reason);
  cm_report_page_paragraph (page, text);
}

static void
draw_record (CmReportPage *page, gpointer data)
{
  Record *record = data;
  g_autofree char *title = g_strdup_printf (_("Decommissioning record: %s"),
                                            cm_service_get_name (record->service));

  cm_report_title_page (page, record->context, title, NULL);
  if (record->decommission == NULL)
    {
      cm_report_page_heading (page, _("No decommission"));
      cm_report_page_paragraph (page, _("No decommission has been started for this service, "
                                        "so there are no steps to report."));
      return;
    }
  draw_decision (page, record);
  cm_report_timeline_draw (page, record->timeline);
  draw_steps (page, record);
  draw_hash_check (page, record);
}

gboolean
cm_report_decommission (const CmReportContext *context, const char *service, const char *path,
                        GError **error)
{
  Record record = { context };
  g_autofree char *title = NULL;
  gboolean written;

  record.service = cm_report_find_service (context->store, service, error);
  if (record.service == NULL)
    return FALSE;
  record.decommission = cm_decommission_for_service (context->store,
                                                     cm_entity_get_id (CM_ENTITY (record.service)));
  if (record.decommission)
    {
      /* One check for the actions and the whole trail, so they agree. */
      cm_audit_verdict_check (context->store, &record.verdict);
      record.actions = cm_decommission_actions (context->store, record.decommission,
                                                &record.verdict, error);
      if (record.actions == NULL)
        {
          cm_audit_verdict_clear (&record.verdict);
          g_object_unref (record.service);
          g_object_unref (record.decommission);
          return FALSE;
        }
      record.words = cm_audit_words_new (context->store);
      record.timeline = cm_report_timeline_new (context->store,
                                                cm_entity_get_id (CM_ENTITY (record.service)),
                                                context->today);
    }
  title = g_strdup_printf (_("Decommissioning record: %s"), cm_service_get_name (record.service));
  written = cm_report_render (context, path, title, draw_record, &record, error);
  g_clear_pointer (&record.actions, g_ptr_array_unref);
  g_clear_pointer (&record.words, cm_audit_words_free);
  g_clear_pointer (&record.timeline, cm_report_timeline_free);
  g_clear_object (&record.decommission);
  cm_audit_verdict_clear (&record.verdict);
  g_object_unref (record.service);
  return written;
}
