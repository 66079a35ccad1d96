/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-dialog.h: asks for one date, such as the day notice was served
 *
 * The date is typed the British way or picked on a calendar, in a
 * CmDateEntry; a date that cannot be read is refused, saying why.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the chosen date, or NULL when the user cancelled. */
typedef void (*CmDateCallback) (const GDate *date, gpointer data);

void cm_date_dialog_ask (GtkWidget      *parent,
                         const char     *heading,
                         const char     *body,
                         const char     *entry_label,
                         const char     *accept_label,
                         const GDate    *initial,
                         CmDateCallback  callback,
                         gpointer        data);

G_END_DECLS
