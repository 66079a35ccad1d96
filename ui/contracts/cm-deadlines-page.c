/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadlines-page.c: every upcoming date in the portfolio, most urgent first */
#include <glib/gi18n.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines-page.h"
#include "cm-decoration.h"
#include "cm-row-name.h"
#include "cm-succession.h"
#include "cm-deadlines.h"
#include "cm-report-buttons.h"
#include "cm-organisation.h"
#include "cm-portfolio-timeline.h"
#include "cm-required-notices.h"
#include "cm-service.h"

/* ---- rows ------------------------------------------------------------- */

/* One deadline as the list shows it. Rows are rebuilt whenever their
 * sources change, so their texts are worked out once, when made. */
#define CM_TYPE_DEADLINE_ROW (cm_deadline_row_get_type ())
G_DECLARE_FINAL_TYPE (CmDeadlineRow, cm_deadline_row, CM, DEADLINE_ROW, GObject)

struct _CmDeadlineRow
{
  GObject parent_instance;

  CmContract *contract;
  CmDeadlineKind kind;
  CmDeadlineStatus status;
  GDate date;               /* invalid when not known */
  char *date_text;          /* "1 October 2026" */
  char *kind_text;          /* with a procurement notice's code */
  char *contract_text;      /* reference and title */
  gint64 commissioner_id;   /* the service's lead commissioner; 0 if none */
  gint64 in_force_id;       /* who stands for it on the contract's day (cm-succession.h) */
  char *commissioner_name;
  gint64 service_id;        /* the contract's service; 0 if none */
  char *service_name;
};

G_DEFINE_FINAL_TYPE (CmDeadlineRow, cm_deadline_row, G_TYPE_OBJECT)

static void
cm_deadline_row_finalize (GObject *object)
{
  CmDeadlineRow *row = CM_DEADLINE_ROW (object);

  g_clear_object (&row->contract);
  g_free (row->date_text);
  g_free (row->kind_text);
  g_free (row->contract_text);
  g_free (row->commissioner_name);
  g_free (row->service_name);

  G_OBJECT_CLASS (cm_deadline_row_parent_class)->finalize (object);
}

static void
cm_deadline_row_class_init (CmDeadlineRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_deadline_row_finalize;
}

static void
cm_deadline_row_init (CmDeadlineRow *row)
{
}

static CmDeadlineRow *
cm_deadline_row_new (CmStore *store, const CmDeadline *deadline, const GDate *today)
{
  CmDeadlineRow *row = g_object_new (CM_TYPE_DEADLINE_ROW, NULL);
  g_autofree char *iso = g_date_valid (&deadline->date)
                         ? cm_date_format_iso (&deadline->date) : NULL;
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE,
                                     cm_contract_get_service_id (deadline->contract));

  row->contract = g_object_ref (deadline->contract);
  row->kind = deadline->kind;
  row->status = deadline->status;
  row->date = deadline->date;
  /* No notice period recorded: the date is not known, never the end. */
  row->date_text = g_date_valid (&deadline->date) ? cm_date_format_long (iso)
                                                  : g_strdup (_("Not known"));
  row->kind_text = cm_deadline_kind_text (deadline);
  row->contract_text = cm_entity_describe (CM_ENTITY (deadline->contract));
  if (service)
    {
      GDate day;

      row->service_id = cm_entity_get_id (service);
      row->service_name = g_strdup (cm_service_get_name (CM_SERVICE (service)));
      row->commissioner_id = cm_service_get_lead_commissioner_id (CM_SERVICE (service));
      cm_succession_contract_day (deadline->contract, today, &day);
      row->in_force_id = cm_succession_in_force (store, row->commissioner_id, &day);
      row->commissioner_name = cm_succession_contract_commissioner (store, deadline->contract,
                                                                    today);
    }
  return row;
}

/* ---- the page --------------------------------------------------------- */

struct _CmDeadlinesPage
{
  GtkWidget parent_instance;

  CmStore *store;
  GDate today;

  GListStore *rows;             /* of CmDeadlineRow, most urgent first */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkColumnView *view;
  GtkStack *list_stack;         /* "list", "empty" or "no-match" */
  GtkWidget *filter_bar;
  GtkWidget *counts;            /* the summary, then the schedule's buttons */
  GtkDropDown *commissioner;
  GtkDropDown *provider;
  GtkDropDown *sector;
  GtkDropDown *status;
  GArray *commissioner_ids;     /* gint64, one per commissioner entry; 0 for "All" */
  GtkLabel *summary;
  GtkLabel *skipped;
  GtkWidget *service_button;    /* the chosen date's service */

  GtkStack *shown_as;           /* "list" or "timeline" */
  GtkToggleButton *as_list;
  CmPortfolioTimeline *timeline;
  gboolean timeline_stale;      /* the rows changed while the list was shown */

  guint refresh_id;             /* a rebuild waiting for the main loop */
  gboolean stale;               /* sources changed while the page was hidden */
  gboolean replacing_choices;   /* dropdown models are being swapped: do not refilter */
};

G_DEFINE_FINAL_TYPE (CmDeadlinesPage, cm_deadlines_page, GTK_TYPE_WIDGET)

enum {
  OPEN_CONTRACT,
  OPEN_SERVICE,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/* The status dropdown lists the most urgent first, as the rows are. */
static const CmDeadlineStatus status_choices[] = {
  CM_DEADLINE_BREACHED, CM_DEADLINE_OVERDUE, CM_DEADLINE_DUE_SOON, CM_DEADLINE_UNKNOWN,
  CM_DEADLINE_OK,
};

/* ---- cells ------------------------------------------------------------ */

typedef const char *(*RowText) (CmDeadlineRow *row);

static const char *
row_date (CmDeadlineRow *row)
{
  return row->date_text;
}

/* An end gone by is listed only while nobody has recorded what happened
 * (DOMAIN.md, "Ended but not closed"): the words say what to do. */
static const char *
row_kind (CmDeadlineRow *row)
{
  if (row->kind == CM_DEADLINE_KIND_END && row->status == CM_DEADLINE_OVERDUE)
    return _("Contract ended: record what happened");
  if (row->kind == CM_DEADLINE_KIND_NOTICE && row->status == CM_DEADLINE_UNKNOWN)
    return _("Last day to serve notice: notice period not recorded");
  return row->kind_text;
}

static const char *
row_contract (CmDeadlineRow *row)
{
  return row->contract_text;
}

static const char *
row_provider (CmDeadlineRow *row)
{
  return cm_contract_get_provider_name (row->contract);
}

static const char *
row_commissioner (CmDeadlineRow *row)
{
  return row->commissioner_name;
}

static void
setup_text (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_text (GtkSignalListItemFactory *factory, GtkListItem *list_item, RowText text_of)
{
  CmDeadlineRow *row = gtk_list_item_get_item (list_item);
  const char *text = text_of (row);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
  cm_row_name_item (list_item, text);
  /* The row reads as the contract, what is due and when. */
  if (text_of == row_date)
    {
      g_autofree char *name = g_strdup_printf (_("%s: %s, %s"), row_contract (row),
                                               row_kind (row), text ? text : "");

      cm_row_name_row (list_item, name);
    }
}

static void
setup_status (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* The words beside it say the same: a screen reader need not read both. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

/* An icon and words mark an urgent date; colour only repeats them. */
static void
bind_status (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  static const char * const icons[] = {
    [CM_DEADLINE_OK] = NULL,
    [CM_DEADLINE_DUE_SOON] = "alarm-symbolic",
    [CM_DEADLINE_OVERDUE] = "dialog-warning-symbolic",
    [CM_DEADLINE_BREACHED] = "dialog-error-symbolic",
    [CM_DEADLINE_UNKNOWN] = "dialog-question-symbolic",
  };
  static const char * const styles[] = {
    [CM_DEADLINE_OVERDUE] = "warning",
    [CM_DEADLINE_BREACHED] = "error",
    [CM_DEADLINE_UNKNOWN] = NULL,
  };
  CmDeadlineRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icons[row->status]);
  gtk_widget_set_visible (image, icons[row->status] != NULL);
  gtk_label_set_text (GTK_LABEL (label), cm_deadline_status_label (row->status));
  cm_row_name_item (list_item, cm_deadline_status_label (row->status));
  /* Cells are reused for other rows: drop the last row's colour first. */
  gtk_widget_remove_css_class (box, "warning");
  gtk_widget_remove_css_class (box, "error");
  if (styles[row->status])
    gtk_widget_add_css_class (box, styles[row->status]);
}

/* What each column of the template shows, in its order; NULL for the status. */
static const RowText column_texts[] = {
  row_date, NULL, row_kind, row_contract, row_provider, row_commissioner,
};

static void
fill_columns (CmDeadlinesPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (column_texts));
  for (guint i = 0; i < G_N_ELEMENTS (column_texts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      if (column_texts[i])
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_text), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_text), (gpointer) column_texts[i]);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_status), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_status), NULL);
        }
      gtk_column_view_column_set_factory (column, factory);
    }
  cm_row_name_headings (self->view);
}

/* ---- filters ---------------------------------------------------------- */

static gboolean
matches (gpointer item, gpointer user_data)
{
  CmDeadlinesPage *self = user_data;
  CmDeadlineRow *row = item;
  guint commissioner = gtk_drop_down_get_selected (self->commissioner);
  guint provider = gtk_drop_down_get_selected (self->provider);
  guint sector = gtk_drop_down_get_selected (self->sector);
  guint status = gtk_drop_down_get_selected (self->status);

  /* Entry 0 of each dropdown is "All ..."; so is no selection at all. */
  /* A commissioner's own rows and those of the organisations it succeeded. */
  if (commissioner > 0 && commissioner < self->commissioner_ids->len &&
      row->commissioner_id != g_array_index (self->commissioner_ids, gint64, commissioner) &&
      row->in_force_id != g_array_index (self->commissioner_ids, gint64, commissioner))
    return FALSE;
  if (provider > 0 && provider != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (cm_contract_get_provider_name (row->contract),
                 gtk_string_list_get_string (GTK_STRING_LIST (
                   gtk_drop_down_get_model (self->provider)), provider)) != 0)
    return FALSE;
  /* A contract with no provider has no sector, whatever its default says. */
  if (sector > 0 && sector != GTK_INVALID_LIST_POSITION &&
      (cm_contract_get_provider_id (row->contract) == 0 ||
       (guint) cm_contract_get_provider_sector (row->contract) != sector - 1))
    return FALSE;
  if (status > 0 && status <= G_N_ELEMENTS (status_choices) &&
      row->status != status_choices[status - 1])
    return FALSE;
  return TRUE;
}

/* Takes @piece, one count in words, and adds it to the list in @text. */
static void
append_piece (GString *text, char *piece)
{
  if (text->len > 0)
    g_string_append (text, C_("list separator", ", "));
  g_string_append (text, piece);
  g_free (piece);
}

/* Counts what the list shows, in words, so that the summary does not
 * depend on telling colours apart. */
static void
update_summary (CmDeadlinesPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint counts[CM_DEADLINE_UNKNOWN + 1] = { 0 };
  g_autoptr(GString) urgent = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(CmDeadlineRow) row = g_list_model_get_item (shown, i);

      counts[row->status]++;
    }
  if (counts[CM_DEADLINE_BREACHED])
    append_piece (urgent, g_strdup_printf (ngettext ("%u breached", "%u breached",
                                                     counts[CM_DEADLINE_BREACHED]),
                                           counts[CM_DEADLINE_BREACHED]));
  if (counts[CM_DEADLINE_OVERDUE])
    append_piece (urgent, g_strdup_printf (ngettext ("%u overdue", "%u overdue",
                                                     counts[CM_DEADLINE_OVERDUE]),
                                           counts[CM_DEADLINE_OVERDUE]));
  if (counts[CM_DEADLINE_DUE_SOON])
    append_piece (urgent, g_strdup_printf (ngettext ("%u due soon", "%u due soon",
                                                     counts[CM_DEADLINE_DUE_SOON]),
                                           counts[CM_DEADLINE_DUE_SOON]));
  if (counts[CM_DEADLINE_UNKNOWN])
    append_piece (urgent, g_strdup_printf (ngettext ("%u not known", "%u not known",
                                                     counts[CM_DEADLINE_UNKNOWN]),
                                           counts[CM_DEADLINE_UNKNOWN]));
  if (urgent->len == 0)
    g_string_append (urgent, _("none breached, overdue or due soon"));

  if (n_shown == n_all)
    total = g_strdup_printf (ngettext ("%u date", "%u dates", n_all), n_all);
  else
    total = g_strdup_printf (ngettext ("%u of %u date", "%u of %u dates", n_all),
                             n_shown, n_all);
  if (n_shown == 0)
    {
      gtk_label_set_text (self->summary, total);
      return;
    }
  /* Translators: a count of dates, then how many are urgent, as in
   * "52 dates: 3 breached, 12 overdue, 8 due soon" */
  text = g_strdup_printf (C_("deadline summary", "%s: %s"), total, urgent->str);
  gtk_label_set_text (self->summary, text);
}

static void update_timeline (CmDeadlinesPage *self);

static void
update_state (CmDeadlinesPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0;
  const char *state = "list";

  if (!any)
    state = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    state = "no-match";
  gtk_stack_set_visible_child_name (self->list_stack, state);
  /* With nothing to filter or count, the filters and summary would only
   * be in the way; the empty state says what to do. */
  gtk_widget_set_visible (self->filter_bar, any);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), any);
  update_summary (self);
  update_timeline (self);
}

static void
filter_changed (CmDeadlinesPage *self)
{
  if (self->replacing_choices)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static gboolean
same_choices (GListModel *model, GPtrArray *names)
{
  if (g_list_model_get_n_items (model) != names->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   g_ptr_array_index (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Offers @names (the "All ..." entry first) and selects entry @keep.
 * An unchanged list is left alone, so that an open popover stays put.
 * The rows are all replaced next, so the filter need not run now. */
static void
replace_choices (CmDeadlinesPage *self, GtkDropDown *dropdown, GPtrArray *names, guint keep)
{
  self->replacing_choices = TRUE;
  if (!same_choices (gtk_drop_down_get_model (dropdown), names))
    {
      g_autoptr(GtkStringList) list = NULL;

      g_ptr_array_add (names, NULL);
      list = gtk_string_list_new ((const char * const *) names->pdata);
      g_ptr_array_remove_index (names, names->len - 1);
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
    }
  gtk_drop_down_set_selected (dropdown, keep);
  self->replacing_choices = FALSE;
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

  return g_utf8_collate (x, y);
}

static int
by_organisation_name (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (cm_organisation_get_name (*(CmOrganisation * const *) a),
                         cm_organisation_get_name (*(CmOrganisation * const *) b));
}

/* Commissioners are kept by id, since two may share a name. */
static void
update_commissioners (CmDeadlinesPage *self)
{
  GListModel *organisations = cm_store_list (self->store, CM_TYPE_ORGANISATION);
  guint n = g_list_model_get_n_items (organisations);
  guint selected = gtk_drop_down_get_selected (self->commissioner);
  gint64 chosen = selected < self->commissioner_ids->len
                  ? g_array_index (self->commissioner_ids, gint64, selected) : 0;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint keep = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (organisations, i));
  g_ptr_array_sort (sorted, by_organisation_name);

  g_array_set_size (self->commissioner_ids, 1);
  g_ptr_array_add (names, _("All commissioners"));
  for (guint i = 0; i < sorted->len; i++)
    {
      CmOrganisation *organisation = g_ptr_array_index (sorted, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (organisation));

      if (id == chosen)
        keep = names->len;
      g_array_append_val (self->commissioner_ids, id);
      g_ptr_array_add (names, (gpointer) cm_organisation_get_name (organisation));
    }
  replace_choices (self, self->commissioner, names, keep);
}

/* Only providers with a date listed are offered: any other would show nothing. */
static void
update_providers (CmDeadlinesPage *self, GPtrArray *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = gtk_drop_down_get_selected (self->provider);
  g_autofree char *chosen = NULL;
  guint keep = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    chosen = g_strdup (gtk_string_list_get_string (
      GTK_STRING_LIST (gtk_drop_down_get_model (self->provider)), selected));

  for (guint i = 0; i < rows->len; i++)
    {
      CmDeadlineRow *row = g_ptr_array_index (rows, i);
      const char *name = cm_contract_get_provider_name (row->contract);

      if (name && *name && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_sort (names, by_name);
  g_ptr_array_insert (names, 0, _("All providers"));
  for (guint i = 1; chosen && i < names->len; i++)
    if (g_str_equal (names->pdata[i], chosen))
      keep = i;
  replace_choices (self, self->provider, names, keep);
}

static void
clear_filters (GtkWidget *widget, const char *action, GVariant *param)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (widget);

  self->replacing_choices = TRUE;
  gtk_drop_down_set_selected (self->commissioner, 0);
  gtk_drop_down_set_selected (self->provider, 0);
  gtk_drop_down_set_selected (self->sector, 0);
  gtk_drop_down_set_selected (self->status, 0);
  self->replacing_choices = FALSE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  update_state (self);
  /* The button that had focus has gone with the empty state. */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* ---- rebuilding ------------------------------------------------------- */

static void
update_skipped (CmDeadlinesPage *self, guint n_skipped)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->skipped), n_skipped > 0);
  if (n_skipped == 0)
    return;
  text = g_strdup_printf (ngettext ("%u contract is not listed: it needs an end date, or a "
                                    "start date and a term.",
                                    "%u contracts are not listed: they need an end date, or a "
                                    "start date and a term.", n_skipped), n_skipped);
  gtk_label_set_text (self->skipped, text);
}

/* Puts the selection back on the same date of the same contract, so that
 * an edit made from this page does not lose the user's place. */
static void
reselect (CmDeadlinesPage *self, gint64 contract_id, CmDeadlineKind kind)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; contract_id && i < n; i++)
    {
      g_autoptr(CmDeadlineRow) row = g_list_model_get_item (model, i);

      if (row->kind == kind && cm_entity_get_id (CM_ENTITY (row->contract)) == contract_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
rebuild (CmDeadlinesPage *self)
{
  CmDeadlineSettings settings;
  GListModel *contracts = cm_store_list (self->store, CM_TYPE_CONTRACT);
  CmDeadlineRow *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected ? cm_entity_get_id (CM_ENTITY (selected->contract)) : 0;
  CmDeadlineKind selected_kind = selected ? selected->kind : CM_DEADLINE_KIND_END;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_skipped;

  self->stale = FALSE;
  cm_deadline_settings_load (self->store, &settings);
  deadlines = cm_deadlines_collect (contracts, &self->today, &settings, &n_skipped);
  for (guint i = 0; i < deadlines->len; i++)
    g_ptr_array_add (rows, cm_deadline_row_new (self->store, g_ptr_array_index (deadlines, i),
                                                  &self->today));

  /* The choices change first, so that the new rows meet the filters they
   * will be shown under and are filtered once. */
  update_commissioners (self);
  update_providers (self, rows);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  reselect (self, selected_id, selected_kind);
  update_skipped (self, n_skipped);
  update_state (self);
}

static gboolean
refresh_idle (gpointer data)
{
  CmDeadlinesPage *self = data;

  self->refresh_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

/* Saving one record can change many properties and lists at once: the
 * rows are rebuilt once, after the store is done, and only while they are
 * on screen. A hidden page catches up when it is shown again. */
static void
schedule_refresh (CmDeadlinesPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* The chosen date leads to its service's page: "Service: Carers breaks". */
static void
update_service_button (CmDeadlinesPage *self)
{
  CmDeadlineRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *label = NULL;

  /* Always shown, so that choosing a row does not move the list. */
  gtk_widget_set_sensitive (self->service_button, row && row->service_id);
  label = row && row->service_id ? g_strdup_printf (_("Service: %s"), row->service_name)
                                 : g_strdup (_("Service: choose a date to open its service"));
  gtk_button_set_label (GTK_BUTTON (self->service_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->service_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
service_clicked (CmDeadlinesPage *self)
{
  CmDeadlineRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row && row->service_id)
    g_signal_emit (self, signals[OPEN_SERVICE], 0, row->service_id);
}

static void
row_activated (CmDeadlinesPage *self, guint position)
{
  g_autoptr(CmDeadlineRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row)
    g_signal_emit (self, signals[OPEN_CONTRACT], 0, row->contract);
}

/* ---- construction ----------------------------------------------------- */

static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (choice));
  cm_row_name_item (list_item, gtk_string_object_get_string (choice));
}

/* The popover shows each choice whole, with a check mark on the chosen
 * one, as a plain GtkDropDown does. */
static void
setup_list_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The chosen item is read as selected: the check mark only shows it. */
  GtkWidget *check = cm_decoration_icon_new ("object-select-symbolic");

  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_check (GtkDropDown *dropdown, GParamSpec *pspec, GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));
  gboolean chosen = gtk_drop_down_get_selected (dropdown) == gtk_list_item_get_position (list_item);

  /* Hidden by opacity, so the popover does not change width. */
  gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
}

static void
bind_list_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                  GtkDropDown *dropdown)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (choice));
  cm_row_name_item (list_item, gtk_string_object_get_string (choice));
  update_check (dropdown, NULL, list_item);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (update_check), list_item);
}

static void
unbind_list_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                    GtkDropDown *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, update_check, list_item);
}

/* A long provider name is shortened on the button, so that the filters
 * never make the window wider, but shown whole in the popover. */
static void
set_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_factory (dropdown, factory);

  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_choice), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_choice), dropdown);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_list_choice), dropdown);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

/* Each filter is named for screen readers, by its tooltip, since its
 * visible text is only the current choice; long lists can be searched by
 * typing. */
static void
set_choices (CmDeadlinesPage *self, GtkDropDown *dropdown, const char * const *choices)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (choices);
  const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));

  set_choice_factories (dropdown);
  cm_decoration_name_dropdown (dropdown, name);
  if (gtk_drop_down_get_enable_search (dropdown))
    {
      g_autoptr(GtkExpression) by_text =
        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (dropdown, by_text);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
fill_filters (CmDeadlinesPage *self)
{
  const char *commissioners[] = { _("All commissioners"), NULL };
  const char *providers[] = { _("All providers"), NULL };
  const char *statuses[G_N_ELEMENTS (status_choices) + 2] = { _("All statuses") };
  g_autoptr(GPtrArray) sectors = g_ptr_array_new ();

  g_ptr_array_add (sectors, _("All sectors"));
  for (guint i = 0; i < cm_enum_count (CM_TYPE_SECTOR); i++)
    g_ptr_array_add (sectors, (gpointer) cm_enum_to_label (CM_TYPE_SECTOR, i));
  g_ptr_array_add (sectors, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    statuses[i + 1] = cm_deadline_status_label (status_choices[i]);

  self->replacing_choices = TRUE;
  set_choices (self, self->commissioner, commissioners);
  set_choices (self, self->provider, providers);
  set_choices (self, self->sector, (const char * const *) sectors->pdata);
  set_choices (self, self->status, statuses);
  self->replacing_choices = FALSE;
}

static void
make_models (CmDeadlinesPage *self)
{
  self->rows = g_list_store_new (CM_TYPE_DEADLINE_ROW);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  /* No row is picked for the user; the first is only the most urgent. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (update_service_button), self);
  update_service_button (self);
}

/* ---- the timeline ----------------------------------------------------- */

/* The ends of the dates the filters let through, as the list has them:
 * the timeline works nothing out again. Laid out only while it is shown. */
static void
update_timeline (CmDeadlinesPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (shown);
  CmPortfolioLayout *layout;

  if (self->shown_as == NULL)
    return;
  self->timeline_stale = g_strcmp0 (gtk_stack_get_visible_child_name (self->shown_as),
                                    "timeline") != 0;
  if (self->timeline_stale)
    return;
  layout = cm_portfolio_layout_new (&self->today);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmDeadlineRow) row = g_list_model_get_item (shown, i);

      if (row->kind == CM_DEADLINE_KIND_END)
        cm_portfolio_layout_add (layout, row->contract, row->commissioner_name, &row->date,
                                 row->status);
    }
  cm_portfolio_layout_finish (layout);
  cm_portfolio_timeline_set_layout (self->timeline, layout);
}

static void
show_as_toggled (CmDeadlinesPage *self, GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_stack_set_visible_child_name (self->shown_as, button == self->as_list ? "list"
                                                                             : "timeline");
  if (self->timeline_stale)
    update_timeline (self);
}

static void
timeline_opened (CmDeadlinesPage *self, CmContract *contract)
{
  g_signal_emit (self, signals[OPEN_CONTRACT], 0, contract);
}

static void
cm_deadlines_page_map (GtkWidget *widget)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (widget);

  /* Catch up before the first frame, so stale rows are never drawn. */
  if (self->stale)
    rebuild (self);
  GTK_WIDGET_CLASS (cm_deadlines_page_parent_class)->map (widget);
}

/* GTK 4.8 lists move Tab from row to row, which would trap keyboard users
 * in a long list. Here Tab leaves the list as it leaves any other widget,
 * and the arrow keys move between rows. */
static gboolean
cm_deadlines_page_focus (GtkWidget *widget, GtkDirectionType direction)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (widget);
  GtkWidget *view = GTK_WIDGET (self->view);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (focus && (focus == view || gtk_widget_is_ancestor (focus, view)))
    {
      if (direction == GTK_DIR_TAB_FORWARD)
        return FALSE;
      if (direction == GTK_DIR_TAB_BACKWARD && gtk_widget_get_visible (self->filter_bar))
        return gtk_widget_child_focus (self->filter_bar, direction);
    }
  return GTK_WIDGET_CLASS (cm_deadlines_page_parent_class)->focus (widget, direction);
}

static void
cm_deadlines_page_constructed (GObject *object)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (object);

  G_OBJECT_CLASS (cm_deadlines_page_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && g_date_valid (&self->today));
  gtk_box_append (GTK_BOX (self->counts), cm_report_buttons_new (self->store, "deadlines", TRUE));
  /* Dates follow from contracts, the rules and commissioners: any
   * committed change may move, add or drop a row. */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  /* Every contract's dates are worked out when the page is first shown,
   * not while the window opens on a large portfolio. */
  self->stale = TRUE;
}

static void
cm_deadlines_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (object);
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
cm_deadlines_page_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (object);

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
cm_deadlines_page_dispose (GObject *object)
{
  CmDeadlinesPage *self = CM_DEADLINES_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_DEADLINES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->commissioner_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_deadlines_page_parent_class)->dispose (object);
}

static void
cm_deadlines_page_class_init (CmDeadlinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_deadlines_page_constructed;
  object_class->set_property = cm_deadlines_page_set_property;
  object_class->get_property = cm_deadlines_page_get_property;
  object_class->dispose = cm_deadlines_page_dispose;
  widget_class->map = cm_deadlines_page_map;
  widget_class->focus = cm_deadlines_page_focus;
  gtk_widget_class_install_action (widget_class, "deadlines.clear-filters", NULL, clear_filters);

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_CONTRACT] = g_signal_new ("open-contract", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CM_TYPE_CONTRACT);
  /* The service (id) of the chosen date, for its own page. */
  signals[OPEN_SERVICE] = g_signal_new ("open-service", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-deadlines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, view);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, commissioner);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, provider);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, sector);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, status);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, counts);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, summary);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, skipped);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, service_button);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, shown_as);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, as_list);
  gtk_widget_class_bind_template_child (widget_class, CmDeadlinesPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, service_clicked);
  gtk_widget_class_bind_template_callback (widget_class, show_as_toggled);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, timeline_opened);
}

static void
cm_deadlines_page_init (CmDeadlinesPage *self)
{
  gint64 all = 0;

  self->commissioner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->commissioner_ids, all);
  g_type_ensure (CM_TYPE_PORTFOLIO_TIMELINE);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_columns (self);
  make_models (self);
  fill_filters (self);
}

CmDeadlinesPage *
cm_deadlines_page_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_DEADLINES_PAGE, "store", store, "today", today, NULL);
}
