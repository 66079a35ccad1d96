/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-prefix-page.h: the portfolio's OCDS prefix, on a page of Portfolio Rules */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage, for the Portfolio Rules window. */
GtkWidget *cm_ocds_prefix_page_new (CmStore *store);

G_END_DECLS
