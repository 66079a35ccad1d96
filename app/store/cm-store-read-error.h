/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-read-error.h: the one message for a read of the portfolio file that failed
 *
 * A read that stops part way must fail as a whole: a half-read list
 * looks like a whole one to whoever acts on it. The message says what
 * the failure left untouched, as a whole sentence for translators.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* What the file was being read for. */
typedef enum {
  CM_STORE_READING_TO_SHOW,     /* nothing changed: open it again or restore a backup */
  CM_STORE_READING_TO_IMPORT,   /* nothing was imported */
  CM_STORE_READING_TO_UNDO,     /* nothing was changed */
} CmStoreReading;

/* Sets @error to say the file could not be read, with the database's reason,
 * and returns FALSE. */
gboolean cm_store_read_failed (CmStore *self, CmStoreReading reading, GError **error);

G_END_DECLS
