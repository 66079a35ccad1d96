/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-field-check.c: which fields a record's validation complaint is about
 *
 * The rules stay in each record's validate(); this only asks them again
 * with one field changed at a time. A field with a value is to blame when
 * clearing it to its default makes the record valid: clearing a field that
 * is fine would only raise a complaint of its own, so a mere change of
 * answer proves nothing. An empty text is to blame when filling it in
 * changes the answer, as the rules then stop asking for it.
 */
#include "cm-field-check.h"

/* The message @entity gets with @property set to @value, or NULL if valid. */
static char *
message_with (CmEntity *entity, const char *property, const GValue *value)
{
  g_autoptr(CmEntity) probe = cm_entity_copy (entity);
  g_autoptr(GError) error = NULL;

  g_object_set_property (G_OBJECT (probe), property, value);
  if (cm_entity_validate (probe, &error))
    return NULL;
  return g_strdup (error->message);
}

static gboolean
changes_answer (CmEntity *entity, const char *property, const GValue *value, const char *message)
{
  g_autofree char *probed = message_with (entity, property, value);

  return g_strcmp0 (probed, message) != 0;
}

static gboolean
answers (CmEntity *entity, const char *property, const GValue *value)
{
  g_autofree char *probed = message_with (entity, property, value);

  return probed == NULL;
}

static gboolean
blamed (CmEntity *entity, GParamSpec *pspec, const char *message)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) probe = G_VALUE_INIT;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), pspec->name, &current);
  g_value_init (&probe, pspec->value_type);

  if (!g_param_value_defaults (pspec, &current))
    {
      g_param_value_set_default (pspec, &probe);
      return answers (entity, pspec->name, &probe);
    }
  /* An empty text that the rules require: filled in, the complaint goes.
   * It is filled twice, with a word and with a date, and must change the
   * answer both times: an empty date refuses the word for reasons of its
   * own, and that is no sign the rules were asking for it. */
  if (G_VALUE_HOLDS_STRING (&current))
    {
      static const char * const fillers[] = { "x", "2000-01-01" };

      for (gsize i = 0; i < G_N_ELEMENTS (fillers); i++)
        {
          g_value_set_static_string (&probe, fillers[i]);
          if (!changes_answer (entity, pspec->name, &probe, message))
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
cm_field_check (CmEntity           *entity,
                const char * const *properties,
                GPtrArray          *fields,
                GError            **error)
{
  g_autoptr(GError) local = NULL;
  GObjectClass *klass = G_OBJECT_GET_CLASS (entity);

  g_return_val_if_fail (CM_IS_ENTITY (entity), FALSE);

  if (cm_entity_validate (entity, &local))
    return TRUE;
  for (gsize i = 0; properties && properties[i]; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, properties[i]);

      if (pspec && (pspec->flags & G_PARAM_WRITABLE) && blamed (entity, pspec, local->message))
        g_ptr_array_add (fields, (gpointer) properties[i]);
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}
