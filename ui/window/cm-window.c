/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-window.c: the main window: a welcome page, or a portfolio's sections */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cm-backup-dialog.h"
#include "cm-audit-view.h"
#include "cm-command-line.h"
#include "cm-connect-dialog.h"
#include "cm-contract.h"
#include "cm-decoration.h"
#include "cm-deadlines-page.h"
#include "cm-decommission.h"
#include "cm-decommission-page.h"
#include "cm-detail-page.h"
#include "cm-eia.h"
#include "cm-eia-page.h"
#include "cm-export-dialog.h"
#include "cm-import-dialog.h"
#include "cm-import-undo-dialog.h"
#include "cm-new-portfolio.h"
#include "cm-overview-page.h"
#include "cm-portfolio-name.h"
#include "cm-provider.h"
#include "cm-reason-dialog.h"
#include "cm-recent.h"
#include "cm-record-kind.h"
#include "cm-report-actions.h"
#include "cm-records-page.h"
#include "cm-rules-window.h"
#include "cm-search-dialog.h"
#include "cm-service-page.h"
#include "cm-store-watch.h"
#include "cm-store.h"
#include "cm-store-server.h"
#include "cm-trail-check.h"
#include "cm-undo.h"
#include "cm-window.h"

struct _CmWindow
{
  AdwApplicationWindow parent_instance;

  CmStore *store;
  CmStoreWatch *watch;  /* follows other programs' changes to the portfolio */
  GtkWidget *connection_banner;
  GtkSpinner *connection_spinner;
  GtkLabel *connection_label;

  AdwToastOverlay *toasts;
  GtkStack *main_stack;
  AdwFlap *flap;                 /* the sections beside the page, or over it */
  guint fold_id;                 /* a change of fold waiting for the main loop */
  GtkListBox *sidebar;
  GtkStack *pages;
  AdwWindowTitle *content_title;
  CmServicePage *service_page;   /* not in the sidebar: opened from a service */
  CmEiaPage *eia_page;           /* nor this: opened from an EIA */
  CmDecommissionPage *decommission_page;
  GHashTable *named_pages;       /* each list by its name ("deadlines"), weak */
  gboolean following;            /* the sidebar is following, not leading */
  GtkWidget *back_button;
  GMenu *recent_menu;
  GtkListBox *recent_list;
  CmConnectDialog *reopening;    /* a server's quiet reopen, until connected; weak */
  AdwToast *reopening_toast;     /* its "Connecting to…"; weak */
};

G_DEFINE_FINAL_TYPE (CmWindow, cm_window, ADW_TYPE_APPLICATION_WINDOW)

static CmApplication *
application (CmWindow *self)
{
  return CM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_error (CmWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* ---- sections --------------------------------------------------------- */

/* The sidebar, by task: each section shows one list, or a few in tabs.
 * Records that belong to another (a reduction's lines, a measure's
 * values, a contract's notices) are shown inside it; the portfolio's
 * people and rules are in Portfolio Settings. */
typedef struct {
  const char *name;
  const char *title;          /* untranslated; N_() marks it */
  const char *icon_name;
  const char *pages[4];       /* record kinds, or "overview", "deadlines" */
} Section;

static const Section sections[] = {
  { "overview", N_("Overview"), "go-home-symbolic", { "overview" } },
  { "services", N_("Services"), "view-list-bullet-symbolic", { "services" } },
  { "contracts", N_("Contracts & Deadlines"), "x-office-calendar-symbolic",
    { "contracts", "deadlines" } },
  { "providers", N_("Providers"), "system-users-symbolic", { "providers" } },
  { "eias", N_("Assessments (EIAs)"), "checkbox-checked-symbolic", { "eias" } },
  { "decommissions", N_("Decommissions"), "system-shutdown-symbolic", { "decommissions" } },
  { "reductions", N_("Reductions"), "view-sort-descending-symbolic", { "reductions" } },
  { "quality", N_("Quality & Risk"), "dialog-warning-symbolic",
    { "risks", "engagement", "measures" } },
};

static void
clear_sections (CmWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))))
    gtk_stack_remove (self->pages, child);
  g_hash_table_remove_all (self->named_pages);
  self->service_page = NULL;
  self->eia_page = NULL;
  self->decommission_page = NULL;
  cm_undo_forget (GTK_WIDGET (self));
}

static GtkWidget *
sidebar_row (const char *name, const char *title, const char *icon_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();

  /* The row is named after its section: the icon adds nothing to hear. */
  gtk_box_append (GTK_BOX (box), cm_decoration_icon_new (icon_name));
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (row), "page-name", (gpointer) name);
  g_object_set_data_full (G_OBJECT (row), "page-title", g_strdup (title), g_free);
  return row;
}

/* The back button takes a record's page back to its list: one place, one
 * way back. A folded window shows its sections with the sidebar button. */
static void
update_back (CmWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  gboolean on_record = page && CM_IS_DETAIL_PAGE (page);

  gtk_widget_set_visible (self->back_button, on_record);
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the List"));
}

/* Below this width the sections fold away over the page: beside it they
 * would leave a list, with its details, too little room. libadwaita 1.2
 * folds only once the pages' least widths no longer fit. */
#define FOLD_BELOW 1000

static AdwFlapFoldPolicy
fold_wanted (CmWindow *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self->main_stack)) < FOLD_BELOW
         ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO;
}

static gboolean
fold_idle (gpointer data)
{
  CmWindow *self = data;

  self->fold_id = 0;
  adw_flap_set_fold_policy (self->flap, fold_wanted (self));
  return G_SOURCE_REMOVE;
}

/* The fold follows the window's width, after it is laid out: a new fold
 * lays it out again. */
static void
cm_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CmWindow *self = CM_WINDOW (widget);

  GTK_WIDGET_CLASS (cm_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->fold_id == 0 && adw_flap_get_fold_policy (self->flap) != fold_wanted (self))
    self->fold_id = g_idle_add (fold_idle, self);
}

/* A page chosen on a folded window takes the width back from the sections. */
static void
hide_folded_sidebar (CmWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static GtkWidget *shown_page (CmWindow *self);
static void ensure_section_named (CmWindow *self, const char *name);

/* A key that acts on a list (Ctrl+E, Delete) needs the keyboard in it: a
 * list shown in place of the one that had the keyboard takes it, rather
 * than the tabs GTK would hand it to. Moving along the sidebar keeps it. */
static void
keep_keyboard (CmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = shown_page (self);

  if (page == NULL || (focus && gtk_widget_is_drawable (focus) &&
                       (gtk_widget_is_ancestor (focus, page) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))))
    return;
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
section_selected (CmWindow *self, GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  adw_window_title_set_title (self->content_title, g_object_get_data (G_OBJECT (row), "page-title"));
  /* The sidebar follows a record's page opened from its section. */
  if (self->following)
    return;
  ensure_section_named (self, g_object_get_data (G_OBJECT (row), "page-name"));
  gtk_stack_set_visible_child_name (self->pages, g_object_get_data (G_OBJECT (row), "page-name"));
  hide_folded_sidebar (self);
  update_back (self);
  keep_keyboard (self);
}

/* Marks the section that holds what the window shows. */
static void
follow_section (CmWindow *self, const char *section)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), section) == 0)
      {
        self->following = TRUE;
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        self->following = FALSE;
      }
}

static void
select_section (CmWindow *self, const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), name) == 0)
      {
        gtk_list_box_unselect_all (self->sidebar);
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
      }
}

static GtkWidget *page_named (CmWindow *self, const char *name);

/* Shows a page by the name of its list ("deadlines"), in its tab; returns
 * it, or NULL if there is none of that name. */
static GtkWidget *
show_page (CmWindow *self, const char *name)
{
  GtkWidget *page = page_named (self, name);
  GtkWidget *parent;

  if (page == NULL)
    return NULL;
  parent = gtk_widget_get_parent (page);
  if (GTK_IS_STACK (parent) && parent != GTK_WIDGET (self->pages))
    gtk_stack_set_visible_child (GTK_STACK (parent), page);
  select_section (self, g_object_get_data (G_OBJECT (page), "section"));
  gtk_stack_set_visible_child_name (self->pages, g_object_get_data (G_OBJECT (page), "section"));
  update_back (self);
  return page;
}

/* The Overview's links to a list, such as the deadlines. */
static void
open_section (CmWindow *self, const char *name)
{
  show_page (self, name);
}

/* Shows one record on its kind's page, such as a deadline's contract. */
static void
show_record (CmWindow *self, const char *kind, CmEntity *entity)
{
  GtkWidget *page = show_page (self, kind);

  if (page)
    cm_records_page_show_entity (CM_RECORDS_PAGE (page), cm_entity_get_id (entity));
}

static void
open_contract (CmWindow *self, CmContract *contract)
{
  show_record (self, "contracts", CM_ENTITY (contract));
}

static void
show_detail (CmWindow *self, GtkWidget *page, const char *section)
{
  gtk_stack_set_visible_child (self->pages, page);
  follow_section (self, section);
  hide_folded_sidebar (self);
  update_back (self);
}

static void ensure_detail_pages (CmWindow *self);

static void
open_service_id (CmWindow *self, gint64 id)
{
  ensure_detail_pages (self);
  show_detail (self, GTK_WIDGET (self->service_page), "services");
  cm_service_page_show (self->service_page, id);
}

static void
open_eia (CmWindow *self, gint64 id)
{
  ensure_detail_pages (self);
  show_detail (self, GTK_WIDGET (self->eia_page), "eias");
  cm_eia_page_show (self->eia_page, id);
}

static void
open_decommission (CmWindow *self, gint64 id, gboolean audit)
{
  ensure_detail_pages (self);
  show_detail (self, GTK_WIDGET (self->decommission_page), "decommissions");
  cm_decommission_page_show (self->decommission_page, id, audit);
}

/* A record's own page was asked for: a service's cycle, an EIA, or a
 * decommission. */
static void
open_record (CmWindow *self, CmEntity *record)
{
  if (CM_IS_EIA (record))
    open_eia (self, cm_entity_get_id (record));
  else if (CM_IS_DECOMMISSION (record))
    open_decommission (self, cm_entity_get_id (record), FALSE);
  else
    open_service_id (self, cm_entity_get_id (record));
}

/* One of a service's records, asked for from the service's page. */
static void
open_service_record (CmWindow *self, CmEntity *record, gboolean audit)
{
  if (CM_IS_CONTRACT (record))
    open_contract (self, CM_CONTRACT (record));
  else if (CM_IS_DECOMMISSION (record))
    open_decommission (self, cm_entity_get_id (record), audit);
  else
    open_record (self, record);
}

/* Back from a record's page to the same record in its list. */
static void
back_to_list (CmWindow *self, GType type, gint64 id, const char *kind)
{
  CmEntity *record = cm_store_find (self->store, type, id);

  if (record)
    show_record (self, kind, record);
  else
    show_page (self, kind);
}

static void
service_page_closed (CmWindow *self)
{
  back_to_list (self, CM_TYPE_SERVICE, cm_service_page_get_service_id (self->service_page),
                "services");
}

static void
decommission_page_closed (CmWindow *self)
{
  back_to_list (self, CM_TYPE_DECOMMISSION,
                cm_decommission_page_get_id (self->decommission_page), "decommissions");
}

static void
eia_page_closed (CmWindow *self)
{
  back_to_list (self, CM_TYPE_EIA, cm_eia_page_get_eia_id (self->eia_page), "eias");
}

static const CmRecordKind *
kind_named (const char *name)
{
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  return NULL;
}

/* One list of a section: the overview, the deadlines, or a kind of record. */
static GtkWidget *
build_page (CmWindow *self, const char *name, const char **title)
{
  const GDate *today = cm_application_get_today (application (self));
  const CmRecordKind *kind;
  GtkWidget *page;

  if (g_str_equal (name, "overview"))
    {
      page = GTK_WIDGET (cm_overview_page_new (self->store, today));
      g_signal_connect_swapped (page, "open-service", G_CALLBACK (open_service_id), self);
      g_signal_connect_swapped (page, "open-eia", G_CALLBACK (open_eia), self);
      g_signal_connect_swapped (page, "open-section", G_CALLBACK (open_section), self);
      *title = _("Overview");
      return page;
    }
  if (g_str_equal (name, "deadlines"))
    {
      page = GTK_WIDGET (cm_deadlines_page_new (self->store, today));
      g_signal_connect_swapped (page, "open-contract", G_CALLBACK (open_contract), self);
      g_signal_connect_swapped (page, "open-service", G_CALLBACK (open_service_id), self);
      *title = _("Deadlines");
      return page;
    }
  kind = kind_named (name);
  page = GTK_WIDGET (cm_records_page_new (self->store, kind, today));
  g_signal_connect_swapped (page, "open-record", G_CALLBACK (open_record), self);
  *title = _(kind->title);
  return page;
}

/* A section of several lists shows them as tabs. */
static GtkWidget *
build_tabs (CmWindow *self, const Section *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tabs = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  g_autofree char *name = g_strdup_printf (_("Lists of %s"), _(section->title));

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (tabs));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  gtk_widget_set_vexpand (tabs, TRUE);
  g_signal_connect_object (tabs, "notify::visible-child", G_CALLBACK (keep_keyboard), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; section->pages[i]; i++)
    {
      const char *title;
      GtkWidget *page = build_page (self, section->pages[i], &title);

      gtk_stack_add_titled (GTK_STACK (tabs), page, section->pages[i], title);
      g_object_set_data (G_OBJECT (page), "section", (gpointer) section->name);
      g_hash_table_insert (self->named_pages, (gpointer) section->pages[i], page);
    }
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), tabs);
  return box;
}

/* Puts @page in @placeholder's place, keeping the pages in the
 * sidebar's order. The pages after it stay where they are: taken out and
 * put back, their lists' buttons were left insensitive. */
static void
replace_placeholder (GtkStack *stack, GtkWidget *placeholder, GtkWidget *page, const char *name)
{
  GtkWidget *next = gtk_widget_get_next_sibling (placeholder);

  gtk_stack_remove (stack, placeholder);
  gtk_stack_add_named (stack, page, name);
  if (next)
    gtk_widget_insert_before (page, GTK_WIDGET (stack), next);
}

/* A section's page is made when it is first shown: a page lists its
 * records as it is made, and a large portfolio has many. Until then an
 * empty placeholder holds its place. */
static void
build_section (CmWindow *self, const Section *section)
{
  GtkWidget *placeholder = gtk_stack_get_child_by_name (self->pages, section->name);
  GtkWidget *page;
  const char *title;

  if (section->pages[1])
    page = build_tabs (self, section);
  else
    {
      page = build_page (self, section->pages[0], &title);
      g_object_set_data (G_OBJECT (page), "section", (gpointer) section->name);
      g_hash_table_insert (self->named_pages, (gpointer) section->pages[0], page);
    }
  if (placeholder)
    replace_placeholder (self->pages, placeholder, page, section->name);
  else
    gtk_stack_add_named (self->pages, page, section->name);
}

static gboolean
is_placeholder (GtkWidget *page)
{
  return page && g_object_get_data (G_OBJECT (page), "placeholder") != NULL;
}

/* The section named @name, or the one holding the list named @name. */
static const Section *
section_holding (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_strcmp0 (sections[i].name, name) == 0)
        return &sections[i];
      for (guint j = 0; sections[i].pages[j]; j++)
        if (g_strcmp0 (sections[i].pages[j], name) == 0)
          return &sections[i];
    }
  return NULL;
}

static void
ensure_section_named (CmWindow *self, const char *name)
{
  const Section *section = section_holding (name);
  GtkWidget *page = section ? gtk_stack_get_child_by_name (self->pages, section->name) : NULL;

  if (self->store && section && (page == NULL || is_placeholder (page)))
    build_section (self, section);
}

/* The list named @name ("deadlines"), made now if it was not yet. */
static GtkWidget *
page_named (CmWindow *self, const char *name)
{
  ensure_section_named (self, name);
  return g_hash_table_lookup (self->named_pages, name);
}

/* The pages of one service, EIA or decommission: they show nothing until
 * a record is opened, so they are cheap to make with the window. */
static void
ensure_detail_pages (CmWindow *self)
{
  const GDate *today = cm_application_get_today (application (self));

  if (self->service_page || self->store == NULL)
    return;
  self->service_page = cm_service_page_new (self->store, today);
  g_signal_connect_swapped (self->service_page, "closed", G_CALLBACK (service_page_closed), self);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->service_page), "service");

  self->decommission_page = cm_decommission_page_new (self->store, today);
  g_signal_connect_swapped (self->decommission_page, "closed",
                            G_CALLBACK (decommission_page_closed), self);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->decommission_page), "decommission");
  g_signal_connect_swapped (self->service_page, "open-record",
                            G_CALLBACK (open_service_record), self);

  self->eia_page = cm_eia_page_new (self->store, today);
  g_signal_connect_swapped (self->eia_page, "closed", G_CALLBACK (eia_page_closed), self);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->eia_page), "eia");
}

static void
build_sections (CmWindow *self)
{
  clear_sections (self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      g_object_set_data (G_OBJECT (placeholder), "placeholder", GINT_TO_POINTER (TRUE));
      gtk_stack_add_named (self->pages, placeholder, sections[i].name);
      gtk_list_box_append (self->sidebar, sidebar_row (sections[i].name, _(sections[i].title),
                                                       sections[i].icon_name));
    }
  ensure_detail_pages (self);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
}

/* ---- portfolios ------------------------------------------------------- */

static void
remember_portfolio (CmWindow *self, const char *path)
{
  GSettings *settings = cm_application_get_settings (application (self));

  if (settings)
    g_settings_set_string (settings, "last-portfolio", path);
  cm_recent_add_portfolio (path);
}

/* The name the audit trail shows beside the user's account; never instead of it. */
static char *
actor_name (CmWindow *self)
{
  GSettings *settings = cm_application_get_settings (application (self));

  return settings ? g_settings_get_string (settings, "actor-name") : NULL;
}

static void
try_again (AdwToast *toast, CmWindow *self)
{
  cm_window_open_portfolio (self, g_object_get_data (G_OBJECT (toast), "path"));
}

/* Another program holding the file is usually gone a moment later. */
static void
offer_try_again (CmWindow *self, const char *path, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Try Again"));
  g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (path), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (try_again), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* What the user should know about where the file is before working in it. */
static void
warn_about_file (CmWindow *self, CmStore *store, const char *basename)
{
  g_autofree char *message = NULL;

  if (cm_store_is_read_only (store))
    message = g_strdup_printf (_("“%s” is read-only: you can look through it and export it, "
                                 "but not change it."), basename);
  else if (cm_store_is_on_network (store))
    message = g_strdup_printf (_("“%s” is in a network folder, where files cannot be locked "
                                 "reliably: two people changing it at once can damage it. "
                                 "Copy it to a folder on this computer to work on it."),
                               basename);
  if (message)
    show_error (self, message);
}

/* While the connection to the server is down, the banner says so; an
 * editor keeps what it holds, its save refused until the connection is back. */
static void
show_connection_problem (CmWindow *self)
{
  const char *problem = self->watch ? cm_store_watch_get_problem (self->watch) : NULL;

  if (problem != NULL)
    gtk_label_set_text (self->connection_label, problem);
  gtk_spinner_set_spinning (self->connection_spinner, problem != NULL);
  gtk_widget_set_visible (self->connection_banner, problem != NULL);
}

static void
stop_watching (CmWindow *self)
{
  if (self->watch)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  show_connection_problem (self);
}

/* Changes another program commits (an import from the command line, a
 * colleague's edit) appear without reopening the portfolio. */
static void
watch_for_changes (CmWindow *self)
{
  stop_watching (self);
  self->watch = cm_store_watch_new (self->store);
  g_signal_connect_swapped (self->watch, "notify::problem",
                            G_CALLBACK (show_connection_problem), self);
}

/* SQLite's check of a file reads all of it (seconds at 100,000 contracts):
 * a large file opens at once, and the check runs in a thread beside the
 * audit trail's, which reports damage it finds (cm-trail-check.c). */
#define CHECKED_IN_BACKGROUND_BYTES (8 * 1024 * 1024)

static CmStoreOpenFlags
open_flags (const char *path)
{
  GStatBuf st;

  if (!cm_store_server_is_uri (path) && g_stat (path, &st) == 0 &&
      st.st_size > CHECKED_IN_BACKGROUND_BYTES)
    return CM_STORE_OPEN_CHECKED;
  return CM_STORE_OPEN_DEFAULT;
}

/* The window stays usable while a server's portfolio reopens quietly: a
 * portfolio opened meanwhile stops that reopening, whose late connection
 * would otherwise take its place. A dialog that showed itself to ask
 * stays, for the user to answer. */
static void
stop_reopening (CmWindow *self)
{
  CmConnectDialog *dialog = self->reopening;

  g_clear_weak_pointer (&self->reopening);
  if (dialog == NULL || gtk_widget_get_visible (GTK_WIDGET (dialog)))
    return;
  g_signal_handlers_disconnect_by_data (dialog, self);
  if (self->reopening_toast)
    adw_toast_dismiss (self->reopening_toast);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Shows the portfolio @store holds, opened with @flags. */
static void
show_portfolio (CmWindow *self, CmStore *store, CmStoreOpenFlags flags)
{
  const char *path = cm_store_get_path (store);
  g_autofree char *name = NULL;
  g_autofree char *shown = cm_portfolio_name_shown (path);
  g_autofree char *actor = actor_name (self);
  g_autofree char *key = cm_portfolio_name_key (path);

  stop_reopening (self);
  cm_store_set_actor (store, actor);
  g_set_object (&self->store, store);

  name = cm_store_get_meta (store, "name");
  adw_window_title_set_subtitle (self->content_title, name ? name : shown);
  gtk_window_set_title (GTK_WINDOW (self), name ? name : shown);
  build_sections (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rules", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-trail", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "portfolio");
  remember_portfolio (self, key);
  warn_about_file (self, store, shown);
  watch_for_changes (self);
  /* The day's backup follows a check that found the file sound. */
  cm_trail_check_start (store, (flags & CM_STORE_OPEN_CHECKED) != 0, GTK_WIDGET (self),
                        self->toasts);
  cm_report_actions_portfolio_opened (self);
}

static gboolean
open_portfolio_with (CmWindow *self, const char *path, CmStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, flags, &error);

  if (store == NULL && g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY))
    offer_try_again (self, path, error->message);
  else if (store == NULL)
    show_error (self, error->message);
  if (store == NULL)
    return FALSE;
  show_portfolio (self, store, flags);
  return TRUE;
}

gboolean
cm_window_open_portfolio (CmWindow *self, const char *path)
{
  return open_portfolio_with (self, path, open_flags (path));
}

gboolean
cm_window_open_existing_portfolio (CmWindow *self, const char *path)
{
  return open_portfolio_with (self, path, open_flags (path) | CM_STORE_OPEN_MUST_EXIST);
}

void
cm_window_open_store (CmWindow *self, CmStore *store)
{
  g_return_if_fail (CM_IS_WINDOW (self));
  g_return_if_fail (CM_IS_STORE (store));

  show_portfolio (self, store, CM_STORE_OPEN_DEFAULT);
}

char *
cm_window_dup_portfolio (CmWindow *self)
{
  g_return_val_if_fail (CM_IS_WINDOW (self), NULL);

  return self->store ? cm_portfolio_name_key (cm_store_get_path (self->store)) : NULL;
}

CmStore *
cm_window_get_store (CmWindow *self)
{
  g_return_val_if_fail (CM_IS_WINDOW (self), NULL);

  return self->store;
}

AdwToastOverlay *
cm_window_get_toasts (CmWindow *self)
{
  g_return_val_if_fail (CM_IS_WINDOW (self), NULL);

  return self->toasts;
}

GtkWidget *
cm_window_get_shown_page (CmWindow *self)
{
  g_return_val_if_fail (CM_IS_WINDOW (self), NULL);

  return self->store ? shown_page (self) : NULL;
}

void
cm_window_show_contract (CmWindow *self, gint64 contract_id)
{
  CmEntity *contract;

  g_return_if_fail (CM_IS_WINDOW (self));

  contract = self->store ? cm_store_find (self->store, CM_TYPE_CONTRACT, contract_id) : NULL;
  if (contract)
    open_contract (self, CM_CONTRACT (contract));
}

void
cm_window_show_message (CmWindow *self, const char *message)
{
  g_return_if_fail (CM_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

CmWindow *
cm_window_find (GtkApplication *app, const char *path)
{
  g_autofree char *wanted = cm_portfolio_name_key (path);

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    {
      g_autofree char *open = CM_IS_WINDOW (l->data) ? cm_window_dup_portfolio (l->data) : NULL;

      if (g_strcmp0 (open, wanted) == 0)
        return l->data;
    }
  return NULL;
}

/* Opens @path here, unless a window has it open already: that one is
 * raised instead, so that a portfolio has one window. */
static gboolean
open_or_raise (CmWindow *self, const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CmWindow *open = app ? cm_window_find (app, path) : NULL;

  if (open == NULL)
    return cm_window_open_portfolio (self, path);
  gtk_window_present (GTK_WINDOW (open));
  return TRUE;
}

/* ---- working on the file ---------------------------------------------- */

/* How long the window waits for the last user of its store to let go. */
#define CLOSE_TIMEOUT_SECONDS 10

typedef struct {
  CmWindow *self;           /* weak */
  GApplication *application;
  AdwToast *progress;
  CmStore *closing;         /* not a reference: set until it is finalised */
  guint timeout;
  char *path;
  char *actor;
  char *section;            /* shown again afterwards */
  CmPortfolioWork work;
  CmWindowWorkDone done;
  gpointer data;
} Work;

static void
work_free (Work *work)
{
  g_clear_weak_pointer (&work->self);
  g_application_release (work->application);
  g_object_unref (work->application);
  g_object_unref (work->progress);
  g_free (work->path);
  g_free (work->actor);
  g_free (work->section);
  g_free (work);
}

static void
work_finished (Work *work, const GError *error, gboolean reopen)
{
  CmWindow *self = work->self;

  adw_toast_dismiss (work->progress);
  if (self)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      if (!reopen || !cm_window_open_portfolio (self, work->path))
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      else if (work->section)
        select_section (self, work->section);
    }
  work->done (self, work->data, error);
  work_free (work);
}

static void
worked (gpointer data, const GError *error)
{
  work_finished (data, error, TRUE);
}

static gboolean
run_work (gpointer data)
{
  Work *work = data;

  cm_portfolio_job_start (work->path, work->actor, work->work, work->data, worked, work);
  return G_SOURCE_REMOVE;
}

/* Reports and exports still reading the file are cancelled and waited
 * for: the work needs the file to itself. */
static gboolean
start_work (gpointer data)
{
  Work *work = data;

  cm_portfolio_readers_stop (work->path, run_work, work);
  return G_SOURCE_REMOVE;
}

/* From the store's finalisation: the work starts once the main loop is back. */
static void
store_closed (gpointer data, GObject *store)
{
  Work *work = data;

  work->closing = NULL;
  g_clear_handle_id (&work->timeout, g_source_remove);
  g_idle_add (start_work, work);
}

/* Something still holds the store: opening the file again now could
 * disturb SQLite's locks on it, so the work is not done. */
static gboolean
close_timed_out (gpointer data)
{
  Work *work = data;
  g_autoptr(GError) error = g_error_new (CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                                         _("“%s” is still in use in this window, so nothing was "
                                           "changed. Open it again and try once more."),
                                         work->path);

  work->timeout = 0;
  g_object_weak_unref (G_OBJECT (work->closing), store_closed, work);
  work_finished (work, error, FALSE);
  return G_SOURCE_REMOVE;
}

/* Closes the windows that work on the portfolio beside this one (its
 * rules), which hold its store. */
static void
close_portfolio_windows (CmWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_window_destroy (l->data);
}

static gboolean
close_portfolio (gpointer data)
{
  Work *work = data;
  CmWindow *self = work->self;

  if (self == NULL || self->store == NULL)
    {
      g_autoptr(GError) error = g_error_new (CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                                             _("The window was closed, so nothing was changed."));

      work_finished (work, error, FALSE);
      return G_SOURCE_REMOVE;
    }
  work->section = g_strdup (gtk_stack_get_visible_child_name (self->pages));
  close_portfolio_windows (self);
  clear_sections (self);
  work->closing = self->store;
  work->timeout = g_timeout_add_seconds (CLOSE_TIMEOUT_SECONDS, close_timed_out, work);
  g_object_weak_ref (G_OBJECT (self->store), store_closed, work);
  stop_watching (self);
  g_clear_object (&self->store);
  return G_SOURCE_REMOVE;
}

void
cm_window_work_on_portfolio (CmWindow *self, const char *progress, CmPortfolioWork work_func,
                             CmWindowWorkDone done, gpointer data)
{
  Work *work;

  g_return_if_fail (CM_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  work = g_new0 (Work, 1);
  g_set_weak_pointer (&work->self, self);
  work->application = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_application_hold (work->application);
  /* One reference for the work, one the overlay takes. */
  work->progress = g_object_ref (adw_toast_new (progress));
  adw_toast_set_timeout (work->progress, 0);
  adw_toast_overlay_add_toast (self->toasts, work->progress);
  work->path = g_strdup (cm_store_get_path (self->store));
  work->actor = g_strdup (cm_store_get_actor (self->store));
  work->work = work_func;
  work->done = done;
  work->data = data;

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* Once the question that asked for the work has closed. */
  g_idle_add (close_portfolio, work);
}

static void
open_demo (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_demo_portfolio_path (cm_application_get_today (application (self)),
                                                  &error);

  if (path == NULL)
    show_error (self, error->message);
  else
    open_or_raise (self, path);
}

/* The new portfolio takes the name the user typed before choosing where
 * to keep it. */
static gboolean
create_named (CmWindow *self, const char *path)
{
  const char *name = g_object_get_data (G_OBJECT (self), "new-portfolio-name");
  g_autofree char *actor = actor_name (self);
  g_autoptr(GError) error = NULL;

  if (name == NULL || cm_new_portfolio_create (path, name, actor, &error))
    return TRUE;
  show_error (self, error->message);
  return FALSE;
}

static void
chooser_response (GtkNativeDialog *chooser, int response, CmWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean creating = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser))
                      == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);
  if (path == NULL)
    return;
  if (creating && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      show_error (self, _("A file with that name already exists. Choose a new name for the "
                          "portfolio, or open the existing file."));
      return;
    }
  if (creating && !create_named (self, path))
    return;
  open_or_raise (self, path);
}

static void
choose_file (CmWindow *self, GtkFileChooserAction action, const char *title, const char *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Commissioner portfolios"));
  gtk_file_filter_add_pattern (filter, "*.commissioner");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      const char *name = g_object_get_data (G_OBJECT (self), "new-portfolio-name");
      g_autofree char *file_name = cm_new_portfolio_file_name (name ? name : "");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
    }
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_portfolio (GtkWidget *widget, const char *action, GVariant *param)
{
  choose_file (CM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Portfolio"), _("_Open"));
}

static void
portfolio_named (const char *name, gpointer data)
{
  CmWindow *self = data;

  if (name)
    {
      g_object_set_data_full (G_OBJECT (self), "new-portfolio-name", g_strdup (name), g_free);
      choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("New Portfolio"), _("_Create"));
    }
  g_object_unref (self);
}

static void
new_portfolio (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_reason_dialog_ask (widget, _("Name the New Portfolio"),
                        _("The name shows in the title bar and on every export. The file is "
                          "named after it; you choose where to keep it next."),
                        _("Portfolio name"), _("_Choose Where to Keep It…"), FALSE,
                        portfolio_named, g_object_ref (widget));
}

/* Alt+1, Alt+2, ... pick a section from anywhere in the window, and show
 * its list as a click in the sidebar does: from a record's page too,
 * whose section's row is chosen already, so that choosing it again
 * would change nothing. */
static void
show_section (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, g_variant_get_int32 (param));

  if (row && gtk_list_box_row_is_selected (row))
    section_selected (self, row);
  else if (row)
    gtk_list_box_select_row (self->sidebar, row);
}

static void
show_rules (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    gtk_window_present (GTK_WINDOW (cm_rules_window_new (
      self->store, cm_application_get_today (application (self)), GTK_WINDOW (self))));
}

static void
show_audit_trail (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    gtk_window_present (cm_audit_view_new (self->store, GTK_WINDOW (self), NULL, 0));
}

static void
export_workbook (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    cm_export_dialog_run (GTK_WINDOW (self), self->store,
                          cm_application_get_today (application (self)), self->toasts);
}

static void
import_contracts (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  CmImportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cm_import_dialog_new (GTK_WINDOW (self), self->store, self->toasts);
  gtk_window_present (GTK_WINDOW (dialog));
  cm_import_dialog_choose_file (dialog);
}

static void
save_copy (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    cm_backup_dialog_save_copy (GTK_WINDOW (self), self->store, self->toasts);
}

static void
restore_backup (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    cm_backup_dialog_restore (GTK_WINDOW (self), self->store, self->toasts);
}

static void
undo_import (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->store)
    cm_import_undo_dialog_run (GTK_WINDOW (self), self->store);
}

static void
show_sidebar (GtkWidget *widget, const char *action, GVariant *param)
{
  adw_flap_set_reveal_flap (CM_WINDOW (widget)->flap, TRUE);
}

/* From a record's page back to its list; on a folded window, from a list
 * to the sections. */
static void
go_back (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (page && CM_IS_DETAIL_PAGE (page))
    gtk_widget_activate_action (page, "page.close", NULL);
  else if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
undo_last (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);

  if (!cm_undo_last (widget))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("There is nothing to undo.")));
}

/* The list the window shows, in its tab where its section has tabs. */
static GtkWidget *
shown_page (CmWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  GtkWidget *tabs = page && GTK_IS_BOX (page) ? gtk_widget_get_last_child (page) : NULL;

  return tabs && GTK_IS_STACK (tabs) ? gtk_stack_get_visible_child (GTK_STACK (tabs)) : page;
}

static void
focus_search (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  GtkWidget *page = shown_page (self);

  if (CM_IS_RECORDS_PAGE (page))
    cm_records_page_focus_search (CM_RECORDS_PAGE (page));
}

/* Ctrl+F: a search across the portfolio; a contract or provider chosen
 * shows on its list, anything else on its own page. */
static void
search_result_chosen (CmWindow *self, CmEntity *record)
{
  if (CM_IS_CONTRACT (record))
    show_record (self, "contracts", record);
  else if (CM_IS_PROVIDER (record))
    show_record (self, "providers", record);
  else
    open_record (self, record);
}

static void
search_everything (GtkWidget *widget, const char *action, GVariant *param)
{
  CmWindow *self = CM_WINDOW (widget);
  CmSearchDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cm_search_dialog_new (self->store, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "record-chosen", G_CALLBACK (search_result_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- portfolios on a server ------------------------------------------- */

static void
server_connected (CmWindow *self, CmStore *store, CmConnectDialog *dialog)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CmWindow *open = app ? cm_window_find (app, cm_store_get_path (store)) : NULL;

  if (dialog == self->reopening)
    g_clear_weak_pointer (&self->reopening);
  /* Connecting took a while: another window may have opened it meanwhile. */
  if (open)
    gtk_window_present (GTK_WINDOW (open));
  else
    cm_window_open_store (self, store);
}

/* The connect dialog, filled in from @uri when not NULL, and presented. */
static CmConnectDialog *
ask_for_server (CmWindow *self, const char *uri)
{
  CmConnectDialog *dialog = cm_connect_dialog_new (GTK_WINDOW (self), uri);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (server_connected), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
connect_server (GtkWidget *widget, const char *action, GVariant *param)
{
  ask_for_server (CM_WINDOW (widget), NULL);
}

/* Opens a server portfolio used before as a file opens: a toast says it
 * is connecting, and the dialog comes only if the server refuses. */
static void
reopen_server (CmWindow *self, const char *uri)
{
  CmConnectDialog *dialog = cm_connect_dialog_reopen_quietly (GTK_WINDOW (self), uri);
  g_autofree char *name = cm_portfolio_name_shown (uri);
  /* TRANSLATORS: a portfolio on a server, as "team on db.example.org" */
  g_autofree char *message = g_strdup_printf (_("Connecting to %s…"), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  /* The last reopening asked for wins. */
  stop_reopening (self);
  g_set_weak_pointer (&self->reopening, dialog);
  g_set_weak_pointer (&self->reopening_toast, toast);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (server_connected), self,
                           G_CONNECT_SWAPPED);
  /* the dialog shows itself to ask, or closes once connected */
  g_signal_connect_object (dialog, "show", G_CALLBACK (adw_toast_dismiss), toast,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (adw_toast_dismiss), toast,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
cm_window_reopen_portfolio (CmWindow *self, const char *path)
{
  g_return_if_fail (CM_IS_WINDOW (self));

  if (cm_store_server_is_uri (path))
    reopen_server (self, path);
  else
    cm_window_open_existing_portfolio (self, path);
}

/* ---- recent portfolios and dropped files ------------------------------ */

static GtkWidget *
recent_row (const char *path)
{
  g_autofree char *name = cm_portfolio_name_shown (path);
  g_autofree char *shown = cm_portfolio_name_place (path);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  return row;
}

/* An entry of the Open Recent submenu that says there is nothing to open:
 * the action is disabled while the list is empty, so it shows greyed out
 * rather than leaving the submenu blank. */
static void
add_no_recent_item (GMenu *menu)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Portfolios"), NULL);

  g_menu_item_set_action_and_target (item, "win.open-recent", "s", "");
  g_menu_append_item (menu, item);
}

/* The welcome page and the main menu offer the portfolios opened last. */
static void
show_recent (CmWindow *self)
{
  g_auto(GStrv) paths = cm_recent_portfolios ();
  GtkWidget *row;

  g_menu_remove_all (self->recent_menu);
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->recent_list, 0))))
    gtk_list_box_remove (self->recent_list, row);
  for (guint i = 0; paths[i]; i++)
    {
      g_autofree char *name = cm_portfolio_name_shown (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", paths[i]);
      g_menu_append_item (self->recent_menu, item);
      gtk_list_box_append (self->recent_list, recent_row (paths[i]));
    }
  if (paths[0] == NULL)
    add_no_recent_item (self->recent_menu);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", paths[0] != NULL);
}

static void
open_recent (GtkWidget *widget, const char *action, GVariant *param)
{
  const char *path = g_variant_get_string (param, NULL);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  CmWindow *open = app && *path ? cm_window_find (app, path) : NULL;

  if (open)
    gtk_window_present (GTK_WINDOW (open));
  else if (*path)
    cm_window_reopen_portfolio (CM_WINDOW (widget), path);
}

static gboolean
is_portfolio_name (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".commissioner");
}

/* A portfolio dropped on the window opens in it; a register dropped on an
 * open portfolio starts its import. */
static gboolean
files_dropped (GtkDropTarget *target, const GValue *value, double x, double y, CmWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autofree char *path = files ? g_file_get_path (files->data) : NULL;

  if (path == NULL)
    {
      show_error (self, _("Only files on this computer can be opened. Copy the file to a "
                          "folder here, then drop the copy."));
      return FALSE;
    }
  if (is_portfolio_name (path))
    return open_or_raise (self, path);
  if (self->store == NULL)
    {
      show_error (self, _("Open or create a portfolio first, then drop the register on it "
                          "to import its contracts."));
      return FALSE;
    }
  cm_window_import_file (self, path);
  return TRUE;
}

static void
accept_drops (CmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* ---- window state ----------------------------------------------------- */

static gboolean
cm_window_close_request (GtkWindow *window)
{
  CmWindow *self = CM_WINDOW (window);
  GSettings *settings = cm_application_get_settings (application (self));
  int width, height;

  if (settings)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (cm_window_parent_class)->close_request (window);
}

static void
restore_size (CmWindow *self)
{
  GSettings *settings = cm_application_get_settings (application (self));

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
cm_window_dispose (GObject *object)
{
  CmWindow *self = CM_WINDOW (object);

  stop_watching (self);
  g_clear_weak_pointer (&self->reopening);
  g_clear_weak_pointer (&self->reopening_toast);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  g_clear_pointer (&self->named_pages, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_window_parent_class)->dispose (object);
}

static void
cm_window_class_init (CmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cm_window_close_request;
  widget_class->size_allocate = cm_window_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, connection_banner);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, connection_spinner);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, recent_list);

  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo);
  gtk_widget_class_install_action (widget_class, "win.open-portfolio", NULL, open_portfolio);
  gtk_widget_class_install_action (widget_class, "win.new-portfolio", NULL, new_portfolio);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL, connect_server);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.connect-server",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, go_back);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_last);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.rules", NULL, show_rules);
  gtk_widget_class_install_action (widget_class, "win.audit-trail", NULL, show_audit_trail);
  /* Ctrl+H, the history, as in a web browser: lists take Shift+Ctrl+A. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.audit-trail", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_workbook);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_contracts);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import);
  gtk_widget_class_install_action (widget_class, "win.show-section", "i", show_section);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "i", i);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-portfolio", NULL);
  gtk_widget_class_install_action (widget_class, "win.search-everything", NULL,
                                   search_everything);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search-everything", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.rules", NULL);
}

static void
cm_window_init (CmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->named_pages = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rules", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-trail", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", FALSE);
  g_signal_connect_swapped (self->sidebar, "row-selected", G_CALLBACK (section_selected), self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (show_recent), self, G_CONNECT_SWAPPED);
  show_recent (self);
  accept_drops (self);
}

CmWindow *
cm_window_new (CmApplication *app)
{
  CmWindow *self = g_object_new (CM_TYPE_WINDOW, "application", app, NULL);

  restore_size (self);
  cm_report_actions_attach (self);
  return self;
}

/* Opens the import wizard on @path, without asking for the file. */
void
cm_window_import_file (CmWindow *self, const char *path)
{
  CmImportDialog *dialog;

  g_return_if_fail (CM_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  dialog = cm_import_dialog_new (GTK_WINDOW (self), self->store, self->toasts);
  gtk_window_present (GTK_WINDOW (dialog));
  cm_import_dialog_open_file (dialog, path);
}
