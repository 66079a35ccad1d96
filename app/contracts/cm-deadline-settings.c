/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-settings.c: a portfolio's rules for deadlines */
#include <glib/gi18n-lib.h>

#include "cm-deadline-settings.h"

static const CmDeadlineRule rules[] = {
  { "extension_lead_months", G_STRUCT_OFFSET (CmDeadlineSettings, extension_lead_months), 0, 24 },
  { "compact_minimum_months", G_STRUCT_OFFSET (CmDeadlineSettings, compact_minimum_months), 0, 24 },
  { "due_soon_days", G_STRUCT_OFFSET (CmDeadlineSettings, due_soon_days), 1, 365 },
};

const CmDeadlineRule *
cm_deadline_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

int *
cm_deadline_rule_value (const CmDeadlineRule *rule, CmDeadlineSettings *settings)
{
  return &G_STRUCT_MEMBER (int, settings, rule->offset);
}

/* The portfolio's values, or the defaults (the Compact for Leeds: six
 * months) where none were saved or a saved one is out of range. */
void
cm_deadline_settings_load (CmStore *store, CmDeadlineSettings *settings)
{
  *settings = CM_DEADLINE_SETTINGS_DEFAULT;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *text = cm_store_get_meta (store, rules[i].key);
      gint64 value;

      if (text && g_ascii_string_to_signed (text, 10, rules[i].min, rules[i].max, &value, NULL))
        *cm_deadline_rule_value (&rules[i], settings) = (int) value;
    }
}

gboolean
cm_deadline_settings_save (CmStore *store, const CmDeadlineSettings *settings, GError **error)
{
  CmDeadlineSettings copy = *settings;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      int value = *cm_deadline_rule_value (&rules[i], &copy);

      if (value < rules[i].min || value > rules[i].max)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%d is outside the range %d to %d for %s. Nothing was changed."),
                       value, rules[i].min, rules[i].max, rules[i].key);
          return FALSE;
        }
    }
  if (!cm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", *cm_deadline_rule_value (&rules[i], &copy));
      g_autofree char *old = cm_store_get_meta (store, rules[i].key);

      if (g_strcmp0 (old, text) != 0 && !cm_store_set_meta (store, rules[i].key, text, error))
        {
          cm_store_rollback (store);
          return FALSE;
        }
    }
  return cm_store_commit (store, error);
}
