/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-reason-dialog.h: asks why, before an action that must say why
 *
 * Overriding a gate, closing a Review and marking an item not applicable
 * all keep a reason in the audit trail; this dialog will not accept an
 * empty one. It also asks for any other one line of required text, such
 * as the title of a new checklist item.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the reason, or NULL when the user cancelled. */
typedef void (*CmReasonCallback) (const char *reason, gpointer data);

void cm_reason_dialog_ask (GtkWidget       *parent,
                           const char      *heading,
                           const char      *body,
                           const char      *entry_label,
                           const char      *accept_label,
                           gboolean         destructive,
                           CmReasonCallback callback,
                           gpointer         data);

/* Acts on an accepted reason; FALSE with @error when the action is
 * refused, and the dialog then asks again with the reason kept and the
 * error shown. Not called when the user cancels. @destroy frees @data
 * once the dialog is done. */
typedef gboolean (*CmReasonCheck) (const char *reason, gpointer data, GError **error);

void cm_reason_dialog_ask_checked (GtkWidget     *parent,
                                   const char    *heading,
                                   const char    *body,
                                   const char    *entry_label,
                                   const char    *accept_label,
                                   gboolean       destructive,
                                   CmReasonCheck  check,
                                   gpointer       data,
                                   GDestroyNotify destroy);

G_END_DECLS
