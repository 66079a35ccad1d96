/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-service-view.h: the service that OCDS contracts naming none join */
#pragma once

#include <gtk/gtk.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_OCDS_SERVICE_VIEW (cm_ocds_service_view_get_type ())
G_DECLARE_FINAL_TYPE (CmOcdsServiceView, cm_ocds_service_view, CM, OCDS_SERVICE_VIEW, GtkWidget)

GtkWidget  *cm_ocds_service_view_new          (CmStore *store);
/* Says what @file_name holds: @n_contracts, of which @n_unnamed name no
 * service (their tender has no title); the choice shows only for those. */
void        cm_ocds_service_view_show_file    (CmOcdsServiceView *self, const char *file_name,
                                               guint n_contracts, guint n_unnamed);
/* The id of the service chosen, or 0 while none is: then the contracts
 * join CM_OCDS_FALLBACK_SERVICE, as on the command line. */
gint64      cm_ocds_service_view_get_service_id (CmOcdsServiceView *self);
/* Forgets the choice, for a new file. */
void        cm_ocds_service_view_reset        (CmOcdsServiceView *self);

G_END_DECLS
