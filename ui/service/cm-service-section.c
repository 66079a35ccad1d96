/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-section.c: the base of the service page's sections */
#include <glib/gi18n.h>

#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-detail-page.h"
#include "cm-record-editor.h"
#include "cm-service-section.h"

typedef struct {
  CmStore *store;
  CmService *service;
  GDate today;
  GtkListBox *rows;
  guint refresh_id;       /* a refresh waiting for the main loop */
  GHashTable *lists;      /* the service's live lists read, by type */
} CmServiceSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CmServiceSection, cm_service_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SERVICE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CmServiceSectionPrivate *
priv (CmServiceSection *self)
{
  return cm_service_section_get_instance_private (self);
}

/* ---- refreshing ------------------------------------------------------- */

/* The rows are made again into a list of their own, and only those that
 * differ from the rows shown are swapped in: a change to one record
 * changes its row, and the keyboard stays where it was. */
static void
refresh (CmServiceSection *self)
{
  CmServiceSectionPrivate *p = priv (self);
  const char *empty = CM_SERVICE_SECTION_GET_CLASS (self)->empty_text;
  GtkListBox *shown = p->rows;
  GtkWidget *fresh = gtk_list_box_new ();
  gboolean any;

  p->rows = GTK_LIST_BOX (fresh);
  if (p->store && p->service && g_date_valid (&p->today))
    CM_SERVICE_SECTION_GET_CLASS (self)->refresh (self);
  p->rows = shown;
  any = gtk_widget_get_first_child (fresh) != NULL;
  cm_page_keep_rows (GTK_WIDGET (shown), fresh);
  gtk_widget_set_visible (GTK_WIDGET (p->rows), any);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         any || empty == NULL ? NULL : _(empty));
}

static gboolean
refresh_idle (gpointer data)
{
  CmServiceSection *self = data;

  priv (self)->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* One action can change many records: the rows are filled once, after. */
static void
store_changed (CmServiceSection *self)
{
  if (priv (self)->refresh_id == 0)
    priv (self)->refresh_id = g_idle_add (refresh_idle, self);
}

/* ---- overrides -------------------------------------------------------- */

static void
cm_service_section_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  CmServiceSection *self = CM_SERVICE_SECTION (object);
  CmServiceSectionPrivate *p = priv (self);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_STORE:
      if (p->store)
        g_signal_handlers_disconnect_by_data (p->store, self);
      g_set_object (&p->store, g_value_get_object (value));
      g_hash_table_remove_all (p->lists);
      if (p->store)
        g_signal_connect_swapped (p->store, "changed", G_CALLBACK (store_changed), self);
      break;
    case PROP_SERVICE:
      g_set_object (&p->service, g_value_get_object (value));
      g_hash_table_remove_all (p->lists);
      break;
    case PROP_TODAY:
      today = g_value_get_boxed (value);
      if (today)
        p->today = *today;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  refresh (self);
}

static void
cm_service_section_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  CmServiceSectionPrivate *p = priv (CM_SERVICE_SECTION (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, p->store);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, p->service);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &p->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_service_section_constructed (GObject *object)
{
  CmServiceSection *self = CM_SERVICE_SECTION (object);

  G_OBJECT_CLASS (cm_service_section_parent_class)->constructed (object);
  /* The list reads as the section's title, as a plain group's does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv (self)->rows),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self)),
                                  -1);
  refresh (self);
}

static void
cm_service_section_dispose (GObject *object)
{
  CmServiceSectionPrivate *p = priv (CM_SERVICE_SECTION (object));

  g_clear_handle_id (&p->refresh_id, g_source_remove);
  if (p->store)
    g_signal_handlers_disconnect_by_data (p->store, object);
  g_clear_object (&p->store);
  g_clear_object (&p->service);
  if (p->lists)
    g_hash_table_remove_all (p->lists);

  G_OBJECT_CLASS (cm_service_section_parent_class)->dispose (object);
}

static void
cm_service_section_finalize (GObject *object)
{
  g_hash_table_unref (priv (CM_SERVICE_SECTION (object))->lists);

  G_OBJECT_CLASS (cm_service_section_parent_class)->finalize (object);
}

static void
cm_service_section_class_init (CmServiceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = cm_service_section_set_property;
  object_class->get_property = cm_service_section_get_property;
  object_class->constructed = cm_service_section_constructed;
  object_class->dispose = cm_service_section_dispose;
  object_class->finalize = cm_service_section_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, CM_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The day dates are reckoned from; tests fix it. */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A record to show on its own page; a decommission at its trail when TRUE. */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, CM_TYPE_ENTITY, G_TYPE_BOOLEAN);
}

static void
cm_service_section_init (CmServiceSection *self)
{
  CmServiceSectionPrivate *p = priv (self);

  g_date_clear (&p->today, 1);
  p->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  p->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (p->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (p->rows), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (p->rows));
}

/* ---- public API ------------------------------------------------------- */

CmStore *
cm_service_section_get_store (CmServiceSection *self)
{
  return priv (self)->store;
}

CmService *
cm_service_section_get_service (CmServiceSection *self)
{
  return priv (self)->service;
}

gint64
cm_service_section_get_service_id (CmServiceSection *self)
{
  return priv (self)->service ? cm_entity_get_id (CM_ENTITY (priv (self)->service)) : 0;
}

const GDate *
cm_service_section_get_today (CmServiceSection *self)
{
  return &priv (self)->today;
}

GPtrArray *
cm_service_section_records (CmServiceSection *self, GType type)
{
  CmServiceSectionPrivate *p = priv (self);
  GListModel *mine = g_hash_table_lookup (p->lists, GSIZE_TO_POINTER (type));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  /* Read with a WHERE: a service's records cost what they are, not the
   * table. The list is kept, live, so its records stay the same objects
   * from one refresh to the next, and the rows showing them stay too. */
  if (mine == NULL)
    {
      mine = cm_store_list_where_id (p->store, type, "service-id",
                                     cm_service_section_get_service_id (self));
      g_hash_table_insert (p->lists, GSIZE_TO_POINTER (type), mine);
    }

  for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
    g_ptr_array_add (found, g_list_model_get_item (mine, i));
  return found;
}

void
cm_service_section_add (CmServiceSection *self, GtkWidget *row)
{
  gtk_list_box_append (priv (self)->rows, row);
}

GtkWidget *
cm_service_section_add_text (CmServiceSection *self, const char *title, const char *subtitle,
                             const char *icon_name)
{
  GtkWidget *row = cm_page_text_row (title, subtitle, icon_name);

  cm_service_section_add (self, row);
  return row;
}

GtkWidget *
cm_service_section_row_button (const char *mnemonic, const char *accessible_name)
{
  GtkWidget *button = cm_mnemonic_button_new (mnemonic, NULL);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

void
cm_service_section_report (CmServiceSection *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.report", "s", message);
}

void
cm_service_section_open (CmServiceSection *self, CmEntity *record, gboolean audit)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, record, audit);
}

GtkWidget *
cm_service_section_edit (CmServiceSection *self, const char *kind_name, CmEntity *draft)
{
  guint n;
  const CmRecordKind *kinds = cm_record_kinds (&n);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = NULL;

  for (guint i = 0; i < n && editor == NULL; i++)
    if (g_str_equal (kinds[i].name, kind_name))
      editor = cm_record_editor_new (priv (self)->store, &kinds[i], draft);
  g_return_val_if_fail (editor != NULL, NULL);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
created (GtkWidget *page, CmEntity *record)
{
  g_signal_emit_by_name (page, "open-record", record, FALSE);
}

void
cm_service_section_create (CmServiceSection *self, const char *kind_name, CmEntity *draft)
{
  GtkWidget *editor = cm_service_section_edit (self, kind_name, draft);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), CM_TYPE_DETAIL_PAGE);

  /* The page, not this section, opens the record: the page stays while
   * the editor is open, whatever this section shows meanwhile. */
  if (editor && page && g_signal_lookup ("open-record", G_OBJECT_TYPE (page)))
    g_signal_connect_object (editor, "saved", G_CALLBACK (created), page, G_CONNECT_SWAPPED);
}
