/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-detail-page.c: the base of the pages that show one record in full */
#include <glib/gi18n.h>

#include "cm-detail-page.h"
#include "cm-page-parts.h"
#include "cm-status-page.h"

typedef struct {
  GtkWidget *slot;
  CmDetailPart make;
  GStrv tables;
  gboolean stale;
} Part;

typedef struct {
  CmStore *store;
  GDate today;
  CmEntity *entity;
  GArray *parts;               /* of Part, in the order they were added */
  GArray *handlers;            /* the store's "changed::table" handlers */
  guint remake_id;             /* stale parts waiting for the main loop */

  AdwToastOverlay *toasts;
  GtkStack *stack;
  AdwClamp *clamp;
} CmDetailPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CmDetailPage, cm_detail_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTITY,
  PROP_TODAY,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CmDetailPagePrivate *
priv (CmDetailPage *self)
{
  return cm_detail_page_get_instance_private (self);
}

void
cm_detail_page_report (CmDetailPage *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (priv (self)->toasts, toast);
}

static void
report_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_detail_page_report (CM_DETAIL_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
close_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* ---- parts ------------------------------------------------------------ */

static void
remake_part (CmDetailPage *self, Part *part)
{
  GtkWidget *fresh = priv (self)->entity ? part->make (self) : NULL;
  GtkWidget *shown;

  part->stale = FALSE;
  if (fresh)
    cm_page_keep_shown (part->slot, fresh);
  else if ((shown = gtk_widget_get_first_child (part->slot)))
    gtk_box_remove (GTK_BOX (part->slot), shown);
}

static void
remake_stale (CmDetailPage *self)
{
  CmDetailPagePrivate *p = priv (self);

  for (guint i = 0; i < p->parts->len; i++)
    if (g_array_index (p->parts, Part, i).stale)
      remake_part (self, &g_array_index (p->parts, Part, i));
}

static gboolean
remake_idle (gpointer data)
{
  CmDetailPage *self = data;

  priv (self)->remake_id = 0;
  remake_stale (self);
  return G_SOURCE_REMOVE;
}

static void
show_state (CmDetailPage *self)
{
  gtk_stack_set_visible_child_name (priv (self)->stack, priv (self)->entity ? "record" : "empty");
}

typedef struct {
  CmDetailPage *self;
  GQuark table;
} Watch;

static void
watched_table_changed (CmStore *store, Watch *watch)
{
  CmDetailPagePrivate *p = priv (watch->self);
  const char *table = g_quark_to_string (watch->table);
  gboolean own = p->entity && g_strcmp0 (cm_entity_get_table (p->entity), table) == 0;

  for (guint i = 0; i < p->parts->len; i++)
    {
      Part *part = &g_array_index (p->parts, Part, i);

      if (own || g_strv_contains ((const char * const *) part->tables, table))
        part->stale = TRUE;
    }
  /* A record deleted leaves the page empty. */
  if (own && cm_store_find (store, G_OBJECT_TYPE (p->entity), cm_entity_get_id (p->entity)) == NULL)
    {
      cm_detail_page_set_entity (watch->self, NULL);
      return;
    }
  /* One action can change many tables: the parts it reached are made
   * once, after. */
  if (p->remake_id == 0)
    p->remake_id = g_idle_add (remake_idle, watch->self);
}

static void
watch (CmDetailPage *self, const char *table)
{
  CmDetailPagePrivate *p = priv (self);
  g_autofree char *signal = g_strdup_printf ("changed::%s", table);
  Watch *w = g_new0 (Watch, 1);
  gulong id;

  w->self = self;
  w->table = g_quark_from_string (table);
  id = g_signal_connect_data (p->store, signal, G_CALLBACK (watched_table_changed), w,
                              (GClosureNotify) (void (*) (void)) g_free, 0);
  g_array_append_val (p->handlers, id);
}

/* Follows the tables the parts and the entity read, each once. */
static void
watch_tables (CmDetailPage *self)
{
  CmDetailPagePrivate *p = priv (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer table;

  for (guint i = 0; p->store && i < p->handlers->len; i++)
    g_signal_handler_disconnect (p->store, g_array_index (p->handlers, gulong, i));
  g_array_set_size (p->handlers, 0);
  if (p->store == NULL || p->entity == NULL)
    return;
  g_hash_table_add (seen, (gpointer) cm_entity_get_table (p->entity));
  for (guint i = 0; i < p->parts->len; i++)
    for (GStrv t = g_array_index (p->parts, Part, i).tables; t && *t; t++)
      if (**t)
        g_hash_table_add (seen, *t);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    watch (self, table);
}

void
cm_detail_page_add_part (CmDetailPage *self, GtkWidget *slot, CmDetailPart make,
                         const char *tables)
{
  Part part = { slot, make, g_strsplit (tables ? tables : "", " ", -1), FALSE };

  g_return_if_fail (GTK_IS_BOX (slot));
  g_array_append_val (priv (self)->parts, part);
}

void
cm_detail_page_remake (CmDetailPage *self, GtkWidget *slot)
{
  CmDetailPagePrivate *p = priv (self);

  for (guint i = 0; i < p->parts->len; i++)
    if (g_array_index (p->parts, Part, i).slot == slot)
      remake_part (self, &g_array_index (p->parts, Part, i));
}

/* ---- the record shown ------------------------------------------------- */

/* The keyboard goes to the page's first control, unless it is in the page
 * already (the record shown again, the user in one of its fields): moving
 * on from there would take it to the next control, and the Enter meant
 * for the field would go there. */
static void
give_keyboard (CmDetailPage *self)
{
  GtkWidget *content = adw_clamp_get_child (priv (self)->clamp);
  GtkRoot *root = content ? gtk_widget_get_root (content) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (content == NULL || (focus && gtk_widget_is_ancestor (focus, content)))
    return;
  gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

void
cm_detail_page_set_entity (CmDetailPage *self, CmEntity *entity)
{
  CmDetailPagePrivate *p = priv (self);
  CmDetailPageClass *klass = CM_DETAIL_PAGE_GET_CLASS (self);

  g_set_object (&p->entity, entity);
  g_clear_handle_id (&p->remake_id, g_source_remove);
  if (klass->entity_set)
    klass->entity_set (self);
  watch_tables (self);
  for (guint i = 0; i < p->parts->len; i++)
    remake_part (self, &g_array_index (p->parts, Part, i));
  show_state (self);
  if (entity)
    give_keyboard (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

CmEntity *
cm_detail_page_get_entity (CmDetailPage *self)
{
  return priv (self)->entity;
}

CmStore *
cm_detail_page_get_store (CmDetailPage *self)
{
  return priv (self)->store;
}

const GDate *
cm_detail_page_get_today (CmDetailPage *self)
{
  return &priv (self)->today;
}

/* ---- overrides -------------------------------------------------------- */

static void
cm_detail_page_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  CmDetailPage *self = CM_DETAIL_PAGE (object);
  CmDetailPagePrivate *p = priv (self);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&p->store, g_value_get_object (value));
      break;
    case PROP_ENTITY:
      cm_detail_page_set_entity (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      today = g_value_get_boxed (value);
      if (today)
        p->today = *today;
      break;
    case PROP_CONTENT:
      adw_clamp_set_child (p->clamp, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_detail_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmDetailPagePrivate *p = priv (CM_DETAIL_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, p->store);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, p->entity);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &p->today);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, adw_clamp_get_child (p->clamp));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_detail_page_constructed (GObject *object)
{
  CmDetailPage *self = CM_DETAIL_PAGE (object);
  CmDetailPageClass *klass = CM_DETAIL_PAGE_GET_CLASS (self);

  G_OBJECT_CLASS (cm_detail_page_parent_class)->constructed (object);
  gtk_stack_add_named (priv (self)->stack,
                       cm_status_page_new ("view-list-symbolic", _(klass->empty_title),
                                           _(klass->empty_description), NULL),
                       "empty");
  show_state (self);
}

static void
cm_detail_page_dispose (GObject *object)
{
  CmDetailPage *self = CM_DETAIL_PAGE (object);
  CmDetailPagePrivate *p = priv (self);

  g_clear_handle_id (&p->remake_id, g_source_remove);
  g_clear_object (&p->entity);
  if (p->parts)
    watch_tables (self);
  /* Unparented by hand: GTK 4.8's gtk_widget_dispose_template () aborted
   * here, after the subclass's own, when a portfolio closed under an open
   * service page; the template's references go when the page is finalised. */
  if (p->toasts)
    gtk_widget_unparent (GTK_WIDGET (p->toasts));
  p->toasts = NULL;
  p->stack = NULL;
  p->clamp = NULL;
  g_clear_object (&p->store);

  G_OBJECT_CLASS (cm_detail_page_parent_class)->dispose (object);
}

static void
cm_detail_page_finalize (GObject *object)
{
  CmDetailPagePrivate *p = priv (CM_DETAIL_PAGE (object));

  for (guint i = 0; i < p->parts->len; i++)
    g_strfreev (g_array_index (p->parts, Part, i).tables);
  g_array_unref (p->parts);
  g_array_unref (p->handlers);

  G_OBJECT_CLASS (cm_detail_page_parent_class)->finalize (object);
}

static void
cm_detail_page_class_init (CmDetailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cm_detail_page_set_property;
  object_class->get_property = cm_detail_page_get_property;
  object_class->constructed = cm_detail_page_constructed;
  object_class->dispose = cm_detail_page_dispose;
  object_class->finalize = cm_detail_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The record shown; NULL shows how to choose one. */
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, CM_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The day dates are reckoned from; tests fix it. */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The subclass's layout, from its template. */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user went back to the list the record came from. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "page.report", "s", report_activated);
  gtk_widget_class_install_action (widget_class, "page.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.close",
                                       NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-detail-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, CmDetailPage, toasts);
  gtk_widget_class_bind_template_child_private (widget_class, CmDetailPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, CmDetailPage, clamp);
}

static void
cm_detail_page_init (CmDetailPage *self)
{
  CmDetailPagePrivate *p = priv (self);

  g_date_clear (&p->today, 1);
  p->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  p->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  gtk_widget_init_template (GTK_WIDGET (self));
}
