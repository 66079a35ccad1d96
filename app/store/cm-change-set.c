/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-change-set.c: the records a commit changed, and the note naming them */
#include <string.h>

#include "cm-change-set.h"

/* One table's changes: its ids, or NULL ids when named whole. */
typedef struct {
  char *name;
  GArray *ids;
  GHashTable *seen; /* the ids, once each */
} TableChanges;

struct _CmChangeSet {
  GPtrArray *tables;   /* TableChanges, in the order first named */
  GHashTable *by_name; /* name -> TableChanges */
  gint64 audit_row;
};

static void
table_changes_free (gpointer data)
{
  TableChanges *changes = data;

  g_free (changes->name);
  g_clear_pointer (&changes->ids, g_array_unref);
  g_clear_pointer (&changes->seen, g_hash_table_unref);
  g_free (changes);
}

static TableChanges *
table_changes (CmChangeSet *set, const char *table)
{
  TableChanges *changes = g_hash_table_lookup (set->by_name, table);

  if (changes == NULL)
    {
      changes = g_new0 (TableChanges, 1);
      changes->name = g_strdup (table);
      changes->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      changes->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_ptr_array_add (set->tables, changes);
      g_hash_table_insert (set->by_name, changes->name, changes);
    }
  return changes;
}

static void
make_whole (TableChanges *changes)
{
  g_clear_pointer (&changes->ids, g_array_unref);
  g_clear_pointer (&changes->seen, g_hash_table_unref);
}

/* A table name as the store's tables are named: nothing a note could not
 * carry, so that reading one never names a table by its separators. */
static gboolean
is_table_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

/* "table" or "table:1,2,3". */
static void
add_entry (CmChangeSet *set, const char *entry)
{
  const char *colon = strchr (entry, ':');
  g_autofree char *table = colon ? g_strndup (entry, colon - entry) : g_strdup (entry);
  g_auto(GStrv) ids = NULL;

  if (!is_table_name (table))
    return;
  if (colon == NULL)
    {
      cm_change_set_add_table (set, table);
      return;
    }
  ids = g_strsplit (colon + 1, ",", -1);
  for (guint i = 0; ids[i]; i++)
    {
      guint64 id = 0;

      /* An id it cannot read leaves the table to be read whole. */
      if (!g_ascii_string_to_unsigned (ids[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          cm_change_set_add_table (set, table);
          return;
        }
      cm_change_set_add_record (set, table, (gint64) id);
    }
}

/* ":1,2,3" for @changes' ids. */
static char *
ids_text (TableChanges *changes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->ids->len; i++)
    g_string_append_printf (text, "%c%" G_GINT64_FORMAT, i == 0 ? ':' : ',',
                            g_array_index (changes->ids, gint64, i));
  return g_string_free (text, FALSE);
}

CmChangeSet *
cm_change_set_new (void)
{
  CmChangeSet *set = g_new0 (CmChangeSet, 1);

  set->tables = g_ptr_array_new_with_free_func (table_changes_free);
  set->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  return set;
}

void
cm_change_set_free (CmChangeSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->by_name);
  g_ptr_array_unref (set->tables);
  g_free (set);
}

void
cm_change_set_add_record (CmChangeSet *set, const char *table, gint64 id)
{
  TableChanges *changes = table_changes (set, table);

  if (changes->ids == NULL || g_hash_table_contains (changes->seen, &id))
    return;
  if (changes->ids->len == CM_CHANGE_SET_MAX_RECORDS)
    {
      make_whole (changes);
      return;
    }
  g_array_append_val (changes->ids, id);
  g_hash_table_add (changes->seen, g_memdup2 (&id, sizeof id));
}

void
cm_change_set_add_table (CmChangeSet *set, const char *table)
{
  make_whole (table_changes (set, table));
}

void
cm_change_set_add_note (CmChangeSet *set, const char *note)
{
  /* An older program's note: table names apart by commas. */
  gboolean tables_only = strchr (note, ':') == NULL && strchr (note, ';') == NULL;
  g_auto(GStrv) entries = g_strsplit (note, tables_only ? "," : ";", -1);

  for (guint i = 0; entries[i]; i++)
    {
      guint64 row = 0;

      if (entries[i][0] == '@')
        {
          if (g_ascii_string_to_unsigned (entries[i] + 1, 10, 0, G_MAXINT64, &row, NULL))
            set->audit_row = MAX (set->audit_row, (gint64) row);
        }
      else
        add_entry (set, entries[i]);
    }
}

char *
cm_change_set_to_note (CmChangeSet *set, gsize limit)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gsize names = 0;
  gsize room;

  if (set->audit_row > 0)
    g_string_printf (note, "@%" G_GINT64_FORMAT, set->audit_row);
  names = note->len;
  for (guint i = 0; i < set->tables->len; i++)
    {
      TableChanges *changes = g_ptr_array_index (set->tables, i);

      names += strlen (changes->name) + (names > 0);
      g_ptr_array_add (ids, changes->ids ? ids_text (changes) : g_strdup (""));
    }
  /* Every table is named; the ids take what room is left, in order. */
  room = names < limit ? limit - names : 0;
  for (guint i = 0; i < set->tables->len; i++)
    {
      TableChanges *changes = g_ptr_array_index (set->tables, i);
      const char *its_ids = g_ptr_array_index (ids, i);
      gsize length = strlen (its_ids);

      if (note->len > 0)
        g_string_append_c (note, ';');
      g_string_append (note, changes->name);
      if (length <= room)
        {
          g_string_append (note, its_ids);
          room -= length;
        }
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

gboolean
cm_change_set_is_empty (CmChangeSet *set)
{
  return set->tables->len == 0;
}

guint
cm_change_set_n_tables (CmChangeSet *set)
{
  return set->tables->len;
}

const char *
cm_change_set_table (CmChangeSet *set, guint index)
{
  return ((TableChanges *) g_ptr_array_index (set->tables, index))->name;
}

GArray *
cm_change_set_ids (CmChangeSet *set, const char *table)
{
  TableChanges *changes = g_hash_table_lookup (set->by_name, table);

  return changes ? changes->ids : NULL;
}

gint64
cm_change_set_audit_row (CmChangeSet *set)
{
  return set->audit_row;
}

void
cm_change_set_set_audit_row (CmChangeSet *set, gint64 row)
{
  set->audit_row = row;
}
