/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-actor.h: who the audit trail records as making a change
 *
 * The operating-system account that made it: its login and real name,
 * "jsmith (Jane Smith)". A display name chosen in the settings may stand
 * beside the account ("jsmith (Jane Smith), as “Commissioning lead”") but
 * never replaces it, so the trail cannot be made to name someone else by
 * changing a setting. On a portfolio file that is all a program can know;
 * a shared team portfolio will take identity from its database server.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "login (Real Name)", or "login" alone when the real name is unknown. */
char *cm_actor_account  (void);
/* The account, with @display_name beside it when it says anything more. */
char *cm_actor_describe (const char *display_name);

G_END_DECLS
