/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-eia.c: a service's equality impact assessments */
#include <glib/gi18n.h>

#include "cm-bound.h"
#include "cm-date.h"
#include "cm-detail-page.h"
#include "cm-eia.h"
#include "cm-eia-sign-off.h"
#include "cm-service-eia.h"

struct _CmServiceEia
{
  CmServiceSection parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (CmServiceEia, cm_service_eia, CM_TYPE_SERVICE_SECTION)

static void
open_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_section_open (self, g_object_get_data (G_OBJECT (button), "eia"), FALSE);
}

/* "Cycle 2 · signed off on 3 March 2026", or "Cycle 2 · draft: not signed off" */
static char *
eia_state (CmEia *eia)
{
  g_autofree char *on = NULL;

  if (!cm_eia_get_signed (eia))
    return g_strdup_printf (_("Cycle %d · draft: not signed off"), cm_eia_get_cycle (eia));
  on = cm_date_format_long (cm_eia_get_signed_on (eia));
  return g_strdup_printf (_("Cycle %d · signed off on %s"), cm_eia_get_cycle (eia), on);
}

static GtkWidget *
eia_button (CmServiceSection *self, CmEia *eia, const char *mnemonic, const char *name,
            GCallback clicked)
{
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "eia", g_object_ref (eia), g_object_unref);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static void
sign_off_clicked (GtkButton *button, CmServiceSection *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), CM_TYPE_DETAIL_PAGE);

  /* The page reports a refusal: it outlives this section's rows, which
   * signing changes. */
  cm_eia_sign_off_ask (page ? page : GTK_WIDGET (self), cm_service_section_get_store (self),
                       g_object_get_data (G_OBJECT (button), "eia"),
                       cm_service_section_get_today (self));
}

/* Sign Off… takes no press while anything is still to do, and says why
 * in the row and to screen readers, as on the assessment's own page. */
static GtkWidget *
sign_off_button (CmServiceSection *self, CmEia *eia, GtkWidget *row, const char *state)
{
  g_autofree char *name = g_strdup_printf (_("Sign off version %d"), cm_eia_get_version (eia));
  g_autofree char *why =
    cm_eia_sign_off_held (cm_service_section_get_store (self), eia, FALSE);
  GtkWidget *button = eia_button (self, eia, _("Si_gn Off…"), name,
                                  G_CALLBACK (sign_off_clicked));

  if (why)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", state, why);

      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  return button;
}

/* Who signs a draft, chosen here so that it can be signed off here. */
static void
add_signatory_row (CmServiceSection *self, CmEia *eia)
{
  g_autofree char *title = g_strdup_printf (_("Signatory of version %d"),
                                            cm_eia_get_version (eia));

  cm_service_section_add (self, cm_bound_reference_row (cm_service_section_get_store (self),
                                                        CM_ENTITY (eia), "signatory-id", title,
                                                        CM_TYPE_STAFF, TRUE));
}

static void
refresh (CmServiceSection *section)
{
  CmServiceEia *self = CM_SERVICE_EIA (section);
  g_autoptr(GPtrArray) eias = cm_service_section_records (section, CM_TYPE_EIA);
  int cycle = cm_service_get_cycle (cm_service_section_get_service (section));
  gboolean this_cycle = FALSE;

  /* Newest first: the current assessment leads. */
  for (guint i = eias->len; i-- > 0;)
    {
      CmEia *eia = g_ptr_array_index (eias, i);
      g_autofree char *title = g_strdup_printf (_("Version %d · %s"), cm_eia_get_version (eia),
                                                cm_enum_to_label (CM_TYPE_EIA_DECISION,
                                                                  cm_eia_get_decision (eia)));
      g_autofree char *state = eia_state (eia);
      g_autofree char *open_name = g_strdup_printf (_("Open Assessment, version %d"),
                                                    cm_eia_get_version (eia));
      GtkWidget *row = cm_service_section_add_text (section, title, state, NULL);

      this_cycle |= cm_eia_get_cycle (eia) == cycle;
      if (!cm_eia_get_signed (eia))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     sign_off_button (section, eia, row, state));
          add_signatory_row (section, eia);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 eia_button (section, eia, _("Open _Assessment"), open_name,
                                             G_CALLBACK (open_clicked)));
    }
  gtk_widget_set_visible (self->start_button, !this_cycle);
}

void
cm_service_eia_start (CmServiceEia *self)
{
  CmServiceSection *section = CM_SERVICE_SECTION (self);
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_EIA, "service-id", cm_service_section_get_service_id (section), NULL);

  /* A new assessment opens on its own page, where its screening starts. */
  cm_service_section_create (section, "eias", draft);
}

static void
start_clicked (CmServiceEia *self)
{
  cm_service_eia_start (self);
}

static void
cm_service_eia_class_init (CmServiceEiaClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("No equality impact assessment yet. Plan cannot close until "
                                 "one of this cycle is signed off.");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-eia.ui");
  gtk_widget_class_bind_template_child (widget_class, CmServiceEia, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked);
}

static void
cm_service_eia_init (CmServiceEia *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
