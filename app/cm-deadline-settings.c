/* cm-deadline-settings.c: a portfolio's rules for deadlines */
#include "cm-deadline-settings.h"

static const char * const keys[] = {
  "extension_lead_months", "compact_minimum_months", "due_soon_days",
};

static int *
field (CmDeadlineSettings *settings, guint index)
{
  int *fields[] = {
    &settings->extension_lead_months, &settings->compact_minimum_months,
    &settings->due_soon_days,
  };

  return fields[index];
}

/* The portfolio's values, or the defaults (the Compact for Leeds: six
 * months) where none were saved. */
void
cm_deadline_settings_load (CmStore *store, CmDeadlineSettings *settings)
{
  *settings = CM_DEADLINE_SETTINGS_DEFAULT;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = cm_store_get_meta (store, keys[i]);
      gint64 value;

      if (text && g_ascii_string_to_signed (text, 10, 0, 3650, &value, NULL))
        *field (settings, i) = (int) value;
    }
}

gboolean
cm_deadline_settings_save (CmStore *store, const CmDeadlineSettings *settings, GError **error)
{
  CmDeadlineSettings copy = *settings;

  if (!cm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", *field (&copy, i));
      g_autofree char *old = cm_store_get_meta (store, keys[i]);

      if (g_strcmp0 (old, text) != 0 && !cm_store_set_meta (store, keys[i], text, error))
        {
          cm_store_rollback (store);
          return FALSE;
        }
    }
  return cm_store_commit (store, error);
}
