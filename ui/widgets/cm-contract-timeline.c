/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-timeline.c: contracts' periods and key dates, drawn on one axis
 *
 * The drawing is the core's (cm-timeline-render.c), so paper shows the
 * same picture. Over each item lies a spot (cm-timeline-spot.c) that
 * names it; only one spot takes Tab at a time, and the arrow keys move
 * focus along the items in date order, so a long timeline costs one Tab.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cm-contract-timeline.h"
#include "cm-deadline-settings.h"
#include "cm-roving-focus.h"
#include "cm-timeline-contract.h"
#include "cm-timeline-render.h"
#include "cm-timeline-spot.h"

struct _CmContractTimeline
{
  GtkWidget parent_instance;

  CmStore *store;
  GDate today;
  GListModel *contracts;
  CmTimeline *timeline;
  GArray *items;           /* of CmTimelineItem, in the order of spots */
  GPtrArray *spots;        /* of CmTimelineSpot, unowned: they are children */
  guint current;           /* the spot Tab lands on */
  char *summary;
  CmTimelineLayout layout;
};

G_DEFINE_FINAL_TYPE (CmContractTimeline, cm_contract_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_CONTRACTS,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_WIDTH 600

/* ---- the items and their spots ------------------------------------------ */

static void
clear_spots (CmContractTimeline *self)
{
  for (guint i = 0; i < self->spots->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->spots, i));
  g_ptr_array_set_size (self->spots, 0);
  g_clear_pointer (&self->items, g_array_unref);
  self->current = 0;
}

static void
add_spots (CmContractTimeline *self)
{
  self->items = cm_timeline_items (self->timeline);
  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *name = cm_timeline_item_name (self->timeline,
                                                     &g_array_index (self->items,
                                                                     CmTimelineItem, i));
      GtkWidget *spot = cm_timeline_spot_new (name);

      /* One stop for Tab; the arrows do the rest. */
      gtk_widget_set_focusable (spot, i == 0);
      gtk_widget_set_parent (spot, GTK_WIDGET (self));
      g_ptr_array_add (self->spots, spot);
    }
}

static void
set_summary (CmContractTimeline *self, char *summary)
{
  g_free (self->summary);
  self->summary = summary;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary ? summary : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* Reckons every contract's dates again and lays new spots over them. */
static void
rebuild (CmContractTimeline *self)
{
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  guint n = self->contracts ? g_list_model_get_n_items (self->contracts) : 0;

  clear_spots (self);
  g_clear_pointer (&self->timeline, cm_timeline_free);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0 && g_date_valid (&self->today));
  if (n == 0 || !g_date_valid (&self->today))
    {
      set_summary (self, NULL);
      return;
    }
  if (self->store)
    cm_deadline_settings_load (self->store, &settings);
  self->timeline = cm_timeline_new (&self->today);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (self->contracts, i);

      cm_timeline_add_contract (self->timeline, contract, &settings);
    }
  add_spots (self);
  set_summary (self, cm_timeline_describe (self->timeline));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- the keyboard ------------------------------------------------------- */

static void
move_to (CmContractTimeline *self, guint index)
{
  GtkWidget *from, *to;

  if (self->spots->len == 0)
    return;
  index = MIN (index, self->spots->len - 1);
  from = g_ptr_array_index (self->spots, self->current);
  to = g_ptr_array_index (self->spots, index);
  gtk_widget_set_focusable (to, TRUE);
  gtk_widget_grab_focus (to);
  if (from != to)
    gtk_widget_set_focusable (from, FALSE);
  self->current = index;
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, CmContractTimeline *self)
{
  CmRovingMove move = cm_roving_move_for_key (keyval, state, TRUE);

  if (move == CM_ROVING_NONE || self->spots->len == 0)
    return FALSE;
  move_to (self, cm_roving_index (move, self->current, self->spots->len));
  return TRUE;
}

/* A click on a mark puts the keyboard there, to go on with the arrows. */
static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, CmContractTimeline *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  guint index;

  if (picked && g_ptr_array_find (self->spots, picked, &index))
    move_to (self, index);
}

/* ---- overrides ---------------------------------------------------------- */

static PangoContext *
context_of (CmContractTimeline *self)
{
  return gtk_widget_get_pango_context (GTK_WIDGET (self));
}

static GtkSizeRequestMode
cm_contract_timeline_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cm_contract_timeline_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                              int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (widget);
  CmTimelineLayout layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = DEFAULT_WIDTH;
      return;
    }
  if (self->timeline == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  cm_timeline_layout (self->timeline, context_of (self), for_size > 0 ? for_size : DEFAULT_WIDTH,
                      &layout);
  *minimum = *natural = (int) ceil (layout.height);
}

static void
cm_contract_timeline_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (widget);

  if (self->timeline == NULL)
    return;
  cm_timeline_layout (self->timeline, context_of (self), width, &self->layout);
  for (guint i = 0; i < self->spots->len; i++)
    {
      GtkWidget *spot = g_ptr_array_index (self->spots, i);
      cairo_rectangle_t box;
      int min, nat;

      /* GTK expects a child measured before it is given a size. */
      gtk_widget_measure (spot, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      cm_timeline_layout_item_box (&self->layout, self->timeline,
                                   &g_array_index (self->items, CmTimelineItem, i), &box);
      gtk_widget_size_allocate (spot,
                                &(GtkAllocation) { (int) floor (box.x), (int) floor (box.y),
                                                   (int) ceil (box.width),
                                                   (int) ceil (box.height) },
                                -1);
    }
}

static void
cm_contract_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->timeline == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  cm_timeline_render (cr, context_of (self), self->timeline, &self->layout,
                      dark ? cm_timeline_palette_dark () : cm_timeline_palette_light ());
  cairo_destroy (cr);
  /* The spots, for the focus ring. */
  GTK_WIDGET_CLASS (cm_contract_timeline_parent_class)->snapshot (widget, snapshot);
}

static void
cm_contract_timeline_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, g_date_valid (&self->today) ? &self->today : NULL);
      break;
    case PROP_CONTRACTS:
      g_value_set_object (value, self->contracts);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_today (CmContractTimeline *self, const GDate *today)
{
  if (today)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
cm_contract_timeline_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_TODAY:
      set_today (self, g_value_get_boxed (value));
      break;
    case PROP_CONTRACTS:
      cm_contract_timeline_set_contracts (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_contract_timeline_dispose (GObject *object)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (object);

  clear_spots (self);
  if (self->contracts)
    g_signal_handlers_disconnect_by_data (self->contracts, self);
  g_clear_object (&self->contracts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->timeline, cm_timeline_free);

  G_OBJECT_CLASS (cm_contract_timeline_parent_class)->dispose (object);
}

static void
cm_contract_timeline_finalize (GObject *object)
{
  CmContractTimeline *self = CM_CONTRACT_TIMELINE (object);

  g_ptr_array_unref (self->spots);
  g_free (self->summary);

  G_OBJECT_CLASS (cm_contract_timeline_parent_class)->finalize (object);
}

static void
cm_contract_timeline_class_init (CmContractTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_contract_timeline_get_property;
  object_class->set_property = cm_contract_timeline_set_property;
  object_class->dispose = cm_contract_timeline_dispose;
  object_class->finalize = cm_contract_timeline_finalize;
  widget_class->get_request_mode = cm_contract_timeline_get_request_mode;
  widget_class->measure = cm_contract_timeline_measure;
  widget_class->size_allocate = cm_contract_timeline_size_allocate;
  widget_class->snapshot = cm_contract_timeline_snapshot;

  /* Where the portfolio keeps its deadline rules. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The day dates are reckoned from; tests fix it. */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACTS] =
    g_param_spec_object ("contracts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "contracttimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cm_contract_timeline_init (CmContractTimeline *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->spots = g_ptr_array_new ();
  g_date_clear (&self->today, 1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contract timeline"), -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* The palette follows the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/* ---- public API --------------------------------------------------------- */

GtkWidget *
cm_contract_timeline_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_CONTRACT_TIMELINE, "store", store, "today", today, NULL);
}

void
cm_contract_timeline_set_contracts (CmContractTimeline *self, GListModel *contracts)
{
  g_return_if_fail (CM_IS_CONTRACT_TIMELINE (self));

  if (self->contracts)
    g_signal_handlers_disconnect_by_data (self->contracts, self);
  g_set_object (&self->contracts, contracts);
  if (contracts)
    g_signal_connect_swapped (contracts, "items-changed", G_CALLBACK (rebuild), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACTS]);
}

void
cm_contract_timeline_set_contract (CmContractTimeline *self, CmContract *contract)
{
  g_autoptr(GListStore) one = g_list_store_new (CM_TYPE_CONTRACT);

  if (contract)
    g_list_store_append (one, contract);
  cm_contract_timeline_set_contracts (self, G_LIST_MODEL (one));
}

const char *
cm_contract_timeline_get_summary (CmContractTimeline *self)
{
  return self->summary;
}
