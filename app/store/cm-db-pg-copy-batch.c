/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-copy-batch.c: single-row INSERTs held to be sent as one COPY per table */
#include <string.h>

#include "cm-db-pg-copy-batch.h"
#include "cm-db.h"

/* The rows of one statement. */
typedef struct {
  guint index;        /* among the batch's parts */
  char *statement;    /* the prepared INSERT's name */
  char *table;
  char *copy_sql;
  int n_values;
  int *value_of;
  GString *data;      /* its rows, in COPY's text form */
} Part;

/* A row held, in the order rows came. */
typedef struct {
  guint part;
  gsize offset;       /* where it starts in its part's data */
} HeldRow;

struct _CmDbPgCopyBatch {
  GPtrArray *parts;          /* Part, in the order first held */
  GHashTable *by_statement;  /* statement name -> Part */
  GArray *rows;              /* HeldRow */
  gsize size;
  GPtrArray *ordered;        /* the parts as last ordered */
};

/* ---- reading the INSERT ------------------------------------------------- */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (c & 0x80);
}

static void
skip_space (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

static gboolean
take_word (const char **p, const char *word)
{
  gsize length = strlen (word);

  skip_space (p);
  if (g_ascii_strncasecmp (*p, word, length) != 0 || is_word_char ((*p)[length]))
    return FALSE;
  *p += length;
  return TRUE;
}

static gboolean
take_char (const char **p, char c)
{
  skip_space (p);
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* A name, double-quoted or folded to lower case as PostgreSQL folds it;
 * NULL when none is there. */
static char *
take_name (const char **p)
{
  const char *start;

  skip_space (p);
  if (**p == '"')
    {
      g_autoptr(GString) name = g_string_new (NULL);
      const char *c;

      for (c = *p + 1; *c != '"' || c[1] == '"'; c++)
        {
          if (*c == '\0')
            return NULL;
          if (*c == '"')
            c++;
          g_string_append_c (name, *c);
        }
      *p = c + 1;
      return name->len > 0 ? g_strdup (name->str) : NULL;
    }
  if (!g_ascii_isalpha (**p) && **p != '_')
    return NULL;
  for (start = *p; is_word_char (**p); (*p)++)
    ;
  return g_ascii_strdown (start, *p - start);
}

/* "$n" as n - 1, or -1 when no value is there. */
static int
take_value (const char **p)
{
  gint64 number = 0;
  char *end = NULL;

  skip_space (p);
  if (**p != '$' || !g_ascii_isdigit ((*p)[1]))
    return -1;
  number = g_ascii_strtoll (*p + 1, &end, 10);
  *p = end;
  return number >= 1 && number <= G_MAXINT ? (int) number - 1 : -1;
}

/* "(a, b, ...)" into @names, each read by take_name (). */
static gboolean
take_names (const char **p, GPtrArray *names)
{
  if (!take_char (p, '('))
    return FALSE;
  do
    {
      char *name = take_name (p);

      if (name == NULL)
        return FALSE;
      g_ptr_array_add (names, name);
    }
  while (take_char (p, ','));
  return take_char (p, ')');
}

/* "($n, ...)" into @values, each once and as many as @n_columns. */
static gboolean
take_values (const char **p, GArray *values, guint n_columns)
{
  g_autofree gboolean *used = g_new0 (gboolean, n_columns);

  if (!take_char (p, '('))
    return FALSE;
  do
    {
      int value = take_value (p);

      if (value < 0 || (guint) value >= n_columns || used[value])
        return FALSE;
      used[value] = TRUE;
      g_array_append_val (values, value);
    }
  while (take_char (p, ','));
  return take_char (p, ')') && values->len == n_columns;
}

CmDbPgCopyTarget *
cm_db_pg_copy_target_of_insert (const char *sql)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *table = NULL;
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_columns = NULL;
  CmDbPgCopyTarget *target;
  const char *p = sql;

  if (!take_word (&p, "INSERT") || !take_word (&p, "INTO") || (table = take_name (&p)) == NULL ||
      !take_names (&p, columns) || !take_word (&p, "VALUES") ||
      !take_values (&p, values, columns->len))
    return NULL;
  take_char (&p, ';');
  skip_space (&p);
  if (*p != '\0')
    return NULL;
  g_ptr_array_add (columns, NULL);
  quoted_table = cm_db_quote_name (table);
  quoted_columns = cm_db_quote_names ((const char *const *) columns->pdata);
  target = g_new0 (CmDbPgCopyTarget, 1);
  target->table = g_steal_pointer (&table);
  target->copy_sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", quoted_table, quoted_columns);
  target->n_values = values->len;
  target->value_of = (int *) g_array_free (g_steal_pointer (&values), FALSE);
  return target;
}

void
cm_db_pg_copy_target_free (CmDbPgCopyTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->table);
  g_free (target->copy_sql);
  g_free (target->value_of);
  g_free (target);
}

/* ---- COPY's text form --------------------------------------------------- */

void
cm_db_pg_copy_append_value (GString *row, const char *text)
{
  if (text == NULL)
    {
      g_string_append (row, "\\N");
      return;
    }
  /* A backslash, and the characters that end a value or a row, escaped;
   * what lies between them is copied a run at a time, as most values
   * need no escape at all. */
  for (const char *c = text; *c != '\0';)
    {
      gsize plain = strcspn (c, "\\\t\n\r");

      g_string_append_len (row, c, plain);
      c += plain;
      switch (*c)
        {
        case '\0':
          return;
        case '\t':
          g_string_append (row, "\\t");
          break;
        case '\n':
          g_string_append (row, "\\n");
          break;
        case '\r':
          g_string_append (row, "\\r");
          break;
        default:
          g_string_append (row, "\\\\");
        }
      c++;
    }
}

/* The value written by cm_db_pg_copy_append_value () from @start to @end. */
static char *
read_value (const char *start, const char *end)
{
  GString *text;

  if (end - start == 2 && start[0] == '\\' && start[1] == 'N')
    return NULL;
  text = g_string_sized_new (end - start);
  for (const char *c = start; c < end; c++)
    {
      if (*c != '\\' || c + 1 == end)
        {
          g_string_append_c (text, *c);
          continue;
        }
      switch (*++c)
        {
        case 't':
          g_string_append_c (text, '\t');
          break;
        case 'n':
          g_string_append_c (text, '\n');
          break;
        case 'r':
          g_string_append_c (text, '\r');
          break;
        default:
          g_string_append_c (text, *c);
        }
    }
  return g_string_free (text, FALSE);
}

/* ---- the batch ---------------------------------------------------------- */

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->statement);
  g_free (part->table);
  g_free (part->copy_sql);
  g_free (part->value_of);
  g_string_free (part->data, TRUE);
  g_free (part);
}

CmDbPgCopyBatch *
cm_db_pg_copy_batch_new (void)
{
  CmDbPgCopyBatch *batch = g_new0 (CmDbPgCopyBatch, 1);

  batch->parts = g_ptr_array_new_with_free_func (part_free);
  batch->by_statement = g_hash_table_new (g_str_hash, g_str_equal);
  batch->rows = g_array_new (FALSE, FALSE, sizeof (HeldRow));
  batch->ordered = g_ptr_array_new ();
  return batch;
}

void
cm_db_pg_copy_batch_clear (CmDbPgCopyBatch *batch)
{
  g_ptr_array_set_size (batch->ordered, 0);
  g_hash_table_remove_all (batch->by_statement);
  g_ptr_array_set_size (batch->parts, 0);
  g_array_set_size (batch->rows, 0);
  batch->size = 0;
}

void
cm_db_pg_copy_batch_free (CmDbPgCopyBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->ordered);
  g_hash_table_unref (batch->by_statement);
  g_ptr_array_unref (batch->parts);
  g_array_unref (batch->rows);
  g_free (batch);
}

static Part *
part_for (CmDbPgCopyBatch *batch, const char *statement, const CmDbPgCopyTarget *target)
{
  Part *part = g_hash_table_lookup (batch->by_statement, statement);

  if (part != NULL)
    return part;
  part = g_new0 (Part, 1);
  part->index = batch->parts->len;
  part->statement = g_strdup (statement);
  part->table = g_strdup (target->table);
  part->copy_sql = g_strdup (target->copy_sql);
  part->n_values = target->n_values;
  part->value_of = g_memdup2 (target->value_of, sizeof (int) * target->n_values);
  part->data = g_string_sized_new (64 * 1024);
  g_ptr_array_add (batch->parts, part);
  g_hash_table_insert (batch->by_statement, part->statement, part);
  return part;
}

void
cm_db_pg_copy_batch_add (CmDbPgCopyBatch *batch, const char *statement,
                         const CmDbPgCopyTarget *target, const char *const *values)
{
  Part *part = part_for (batch, statement, target);
  HeldRow row = { part->index, part->data->len };

  for (int i = 0; i < part->n_values; i++)
    {
      if (i > 0)
        g_string_append_c (part->data, '\t');
      cm_db_pg_copy_append_value (part->data, values[part->value_of[i]]);
    }
  g_string_append_c (part->data, '\n');
  batch->size += part->data->len - row.offset;
  g_array_append_val (batch->rows, row);
}

guint
cm_db_pg_copy_batch_n_rows (CmDbPgCopyBatch *batch)
{
  return batch->rows->len;
}

gsize
cm_db_pg_copy_batch_size (CmDbPgCopyBatch *batch)
{
  return batch->size;
}

/* Whether @table has a part not placed yet. */
static gboolean
waits (CmDbPgCopyBatch *batch, const gboolean *placed, const char *table)
{
  for (guint i = 0; i < batch->parts->len; i++)
    if (!placed[i] && strcmp (((Part *) batch->parts->pdata[i])->table, table) == 0)
      return TRUE;
  return FALSE;
}

/* Whether every table @part references, other than its own, is placed. */
static gboolean
may_place (CmDbPgCopyBatch *batch, const gboolean *placed, const Part *part,
           GPtrArray *references)
{
  if (references == NULL)
    return TRUE;
  for (guint i = 0; i + 1 < references->len; i += 2)
    {
      const char *from = references->pdata[i], *to = references->pdata[i + 1];

      if (strcmp (from, part->table) == 0 && strcmp (to, part->table) != 0 &&
          waits (batch, placed, to))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
cm_db_pg_copy_batch_parts (CmDbPgCopyBatch *batch, GPtrArray *references)
{
  guint n = batch->parts->len;
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));

  g_ptr_array_set_size (batch->ordered, 0);
  while (batch->ordered->len < n)
    {
      guint chosen = n, first_left = n;

      for (guint i = 0; i < n && chosen == n; i++)
        {
          if (placed[i])
            continue;
          first_left = MIN (first_left, i);
          if (may_place (batch, placed, batch->parts->pdata[i], references))
            chosen = i;
        }
      /* References in a circle: the COPY will say whether it matters. */
      if (chosen == n)
        chosen = first_left;
      placed[chosen] = TRUE;
      g_ptr_array_add (batch->ordered, batch->parts->pdata[chosen]);
    }
  return batch->ordered;
}

const char *
cm_db_pg_copy_part_sql (gconstpointer part)
{
  return ((const Part *) part)->copy_sql;
}

const char *
cm_db_pg_copy_part_data (gconstpointer part, gsize *length)
{
  *length = ((const Part *) part)->data->len;
  return ((const Part *) part)->data->str;
}

const char *
cm_db_pg_copy_batch_row (CmDbPgCopyBatch *batch, guint row, GPtrArray *values)
{
  const HeldRow *held = &g_array_index (batch->rows, HeldRow, row);
  const Part *part = batch->parts->pdata[held->part];
  const char *start = part->data->str + held->offset;

  g_ptr_array_set_size (values, 0);
  g_ptr_array_set_size (values, part->n_values);
  for (int i = 0; i < part->n_values; i++)
    {
      const char *end = start + strcspn (start, "\t\n");

      values->pdata[part->value_of[i]] = read_value (start, end);
      start = *end != '\0' ? end + 1 : end;
    }
  return part->statement;
}
