/* cm-eia-page.c: one equality impact assessment, step by step */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-eia-page.h"
#include "cm-eia-steps.h"
#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-status-page.h"

typedef enum {
  STEP_SCREENING,
  STEP_ASSESSMENT,
  STEP_SIGN_OFF,
  STEP_REVIEW,
  STEP_SUMMARY,
  N_STEPS
} Step;

struct _CmEiaPage
{
  GtkWidget parent_instance;

  CmEiaStep step;              /* what the steps build from; eia is the shown one */
  gint64 eia_id;
  Step shown;

  AdwToastOverlay *toasts;
  GtkScrolledWindow *scrolled;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (CmEiaPage, cm_eia_page, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CmEiaPage *self);

static void
report_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  AdwToast *toast = adw_toast_new (g_variant_get_string (param, NULL));

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (CM_EIA_PAGE (widget)->toasts, toast);
}

static void
show_version_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_eia_page_show (CM_EIA_PAGE (widget), g_variant_get_int64 (param));
}

static void
close_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* ---- the stepper ------------------------------------------------------ */

static void
step_toggled (GtkToggleButton *button, CmEiaPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  rebuild (self);
}

static char *
screening_detail (GPtrArray *list)
{
  guint screened = 0;

  for (guint i = 0; i < list->len; i++)
    screened += cm_eia_characteristic_get_relevance (g_ptr_array_index (list, i))
                != CM_RELEVANCE_UNANSWERED;
  return g_strdup_printf (_("%u of %u screened"), screened, list->len);
}

static char *
assessment_detail (CmEia *eia, GPtrArray *list)
{
  guint relevant = 0, assessed = 0;

  if (cm_eia_get_outcome (eia) != CM_EIA_OUTCOME_FULL_ASSESSMENT)
    return g_strdup (_("not needed yet"));
  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);

      if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
        continue;
      relevant++;
      assessed += *cm_eia_characteristic_get_evidence (c) != '\0';
    }
  return g_strdup_printf (_("%u of %u with evidence"), assessed, relevant);
}

static GtkWidget *
stepper (CmEiaPage *self)
{
  CmEia *eia = self->step.eia;
  g_autoptr(GPtrArray) list = cm_eia_characteristics (self->step.store, self->eia_id);
  CmPageStep steps[N_STEPS] = {
    { _("Screening"), screening_detail (list) },
    { _("Assessment"), assessment_detail (eia, list) },
    { _("Sign-off"), g_strdup (cm_eia_get_signed (eia) ? _("signed off") : _("draft")) },
    { _("Review"), g_strdup (*cm_eia_get_reviewed_on (eia) ? _("reviewed")
                                                          : _("after decommissioning")) },
    { _("Summary"), g_strdup (_("impacts at a glance")) },
  };

  for (guint i = 0; i < N_STEPS; i++)
    steps[i].name = g_strdup_printf (_("Show the %s step"), steps[i].title);
  return cm_page_stepper (steps, N_STEPS, self->shown, G_CALLBACK (step_toggled), self);
}

/* ---- building --------------------------------------------------------- */

static GtkWidget *
heading (CmEiaPage *self)
{
  CmEia *eia = self->step.eia;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *back = cm_mnemonic_button_new (_("_Back to EIAs"), "eia.close");
  g_autofree char *service = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;

  g_object_get (eia, "service-name", &service, NULL);
  title = g_strdup_printf (_("Equality Impact Assessment: %s"), service);
  status = g_strdup_printf (_("%s · cycle %d · version %d · %s"),
                            cm_enum_to_label (CM_TYPE_EIA_DECISION, cm_eia_get_decision (eia)),
                            cm_eia_get_cycle (eia), cm_eia_get_version (eia),
                            cm_eia_get_signed (eia) ? _("signed off, read-only") : _("draft"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (title, "title-2"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (status, "dim-label"));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
  cm_page_set_focus_key (back, "back");
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), back);
  return box;
}

static GtkWidget *
step_content (CmEiaPage *self)
{
  switch (self->shown)
    {
    case STEP_ASSESSMENT:
      return cm_eia_step_assessment (&self->step);
    case STEP_SIGN_OFF:
      return cm_eia_step_sign_off (&self->step);
    case STEP_REVIEW:
      return cm_eia_step_review (&self->step);
    case STEP_SUMMARY:
      return cm_eia_step_summary (&self->step);
    case STEP_SCREENING:
    case N_STEPS:
    default:
      return cm_eia_step_screening (&self->step);
    }
}

static void
rebuild (CmEiaPage *self)
{
  g_autofree char *key = cm_page_save_focus (GTK_WIDGET (self));
  CmEntity *eia = cm_store_find (self->step.store, CM_TYPE_EIA, self->eia_id);
  GtkWidget *clamp, *box;

  g_set_object (&self->step.eia, (CmEia *) eia);
  if (eia == NULL)
    {
      gtk_scrolled_window_set_child (self->scrolled,
                                     cm_status_page_new ("emblem-documents-symbolic",
                                                         _("No Assessment Chosen"),
                                                         _("Choose an EIA on the EIAs page "
                                                           "and open it."), NULL));
      self->content = NULL;
      return;
    }
  self->step.editable = !cm_eia_get_signed (self->step.eia);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), heading (self));
  gtk_box_append (GTK_BOX (box), stepper (self));
  gtk_box_append (GTK_BOX (box), step_content (self));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->content = clamp;
  gtk_scrolled_window_set_child (self->scrolled, clamp);
  cm_page_restore_focus (clamp, key);
}

static void
store_changed (CmEiaPage *self)
{
  if (self->eia_id != 0)
    rebuild (self);
}

static void
cm_eia_page_dispose (GObject *object)
{
  CmEiaPage *self = CM_EIA_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->step.eia);
  g_clear_object (&self->step.store);

  G_OBJECT_CLASS (cm_eia_page_parent_class)->dispose (object);
}

static void
cm_eia_page_class_init (CmEiaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_eia_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "page.report", "s", report_activated);
  gtk_widget_class_install_action (widget_class, "eia.show-version", "x",
                                   show_version_activated);
  gtk_widget_class_install_action (widget_class, "eia.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "eia.close",
                                       NULL);
}

static void
cm_eia_page_init (CmEiaPage *self)
{
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->scrolled));
  gtk_widget_set_parent (GTK_WIDGET (self->toasts), GTK_WIDGET (self));
  self->step.page = GTK_WIDGET (self);
}

CmEiaPage *
cm_eia_page_new (CmStore *store, const GDate *today)
{
  CmEiaPage *self = g_object_new (CM_TYPE_EIA_PAGE, NULL);

  self->step.store = g_object_ref (store);
  self->step.today = *today;
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

void
cm_eia_page_show (CmEiaPage *self, gint64 eia_id)
{
  self->eia_id = eia_id;
  self->shown = STEP_SCREENING;
  rebuild (self);
  if (self->content)
    gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);
}

gint64
cm_eia_page_get_eia_id (CmEiaPage *self)
{
  return self->eia_id;
}
