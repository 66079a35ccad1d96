/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-rules-window.h: Portfolio Settings: the portfolio's commissioners and
 * staff, and its rules for deadlines and EIAs, for editing */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Properties, construct-only: "store", and "today", for the lists' dates. */
#define CM_TYPE_RULES_WINDOW (cm_rules_window_get_type ())
G_DECLARE_FINAL_TYPE (CmRulesWindow, cm_rules_window, CM, RULES_WINDOW, AdwPreferencesWindow)

GtkWidget *cm_rules_window_new (CmStore *store, const GDate *today, GtkWindow *parent);

G_END_DECLS
