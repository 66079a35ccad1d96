/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-notification.h: a desktop notification, on opening a
 * portfolio in the window, of notice and extension decisions due soon */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Adds app.open-contract ((ayx): the portfolio's file and a contract's
 * record number), which the notification's default action activates. */
void cm_deadline_notification_install (GApplication *app);

/* Once a run of the application for each portfolio: one notification
 * summarising the notices and extension decisions of @store that fall
 * due within its due-soon window, as on @today; it replaces the one sent
 * on the last start, and is withdrawn when nothing is due. */
void cm_deadline_notification_send    (GApplication *app, CmStore *store, const GDate *today);

G_END_DECLS
