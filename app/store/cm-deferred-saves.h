/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deferred-saves.h: the records whose INSERTs wait for a server's answer
 *
 * While a batch defers statements' results (cm_db_defer_results ()), a
 * server's refusal of one arrives after later rows were sent. The last
 * records saved are kept by their statement's number (cm_db_deferred ()),
 * as many as are sent before the answers are read, so that the record
 * refused late is named as a file names one refused at once.
 */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

typedef struct _CmDeferredSaves CmDeferredSaves;

CmDeferredSaves *cm_deferred_saves_new  (void);
void             cm_deferred_saves_free (CmDeferredSaves *saves);
/* Keeps @entity as saved by deferred statement @at (from 1). */
void             cm_deferred_saves_keep (CmDeferredSaves *saves, guint64 at, CmEntity *entity);
/* The record deferred statement @at saved, if still kept; NULL for none. */
CmEntity        *cm_deferred_saves_find (CmDeferredSaves *saves, guint64 at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDeferredSaves, cm_deferred_saves_free)

G_END_DECLS
