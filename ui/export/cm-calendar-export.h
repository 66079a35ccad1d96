/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-calendar-export.h: "Export to Calendar…": the deadlines as an
 * iCalendar file for Outlook and other calendars */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Asks where to save, then writes @store's deadlines as on @today, as
 * --deadlines --format ics does, without blocking the window; the
 * outcome is a toast in @toasts. */
void cm_calendar_export_run (GtkWindow *parent, CmStore *store, const GDate *today,
                             AdwToastOverlay *toasts);

G_END_DECLS
