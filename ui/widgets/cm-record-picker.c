/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-picker.c: a searchable choice of one record by name
 *
 * A portfolio may hold tens of thousands of providers: a drop-down of them
 * all would be slow to open, unsorted and cut long names off. The picker
 * is a button that names the choice in full and opens a search over a
 * list view, which makes widgets only for the rows in sight. The sorted,
 * filtered models are made the first time the search opens, so an editor
 * with several pickers costs nothing until one is used. A key press only
 * starts a search: the names are compared in a worker thread, and the
 * list takes the records found at once when it is done, so typing never
 * waits on 20,000 names.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "cm-array-model.h"
#include "cm-record-picker.h"

typedef struct _Names Names;

struct _CmRecordPicker
{
  GtkWidget parent_instance;

  CmStore *store;
  GType entity_type;
  gint64 selected_id;
  char *title;
  gboolean optional;
  char *create_label;

  GtkExpression *by_name;
  char *folded_search;       /* what the user typed, folded; NULL for all */
  Names *names;              /* every record's name, until the table changes */
  GObject *placeholder;      /* "None", when the choice is optional */
  GCancellable *searching;   /* the search running in a worker thread */
  CmArrayModel *shown;       /* what it found, sorted, after None when optional */
  GtkSingleSelection *selection;

  GtkWidget *button;
  GtkLabel *label;
  GtkPopover *popover;
  GtkSearchEntry *search;
  GtkListView *list;
  GtkLabel *nothing;
  GtkButton *create;
};

G_DEFINE_FINAL_TYPE (CmRecordPicker, cm_record_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTITY_TYPE,
  PROP_SELECTED_ID,
  PROP_TITLE,
  PROP_OPTIONAL,
  PROP_CREATE_LABEL,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CREATE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- names ------------------------------------------------------------- */

static char *
describe_record (CmEntity *record)
{
  return record ? cm_entity_describe (record) : g_strdup ("");
}

/* Records are shown by name, or for those with none (a contract) as the
 * audit trail names them. */
static GtkExpression *
name_expression (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "name"))
    return gtk_property_expression_new (type, NULL, "name");
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (describe_record),
                                      NULL, NULL);
}

static char *
name_of (CmRecordPicker *self, gpointer record)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (record == NULL || !gtk_expression_evaluate (self->by_name, record, &value))
    return g_strdup ("");
  return g_value_dup_string (&value);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

/* ---- searching --------------------------------------------------------- */

/* Every record with its name, read once on the main thread; the names are
 * folded (case and accents set aside) by the first search's worker, under
 * the lock, and kept for the next searches. Shared with the workers. */
struct _Names {
  GPtrArray *records;        /* of GObject, held; the placeholder first, if any */
  GPtrArray *names;          /* of char *, the same order */
  gboolean placeholder;      /* whether the first record is "None" */
  GPtrArray *folded;         /* likewise; NULL until folded */
  guint *order;              /* the records by name: indexes into them */
  GMutex lock;
};

static void
names_clear (Names *names)
{
  g_ptr_array_unref (names->records);
  g_ptr_array_unref (names->names);
  g_clear_pointer (&names->folded, g_ptr_array_unref);
  g_free (names->order);
  g_mutex_clear (&names->lock);
}

static void
names_unref (Names *names)
{
  g_atomic_rc_box_release_full (names, (GDestroyNotify) names_clear);
}

static Names *
names_read (CmRecordPicker *self)
{
  GListModel *records = cm_store_list (self->store, self->entity_type);
  guint n = g_list_model_get_n_items (records);
  Names *names = g_atomic_rc_box_new0 (Names);

  g_mutex_init (&names->lock);
  names->records = g_ptr_array_new_full (n + 1, g_object_unref);
  names->names = g_ptr_array_new_full (n + 1, g_free);
  if (self->placeholder)
    {
      g_ptr_array_add (names->records, g_object_ref (self->placeholder));
      g_ptr_array_add (names->names, g_strdup (_("None")));
      names->placeholder = TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      GObject *record = g_list_model_get_item (records, i);

      g_ptr_array_add (names->records, record);
      g_ptr_array_add (names->names, name_of (self, record));
    }
  return names;
}

static int
by_key (gconstpointer a, gconstpointer b, gpointer keys)
{
  return strcmp (((char **) keys)[*(const guint *) a], ((char **) keys)[*(const guint *) b]);
}

/* Folds the names and puts the records in order of name, as people read
 * them (collation ignoring case), the first time a worker needs them. */
static void
names_prepare (Names *names)
{
  guint first = names->placeholder ? 1 : 0;
  guint n = names->names->len;
  g_autofree char **keys = NULL;

  g_mutex_lock (&names->lock);
  if (names->folded)
    {
      g_mutex_unlock (&names->lock);
      return;
    }
  names->folded = g_ptr_array_new_full (n, g_free);
  keys = g_new0 (char *, n);
  names->order = g_new (guint, n - first);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (names->folded, fold (g_ptr_array_index (names->names, i)));
      keys[i] = g_utf8_collate_key (g_ptr_array_index (names->folded, i), -1);
    }
  for (guint i = first; i < n; i++)
    names->order[i - first] = i;
  g_qsort_with_data (names->order, n - first, sizeof (guint), by_key, keys);
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
  g_mutex_unlock (&names->lock);
}

typedef struct {
  Names *names;
  char *folded_search;
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  names_unref (search->names);
  g_free (search->folded_search);
  g_free (search);
}

/* The records whose folded name holds the search (all, for none), in
 * order of name after "None"; NULL when cancelled. */
static GPtrArray *
find_matches (Search *search, GCancellable *cancellable)
{
  Names *names = search->names;
  const char *needle = search->folded_search;
  guint first = names->placeholder ? 1 : 0;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  names_prepare (names);
  if (first && (needle == NULL || strstr (g_ptr_array_index (names->folded, 0), needle)))
    g_ptr_array_add (found, g_object_ref (g_ptr_array_index (names->records, 0)));
  for (guint i = 0; i < names->records->len - first; i++)
    {
      guint at = names->order[i];

      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_unref (found);
          return NULL;
        }
      if (needle == NULL || strstr (g_ptr_array_index (names->folded, at), needle))
        g_ptr_array_add (found, g_object_ref (g_ptr_array_index (names->records, at)));
    }
  return found;
}

static void
search_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GPtrArray *found = find_matches (data, cancellable);

  if (found)
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
}

static void search_settled (CmRecordPicker *self);

/* The list shows what the search found, in one change. */
static void
apply_search (CmRecordPicker *self, GPtrArray *found)
{
  cm_array_model_set (self->shown, found);
  search_settled (self);
}

static void
search_done (GObject *source, GAsyncResult *result, gpointer data)
{
  CmRecordPicker *self = CM_RECORD_PICKER (source);
  Search *search = g_task_get_task_data (G_TASK (result));
  GPtrArray *found = g_task_propagate_pointer (G_TASK (result), NULL);

  (void) search;
  if (found == NULL)
    return;    /* a newer search took its place */
  g_clear_object (&self->searching);
  apply_search (self, found);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static Search *
search_new (CmRecordPicker *self)
{
  Search *search = g_new0 (Search, 1);

  if (self->names == NULL)
    self->names = names_read (self);
  search->names = g_atomic_rc_box_acquire (self->names);
  search->folded_search = g_strdup (self->folded_search);
  return search;
}

static void
stop_searching (CmRecordPicker *self)
{
  if (self->searching == NULL)
    return;
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Searches for what was typed (every record, for nothing), in a worker
 * thread: the list keeps what it shows until the answer comes. */
static void
start_search (CmRecordPicker *self)
{
  g_autoptr(GTask) task = NULL;

  stop_searching (self);
  self->searching = g_cancellable_new ();
  task = g_task_new (self, self->searching, search_done, NULL);
  g_task_set_task_data (task, search_new (self), search_free);
  g_task_run_in_thread (task, search_in_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Enter before the search ended: it is finished here and now. */
static void
finish_search (CmRecordPicker *self)
{
  Search *search;

  if (self->searching == NULL)
    return;
  stop_searching (self);
  search = search_new (self);
  apply_search (self, find_matches (search, NULL));
  search_free (search);
}

/* Names are read again after the records of the picker's table changed,
 * and a search shown is run again over them. */
static void
store_changed (CmRecordPicker *self)
{
  g_clear_pointer (&self->names, names_unref);
  if (self->shown)
    start_search (self);
}

/* ---- the button -------------------------------------------------------- */

static void
show_choice (CmRecordPicker *self)
{
  CmEntity *chosen = self->selected_id ? cm_store_find (self->store, self->entity_type,
                                                        self->selected_id)
                                       : NULL;
  g_autofree char *name = chosen ? name_of (self, chosen) : NULL;
  const char *shown = name ? name : self->optional ? _("None") : _("Choose…");
  g_autofree char *spoken = g_strdup_printf (_("%s: %s"), self->title ? self->title : "", shown);

  gtk_label_set_text (self->label, shown);
  gtk_widget_set_tooltip_text (self->button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

/* ---- the list ---------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, CmRecordPicker *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

/* GTK 4.8 names a row after its widget type: the row widget, the label's
 * parent once bound, is named after the record so a screen reader reads it. */
static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, CmRecordPicker *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (label);
  g_autofree char *name = name_of (self, gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), name);
  if (row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* With the choice optional, "None" comes first and is searched like the
 * rest: an unsaved record, whose id is 0, stands for it. */
static GObject *
none_placeholder (CmRecordPicker *self)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->entity_type);

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "name"))
    return g_object_new (self->entity_type, "name", _("None"), NULL);
  return g_object_new (self->entity_type, NULL);
}

static void
show_nothing_found (CmRecordPicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  gtk_widget_set_visible (GTK_WIDGET (self->nothing), n == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list)), n > 0);
  if (n == 0 && *text)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing matches “%s”."), text);
      gtk_label_set_text (self->nothing, message);
    }
  else if (n == 0)
    gtk_label_set_text (self->nothing, _("There is nothing to choose yet."));
}

/* Once the search has looked at every record, the first match is the
 * one Enter takes, and an empty list says why. */
static void
search_settled (CmRecordPicker *self)
{
  if (self->searching)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  show_nothing_found (self);
}

/* Made on first use: reading 20,000 names is work an unopened picker
 * need not do. Case and accents are ignored, and a search matches
 * anywhere in a name. */
static void
ensure_models (CmRecordPicker *self)
{
  GtkListItemFactory *factory;

  if (self->shown)
    return;
  if (self->optional)
    self->placeholder = none_placeholder (self);
  self->shown = cm_array_model_new (self->entity_type);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

/* ---- callbacks --------------------------------------------------------- */

static void
choose (CmRecordPicker *self, gpointer record)
{
  if (record)
    cm_record_picker_set_selected_id (self, cm_entity_get_id (record));
  gtk_popover_popdown (self->popover);
}

static void
button_clicked (CmRecordPicker *self)
{
  cm_record_picker_popup (self);
}

static void
popover_closed (CmRecordPicker *self)
{
  gtk_widget_grab_focus (self->button);
}

static void
search_changed (CmRecordPicker *self)
{
  cm_record_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

/* Enter in the search takes the row it leaves chosen: the first match. */
static void
search_activated (CmRecordPicker *self)
{
  search_changed (self);
  /* Pressed before the search ended: finish it first. */
  finish_search (self);
  choose (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
search_stopped (CmRecordPicker *self)
{
  gtk_popover_popdown (self->popover);
}

static void
row_activated (CmRecordPicker *self, guint position)
{
  g_autoptr(GObject) record = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  choose (self, record);
}

static void
create_clicked (CmRecordPicker *self)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CREATE], 0);
}

/* Down from the search moves into the list, as in other searches. */
static gboolean
search_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
            CmRecordPicker *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

/* ---- overrides --------------------------------------------------------- */

static void
cm_record_picker_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                          int *minimum, int *natural, int *minimum_baseline,
                          int *natural_baseline)
{
  CmRecordPicker *self = CM_RECORD_PICKER (widget);

  gtk_widget_measure (self->button, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* The popover is placed by its parent, each time the parent is. */
static void
cm_record_picker_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CmRecordPicker *self = CM_RECORD_PICKER (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  gtk_popover_present (self->popover);
}

static GtkSizeRequestMode
cm_record_picker_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
cm_record_picker_focus (GtkWidget *widget, GtkDirectionType direction)
{
  CmRecordPicker *self = CM_RECORD_PICKER (widget);

  return gtk_widget_child_focus (self->button, direction);
}

static gboolean
cm_record_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CM_RECORD_PICKER (widget)->button);
}

static void
cm_record_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmRecordPicker *self = CM_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_gtype (value, self->entity_type);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    case PROP_CREATE_LABEL:
      g_value_set_string (value, self->create_label);
      break;
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_record_picker_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmRecordPicker *self = CM_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_ENTITY_TYPE:
      self->entity_type = g_value_get_gtype (value);
      break;
    case PROP_SELECTED_ID:
      cm_record_picker_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_OPTIONAL:
      self->optional = g_value_get_boolean (value);
      break;
    case PROP_CREATE_LABEL:
      g_free (self->create_label);
      self->create_label = g_value_dup_string (value);
      gtk_button_set_label (self->create, self->create_label ? self->create_label : "");
      gtk_widget_set_visible (GTK_WIDGET (self->create), self->create_label != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Construct-only properties are all set by now. */
static void
cm_record_picker_constructed (GObject *object)
{
  CmRecordPicker *self = CM_RECORD_PICKER (object);
  /* Translators: the name of a picker's search field; %s is the field's
   * own label, such as "Provider" or "Signatory of version 1". */
  g_autofree char *search_name = g_strdup_printf (_("Search %s"), self->title ? self->title : "");
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *signal = NULL;

  G_OBJECT_CLASS (cm_record_picker_parent_class)->constructed (object);
  g_return_if_fail (CM_IS_STORE (self->store));
  g_return_if_fail (g_type_is_a (self->entity_type, CM_TYPE_ENTITY));
  self->by_name = name_expression (self->entity_type);
  klass = g_type_class_ref (self->entity_type);
  signal = g_strdup_printf ("changed::%s", CM_ENTITY_CLASS (klass)->table);
  g_signal_connect_object (self->store, signal, G_CALLBACK (store_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  search_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : "", -1);
  show_choice (self);
}

static void
cm_record_picker_dispose (GObject *object)
{
  CmRecordPicker *self = CM_RECORD_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_RECORD_PICKER);
  g_clear_object (&self->selection);
  stop_searching (self);
  g_clear_pointer (&self->names, names_unref);
  g_clear_object (&self->placeholder);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->by_name, gtk_expression_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_record_picker_parent_class)->dispose (object);
}

static void
cm_record_picker_finalize (GObject *object)
{
  CmRecordPicker *self = CM_RECORD_PICKER (object);

  g_free (self->title);
  g_free (self->create_label);
  g_free (self->folded_search);

  G_OBJECT_CLASS (cm_record_picker_parent_class)->finalize (object);
}

static void
cm_record_picker_class_init (CmRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = cm_record_picker_get_property;
  object_class->set_property = cm_record_picker_set_property;
  object_class->constructed = cm_record_picker_constructed;
  object_class->dispose = cm_record_picker_dispose;
  object_class->finalize = cm_record_picker_finalize;
  widget_class->measure = cm_record_picker_measure;
  widget_class->size_allocate = cm_record_picker_size_allocate;
  widget_class->get_request_mode = cm_record_picker_get_request_mode;
  widget_class->focus = cm_record_picker_focus;
  widget_class->grab_focus = cm_record_picker_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, construct);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_gtype ("entity-type", NULL, NULL, CM_TYPE_ENTITY, construct);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE, construct);
  /* The label of a button under the list that asks for a new record
   * ("New Commissioner…"); NULL for none. */
  properties[PROP_CREATE_LABEL] =
    g_param_spec_string ("create-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether a search is still comparing the names: the list shows the
   * last one's records meanwhile. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The create button was pressed: the owner adds a record and selects it. */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, label);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, search);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, list);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, nothing);
  gtk_widget_class_bind_template_child (widget_class, CmRecordPicker, create);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked);
}

static void
cm_record_picker_init (CmRecordPicker *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
}

/* ---- public ------------------------------------------------------------ */

GtkWidget *
cm_record_picker_new (CmStore *store, GType entity_type, const char *title)
{
  return g_object_new (CM_TYPE_RECORD_PICKER, "store", store, "entity-type", entity_type,
                       "title", title, NULL);
}

gint64
cm_record_picker_get_selected_id (CmRecordPicker *self)
{
  g_return_val_if_fail (CM_IS_RECORD_PICKER (self), 0);
  return self->selected_id;
}

void
cm_record_picker_set_selected_id (CmRecordPicker *self, gint64 id)
{
  g_return_if_fail (CM_IS_RECORD_PICKER (self));

  if (self->selected_id == id)
    return;
  self->selected_id = id;
  if (self->by_name)
    show_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

guint
cm_record_picker_get_n_records (CmRecordPicker *self)
{
  g_return_val_if_fail (CM_IS_RECORD_PICKER (self), 0);
  return g_list_model_get_n_items (cm_store_list (self->store, self->entity_type));
}

void
cm_record_picker_popup (CmRecordPicker *self)
{
  g_return_if_fail (CM_IS_RECORD_PICKER (self));

  ensure_models (self);
  /* The names are read as the list opens, not at the first key press. */
  if (self->names == NULL)
    self->names = names_read (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  cm_record_picker_search (self, "");
  gtk_popover_popup (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

void
cm_record_picker_popdown (CmRecordPicker *self)
{
  g_return_if_fail (CM_IS_RECORD_PICKER (self));
  gtk_popover_popdown (self->popover);
}

void
cm_record_picker_search (CmRecordPicker *self, const char *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (CM_IS_RECORD_PICKER (self));

  ensure_models (self);
  folded = text && *text ? fold (text) : NULL;
  /* The first search fills the list, with every record. */
  if (g_strcmp0 (folded, self->folded_search) != 0 || (!self->searching && self->names == NULL) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    {
      g_free (self->folded_search);
      self->folded_search = g_steal_pointer (&folded);
      start_search (self);
    }
  search_settled (self);
}

gboolean
cm_record_picker_get_searching (CmRecordPicker *self)
{
  g_return_val_if_fail (CM_IS_RECORD_PICKER (self), FALSE);
  return self->searching != NULL;
}

GListModel *
cm_record_picker_get_shown (CmRecordPicker *self)
{
  g_return_val_if_fail (CM_IS_RECORD_PICKER (self), NULL);
  ensure_models (self);
  return G_LIST_MODEL (self->shown);
}
