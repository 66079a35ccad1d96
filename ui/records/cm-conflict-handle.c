/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-conflict-handle.c: one way for every save of the window to meet
 * someone else's change */
#include <glib/gi18n.h>

#include "cm-conflict-dialog.h"
#include "cm-conflict-handle.h"

/* A save waiting on the user's choice. */
typedef struct {
  GtkWidget *widget;
  CmStore *store;
  CmEntity *original;
  CmEntity *draft;
  CmStoreConflict *conflict;
  CmConflictSaveFunc save;
  CmConflictDone done;
  gpointer data;
  char *response;
} Handling;

static void
handling_free (Handling *handling)
{
  g_object_unref (handling->widget);
  g_object_unref (handling->store);
  g_object_unref (handling->original);
  g_object_unref (handling->draft);
  g_clear_pointer (&handling->conflict, cm_store_conflict_free);
  g_free (handling->response);
  g_free (handling);
}

static void
settle (Handling *handling, CmConflictOutcome outcome, CmEntity *record, const GError *error)
{
  if (handling->done)
    handling->done (handling->widget, outcome, record, error, handling->data);
}

/* Apply Mine: the fields the user changed, on the stored record, saved
 * over its version; anything else the other person changed stays. */
static void
apply_mine (Handling *handling)
{
  g_autoptr(CmEntity) merged = cm_store_conflict_reapply (handling->conflict,
                                                          handling->original, handling->draft);
  g_autoptr(GError) error = NULL;

  if (handling->save (handling->store, merged, &error))
    settle (handling, CM_CONFLICT_SAVED, merged, NULL);
  /* Someone was quicker again: ask again, against their latest. */
  else if (!cm_conflict_handle (handling->widget, handling->store, handling->conflict->stored,
                                merged, error, handling->save, handling->done, handling->data))
    settle (handling, CM_CONFLICT_FAILED, NULL, error);
}

/* The choice, carried out once the dialog has closed: what the caller
 * does next may close the window the dialog belongs to. */
static void
dialog_closed (GtkWidget *dialog, Handling *handling)
{
  if (g_strcmp0 (handling->response, CM_CONFLICT_KEEP_THEIRS) == 0)
    settle (handling, CM_CONFLICT_KEPT, handling->conflict->stored, NULL);
  else if (g_strcmp0 (handling->response, CM_CONFLICT_APPLY_MINE) == 0)
    apply_mine (handling);
  else
    settle (handling, CM_CONFLICT_BACK, NULL, NULL);
  handling_free (handling);
}

static void
dialog_answered (AdwMessageDialog *dialog, const char *response, Handling *handling)
{
  g_free (handling->response);
  handling->response = g_strdup (response);
}

gboolean
cm_conflict_handle (GtkWidget *widget, CmStore *store, CmEntity *original, CmEntity *draft,
                    const GError *refusal, CmConflictSaveFunc save, CmConflictDone done,
                    gpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  Handling *handling;
  GtkWidget *dialog;

  g_return_val_if_fail (original != NULL && draft != NULL && save != NULL, FALSE);
  /* A copy never read has no version to tell whose change it met. */
  if (!g_error_matches (refusal, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT) ||
      cm_entity_get_version (draft) == 0)
    return FALSE;
  handling = g_new0 (Handling, 1);
  handling->widget = g_object_ref (widget);
  handling->store = g_object_ref (store);
  handling->original = g_object_ref (original);
  handling->draft = g_object_ref (draft);
  handling->save = save;
  handling->done = done;
  handling->data = data;
  handling->conflict = cm_store_conflict_get (store, draft, &error);
  if (handling->conflict == NULL)
    {
      /* Deleted meanwhile, or unreadable: say why the save was refused. */
      settle (handling, CM_CONFLICT_FAILED, NULL, error ? error : refusal);
      handling_free (handling);
      return TRUE;
    }
  dialog = cm_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                                   handling->conflict);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_answered), handling);
  g_signal_connect (dialog, "destroy", G_CALLBACK (dialog_closed), handling);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* An action waiting on the user's choice. */
typedef struct {
  GtkWidget *widget;
  CmConflictRetry retry;
  gpointer data;
  GDestroyNotify destroy;
  char *response;
} Action;

static void
action_free (Action *action)
{
  if (action->destroy)
    action->destroy (action->data);
  g_object_unref (action->widget);
  g_free (action->response);
  g_free (action);
}

static void
action_answered (AdwMessageDialog *dialog, const char *response, Action *action)
{
  g_free (action->response);
  action->response = g_strdup (response);
}

static void
action_dialog_closed (GtkWidget *dialog, Action *action)
{
  if (g_strcmp0 (action->response, CM_CONFLICT_APPLY_MINE) == 0)
    action->retry (action->widget, action->data);
  action_free (action);
}

gboolean
cm_conflict_handle_action (GtkWidget *widget, CmStore *store, const GError *refusal,
                           CmConflictRetry retry, gpointer data, GDestroyNotify destroy)
{
  g_autoptr(CmEntity) refused = NULL;
  g_autoptr(CmStoreConflict) conflict = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  Action *action;
  GtkWidget *dialog;

  if (!g_error_matches (refusal, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT) ||
      (refused = cm_store_conflict_refused (store)) == NULL ||
      (conflict = cm_store_conflict_get (store, refused, NULL)) == NULL)
    return FALSE;
  action = g_new0 (Action, 1);
  action->widget = g_object_ref (widget);
  action->retry = retry;
  action->data = data;
  action->destroy = destroy;
  dialog = cm_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                                   conflict);
  /* The action is made again from what is stored now, not reapplied. */
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), CM_CONFLICT_APPLY_MINE,
                                         _("_Try Again"));
  g_signal_connect (dialog, "response", G_CALLBACK (action_answered), action);
  g_signal_connect (dialog, "destroy", G_CALLBACK (action_dialog_closed), action);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

CmEntity *
cm_conflict_copy_as_read (CmEntity *live, CmEntity *read, const char *property)
{
  /* Just saved or kept, @read may be ahead of a live record not yet told. */
  CmEntity *newer = cm_entity_get_version (read) > cm_entity_get_version (live) ? read : live;
  CmEntity *copy = cm_entity_copy (newer);
  g_autofree char *now = cm_entity_property_text (newer, property);
  g_autofree char *seen = cm_entity_property_text (read, property);

  if (g_strcmp0 (now, seen) != 0)
    cm_entity_set_version (copy, cm_entity_get_version (read));
  return copy;
}

CmEntity *
cm_conflict_taken_back (CmEntity *saved, CmEntity *original, CmEntity *draft)
{
  /* Reapplying the change backwards, from @draft to @original, on @saved. */
  CmStoreConflict after = { .stored = saved };

  return cm_store_conflict_reapply (&after, draft, original);
}
