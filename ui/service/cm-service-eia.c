/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-eia.c: a service's equality impact assessments */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-eia.h"
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
eia_button (CmServiceSection *self, CmEia *eia, const char *mnemonic, const char *name)
{
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "eia", g_object_ref (eia), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), self);
  return button;
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
      /* Signing off needs a signatory and their training checked: the
       * assessment's own sign-off step asks for both. */
      if (!cm_eia_get_signed (eia))
        {
          g_autofree char *sign_name = g_strdup_printf (_("Open version %d to sign it off"),
                                                        cm_eia_get_version (eia));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     eia_button (section, eia, _("Open to Si_gn Off"),
                                                 sign_name));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 eia_button (section, eia, _("Open _Assessment"), open_name));
    }
  gtk_widget_set_visible (self->start_button, !this_cycle);
}

static void
start_clicked (CmServiceSection *self)
{
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_EIA, "service-id", cm_service_section_get_service_id (self), NULL);

  cm_service_section_edit (self, "eias", draft);
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
