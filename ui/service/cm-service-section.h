/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-section.h: the base of the service page's sections
 *
 * Each section (contracts, risks, the EIA, the history...) is a group of
 * rows about one "service" of one "store", with its own template for its
 * title and buttons. It makes its rows again when the portfolio changes,
 * from the service's live lists, and swaps in only those that show
 * something new (cm_page_keep_rows ()); it asks the window to open a
 * record with "open-record", and reports errors through the page
 * ("page.report").
 */
#pragma once

#include <adwaita.h>

#include "cm-record-kind.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_SECTION (cm_service_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (CmServiceSection, cm_service_section, CM, SERVICE_SECTION,
                          AdwPreferencesGroup)

struct _CmServiceSectionClass
{
  AdwPreferencesGroupClass parent_class;

  /* Adds the section's rows (cm_service_section_add ()) for its service. */
  void (*refresh) (CmServiceSection *self);
  const char *empty_text;   /* untranslated; shown when refresh adds no row */
};

CmStore     *cm_service_section_get_store      (CmServiceSection *self);
CmService   *cm_service_section_get_service    (CmServiceSection *self);
gint64       cm_service_section_get_service_id (CmServiceSection *self);
const GDate *cm_service_section_get_today      (CmServiceSection *self);

/* The records of @type whose "service-id" is this service's (of GObject). */
GPtrArray   *cm_service_section_records        (CmServiceSection *self, GType type);
void         cm_service_section_add            (CmServiceSection *self, GtkWidget *row);
/* A row of text with room for buttons (adw_action_row_add_suffix ()). */
GtkWidget   *cm_service_section_add_text       (CmServiceSection *self, const char *title,
                                                const char *subtitle, const char *icon_name);
/* A flat button for a row, named for screen readers by @accessible_name. */
GtkWidget   *cm_service_section_row_button     (const char *mnemonic,
                                                const char *accessible_name);
void         cm_service_section_report         (CmServiceSection *self, const char *message);
/* Asks the window to show @record on its own page; for a decommission,
 * its audit trail when @audit. */
void         cm_service_section_open           (CmServiceSection *self, CmEntity *record,
                                                gboolean audit);
/* Opens the editor of the record kind called @kind_name on @draft, a
 * record of this service, new and filled in as far as known, or stored;
 * returns the editor, for its "saved" signal. */
GtkWidget   *cm_service_section_edit           (CmServiceSection *self, const char *kind_name,
                                                CmEntity *draft);
/* Opens the editor of a new record, as cm_service_section_edit (), and
 * once it is saved asks the page to show the record on its own page. */
void         cm_service_section_create         (CmServiceSection *self, const char *kind_name,
                                                CmEntity *draft);

G_END_DECLS
