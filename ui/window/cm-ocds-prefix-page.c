/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-prefix-page.c: the portfolio's OCDS prefix, on a page of Portfolio Rules
 *
 * Saved through the store when the user presses Save or Enter, and so
 * audited; a prefix not of the registered form is refused, saying why
 * under the row's title.
 */
#include <glib/gi18n.h>

#include "cm-ocds-prefix.h"
#include "cm-ocds-prefix-page.h"

/* What happened shows under the row's title, where it stays to be read. */
static void
save_prefix (GtkWidget *source, GtkEditable *entry)
{
  CmStore *store = g_object_get_data (G_OBJECT (entry), "store");
  AdwActionRow *row = g_object_get_data (G_OBJECT (entry), "row");
  const char *prefix = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!cm_ocds_prefix_set (store, prefix, &error))
    {
      adw_action_row_set_subtitle (row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  saved = g_strdup_printf (_("Saved: exports now give each contract an ocid beginning %s-."),
                           prefix);
  adw_action_row_set_subtitle (row, saved);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static GtkWidget *
prefix_row (CmStore *store)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  gboolean is_set = FALSE;
  g_autofree char *prefix = cm_ocds_prefix_get (store, &is_set);

  /* The subtitle shows what the user typed, in an error: not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("OCDS prefix"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("“ocds-” and six lowercase letters or digits"));
  gtk_editable_set_text (GTK_EDITABLE (entry), is_set ? prefix : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), CM_OCDS_PREFIX_PLACEHOLDER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("OCDS prefix"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save the OCDS prefix"), -1);
  g_object_set_data_full (G_OBJECT (entry), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "row", row);
  g_signal_connect (entry, "activate", G_CALLBACK (save_prefix), entry);
  g_signal_connect (save, "clicked", G_CALLBACK (save_prefix), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
  return row;
}

GtkWidget *
cm_ocds_prefix_page_new (CmStore *store)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Open Data"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page),
                                      "network-transmit-receive-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Open Contracting Data Standard"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Contracts published as Open Contracting data each have an identifier that begins "
      "with the prefix your organisation registered with the Open Contracting Partnership. "
      "Until it is set here, exports use the placeholder ocds-xxxxxx: set it before "
      "publishing. The change is recorded in the audit trail."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), prefix_row (store));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}
