/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-merge.h: one contracting process's releases compiled into one
 *
 * The Open Contracting Data Standard's merge rules (OCDS 1.1, "Merging"):
 * releases are taken in date order and the latest value of each field
 * wins; null removes a field; objects merge member by member; arrays of
 * objects that all have an id merge by id; any other array is replaced
 * whole. The result is tagged "compiled".
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @releases holds JsonObject*, each with a readable "date" (ISO 8601);
 * releases of one date keep their order. Returns a new object. */
JsonObject *cm_ocds_merge (GPtrArray *releases);

G_END_DECLS
