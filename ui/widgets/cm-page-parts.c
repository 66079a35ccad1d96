/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-page-parts.c: the parts the portfolio's custom pages are built from */
#include <glib/gi18n.h>

#include "cm-enums.h"
#include "cm-page-parts.h"

GtkWidget *
cm_page_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

GtkWidget *
cm_page_text_row (const char *title, const char *subtitle, const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  return row;
}

GtkWidget *
cm_page_heading_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

void
cm_page_offer_answers (AdwMessageDialog *dialog, const char *accept_label,
                       AdwResponseAppearance appearance)
{
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", appearance);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

GtkWidget *
cm_page_enum_dropdown (GType enum_type, int value, const char *accessible_name)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < cm_enum_count (enum_type); i++)
    gtk_string_list_append (labels, cm_enum_to_label (enum_type, i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), value);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return dropdown;
}

/* A step's title on one line, cut short with "…" when the window is
 * narrow, over its detail, which wraps between words only: neither ever
 * breaks inside a word. The button's tooltip holds both in full. */
static GtkWidget *
step_label (const char *text, gboolean title)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (!title)
    {
      /* Long details (an override's reason) wrap rather than widen the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_lines (GTK_LABEL (label), 3);
    }
  return label;
}

static GtkWidget *
step_content (const char *title, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), step_label (title, TRUE));
  gtk_box_append (GTK_BOX (box), step_label (detail, FALSE));
  return box;
}

GtkWidget *
cm_page_stepper (CmPageStep *steps, guint n, guint active, GCallback toggled, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", steps[i].title, steps[i].detail);
      g_autofree char *name = g_steal_pointer (&steps[i].name);
      g_autofree char *detail = g_steal_pointer (&steps[i].detail);
      g_autofree char *key = g_strdup_printf ("step/%u", i);
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), step_content (steps[i].title, detail));
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (i));
      cm_page_set_focus_key (button, key);
      if (first)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == active);
      g_signal_connect (button, "toggled", toggled, data);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

void
cm_page_set_focus_key (GtkWidget *widget, const char *key)
{
  g_object_set_data_full (G_OBJECT (widget), "focus-key", g_strdup (key), g_free);
}

char *
cm_page_save_focus (GtkWidget *root)
{
  GtkRoot *window = gtk_widget_get_root (root);
  GtkWidget *focus = window ? gtk_root_get_focus (window) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, root))
    return NULL;
  for (; focus; focus = gtk_widget_get_parent (focus))
    {
      const char *key = g_object_get_data (G_OBJECT (focus), "focus-key");

      if (key)
        return g_strdup (key);
    }
  return NULL;
}

static GtkWidget *
find_focus_key (GtkWidget *widget, const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "focus-key"), key) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_focus_key (child, key);

      if (found)
        return found;
    }
  return NULL;
}

void
cm_page_set_focus_next (GtkWidget *widget, const char *key)
{
  g_object_set_data_full (G_OBJECT (widget), "focus-next", g_strdup (key), g_free);
}

void
cm_page_restore_focus (GtkWidget *root, const char *key)
{
  GtkWidget *target = key && root ? find_focus_key (root, key) : NULL;
  const char *next = target ? g_object_get_data (G_OBJECT (target), "focus-next") : NULL;
  GtkWidget *expander;

  if (next && find_focus_key (root, next))
    target = find_focus_key (root, next);
  if (target == NULL)
    return;
  /* A control inside an expander row (not in its header) needs it open. */
  expander = gtk_widget_get_ancestor (target, ADW_TYPE_EXPANDER_ROW);
  if (expander && expander != target && !GTK_IS_DROP_DOWN (target))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (target);
}
