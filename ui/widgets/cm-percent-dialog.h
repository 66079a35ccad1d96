/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-percent-dialog.h: asks for one percentage, such as the reduction to
 * apply to every line of a scenario
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the chosen percentage, or a negative number when the user
 * cancelled. */
typedef void (*CmPercentCallback) (double percent, gpointer data);

void cm_percent_dialog_ask (GtkWidget        *parent,
                            const char       *heading,
                            const char       *body,
                            const char       *spin_label,
                            const char       *accept_label,
                            double            initial,
                            CmPercentCallback callback,
                            gpointer          data);

/* A spin button for a reduction from 0 to 100%, in steps of half a point,
 * labelled by @label (a mnemonic label beside it). Enter in it gives
 * @dialog its "accept" response. */
GtkWidget *cm_percent_spin_new (GtkLabel *label, double initial, AdwMessageDialog *dialog);

G_END_DECLS
