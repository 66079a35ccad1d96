/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-rules-window.c: Portfolio Settings: the portfolio's commissioners and
 * staff, and its rules for deadlines and EIAs, for editing
 *
 * Each change is saved at once through the store, and so audited; there
 * is nothing to lose by closing the window.
 */
#include <glib/gi18n.h>

#include "cm-audit-head-row.h"
#include "cm-deadline-settings.h"
#include "cm-eia-review.h"
#include "cm-ocds-prefix-page.h"
#include "cm-record-kind.h"
#include "cm-records-page.h"
#include "cm-rules-window.h"
#include "cm-undo.h"

/* The words for each of the portfolio's rules, in cm_deadline_rules() order. */
static const struct {
  const char *title;
  const char *subtitle;
} words[] = {
  { N_("Extension decision lead time, in months"),
    N_("How long before a term ends the decision to extend is due.") },
  { N_("Compact minimum notice, in months"),
    N_("Owed to third-sector providers before funding is reduced or ended. The Compact "
       "for Leeds promises six months; a national Compact uses three.") },
  { N_("Due soon, in days"),
    N_("A date this close is marked due soon.") },
};

static void
rule_changed (GtkSpinButton *spin, AdwPreferencesWindow *window)
{
  CmStore *store = g_object_get_data (G_OBJECT (window), "store");
  const CmDeadlineRule *rule = g_object_get_data (G_OBJECT (spin), "rule");
  g_autoptr(GError) error = NULL;
  CmDeadlineSettings settings;

  cm_deadline_settings_load (store, &settings);
  *cm_deadline_rule_value (rule, &settings) = gtk_spin_button_get_value_as_int (spin);
  if (!cm_deadline_settings_save (store, &settings, &error))
    adw_preferences_window_add_toast (window, adw_toast_new (error->message));
}

static GtkWidget *
rule_row (const CmDeadlineRule *rule, guint index, int value, AdwPreferencesWindow *window)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (rule->min, rule->max, 1);
  const char *title = _(words[index].title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(words[index].subtitle));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_object_set_data (G_OBJECT (spin), "rule", (gpointer) rule);
  g_signal_connect (spin, "value-changed", G_CALLBACK (rule_changed), window);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
review_months_changed (GtkSpinButton *spin, AdwPreferencesWindow *window)
{
  CmStore *store = g_object_get_data (G_OBJECT (window), "store");
  g_autoptr(GError) error = NULL;
  int months = gtk_spin_button_get_value_as_int (spin);

  if (months != cm_eia_review_months (store) &&
      !cm_eia_review_set_months (store, months, &error))
    adw_preferences_window_add_toast (window, adw_toast_new (error->message));
}

/* How long after a decommission completes its EIA review is due. */
static GtkWidget *
review_period_group (CmStore *store, AdwPreferencesWindow *window)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (CM_EIA_REVIEW_MONTHS_MIN,
                                                    CM_EIA_REVIEW_MONTHS_MAX, 1);
  const char *title = _("EIA review after decommissioning, in months");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The review follows the close of a service and is due this "
                                 "long after the decommission completes; later, it is shown "
                                 "overdue on the Overview."));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), cm_eia_review_months (store));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (review_months_changed), window);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("EIA Review"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* The list new EIAs are screened against, edited like any other records. */
static GtkWidget *
equality_page (CmStore *store, const GDate *today, AdwPreferencesWindow *window)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = GTK_WIDGET (cm_records_page_new (store, &cm_characteristic_kind, today));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Equality"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-documents-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("EIA Characteristics"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("New equality impact assessments are screened against this list: the nine protected "
      "characteristics of the Equality Act 2010, carers, and poverty. Each EIA keeps its own "
      "copy, so changes here never alter an assessment already started."));
  gtk_widget_set_size_request (list, -1, 420);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (review_period_group (store, window)));
  return page;
}

/* The trail's head, to keep somewhere the portfolio's users cannot change. */
static GtkWidget *
audit_page (CmStore *store)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Audit Trail"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "security-high-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Audit Trail"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Every change is recorded in a hash-chained audit trail. Its head names the newest row "
      "and its hash. Keep a copy where the portfolio's users cannot change it: email it, or "
      "publish an exported workbook, which carries it on its Read me sheet. Rows removed or "
      "rewritten before that copy can then be found; changes after the latest copy rest on "
      "trust."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cm_audit_head_row_new (store));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

/* A preferences page keeps its content to 600 pixels, room for rows of
 * settings but not for a list beside its details: those then squeeze each
 * other's columns and search field in a wide window. libadwaita 1.2 has no
 * property for it, so the page's own clamp is found and widened. */
static void
widen_page (GtkWidget *widget, int width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_CLAMP (child))
        {
          adw_clamp_set_maximum_size (ADW_CLAMP (child), width);
          return;
        }
      widen_page (child, width);
    }
}

/* The people the portfolio's records name, listed and edited as in the
 * main window. */
static GtkWidget *
people_page (CmStore *store, const GDate *today, const char *kind_name, const char *icon_name,
             const char *description)
{
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);
  const CmRecordKind *kind = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list;

  for (guint i = 0; i < n_kinds && kind == NULL; i++)
    if (g_str_equal (kinds[i].name, kind_name))
      kind = &kinds[i];
  g_assert (kind != NULL);
  list = GTK_WIDGET (cm_records_page_new (store, kind, today));
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _(kind->title));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), icon_name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(kind->title));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_size_request (list, -1, 480);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  widen_page (page, 1000);
  return page;
}

/* Ctrl+Z here undoes what was last done here, as in the main window. */
static gboolean
undo_pressed (GtkWidget *window, GVariant *args, gpointer data)
{
  cm_undo_last (window);
  return TRUE;
}

/* The main window's keys, for a window outside the application's list. */
static void
add_window_keys (GtkWidget *window)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                      gtk_callback_action_new (undo_pressed, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_w, GDK_CONTROL_MASK),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
}

GtkWidget *
cm_rules_window_new (CmStore *store, const GDate *today, GtkWindow *parent)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  CmDeadlineSettings settings;
  guint n_rules;
  const CmDeadlineRule *rules = cm_deadline_rules (&n_rules);

  g_assert (n_rules == G_N_ELEMENTS (words));
  gtk_window_set_title (GTK_WINDOW (window), _("Portfolio Settings"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  g_object_set_data_full (G_OBJECT (window), "store", g_object_ref (store), g_object_unref);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (
    people_page (store, today, "commissioners", "x-office-address-book-symbolic",
                 _("The council directorates, NHS bodies and partners that lead or fund "
                   "services, and who succeeded whom."))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (
    people_page (store, today, "staff", "system-users-symbolic",
                 _("The commissioning staff who write and sign EIAs, with the date of their "
                   "EIA training."))));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Deadlines"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("These rules belong to the portfolio and apply to everyone who opens it. "
      "Changes are saved at once and recorded in the audit trail."));
  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < n_rules; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               rule_row (&rules[i], i, *cm_deadline_rule_value (&rules[i], &settings),
                                         ADW_PREFERENCES_WINDOW (window)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Deadlines"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "alarm-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (equality_page (store, today,
                                                                   ADW_PREFERENCES_WINDOW (window))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (audit_page (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (cm_ocds_prefix_page_new (store)));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  add_window_keys (window);
  return window;
}
