/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-metainfo.h: what the About window reads from the application's metainfo
 *
 * The metainfo built for the stores is compiled into the application too,
 * so the About window's links and release notes are the listing's own,
 * never a second copy that could drift from it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The notes of release @version in the AppStream document @xml, as the
 * markup AdwAboutWindow takes (<p>, <ul>, <li>…), in the user's language
 * where the document translates them; NULL when it has no notes for that
 * version. */
char *cm_metainfo_release_notes (const char *xml, gsize length, const char *version);
/* The address of the <url type="@type"> in @xml, or NULL. */
char *cm_metainfo_url           (const char *xml, gsize length, const char *type);
/* The application's own metainfo, built into it; NULL if it is missing. */
GBytes *cm_metainfo_builtin     (void);

G_END_DECLS
