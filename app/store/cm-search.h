/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search.h: one search across services, contracts, providers, EIAs and decommissions
 *
 * A record is found by its name or reference (a contract also by its
 * title, an EIA by its proposal, a decommission by its reason, both by
 * their service's name), through one SQL query that reads no list.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  GType type;       /* CM_TYPE_SERVICE, CM_TYPE_CONTRACT, ... */
  gint64 id;
  char *title;      /* its name or reference */
  char *detail;     /* a contract's title, an EIA's proposal, ...; may be "" */
  char *context;    /* what tells it from another of the same name: a
                     * service's lead commissioner, stage and cycle, a
                     * contract's service, an EIA's version; may be "" */
} CmSearchHit;

void       cm_search_hit_free (gpointer hit);

/* The records whose name or reference contains @text (ignoring case in
 * ASCII letters), at most @limit of each kind, services first, then
 * contracts, providers, EIAs and decommissions, each in id order (of
 * CmSearchHit). Blank @text finds nothing. */
GPtrArray *cm_search          (CmStore *store, const char *text, guint limit, GError **error);

G_END_DECLS
