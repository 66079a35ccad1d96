/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-records-page.h: a searchable, sortable list of one kind of record,
 * with its details and add, edit and delete */
#pragma once

#include <adwaita.h>

#include "cm-record-kind.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_RECORDS_PAGE (cm_records_page_get_type ())
G_DECLARE_FINAL_TYPE (CmRecordsPage, cm_records_page, CM, RECORDS_PAGE, GtkWidget)

CmRecordsPage *cm_records_page_new          (CmStore *store, const CmRecordKind *kind,
                                             const GDate *today);
const CmRecordKind *cm_records_page_get_kind (CmRecordsPage *self);
void           cm_records_page_focus_search (CmRecordsPage *self);
void           cm_records_page_show_entity  (CmRecordsPage *self, gint64 id);

G_END_DECLS
