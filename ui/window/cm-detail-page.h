/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-detail-page.h: the base of the pages that show one record in full
 *
 * A service's cycle, an EIA and a decommission each show their "entity"
 * of "store" in a "content" laid out by their template. The parts of
 * the content that are worked out from several records are made by
 * functions (cm_detail_page_add_part ()), each made again only when a
 * table it reads changes, and then only the widgets that show something
 * new are swapped: the page is never built again whole, and the keyboard
 * stays where it was. Errors are reported as toasts ("page.report"), and
 * "page.close" (Alt+Left) goes back, emitting "closed".
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

  /* The entity has changed to another record (or NULL): the page takes
   * it up before its parts are made. May be NULL. */
  void (*entity_set) (CmDetailPage *self);
  const char *empty_title;        /* shown while there is no entity */
  const char *empty_description;
};

/* Makes one part of the page for its entity, or NULL for nothing. */
typedef GtkWidget *(*CmDetailPart) (CmDetailPage *self);

CmStore     *cm_detail_page_get_store  (CmDetailPage *self);
const GDate *cm_detail_page_get_today  (CmDetailPage *self);
CmEntity    *cm_detail_page_get_entity (CmDetailPage *self);
/* Shows @entity (a record from the store's lists), or the empty state for NULL. */
void         cm_detail_page_set_entity (CmDetailPage *self, CmEntity *entity);
/* Shows what @make makes in @slot (a GtkBox of the template), made again
 * when one of @tables (space-separated: "contract checklist_item"), or
 * the entity's own table, changes. Called once, from the subclass's init. */
void         cm_detail_page_add_part   (CmDetailPage *self, GtkWidget *slot, CmDetailPart make,
                                        const char *tables);
/* Makes the part of @slot again now: the user chose another step. */
void         cm_detail_page_remake     (CmDetailPage *self, GtkWidget *slot);
void         cm_detail_page_report     (CmDetailPage *self, const char *message);

G_END_DECLS
