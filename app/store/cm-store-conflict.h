/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-conflict.h: whose change a refused save met, and how to apply
 * one's own on top of it
 *
 * A save or delete of a record read before someone else's change is
 * refused with CM_STORE_ERROR_CONFLICT and writes nothing. The conflict
 * tells who changed the record last and when (from the audit trail), and
 * for each field where the copy being saved and the stored record differ,
 * both values, as the audit trail writes them.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  char *property; /* "annual-value" */
  char *mine;     /* the copy's value, NULL when blank */
  char *theirs;   /* the stored value, NULL when blank */
} CmStoreConflictField;

typedef struct {
  CmEntity *stored;  /* the record as it stands now */
  CmEntity *mine;    /* the copy refused, completed as saving it would */
  char *actor;       /* who made its latest change, as the trail records them */
  char *at;          /* when, as the trail records it (UTC, ISO 8601) */
  GPtrArray *fields; /* CmStoreConflictField, in the record's column order */
} CmStoreConflict;

/* Reads the stored record @mine is a copy of and the latest change to it.
 * NULL with @error set when the record is gone (CM_STORE_ERROR_NOT_FOUND)
 * or cannot be read. */
CmStoreConflict *cm_store_conflict_get  (CmStore *store, CmEntity *mine, GError **error);
void             cm_store_conflict_free (CmStoreConflict *conflict);

/* The stored record with the fields the user changed from @original (the
 * record as they read it) to @mine set to their values: saving it keeps
 * the other person's changes to the fields the user left alone. A new
 * record, at the stored version. */
CmEntity        *cm_store_conflict_reapply (CmStoreConflict *conflict, CmEntity *original,
                                            CmEntity *mine);

/* A copy of the record whose save or delete the store last refused for
 * someone else's change, as it was to be written, or NULL: for an action
 * that writes several records, to say which one met the change. */
CmEntity        *cm_store_conflict_refused (CmStore *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmStoreConflict, cm_store_conflict_free)

G_END_DECLS
