/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-trail-check.h: verifies an opened portfolio's audit trail in the
 * background, and refuses changes while it is damaged and not accepted */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* With @file_unchecked (opened with CM_STORE_OPEN_CHECKED before SQLite's
 * check of it), changes are refused until the check ends well. */
void cm_trail_check_start (CmStore *store, gboolean file_unchecked, GtkWidget *parent,
                           AdwToastOverlay *toasts);

G_END_DECLS
