/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-sign-off.c: signing an EIA off, wherever the button is */
#include <glib/gi18n.h>

#include "cm-conflict-handle.h"
#include "cm-eia-sign-off.h"
#include "cm-reason-dialog.h"

typedef struct {
  GtkWidget *parent;
  CmStore *store;
  CmEia *eia;
  GDate today;
} SignOff;

static void
sign_off_free (gpointer data)
{
  SignOff *ask = data;

  g_object_unref (ask->parent);
  g_object_unref (ask->store);
  g_object_unref (ask->eia);
  g_free (ask);
}

GPtrArray *
cm_eia_sign_off_problems (CmStore *store, CmEia *eia)
{
  GPtrArray *problems = cm_eia_problems (store, eia);
  gint64 signatory_id = cm_eia_get_signatory_id (eia);

  if (signatory_id == 0)
    g_ptr_array_insert (problems, 0, g_strdup (_("Choose who signs the EIA off.")));
  else if (signatory_id == cm_eia_get_author_id (eia))
    g_ptr_array_insert (problems, 0, cm_eia_signatory_problem (store, eia, signatory_id));
  return problems;
}

char *
cm_eia_sign_off_held (CmStore *store, CmEia *eia, gboolean listed_above)
{
  g_autoptr(GPtrArray) problems = cm_eia_sign_off_problems (store, eia);
  const char *first = problems->len ? g_ptr_array_index (problems, 0) : NULL;

  if (first == NULL)
    return NULL;
  if (problems->len == 1)
    return g_strdup (first);
  if (listed_above)
    return g_strdup_printf (ngettext ("%s And %u more thing is still to do, listed above.",
                                      "%s And %u more things are still to do, listed above.",
                                      problems->len - 1),
                            first, problems->len - 1);
  return g_strdup_printf (ngettext ("%s And %u more thing is still to do, listed on the "
                                    "assessment’s Sign-off step.",
                                    "%s And %u more things are still to do, listed on the "
                                    "assessment’s Sign-off step.",
                                    problems->len - 1),
                          first, problems->len - 1);
}

static gboolean
sign (SignOff *ask, const char *override_reason, GError **error)
{
  g_autofree char *role = NULL;

  g_object_get (ask->eia, "signatory-role", &role, NULL);
  return cm_eia_sign_off (ask->store, ask->eia, cm_eia_get_signatory_id (ask->eia), role,
                          &ask->today, override_reason, error);
}

/* A refused override keeps its dialog open with the reason typed. */
static gboolean
override_given (const char *reason, gpointer data, GError **error)
{
  return sign (data, reason, error);
}

/* Try Again, after a colleague's change: asked again, on the assessment
 * as it now stands. */
static void
ask_again (GtkWidget *parent, gpointer data)
{
  SignOff *ask = data;

  cm_eia_sign_off_ask (parent, ask->store, ask->eia, &ask->today);
}

static void
confirmed (AdwMessageDialog *dialog, const char *response, SignOff *ask)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "sign") || sign (ask, NULL, &error))
    sign_off_free (ask);
  else if (!cm_conflict_handle_action (ask->parent, ask->store, error, ask_again, ask,
                                       sign_off_free))
    {
      gtk_widget_activate_action (ask->parent, "page.report", "s", error->message);
      sign_off_free (ask);
    }
}

static void
ask_to_confirm (SignOff *ask)
{
  g_autofree char *heading = g_strdup_printf (_("Sign Off Version %d?"),
                                              cm_eia_get_version (ask->eia));
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (ask->parent)), heading,
                            _("A signed-off version is read-only. A later change starts a new "
                              "version; this one stays as it was signed."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "sign", _("_Sign Off"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirmed), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cm_eia_sign_off_ask (GtkWidget *parent, CmStore *store, CmEia *eia, const GDate *today)
{
  SignOff *ask = g_new0 (SignOff, 1);
  g_autoptr(GPtrArray) warnings =
    cm_eia_training_warnings (store, eia, cm_eia_get_signatory_id (eia), today);
  g_autofree char *body = NULL;

  ask->parent = g_object_ref (parent);
  ask->store = g_object_ref (store);
  ask->eia = g_object_ref (eia);
  ask->today = *today;
  if (warnings->len == 0)
    {
      ask_to_confirm (ask);
      return;
    }
  g_ptr_array_add (warnings, NULL);
  body = g_strjoinv ("\n", (char **) warnings->pdata);
  cm_reason_dialog_ask_checked (parent, _("Sign Off Without Up-to-Date Training?"), body,
                                _("Reason"), _("_Sign Off Anyway"), TRUE, override_given, ask,
                                sign_off_free);
}
