/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-detail-page.h: the base of the pages that show one record in full
 *
 * A service's cycle, an EIA and a decommission each rebuild their content
 * after every change to the portfolio, keep the keyboard where it was,
 * report errors as toasts ("page.report"), and go back with "page.close"
 * (Alt+Left), which emits "closed". Subclasses provide build().
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_DETAIL_PAGE (cm_detail_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CmDetailPage, cm_detail_page, CM, DETAIL_PAGE, GtkWidget)

struct _CmDetailPageClass
{
  GtkWidgetClass parent_class;

  /* A column of the record's parts, or NULL when it no longer exists. */
  GtkWidget *(*build) (CmDetailPage *self);
  const char *empty_title;        /* shown when build() returns NULL */
  const char *empty_description;
};

void         cm_detail_page_setup     (CmDetailPage *self, CmStore *store, const GDate *today);
CmStore     *cm_detail_page_get_store (CmDetailPage *self);
const GDate *cm_detail_page_get_today (CmDetailPage *self);
/* Shows (or, with FALSE, stops showing) a record, and builds the page. */
void         cm_detail_page_show      (CmDetailPage *self, gboolean showing);
void         cm_detail_page_rebuild   (CmDetailPage *self);
void         cm_detail_page_report    (CmDetailPage *self, const char *message);

G_END_DECLS
