/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-conflict-handle.h: one way for every save of the window to meet
 * someone else's change
 *
 * A save refused because the record changed since it was read shows the
 * conflict dialog (who changed it, when, both values of each field). Apply
 * Mine puts the user's changed fields on the stored record and saves it
 * again, asking once more if yet another change came first; Keep Theirs
 * drops the user's change. The caller learns the outcome once the dialog
 * has closed, and refreshes what it shows from the record it is given.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* How the caller saves a record: cm_store_save () or a rule's own save. */
typedef gboolean (*CmConflictSaveFunc) (CmStore *store, CmEntity *entity, GError **error);

typedef enum {
  CM_CONFLICT_SAVED,  /* Apply Mine saved: the record is what was saved */
  CM_CONFLICT_KEPT,   /* Keep Theirs: the record is the stored one */
  CM_CONFLICT_BACK,   /* closed without a choice: nothing saved, no record */
  CM_CONFLICT_FAILED, /* the record could not be read or saved: the error says why */
} CmConflictOutcome;

typedef void (*CmConflictDone) (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                                const GError *error, gpointer data);

/* For a @refusal of CM_STORE_ERROR_CONFLICT saving @draft (read as
 * @original, then changed by the user), shows the conflict dialog over
 * @widget's window, carries out the choice with @save, and calls @done
 * (which may be NULL) with @widget and @data once it is settled. @widget
 * is kept alive until then. FALSE for any other refusal, or a copy that
 * was never read, which the caller reports as before. */
gboolean cm_conflict_handle (GtkWidget *widget, CmStore *store, CmEntity *original,
                             CmEntity *draft, const GError *refusal, CmConflictSaveFunc save,
                             CmConflictDone done, gpointer data);

/* Does an action again, on the records as they now stand. */
typedef void (*CmConflictRetry) (GtkWidget *widget, gpointer data);

/* For a @refusal of CM_STORE_ERROR_CONFLICT of an action that writes
 * several records (a stage move, a step of a process), shows whose change
 * to which record it met, with both values, over @widget's window: Keep
 * Theirs drops the action (the window shows their change as it follows
 * the store), Try Again calls @retry with @widget and @data. @destroy
 * frees @data once settled. FALSE, with @data left to the caller, for
 * any other refusal, which the caller reports as before. */
gboolean cm_conflict_handle_action (GtkWidget *widget, CmStore *store, const GError *refusal,
                                    CmConflictRetry retry, gpointer data,
                                    GDestroyNotify destroy);

/* A copy of @live, the store's record, to change @property on, as the
 * user saw it in @read: at @read's version when @property has changed
 * since, so that the store refuses to write over a value the user never
 * saw, while changes to other fields (the user's own among them) pass. */
CmEntity *cm_conflict_copy_as_read (CmEntity *live, CmEntity *read, const char *property);

/* @saved, a record saved with the user's change from @original to
 * @draft, with that change taken back and any other kept: what Undo puts
 * back after Apply Mine saved over a colleague's change. */
CmEntity *cm_conflict_taken_back (CmEntity *saved, CmEntity *original, CmEntity *draft);

G_END_DECLS
