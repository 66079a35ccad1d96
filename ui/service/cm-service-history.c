/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-history.c: the latest audit rows of a service and its records */
#include <glib/gi18n.h>

#include "cm-audit-view.h"
#include "cm-audit-words.h"
#include "cm-checklist-item.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-eia.h"
#include "cm-engagement.h"
#include "cm-measure.h"
#include "cm-risk.h"
#include "cm-service-history.h"
#include "cm-stage-event.h"

/* How many of the newest rows the page shows. */
#define SHOWN_ROWS 5

struct _CmServiceHistory
{
  CmServiceSection parent_instance;

  GtkWidget *all_button;
  GPtrArray *entries;   /* of CmAuditEntry, newest first */
};

G_DEFINE_FINAL_TYPE (CmServiceHistory, cm_service_history, CM_TYPE_SERVICE_SECTION)

static void
add_rows_of (CmServiceHistory *self, const char *table, GArray *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (ids->len == 0)
    return;
  rows = cm_store_audit_rows (cm_service_section_get_store (CM_SERVICE_SECTION (self)), table,
                              ids, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read the audit rows of %s: %s", table, error->message);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_extend_and_steal (self->entries, g_steal_pointer (&rows));
}

static void
add_records (CmServiceHistory *self, GType type)
{
  CmServiceSection *section = CM_SERVICE_SECTION (self);
  g_autoptr(GPtrArray) records = cm_service_section_records (section, type);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = cm_entity_get_id (g_ptr_array_index (records, i));

      g_array_append_val (ids, id);
    }
  if (records->len > 0)
    add_rows_of (self, cm_entity_get_table (g_ptr_array_index (records, 0)), ids);
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const CmAuditEntry *x = *(CmAuditEntry **) a, *y = *(CmAuditEntry **) b;

  return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

static void
collect (CmServiceHistory *self)
{
  CmService *service = cm_service_section_get_service (CM_SERVICE_SECTION (self));
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = cm_entity_get_id (CM_ENTITY (service));
  const GType children[] = {
    CM_TYPE_CONTRACT, CM_TYPE_CHECKLIST_ITEM, CM_TYPE_STAGE_EVENT, CM_TYPE_RISK,
    CM_TYPE_ENGAGEMENT, CM_TYPE_MEASURE, CM_TYPE_EIA, CM_TYPE_DECOMMISSION,
  };

  g_ptr_array_set_size (self->entries, 0);
  g_array_append_val (own, id);
  add_rows_of (self, cm_entity_get_table (CM_ENTITY (service)), own);
  for (gsize i = 0; i < G_N_ELEMENTS (children); i++)
    add_records (self, children[i]);
  g_ptr_array_sort (self->entries, newest_first);
}

static void
refresh (CmServiceSection *section)
{
  CmServiceHistory *self = CM_SERVICE_HISTORY (section);
  g_autoptr(CmAuditWords) words = cm_audit_words_new (cm_service_section_get_store (section));

  collect (self);
  for (guint i = 0; i < MIN (self->entries->len, SHOWN_ROWS); i++)
    {
      CmAuditEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *change = cm_audit_words_change (words, entry);
      g_autofree char *record = cm_audit_words_record (words, entry->entity, entry->entity_id);
      g_autofree char *when = cm_date_format_moment (entry->at);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s, %s"), record, entry->actor, when);

      cm_service_section_add_text (section, change, subtitle, NULL);
    }
  gtk_widget_set_visible (self->all_button, self->entries->len > 0);
}

static void
all_clicked (CmServiceHistory *self)
{
  CmServiceSection *section = CM_SERVICE_SECTION (self);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *what =
    g_strdup_printf (_("Every change to “%s” and its records"),
                     cm_service_get_name (cm_service_section_get_service (section)));

  collect (self);
  for (guint i = 0; i < self->entries->len; i++)
    g_array_append_val (rows, ((CmAuditEntry *) g_ptr_array_index (self->entries, i))->id);
  gtk_window_present (cm_audit_view_new_for_rows (cm_service_section_get_store (section),
                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                       : NULL,
                                                  what, rows));
}

static void
cm_service_history_finalize (GObject *object)
{
  g_clear_pointer (&CM_SERVICE_HISTORY (object)->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (cm_service_history_parent_class)->finalize (object);
}

static void
cm_service_history_class_init (CmServiceHistoryClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cm_service_history_finalize;
  section_class->refresh = refresh;
  section_class->empty_text = N_("No change to this service is in the audit trail yet.");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-history.ui");
  gtk_widget_class_bind_template_child (widget_class, CmServiceHistory, all_button);
  gtk_widget_class_bind_template_callback (widget_class, all_clicked);
}

static void
cm_service_history_init (CmServiceHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (cm_audit_entry_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
