/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-contracts.c: a service's contracts with their key dates */
#include <glib/gi18n.h>

#include "cm-conflict-handle.h"
#include "cm-contract.h"
#include "cm-contract-timeline.h"
#include "cm-date.h"
#include "cm-date-dialog.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-service-contracts.h"

struct _CmServiceContracts
{
  CmServiceSection parent_instance;
};

G_DEFINE_FINAL_TYPE (CmServiceContracts, cm_service_contracts, CM_TYPE_SERVICE_SECTION)

/* Joins the facts of a contract's key dates, each a phrase of its own. */
static void
add_fact (GString *text, char *fact)
{
  if (text->len > 0)
    /* Translators: between the facts of a contract's key dates: "Ends 31
     * March 2027 · latest notice 31 December 2026" */
    g_string_append (text, C_("key dates", " · "));
  g_string_append (text, fact);
  g_free (fact);
}

/* "Ends 31 March 2027 · latest notice 31 December 2026 · extension
 * decision by 30 September 2026", as far as the contract's facts go. */
static char *
key_dates (CmServiceSection *self, CmContract *contract)
{
  CmDeadlineSettings settings;
  CmContractDates dates;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *end = NULL;

  cm_deadline_settings_load (cm_service_section_get_store (self), &settings);
  if (!cm_contract_compute_dates (contract, cm_service_section_get_today (self), &settings,
                                  &dates))
    return g_strdup (_("No end date: add its start date and term, or its end date."));
  end = cm_date_to_long (&dates.current_end);
  /* Translators: the day the contract's current term ends, "31 March 2027" */
  add_fact (text, g_strdup_printf (_("Ends %s"), end));
  if (g_date_valid (&dates.latest_notice))
    {
      g_autofree char *notice = cm_date_to_long (&dates.latest_notice);

      /* Translators: the last day notice can be served, "31 December 2026" */
      add_fact (text, g_strdup_printf (_("latest notice %s"), notice));
    }
  else
    add_fact (text, g_strdup (_("notice period not recorded")));
  if (g_date_valid (&dates.extension_decision))
    {
      g_autofree char *decide = cm_date_to_long (&dates.extension_decision);

      /* Translators: the day an extension is to be decided by, "30 September 2026" */
      add_fact (text, g_strdup_printf (_("extension decision by %s"), decide));
    }
  if (*cm_contract_get_notice_served (contract))
    {
      g_autofree char *served = cm_date_format_long (cm_contract_get_notice_served (contract));

      /* Translators: the day notice was served, "1 December 2026" */
      add_fact (text, g_strdup_printf (_("notice served %s"), served));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- notice served ---------------------------------------------------- */

typedef struct {
  CmServiceSection *self;
  gint64 contract_id;
} NoticeAsk;

static void
notice_conflict_settled (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                         const GError *error, gpointer data)
{
  if (outcome == CM_CONFLICT_FAILED)
    cm_service_section_report (CM_SERVICE_SECTION (widget), error->message);
}

static void
notice_date_chosen (const GDate *served, gpointer data)
{
  NoticeAsk *ask = data;
  CmStore *store = cm_service_section_get_store (ask->self);
  CmEntity *contract = store ? cm_store_find (store, CM_TYPE_CONTRACT, ask->contract_id) : NULL;
  g_autoptr(CmEntity) read = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (served && contract)
    {
      read = cm_entity_copy (contract);
      draft = cm_entity_copy (contract);
      cm_contract_record_notice_served (CM_CONTRACT (draft), served);
      if (!cm_store_save (store, draft, &error) &&
          !cm_conflict_handle (GTK_WIDGET (ask->self), store, read, draft, error, cm_store_save,
                               notice_conflict_settled, NULL))
        cm_service_section_report (ask->self, error->message);
    }
  g_object_unref (ask->self);
  g_free (ask);
}

void
cm_service_contracts_ask_notice (CmServiceSection *self, CmContract *contract)
{
  NoticeAsk *ask = g_new0 (NoticeAsk, 1);
  g_autofree char *body = g_strdup_printf (_("On which day was notice served on %s, “%s”?"),
                                           cm_contract_get_reference (contract),
                                           cm_contract_get_title (contract));

  ask->self = g_object_ref (self);
  ask->contract_id = cm_entity_get_id (CM_ENTITY (contract));
  cm_date_dialog_ask (GTK_WIDGET (self), _("Record Notice Served"), body,
                      _("Date notice was served"), _("_Record Notice"),
                      cm_service_section_get_today (self), notice_date_chosen, ask);
}

static void
record_notice_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_contracts_ask_notice (self, g_object_get_data (G_OBJECT (button), "contract"));
}

static void
open_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_section_open (self, g_object_get_data (G_OBJECT (button), "contract"), FALSE);
}

/* ---- rows ------------------------------------------------------------- */

static GtkWidget *
contract_button (CmServiceSection *self, CmContract *contract, const char *mnemonic,
                 const char *name, GCallback clicked)
{
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "contract", g_object_ref (contract),
                          g_object_unref);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

/* All the service's contracts on one axis, above their rows. */
static void
add_timeline (CmServiceSection *self, GPtrArray *contracts)
{
  g_autoptr(GListStore) model = g_list_store_new (CM_TYPE_CONTRACT);
  GtkWidget *timeline = cm_contract_timeline_new (cm_service_section_get_store (self),
                                                  cm_service_section_get_today (self));
  GtkWidget *row = gtk_list_box_row_new ();

  for (guint i = 0; i < contracts->len; i++)
    g_list_store_append (model, g_ptr_array_index (contracts, i));
  cm_contract_timeline_set_contracts (CM_CONTRACT_TIMELINE (timeline), G_LIST_MODEL (model));
  const char *name = _("Timeline of the service’s contracts");

  gtk_accessible_update_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_margin_start (timeline, 12);
  gtk_widget_set_margin_end (timeline, 12);
  gtk_widget_set_margin_top (timeline, 12);
  gtk_widget_set_margin_bottom (timeline, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), timeline);
  /* The row only holds the drawing: focus goes to its marks. */
  gtk_widget_set_focusable (row, FALSE);
  cm_service_section_add (self, row);
}

static void
refresh (CmServiceSection *self)
{
  g_autoptr(GPtrArray) contracts = cm_service_section_records (self, CM_TYPE_CONTRACT);

  if (contracts->len > 0)
    add_timeline (self, contracts);
  for (guint i = 0; i < contracts->len; i++)
    {
      CmContract *contract = g_ptr_array_index (contracts, i);
      g_autofree char *title = cm_entity_describe (CM_ENTITY (contract));
      g_autofree char *dates = key_dates (self, contract);
      const char *reference = cm_contract_get_reference (contract);
      g_autofree char *notice_name = g_strdup_printf (_("Record Notice Served on %s"), reference);
      g_autofree char *open_name = g_strdup_printf (_("Open contract %s"), reference);
      GtkWidget *row = cm_service_section_add_text (self, title, dates, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 contract_button (self, contract, _("Record _Notice Served…"),
                                                  notice_name,
                                                  G_CALLBACK (record_notice_clicked)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 contract_button (self, contract, _("_Open"), open_name,
                                                  G_CALLBACK (open_clicked)));
    }
}

static void
add_clicked (CmServiceSection *self)
{
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_CONTRACT, "service-id", cm_service_section_get_service_id (self), NULL);

  cm_service_section_edit (self, "contracts", draft);
}

static void
cm_service_contracts_class_init (CmServiceContractsClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("No contract is recorded for this service yet.");
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-contracts.ui");
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), add_clicked);
}

static void
cm_service_contracts_init (CmServiceContracts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
