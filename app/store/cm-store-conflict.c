/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-conflict.c: whose change a refused save met */
#include "cm-store-conflict.h"
#include "cm-value.h"

static void
conflict_field_free (gpointer data)
{
  CmStoreConflictField *field = data;

  g_free (field->property);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

/* A field's text, NULL when blank, as the trail records it. */
static char *
field_text (CmEntity *entity, const char *property)
{
  g_autofree char *text = cm_entity_property_text (entity, property);

  return text && *text ? g_steal_pointer (&text) : NULL;
}

static GPtrArray *
differing_fields (CmEntity *mine, CmEntity *stored)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (conflict_field_free);
  const char **columns = CM_ENTITY_GET_CLASS (stored)->columns;

  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *ours = field_text (mine, columns[i]);
      g_autofree char *theirs = field_text (stored, columns[i]);
      CmStoreConflictField *field;

      if (g_strcmp0 (ours, theirs) == 0)
        continue;
      field = g_new0 (CmStoreConflictField, 1);
      field->property = g_strdup (columns[i]);
      field->mine = g_steal_pointer (&ours);
      field->theirs = g_steal_pointer (&theirs);
      g_ptr_array_add (fields, field);
    }
  return fields;
}

/* @mine with the values that follow from others filled in, as saving it
 * would: a total worked out from the annual value is no difference. */
static CmEntity *
completed (CmEntity *mine, CmEntity *stored)
{
  CmEntity *copy = cm_entity_copy (mine);
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (copy);

  if (klass->complete)
    klass->complete (copy, stored);
  return copy;
}

CmStoreConflict *
cm_store_conflict_get (CmStore *store, CmEntity *mine, GError **error)
{
  g_autoptr(CmStoreConflict) conflict = g_new0 (CmStoreConflict, 1);

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_ENTITY (mine), NULL);

  conflict->stored = cm_store_load (store, G_OBJECT_TYPE (mine), cm_entity_get_id (mine), error);
  if (conflict->stored == NULL)
    return NULL;
  if (!cm_store_last_change (store, conflict->stored, NULL, &conflict->actor, &conflict->at))
    {
      conflict->actor = g_strdup ("");
      conflict->at = g_strdup ("");
    }
  conflict->mine = completed (mine, conflict->stored);
  conflict->fields = differing_fields (conflict->mine, conflict->stored);
  return g_steal_pointer (&conflict);
}

void
cm_store_conflict_free (CmStoreConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_clear_object (&conflict->stored);
  g_clear_object (&conflict->mine);
  g_free (conflict->actor);
  g_free (conflict->at);
  g_clear_pointer (&conflict->fields, g_ptr_array_unref);
  g_free (conflict);
}

CmEntity *
cm_store_conflict_reapply (CmStoreConflict *conflict, CmEntity *original, CmEntity *mine)
{
  CmEntity *merged = cm_entity_copy (conflict->stored);
  const char **columns = CM_ENTITY_GET_CLASS (merged)->columns;

  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *read = field_text (original, columns[i]);
      g_autofree char *ours = field_text (mine, columns[i]);

      if (g_strcmp0 (read, ours) != 0)
        cm_value_copy_property (G_OBJECT (mine), G_OBJECT (merged), columns[i]);
    }
  return merged;
}
