/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-watch.h: following other programs' commits to a portfolio
 *
 * While a watch lives, the store's lists show what other programs commit
 * to the portfolio within a second: on a server as each commit's
 * notification arrives, reading again only the records it names; in a
 * file by looking at its data version every second, then reading again
 * the records its audit rows since name. A server connection that is lost
 * is made again in the background, changes being refused meanwhile;
 * "problem" says so, for the window to show, and is NULL again once the
 * connection is back and the records committed meanwhile read again.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_STORE_WATCH (cm_store_watch_get_type ())
G_DECLARE_FINAL_TYPE (CmStoreWatch, cm_store_watch, CM, STORE_WATCH, GObject)

CmStoreWatch *cm_store_watch_new         (CmStore *store);
/* A sentence for people about the connection ("Connection to … lost.
 * Reconnecting…"), or NULL while all is well. */
const char   *cm_store_watch_get_problem (CmStoreWatch *self);

G_END_DECLS
