/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-sign-off.h: signing an EIA off, wherever the button is
 *
 * The EIA page's sign-off step and the service page's EIA section sign
 * off the same way: Sign Off… takes no press while anything is still to
 * do (a signatory first), and a signatory whose EIA training is missing
 * or out of date signs only with a reason, which a refusal never throws
 * away. Refusals go to @parent's "page.report" action.
 */
#pragma once

#include <adwaita.h>

#include "cm-eia-process.h"

G_BEGIN_DECLS

/* What still stands between @eia and its sign-off (of char *), who signs
 * it first; empty when it may be signed off. */
GPtrArray *cm_eia_sign_off_problems (CmStore *store, CmEia *eia);

/* Why Sign Off… cannot be pressed yet, in one sentence, or NULL; the
 * rest of what is to do is @listed_above it, or on the EIA's page. */
char      *cm_eia_sign_off_held     (CmStore *store, CmEia *eia, gboolean listed_above);

/* Asks to sign @eia off on @today: to confirm, or, with a warning about
 * the signatory's training, for the reason to override it. */
void       cm_eia_sign_off_ask      (GtkWidget *parent, CmStore *store, CmEia *eia,
                                     const GDate *today);

G_END_DECLS
