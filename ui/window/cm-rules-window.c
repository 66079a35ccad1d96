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

/* The spin buttons of the template's deadline rules, in cm_deadline_rules() order. */
#define N_RULES 3

struct _CmRulesWindow
{
  AdwPreferencesWindow parent_instance;

  CmStore *store;
  GDate today;
  gboolean ready;   /* the values are shown: changes to them are the user's */

  AdwPreferencesPage *commissioners_page;
  AdwPreferencesGroup *commissioners_group;
  AdwPreferencesPage *staff_page;
  AdwPreferencesGroup *staff_group;
  AdwPreferencesGroup *characteristics_group;
  AdwPreferencesGroup *audit_group;
  GtkSpinButton *extension_spin;
  GtkSpinButton *compact_spin;
  GtkSpinButton *soon_spin;
  GtkSpinButton *review_spin;
};

G_DEFINE_FINAL_TYPE (CmRulesWindow, cm_rules_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkSpinButton **
rule_spins (CmRulesWindow *self, GtkSpinButton *spins[N_RULES])
{
  spins[0] = self->extension_spin;
  spins[1] = self->compact_spin;
  spins[2] = self->soon_spin;
  return spins;
}

static void
rule_changed (CmRulesWindow *self, GtkSpinButton *spin)
{
  GtkSpinButton *spins[N_RULES];
  guint n_rules;
  const CmDeadlineRule *rules = cm_deadline_rules (&n_rules);
  g_autoptr(GError) error = NULL;
  CmDeadlineSettings settings;

  if (!self->ready)
    return;
  rule_spins (self, spins);
  cm_deadline_settings_load (self->store, &settings);
  for (guint i = 0; i < MIN (n_rules, N_RULES); i++)
    if (spins[i] == spin)
      *cm_deadline_rule_value (&rules[i], &settings) = gtk_spin_button_get_value_as_int (spin);
  if (!cm_deadline_settings_save (self->store, &settings, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
review_months_changed (CmRulesWindow *self, GtkSpinButton *spin)
{
  g_autoptr(GError) error = NULL;
  int months = gtk_spin_button_get_value_as_int (spin);

  if (self->ready && months != cm_eia_review_months (self->store) &&
      !cm_eia_review_set_months (self->store, months, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
show_rules (CmRulesWindow *self)
{
  GtkSpinButton *spins[N_RULES];
  guint n_rules;
  const CmDeadlineRule *rules = cm_deadline_rules (&n_rules);
  CmDeadlineSettings settings;

  g_assert (n_rules == N_RULES);
  rule_spins (self, spins);
  cm_deadline_settings_load (self->store, &settings);
  for (guint i = 0; i < n_rules; i++)
    {
      gtk_spin_button_set_range (spins[i], rules[i].min, rules[i].max);
      gtk_spin_button_set_value (spins[i], *cm_deadline_rule_value (&rules[i], &settings));
    }
  gtk_spin_button_set_range (self->review_spin, CM_EIA_REVIEW_MONTHS_MIN,
                             CM_EIA_REVIEW_MONTHS_MAX);
  gtk_spin_button_set_value (self->review_spin, cm_eia_review_months (self->store));
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

static const CmRecordKind *
kind_named (const char *name)
{
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  g_assert_not_reached ();
}

/* The records of @kind, listed and edited as in the main window. */
static void
add_list (CmRulesWindow *self, AdwPreferencesGroup *group, const CmRecordKind *kind,
          int height)
{
  GtkWidget *list = GTK_WIDGET (cm_records_page_new (self->store, kind, &self->today));

  gtk_widget_set_size_request (list, -1, height);
  adw_preferences_group_add (group, list);
}

/* What needs the store: the lists of records, the trail's head and the
 * OCDS prefix. */
static void
add_store_parts (CmRulesWindow *self)
{
  add_list (self, self->commissioners_group, kind_named ("commissioners"), 480);
  widen_page (GTK_WIDGET (self->commissioners_page), 1000);
  add_list (self, self->staff_group, kind_named ("staff"), 480);
  widen_page (GTK_WIDGET (self->staff_page), 1000);
  /* The list new EIAs are screened against, edited like any other records. */
  add_list (self, self->characteristics_group, &cm_characteristic_kind, 420);
  /* The trail's head, to keep somewhere the portfolio's users cannot change. */
  adw_preferences_group_add (self->audit_group, cm_audit_head_row_new (self->store));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (cm_ocds_prefix_page_new (self->store)));
}

/* Ctrl+Z here undoes what was last done here, as in the main window. */
static void
undo_last (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_undo_last (widget);
}

/* ---- GObject ------------------------------------------------------------ */

static void
cm_rules_window_constructed (GObject *object)
{
  CmRulesWindow *self = CM_RULES_WINDOW (object);

  G_OBJECT_CLASS (cm_rules_window_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && g_date_valid (&self->today));
  add_store_parts (self);
  show_rules (self);
  self->ready = TRUE;
}

static void
cm_rules_window_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CmRulesWindow *self = CM_RULES_WINDOW (object);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_TODAY:
      today = g_value_get_boxed (value);
      if (today)
        self->today = *today;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_rules_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmRulesWindow *self = CM_RULES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_rules_window_dispose (GObject *object)
{
  CmRulesWindow *self = CM_RULES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_RULES_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cm_rules_window_parent_class)->dispose (object);
}

static void
cm_rules_window_class_init (CmRulesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_rules_window_constructed;
  object_class->set_property = cm_rules_window_set_property;
  object_class->get_property = cm_rules_window_get_property;
  object_class->dispose = cm_rules_window_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-rules-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, commissioners_page);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, commissioners_group);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, characteristics_group);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, audit_group);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, extension_spin);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, compact_spin);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, soon_spin);
  gtk_widget_class_bind_template_child (widget_class, CmRulesWindow, review_spin);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed);
  gtk_widget_class_bind_template_callback (widget_class, review_months_changed);

  /* The main window's keys, for a window outside the application's list. */
  gtk_widget_class_install_action (widget_class, "rules.undo", NULL, undo_last);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "rules.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
cm_rules_window_init (CmRulesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cm_rules_window_new (CmStore *store, const GDate *today, GtkWindow *parent)
{
  return g_object_new (CM_TYPE_RULES_WINDOW, "store", store, "today", today,
                       "transient-for", parent, NULL);
}
