/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-steps.h: the steps of the EIA page, each a column of groups
 *
 * Every control saves its change through the store at once; a signed-off
 * version offers only what may still change (the review, the progress of
 * its actions). Errors go to the page's "eia.report" action.
 */
#pragma once

#include <adwaita.h>

#include "cm-eia-process.h"

G_BEGIN_DECLS

typedef struct {
  CmStore *store;
  CmEia *eia;
  GDate today;
  GtkWidget *page;      /* for reports and dialogs */
  gboolean editable;    /* a draft */
} CmEiaStep;

GtkWidget *cm_eia_step_screening  (CmEiaStep *step);
GtkWidget *cm_eia_step_assessment (CmEiaStep *step);
GtkWidget *cm_eia_step_sign_off   (CmEiaStep *step);
GtkWidget *cm_eia_step_review     (CmEiaStep *step);
GtkWidget *cm_eia_step_summary    (CmEiaStep *step);

G_END_DECLS
