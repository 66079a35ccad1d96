/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview-page.c: the first page of a portfolio: what needs the user now,
 * stages, gates, what is overdue; on an empty portfolio, how to start
 *
 * It is worked out again whenever the portfolio changes while the page is
 * on screen, and when it comes back on screen, never while hidden.
 */
#include <glib/gi18n.h>

#include "cm-count.h"
#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-decoration.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"
#include "cm-gate.h"
#include "cm-mnemonic-button.h"
#include "cm-overview.h"
#include "cm-overview-page.h"
#include "cm-provider.h"
#include "cm-page-parts.h"
#include "cm-portfolio-charts.h"
#include "cm-portfolio-job.h"
#include "cm-reason-dialog.h"
#include "cm-record-editor.h"
#include "cm-record-kind.h"
#include "cm-risk.h"

struct _CmOverviewPage
{
  GtkWidget parent_instance;

  CmStore *store;
  GDate today;

  /* From the template: the scrolled window shows one of the others. */
  GtkScrolledWindow *scrolled;
  GtkWidget *working_page;
  GtkWidget *first_run_page;
  GtkWidget *add_commissioner_button;
  GtkWidget *add_service_button;
  GtkLabel *first_run_note;
  GtkWidget *figures;
  GtkBox *groups;
  AdwStatusPage *failed_page;

  CmOverview *overview; /* what the page shows */
  guint rebuild_id;   /* one rebuild after a commit that changed several tables */
  GCancellable *collecting; /* while a worker works the figures out */
  gboolean again;     /* the portfolio changed while it did */
};

G_DEFINE_FINAL_TYPE (CmOverviewPage, cm_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_SERVICE,
  OPEN_EIA,
  OPEN_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
service_row_activated (AdwActionRow *row, CmOverviewPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "service-id");

  g_signal_emit (self, signals[OPEN_SERVICE], 0, *id);
}

/* The chevron says the row opens something; the row's name says what. */
static GtkWidget *
chevron (void)
{
  return cm_decoration_icon_new ("go-next-symbolic");
}

/* A row that opens @service_id's cycle when activated. */
static GtkWidget *
service_row (CmOverviewPage *self, const char *title, const char *subtitle, gint64 service_id)
{
  GtkWidget *r = cm_page_text_row (title, subtitle, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), chevron ());
  g_object_set_data_full (G_OBJECT (r), "service-id", g_memdup2 (&service_id, sizeof service_id),
                          g_free);
  g_signal_connect (r, "activated", G_CALLBACK (service_row_activated), self);
  return r;
}

/* ---- rows made when first shown -------------------------------------- */

/* The title and subtitle of the row for one item of a list @overview
 * holds, and the service the row opens. */
typedef void (*RowWords) (CmOverviewPage *self, CmOverview *overview, gpointer item,
                          char **title, char **subtitle);
typedef gint64 (*RowService) (gpointer item);

/* The row of @item, which opens its service. */
static GtkWidget *
item_row (CmOverviewPage *self, CmOverview *overview, gpointer item, RowWords words,
          RowService service_of)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  words (self, overview, item, &title, &subtitle);
  return service_row (self, title, subtitle, service_of (item));
}

/* Up to this many, an expander's rows are its own, made at once when it
 * is first expanded; more scroll within a list this tall. */
#define FOLDED_AS_ROWS 50
#define FOLDED_HEIGHT 480

/* The rows of an expander, made only when it is first expanded. Past a
 * few dozen a list view makes a row only for the items in view: a large
 * portfolio has thousands of services in a stage, and making and
 * measuring a row for each kept the main thread busy for seconds. */
typedef struct {
  CmOverviewPage *self;   /* not a reference: the page outlives its rows */
  CmOverview *overview;   /* a reference, keeping @items alive */
  GPtrArray *items;
  guint start, end;
  RowWords words;
  RowService service_of;
} Folded;

static void
folded_clear (gpointer data)
{
  cm_overview_free (((Folded *) data)->overview);
}

static void
folded_release (gpointer data, GClosure *closure)
{
  g_rc_box_release_full (data, folded_clear);
}

static gpointer
folded_item (Folded *folded, guint position)
{
  return g_ptr_array_index (folded->items, folded->start + position);
}

static void
folded_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, Folded *folded)
{
  GtkWidget *row = cm_page_text_row ("", NULL, NULL);

  /* The list item takes the keyboard and the click: the row only shows. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron ());
  gtk_widget_set_focusable (row, FALSE);
  cm_decoration_hide_icons (row);
  gtk_list_item_set_child (list_item, row);
}

/* Words from the overview the list was made from: the page's may be
 * newer, its items elsewhere. */
static void
folded_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, Folded *folded)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  folded->words (folded->self, folded->overview,
                 folded_item (folded, gtk_list_item_get_position (list_item)), &title, &subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
folded_activate (GtkListView *list, guint position, Folded *folded)
{
  g_signal_emit (folded->self, signals[OPEN_SERVICE], 0,
                 folded->service_of (folded_item (folded, position)));
}

/* A model of @n items, one per folded item in order; the items
 * themselves stay in the overview. */
static GListModel *
positions (guint n)
{
  g_autofree const char **blanks = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    blanks[i] = "";
  return G_LIST_MODEL (gtk_string_list_new (blanks));
}

static GtkWidget *
folded_list (AdwExpanderRow *expander, Folded *folded)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *model = GTK_SELECTION_MODEL (
    gtk_no_selection_new (positions (folded->end - folded->start)));
  GtkWidget *list = gtk_list_view_new (model, factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *holder = gtk_list_box_row_new ();

  g_signal_connect_data (factory, "setup", G_CALLBACK (folded_setup), g_rc_box_acquire (folded),
                         folded_release, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (folded_bind), g_rc_box_acquire (folded),
                         folded_release, 0);
  g_signal_connect_data (list, "activate", G_CALLBACK (folded_activate),
                         g_rc_box_acquire (folded), folded_release, 0);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)),
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), FOLDED_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), scrolled);
  return holder;
}

static void
expander_expanded (AdwExpanderRow *expander, GParamSpec *pspec, Folded *folded)
{
  if (!adw_expander_row_get_expanded (expander))
    return;
  if (folded->end - folded->start > FOLDED_AS_ROWS)
    adw_expander_row_add_row (expander, folded_list (expander, folded));
  else
    for (guint i = folded->start; i < folded->end; i++)
      adw_expander_row_add_row (expander,
                                item_row (folded->self, folded->overview,
                                          g_ptr_array_index (folded->items, i), folded->words,
                                          folded->service_of));
  cm_decoration_hide_icons (GTK_WIDGET (expander));
  /* Releases this handler's hold on @folded: the list is made once. */
  g_signal_handlers_disconnect_by_func (expander, expander_expanded, folded);
}

/* Gives @expander a row per item of @items from @start to @end, worded by
 * @words once the expander is expanded (in a long list, as it comes into
 * view); activating one opens the service @service_of names. */
static void
fold_rows (CmOverviewPage *self, CmOverview *overview, GtkWidget *expander, GPtrArray *items,
           guint start, guint end, RowWords words, RowService service_of)
{
  Folded *folded = g_rc_box_new0 (Folded);

  folded->self = self;
  folded->overview = cm_overview_ref (overview);
  folded->items = items;
  folded->start = start;
  folded->end = end;
  folded->words = words;
  folded->service_of = service_of;
  g_signal_connect_data (expander, "notify::expanded", G_CALLBACK (expander_expanded), folded,
                         folded_release, 0);
}

static gint64
gate_service (gpointer item)
{
  return cm_entity_get_id (CM_ENTITY (((CmServiceGate *) item)->service));
}

static gint64
attention_service (gpointer item)
{
  return ((CmAttention *) item)->service_id;
}

/* "Ready to advance", or "3 things hold the gate: “Appraise the options” is not done." */
static char *
current_gate_text (CmOverviewPage *self, CmServiceGate *gate)
{
  GPtrArray *problems = cm_overview_gate_problems (self->store, gate);
  guint n = problems->len;
  g_autofree char *count = NULL;

  if (cm_service_get_stage (gate->service) > CM_STAGE_REVIEW)
    return g_strdup (_("Decommissioning"));
  if (n == 0)
    return g_strdup (_("Ready to advance"));
  count = cm_count_format (n);
  return g_strdup_printf (ngettext ("%s thing holds the gate: %s", "%s things hold the gate: %s",
                                    n), count, (char *) g_ptr_array_index (problems, 0));
}

/* The current gate, then a gate of this cycle passed by override and why:
 * "Ready to advance · Plan gate overridden: Board approved the paper". */
static char *
gate_text (CmOverviewPage *self, CmServiceGate *gate)
{
  g_autofree char *current = current_gate_text (self, gate);
  g_autoptr(GPtrArray) history = cm_cycle_history (self->store, gate->service);
  CmStageEvent *overridden = cm_gate_last_override (gate->service, history);

  if (overridden == NULL)
    return g_steal_pointer (&current);
  return g_strdup_printf (_("%s · %s gate overridden: %s"), current,
                          cm_enum_to_label (CM_TYPE_STAGE,
                                            cm_stage_event_get_from_stage (overridden)),
                          cm_stage_event_get_reason (overridden));
}

/* A service of a stage, and where its gate stands. */
static void
stage_gate_words (CmOverviewPage *self, CmOverview *overview, gpointer item, char **title,
                  char **subtitle)
{
  CmServiceGate *gate = item;

  *title = g_strdup (cm_service_get_name (gate->service));
  *subtitle = gate_text (self, gate);
}

static GtkWidget *
stage_row (CmOverviewPage *self, CmOverview *overview, CmStage stage)
{
  GPtrArray *gates = overview->stages[stage];
  GtkWidget *expander = adw_expander_row_new ();
  guint ready = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *services = cm_count_format (gates->len);
  g_autofree char *n_ready = NULL;

  for (guint i = 0; i < gates->len; i++)
    ready += !((CmServiceGate *) g_ptr_array_index (gates, i))->held;
  n_ready = cm_count_format (ready);
  fold_rows (self, overview, expander, gates, 0, gates->len, stage_gate_words, gate_service);
  subtitle = stage > CM_STAGE_REVIEW
             ? g_strdup_printf (ngettext ("%s service", "%s services", gates->len), services)
             : g_strdup_printf (ngettext ("%s service · %s ready to advance",
                                          "%s services · %s ready to advance", gates->len),
                                services, n_ready);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 cm_enum_to_label (CM_TYPE_STAGE, stage));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_widget_set_sensitive (expander, gates->len > 0);
  return expander;
}

static GtkWidget *
stages_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Services by Stage"), NULL);

  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_DECOMMISSIONING; stage++)
    if (stage <= CM_STAGE_REVIEW || overview->stages[stage]->len > 0)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 stage_row (self, overview, stage));
  return g;
}

/* A held service, its stage and what holds it. */
static void
held_gate_words (CmOverviewPage *self, CmOverview *overview, gpointer item, char **title,
                 char **subtitle)
{
  CmServiceGate *gate = item;
  g_autofree char *text = gate_text (self, gate);

  *title = g_strdup (cm_service_get_name (gate->service));
  *subtitle = g_strdup_printf (_("%s · %s"),
                               cm_enum_to_label (CM_TYPE_STAGE,
                                                 cm_service_get_stage (gate->service)),
                               text);
}

static GtkWidget *
held_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Held at a Gate"),
                        overview->held->len == 0
                        ? _("No service is held: every one can move to its next stage.")
                        : _("These services cannot leave their stage until the items named "
                            "are settled, or the gate is overridden with a reason."));
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *count = cm_count_format (overview->held->len);
  g_autofree char *title = g_strdup_printf (ngettext ("%s service held", "%s services held",
                                                      overview->held->len),
                                            count);

  if (overview->held->len == 0)
    return g;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  fold_rows (self, overview, expander, overview->held, 0, overview->held->len, held_gate_words,
             gate_service);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), expander);
  return g;
}

static void
deadlines_row_activated (AdwActionRow *r, CmOverviewPage *self)
{
  g_signal_emit (self, signals[OPEN_SECTION], 0, "deadlines");
}

static void
eia_row_activated (AdwActionRow *r, CmOverviewPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (r), "eia-id");

  g_signal_emit (self, signals[OPEN_EIA], 0, *id);
}

/* An EIA's mitigating action past its date; it opens the EIA. */
static GtkWidget *
action_row (CmOverviewPage *self, CmEiaMitigation *action)
{
  CmEiaCharacteristic *c = CM_EIA_CHARACTERISTIC (
    cm_store_find (self->store, CM_TYPE_EIA_CHARACTERISTIC,
                   cm_eia_mitigation_get_characteristic_id (action)));
  gint64 eia_id = cm_eia_characteristic_get_eia_id (c);
  CmEntity *eia = cm_store_find (self->store, CM_TYPE_EIA, eia_id);
  g_autofree char *service = NULL;
  g_autofree char *due = cm_date_format_long (cm_eia_mitigation_get_due_date (action));
  g_autofree char *subtitle = NULL;
  GtkWidget *r;

  g_object_get (eia, "service-name", &service, NULL);
  subtitle = g_strdup_printf (_("EIA of %s · %s · overdue since %s"), service,
                              cm_eia_characteristic_get_name (c), due);
  r = cm_page_text_row (cm_eia_mitigation_get_description (action), subtitle, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), chevron ());
  g_object_set_data_full (G_OBJECT (r), "eia-id", g_memdup2 (&eia_id, sizeof eia_id), g_free);
  g_signal_connect (r, "activated", G_CALLBACK (eia_row_activated), self);
  return r;
}

static void
overdue_reviews (CmOverviewPage *self, CmOverview *overview, GtkWidget *g)
{
  for (guint i = 0; i < overview->overdue_reviews->len; i++)
    {
      CmEiaReviewDue *review = g_ptr_array_index (overview->overdue_reviews, i);
      gint64 id = cm_decommission_get_service_id (review->decommission);
      CmService *service = cm_overview_find_service (overview, id);
      g_autofree char *due = cm_date_to_long (&review->due);
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · due %s: record it on the Review step of its decommissioning EIA"),
                         service ? cm_service_get_name (service) : "", due);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, _("EIA review after decommissioning"),
                                              subtitle, id));
    }
}

static GtkWidget *
overdue_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Overdue"), NULL);
  g_autofree char *count = cm_count_format (overview->overdue_dates);
  g_autofree char *dates = g_strdup_printf (ngettext ("%s contract date overdue or breached",
                                                      "%s contract dates overdue or breached",
                                                      overview->overdue_dates),
                                            count);
  GtkWidget *deadlines = cm_page_text_row (dates, _("Open them under Contracts & Deadlines"),
                              overview->overdue_dates ? "dialog-warning-symbolic"
                                                      : "emblem-ok-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (deadlines), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (deadlines), chevron ());
  g_signal_connect (deadlines, "activated", G_CALLBACK (deadlines_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), deadlines);
  for (guint i = 0; i < overview->overdue_items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (overview->overdue_items, i);
      gint64 id = cm_checklist_item_get_service_id (item);
      CmService *service = cm_overview_find_service (overview, id);
      g_autofree char *due = cm_date_format_long (cm_checklist_item_get_due_date (item));
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · %s · overdue since %s"), cm_service_get_name (service),
                         cm_enum_to_label (CM_TYPE_STAGE, cm_checklist_item_get_stage (item)),
                         due);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, cm_checklist_item_get_title (item), subtitle,
                                              id));
    }
  for (guint i = 0; i < overview->overdue_actions->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               action_row (self, g_ptr_array_index (overview->overdue_actions, i)));
  for (guint i = 0; i < overview->overdue_risks->len; i++)
    {
      CmRisk *risk = g_ptr_array_index (overview->overdue_risks, i);
      g_autofree char *service = NULL;
      g_autofree char *due = cm_date_format_long (cm_risk_get_review_date (risk));
      g_autofree char *subtitle = NULL;

      g_object_get (risk, "service-name", &service, NULL);
      subtitle = g_strdup_printf (_("Risk review · %s · overdue since %s"), service, due);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, cm_risk_get_description (risk), subtitle,
                                              cm_risk_get_service_id (risk)));
    }
  overdue_reviews (self, overview, g);
  return g;
}

/* ---- what needs the user now ------------------------------------------ */

static char *
attention_text (CmOverviewPage *self, CmOverview *overview, CmAttention *a)
{
  g_autofree char *date = g_date_valid (&a->date) ? cm_date_to_long (&a->date) : NULL;
  gboolean late = date && g_date_compare (&a->date, &self->today) < 0;

  switch (a->kind)
    {
    case CM_ATTENTION_STEP_OVERDUE:
      return g_strdup_printf (_("Decommissioning step “%s” was due on %s"),
                              a->title ? a->title : "", date);
    case CM_ATTENTION_NOTICE_DUE:
      {
        const char *what = cm_deadline_kind_label (a->deadline);
        const char *title = a->title ? a->title : "";

        return late ? g_strdup_printf (_("%s for “%s” · overdue since %s"), what, title, date)
                    : g_strdup_printf (_("%s for “%s” · %s"), what, title, date);
      }
    case CM_ATTENTION_EIA_TO_SIGN:
      return a->to_do == 0
             ? g_strdup (_("Its EIA is complete and waiting to be signed off"))
             : g_strdup_printf (ngettext ("Its EIA awaits sign-off: %u thing is still to do",
                                          "Its EIA awaits sign-off: %u things are still to do",
                                          a->to_do), a->to_do);
    case CM_ATTENTION_GATE_READY:
    case CM_ATTENTION_N_KINDS:
    default:
      {
        CmService *service = cm_overview_find_service (overview, a->service_id);

        return g_strdup_printf (_("Ready to pass the %s gate: every required item is settled"),
                                service ? cm_enum_to_label (CM_TYPE_STAGE,
                                                            cm_service_get_stage (service))
                                        : "");
      }
    }
}

static char *
attention_heading (CmAttentionKind kind, guint n)
{
  g_autofree char *count = cm_count_format (n);

  switch (kind)
    {
    case CM_ATTENTION_STEP_OVERDUE:
      return g_strdup_printf (ngettext ("%s decommissioning step overdue",
                                        "%s decommissioning steps overdue", n), count);
    case CM_ATTENTION_NOTICE_DUE:
      return g_strdup_printf (ngettext ("%s contract date to act on",
                                        "%s contract dates to act on", n), count);
    case CM_ATTENTION_EIA_TO_SIGN:
      return g_strdup_printf (ngettext ("%s EIA awaiting sign-off",
                                        "%s EIAs awaiting sign-off", n), count);
    case CM_ATTENTION_GATE_READY:
    case CM_ATTENTION_N_KINDS:
    default:
      return g_strdup_printf (ngettext ("%s service ready to pass its gate",
                                        "%s services ready to pass their gates", n), count);
    }
}

/* Few rows of a kind are shown as they are; more are folded under a
 * heading that counts them, so that every kind stays in view. */
#define ATTENTION_UNFOLDED 4

static void
attention_words (CmOverviewPage *self, CmOverview *overview, gpointer item, char **title,
                 char **subtitle)
{
  CmAttention *a = item;
  CmService *service = cm_overview_find_service (overview, a->service_id);

  *title = g_strdup (service ? cm_service_get_name (service) : "");
  *subtitle = attention_text (self, overview, a);
}

static GtkWidget *
attention_group (CmOverviewPage *self, CmOverview *overview)
{
  GPtrArray *list = overview->attention;
  GtkWidget *g = cm_page_group (_("Needs You Now"),
                                list->len == 0
                                ? _("Nothing is waiting on you: no gate is ready, no notice "
                                    "date is near, every EIA is signed off.")
                                : _("Open a service to act on it."));

  for (guint i = 0; i < list->len;)
    {
      CmAttentionKind kind = ((CmAttention *) g_ptr_array_index (list, i))->kind;
      guint end = i;

      while (end < list->len && ((CmAttention *) g_ptr_array_index (list, end))->kind == kind)
        end++;
      if (end - i <= ATTENTION_UNFOLDED)
        for (; i < end; i++)
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                     item_row (self, overview, g_ptr_array_index (list, i),
                                               attention_words, attention_service));
      else
        {
          GtkWidget *expander = adw_expander_row_new ();
          g_autofree char *heading = attention_heading (kind, end - i);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), heading);
          fold_rows (self, overview, expander, list, i, end, attention_words, attention_service);
          i = end;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), expander);
        }
    }
  return g;
}

typedef struct {
  CmStore *store;
  CmEntity *record;
} Stand;

static void
stand_free (Stand *stand)
{
  g_object_unref (stand->store);
  g_object_unref (stand->record);
  g_free (stand);
}

/* A refused write asks again with the reason kept. */
static gboolean
stand_reason_given (const char *reason, gpointer data, GError **error)
{
  Stand *stand = data;
  /* The Overview's records were read by its worker: override the record
   * as it now stands, so no later change is written over. */
  CmEntity *current = cm_store_find (stand->store, G_OBJECT_TYPE (stand->record),
                                     cm_entity_get_id (stand->record));

  if (current == NULL)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The decision was deleted meanwhile, so nothing was changed."));
      return FALSE;
    }
  return cm_decision_evidence_override (stand->store, current, reason, error);
}

static void
stand_clicked (GtkButton *button, CmOverviewPage *self)
{
  Stand *stand = g_new0 (Stand, 1);

  stand->store = g_object_ref (self->store);
  stand->record = g_object_ref (g_object_get_data (G_OBJECT (button), "record"));
  cm_reason_dialog_ask_checked (GTK_WIDGET (self), _("Let the Decision Stand?"),
                                g_object_get_data (G_OBJECT (button), "problem"), _("Reason"),
                                _("_Let It Stand"), TRUE, stand_reason_given, stand,
                                (GDestroyNotify) stand_free);
}

/* Decisions taken without a signed EIA before them: the duty is tested at
 * the moment of decision, so each stays flagged until a reason lets it
 * stand. */
static GtkWidget *
decisions_group (CmOverviewPage *self, CmOverview *overview)
{
  guint n = overview->flagged_decisions->len;
  g_autofree char *count = cm_count_format (n);
  g_autofree char *title = g_strdup_printf (ngettext ("%s decision not informed by a signed EIA",
                                                      "%s decisions not informed by a signed EIA",
                                                      n), count);
  GtkWidget *g = cm_page_group (_("Decisions and Their EIAs"), NULL);

  if (n == 0)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 cm_page_text_row (_("No decision is flagged"),
                                                   _("Every decommissioning and re-commissioning "
                                                     "decision follows the sign-off of the EIA "
                                                     "that informed it, or stands with a "
                                                     "reason."),
                                                   "emblem-ok-symbolic"));
      return g;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), title);
  for (guint i = 0; i < n; i++)
    {
      CmDecisionEvidence *e = g_ptr_array_index (overview->flagged_decisions, i);
      CmService *service = cm_overview_find_service (overview, e->service_id);
      const char *name = service ? cm_service_get_name (service) : "";
      GtkWidget *row = service_row (self, name, e->problem, e->service_id);
      GtkWidget *stand = cm_mnemonic_button_new (_("Let It _Stand…"), NULL);
      g_autofree char *label = g_strdup_printf (_("Let the decision on “%s” stand"), name);

      gtk_widget_set_valign (stand, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (stand), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (stand), "record", g_object_ref (e->record),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (stand), "problem", g_strdup (e->problem), g_free);
      g_signal_connect (stand, "clicked", G_CALLBACK (stand_clicked), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), stand);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  return g;
}

/* The portfolio in three charts, below what needs the user now; a file
 * that cannot be read says so in place of the charts. */
static GtkWidget *
charts_group (const CmOverviewCharts *charts, const char *error)
{
  GtkWidget *g = cm_page_group (_("At a Glance"), NULL);

  if (charts == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), error);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), cm_portfolio_charts_new_for (charts));
  return g;
}

/* ---- first run -------------------------------------------------------- */

static const CmRecordKind *
kind_named (const char *name)
{
  guint n;
  const CmRecordKind *kinds = cm_record_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  g_return_val_if_reached (NULL);
}

static guint
count_of (CmOverviewPage *self, const char *kind)
{
  return g_list_model_get_n_items (cm_store_list (self->store, kind_named (kind)->get_type ()));
}

/* The id of the only record of @kind, or 0 when there are none or several:
 * a choice with one answer is made for the user. */
static gint64
only_one (CmOverviewPage *self, const char *kind)
{
  GListModel *records = cm_store_list (self->store, kind_named (kind)->get_type ());
  g_autoptr(CmEntity) record = NULL;

  if (g_list_model_get_n_items (records) != 1)
    return 0;
  record = g_list_model_get_item (records, 0);
  return cm_entity_get_id (record);
}

/* A new record of @kind, with what the first run has already made
 * chosen: a service's commissioner, a contract's service and provider. */
static CmEntity *
first_run_draft (CmOverviewPage *self, const CmRecordKind *kind)
{
  CmEntity *draft = g_object_new (kind->get_type (), NULL);

  if (g_str_equal (kind->name, "services"))
    g_object_set (draft, "lead-commissioner-id", only_one (self, "commissioners"), NULL);
  else if (g_str_equal (kind->name, "contracts"))
    g_object_set (draft, "service-id", only_one (self, "services"),
                  "provider-id", only_one (self, "providers"), NULL);
  return draft;
}

/* Opens the editor of a new record of the kind the button names, here,
 * rather than sending the user to another page to find its Add button. */
static void open_editor (CmOverviewPage *self, const CmRecordKind *kind);

static void
add_record_clicked (GtkButton *button, CmOverviewPage *self)
{
  open_editor (self, kind_named (g_object_get_data (G_OBJECT (button), "kind")));
}

static void
import_clicked (CmOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.import", NULL);
}

/* A step of the first run: the next one is suggested, one that must wait
 * for an earlier one takes no press. */
static GtkWidget *
step_button (const char *label, gboolean next, gboolean possible)
{
  GtkWidget *button = cm_mnemonic_button_new (label, NULL);

  gtk_widget_add_css_class (button, "pill");
  if (next)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, possible);
  return button;
}

/* A step that opens the editor of a new record of @kind. */
static GtkWidget *
add_button (CmOverviewPage *self, const char *label, const char *kind, gboolean next,
            gboolean possible)
{
  GtkWidget *button = step_button (label, next, possible);

  g_object_set_data (G_OBJECT (button), "kind", (gpointer) kind);
  g_signal_connect (button, "clicked", G_CALLBACK (add_record_clicked), self);
  return button;
}

static GtkWidget *
import_button (CmOverviewPage *self)
{
  GtkWidget *button = step_button (_("_Import a Register…"), FALSE, TRUE);

  g_signal_connect_swapped (button, "clicked", G_CALLBACK (import_clicked), self);
  return button;
}

/* A step that must wait for an earlier one takes no press; the next one
 * is suggested. */
static void
set_step (GtkWidget *button, gboolean next, gboolean possible)
{
  if (next)
    gtk_widget_add_css_class (button, "suggested-action");
  else
    gtk_widget_remove_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, possible);
}

/* An empty portfolio: a commissioner first, then a service, as the
 * template lays out; which is next depends on what there is. */
static GtkWidget *
first_run_page (CmOverviewPage *self)
{
  gboolean has_commissioner = count_of (self, "commissioners") > 0;

  set_step (self->add_commissioner_button, !has_commissioner, TRUE);
  set_step (self->add_service_button, has_commissioner, has_commissioner);
  gtk_label_set_label (self->first_run_note,
                       has_commissioner
                       ? _("Next, add a service that commissioner leads.")
                       : _("Every service has a lead commissioner: add one first."));
  return self->first_run_page;
}

static void
add_commissioner_clicked (CmOverviewPage *self)
{
  open_editor (self, kind_named ("commissioners"));
}

static void
add_service_clicked (CmOverviewPage *self)
{
  open_editor (self, kind_named ("services"));
}

static void
open_editor (CmOverviewPage *self, const CmRecordKind *kind)
{
  g_autoptr(CmEntity) draft = first_run_draft (self, kind);
  GtkWidget *editor = cm_record_editor_new (self->store, kind, draft);

  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0';
}

static void
provider_typed (GtkEditable *entry, GtkWidget *button)
{
  gtk_widget_set_sensitive (button, !is_blank (gtk_editable_get_text (entry)));
}

/* The provider named beside the button is added, then the contract's
 * editor opens with it and the service chosen. */
static void
contract_with_provider_clicked (GtkButton *button, CmOverviewPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  GtkWidget *group = g_object_get_data (G_OBJECT (button), "group");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(CmEntity) provider = g_object_new (CM_TYPE_PROVIDER, "name", name, NULL);
  g_autoptr(GError) error = NULL;

  if (!cm_store_save (self->store, provider, &error))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  open_editor (self, kind_named ("contracts"));
}

/* Services but no contract yet: the next step is offered at the top. A
 * contract is held by a provider: without one, its name is asked here. */
static GtkWidget *
first_contract_group (CmOverviewPage *self)
{
  gboolean has_provider = count_of (self, "providers") > 0;
  GtkWidget *g = cm_page_group (_("Next Step: the First Contract"),
                                _("Record a contract of the service, with its dates, so that "
                                  "its deadlines are watched. Or import the register you keep "
                                  "in a spreadsheet."));
  GtkWidget *import = import_button (self);
  GtkWidget *add;
  GtkWidget *row;

  if (has_provider)
    {
      row = cm_page_text_row (_("Add the first contract"), NULL, NULL);
      add = add_button (self, _("Add a C_ontract…"), "contracts", TRUE, TRUE);
    }
  else
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Provider holding the first contract"));
      add = step_button (_("Add a C_ontract…"), TRUE, FALSE);
      g_object_set_data (G_OBJECT (add), "entry", row);
      g_object_set_data (G_OBJECT (add), "group", g);
      g_signal_connect (add, "clicked", G_CALLBACK (contract_with_provider_clicked), self);
      g_signal_connect (row, "changed", G_CALLBACK (provider_typed), add);
    }
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (import, GTK_ALIGN_CENTER);
  if (ADW_IS_ACTION_ROW (row))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), import);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
    }
  else
    {
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), add);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), import);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  return g;
}

/* ---- worked out in a worker ------------------------------------------ */

/* What a worker works out on a connection of its own, for the page to
 * show: on a large portfolio this takes seconds, and the window answers
 * meanwhile. */
typedef struct {
  CmOverviewPage *page;   /* weak */
  GDate today;
  guint n_services;
  guint n_contracts;
  CmOverview *overview;
  CmOverviewCharts *charts;
  char *charts_error;
} Collect;

static void
collect_free (Collect *job)
{
  g_clear_weak_pointer (&job->page);
  g_clear_pointer (&job->overview, cm_overview_free);
  g_clear_pointer (&job->charts, cm_overview_charts_free);
  g_free (job->charts_error);
  g_free (job);
}

/* In the worker. */
static gboolean
collect_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Collect *job = data;
  g_autoptr(GError) charts_error = NULL;

  /* An unreadable file fails here, or it would look like a new one. */
  if (!cm_store_count (store, CM_TYPE_SERVICE, &job->n_services, error))
    return FALSE;
  if (job->n_services == 0)
    return TRUE;
  if (!cm_store_count (store, CM_TYPE_CONTRACT, &job->n_contracts, error))
    return FALSE;
  job->overview = cm_overview_collect_with_charts (store, &job->today, cancellable,
                                                   &job->charts, &charts_error);
  if (job->overview == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&charts_error));
      return FALSE;
    }
  if (job->charts == NULL)
    job->charts_error = g_strdup (charts_error->message);
  return TRUE;
}

static void
show (CmOverviewPage *self, GtkWidget *child)
{
  GtkWidget *shown = gtk_scrolled_window_get_child (self->scrolled);

  /* A view of the template stays the page's when another takes its place. */
  if (shown == NULL || (gtk_widget_get_first_child (shown) != child && shown != child))
    gtk_scrolled_window_set_child (self->scrolled, child);
  /* The icons of rows and expanders repeat what their titles say. */
  cm_decoration_hide_icons (GTK_WIDGET (self->scrolled));
}

/* The figures' groups, made again each time from what the worker found. */
static void
clear_groups (CmOverviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))))
    gtk_box_remove (self->groups, child);
}

static void
show_collected (CmOverviewPage *self, Collect *job)
{
  CmOverview *overview;
  GtkBox *box = self->groups;

  if (job->n_services == 0)
    {
      show (self, first_run_page (self));
      return;
    }
  g_clear_pointer (&self->overview, cm_overview_free);
  overview = self->overview = g_steal_pointer (&job->overview);
  clear_groups (self);
  if (job->n_contracts == 0)
    gtk_box_append (GTK_BOX (box), first_contract_group (self));
  gtk_box_append (GTK_BOX (box), attention_group (self, overview));
  gtk_box_append (GTK_BOX (box), charts_group (job->charts, job->charts_error));
  gtk_box_append (GTK_BOX (box), stages_group (self, overview));
  gtk_box_append (GTK_BOX (box), decisions_group (self, overview));
  gtk_box_append (GTK_BOX (box), overdue_group (self, overview));
  gtk_box_append (GTK_BOX (box), held_group (self, overview));
  show (self, self->figures);
}

/* Until the first figures come: the page is there at once, and says what
 * it is doing. */
static void
show_working (CmOverviewPage *self)
{
  show (self, self->working_page);
}

static void
show_failed (CmOverviewPage *self, const char *message)
{
  adw_status_page_set_description (self->failed_page, message);
  show (self, GTK_WIDGET (self->failed_page));
}

static void rebuild (CmOverviewPage *self);

static void
collected (gpointer data, const GError *error)
{
  Collect *job = data;
  CmOverviewPage *self = job->page;

  /* A page disposed while the worker worked has no store or view left. */
  if (self && self->store)
    {
      g_clear_object (&self->collecting);
      if (error == NULL)
        show_collected (self, job);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failed (self, error->message);
      if (self->again)
        {
          self->again = FALSE;
          rebuild (self);
        }
    }
  collect_free (job);
}

static void
rebuild (CmOverviewPage *self)
{
  Collect *job;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* A change while the worker works: once more when it is done. */
  if (self->collecting)
    {
      self->again = TRUE;
      return;
    }
  if (gtk_scrolled_window_get_child (self->scrolled) == NULL)
    show_working (self);
  job = g_new0 (Collect, 1);
  g_set_weak_pointer (&job->page, self);
  job->today = self->today;
  self->collecting = g_cancellable_new ();
  cm_portfolio_job_read (cm_store_get_path (self->store), cm_store_get_display_name (self->store),
                         self->collecting, collect_in_thread, job, collected, job);
}

static gboolean
rebuild_idle (gpointer data)
{
  CmOverviewPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* "changed" comes once per table a commit changed: rebuild once, after. */
static void
store_changed (CmOverviewPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
cm_overview_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmOverviewPage *self = CM_OVERVIEW_PAGE (object);
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
cm_overview_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmOverviewPage *self = CM_OVERVIEW_PAGE (object);

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
cm_overview_page_constructed (GObject *object)
{
  CmOverviewPage *self = CM_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (cm_overview_page_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
cm_overview_page_dispose (GObject *object)
{
  CmOverviewPage *self = CM_OVERVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->collecting)
    g_cancellable_cancel (self->collecting);
  g_clear_object (&self->collecting);
  /* Unparented by hand, as the detail page does: GTK 4.8's
   * gtk_widget_dispose_template () can abort when a portfolio closes. The
   * views not shown go with the template's references. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->scrolled = NULL;
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, cm_overview_free);

  G_OBJECT_CLASS (cm_overview_page_parent_class)->dispose (object);
}

static void
cm_overview_page_class_init (CmOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cm_overview_page_set_property;
  object_class->get_property = cm_overview_page_get_property;
  object_class->constructed = cm_overview_page_constructed;
  object_class->dispose = cm_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The day dates are reckoned from; tests fix it. */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_SERVICE] = g_signal_new ("open-service", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_EIA] = g_signal_new ("open-eia", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_SECTION] = g_signal_new ("open-section", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, working_page);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, add_commissioner_button);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, add_service_button);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, first_run_note);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, groups);
  gtk_widget_class_bind_template_child (widget_class, CmOverviewPage, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, add_commissioner_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_service_clicked);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked);
}

static void
cm_overview_page_init (CmOverviewPage *self)
{
  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (rebuild), NULL);
}

CmOverviewPage *
cm_overview_page_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_OVERVIEW_PAGE, "store", store, "today", today, NULL);
}
