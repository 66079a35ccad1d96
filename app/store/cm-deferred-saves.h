/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deferred-saves.h: the records whose INSERTs wait for a server's answer
 *
 * While a batch defers statements' results (cm_db_defer_results ()), a
 * server's refusal of one arrives after later rows were sent. The last
 * records saved are described by their statement's number
 * (cm_db_deferred ()), so that the record refused late is named as a file
 * names one refused at once. The description is kept, not the record: an
 * import fills one record again for each row.
 */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

typedef struct _CmDeferredSaves CmDeferredSaves;

CmDeferredSaves *cm_deferred_saves_new  (void);
void             cm_deferred_saves_free (CmDeferredSaves *saves);
/* Keeps @entity's description as saved by deferred statement @at (from 1). */
void             cm_deferred_saves_keep (CmDeferredSaves *saves, guint64 at, CmEntity *entity);
/* The description (cm_entity_describe ()) of the record deferred
 * statement @at saved, if still kept; NULL for none. */
const char      *cm_deferred_saves_find (CmDeferredSaves *saves, guint64 at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDeferredSaves, cm_deferred_saves_free)

G_END_DECLS
