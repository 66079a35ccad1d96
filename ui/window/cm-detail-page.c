/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-detail-page.c: the base of the pages that show one record in full */
#include <glib/gi18n.h>

#include "cm-detail-page.h"
#include "cm-page-parts.h"
#include "cm-status-page.h"

typedef struct {
  CmStore *store;
  GDate today;
  gboolean showing;
  AdwToastOverlay *toasts;
  GtkScrolledWindow *scrolled;
} CmDetailPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CmDetailPage, cm_detail_page, GTK_TYPE_WIDGET)

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

void
cm_detail_page_rebuild (CmDetailPage *self)
{
  CmDetailPageClass *klass = CM_DETAIL_PAGE_GET_CLASS (self);
  g_autofree char *key = cm_page_save_focus (GTK_WIDGET (self));
  GtkWidget *column = priv (self)->showing ? klass->build (self) : NULL;
  GtkWidget *clamp;

  if (column == NULL)
    {
      gtk_scrolled_window_set_child (priv (self)->scrolled,
                                     cm_status_page_new ("view-list-symbolic",
                                                         _(klass->empty_title),
                                                         _(klass->empty_description), NULL));
      return;
    }
  gtk_widget_set_margin_top (column, 18);
  gtk_widget_set_margin_bottom (column, 18);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (priv (self)->scrolled, clamp);
  cm_page_restore_focus (clamp, key);
}

void
cm_detail_page_show (CmDetailPage *self, gboolean showing)
{
  GtkWidget *content;

  priv (self)->showing = showing;
  cm_detail_page_rebuild (self);
  content = gtk_scrolled_window_get_child (priv (self)->scrolled);
  if (showing && content)
    gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

static void
store_changed (CmDetailPage *self)
{
  if (priv (self)->showing)
    cm_detail_page_rebuild (self);
}

void
cm_detail_page_setup (CmDetailPage *self, CmStore *store, const GDate *today)
{
  priv (self)->store = g_object_ref (store);
  priv (self)->today = *today;
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed), self,
                           G_CONNECT_SWAPPED);
  cm_detail_page_rebuild (self);
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

static void
cm_detail_page_dispose (GObject *object)
{
  CmDetailPage *self = CM_DETAIL_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&priv (self)->store);

  G_OBJECT_CLASS (cm_detail_page_parent_class)->dispose (object);
}

static void
cm_detail_page_class_init (CmDetailPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_detail_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* The user went back to the list the record came from. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "page.report", "s", report_activated);
  gtk_widget_class_install_action (widget_class, "page.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.close",
                                       NULL);
}

static void
cm_detail_page_init (CmDetailPage *self)
{
  CmDetailPagePrivate *p = priv (self);

  p->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  p->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (p->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_toast_overlay_set_child (p->toasts, GTK_WIDGET (p->scrolled));
  gtk_widget_set_parent (GTK_WIDGET (p->toasts), GTK_WIDGET (self));
}
