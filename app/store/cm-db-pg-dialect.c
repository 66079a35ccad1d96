/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-dialect.c: the store's SQL, written for both engines, in PostgreSQL's form */
#include <string.h>

#include "cm-db-pg-dialect.h"

/* The most values a statement may take: PostgreSQL's protocol counts
 * them in 16 bits. */
#define MAX_PARAMETERS 65535

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (c & 0x80);
}

/* The end of PostgreSQL's dollar quote starting at @p ($$ or $tag$), or
 * NULL when none starts there. */
static const char *
skip_dollar_quote (const char *p)
{
  const char *tag_end = p + 1;
  g_autofree char *tag = NULL;
  const char *close;

  if (g_ascii_isdigit (*tag_end))
    return NULL;
  while (is_word_char (*tag_end))
    tag_end++;
  if (*tag_end != '$')
    return NULL;
  tag = g_strndup (p, tag_end + 1 - p);
  close = strstr (tag_end + 1, tag);
  return close != NULL ? close + strlen (tag) : p + strlen (p);
}

/* Where the string literal, quoted name or comment starting at @p ends;
 * @p itself when none starts there. An unfinished one runs to the end,
 * where PostgreSQL will refuse it as SQLite would. */
static const char *
skip_quoted (const char *p)
{
  const char *end;

  if (*p == '\'' || *p == '"')
    {
      char quote = *p;

      for (p++; *p != '\0'; p++)
        if (*p == quote)
          {
            if (p[1] != quote)
              return p + 1;
            p++;
          }
      return p;
    }
  if (p[0] == '-' && p[1] == '-')
    {
      end = strchr (p, '\n');
      return end != NULL ? end + 1 : p + strlen (p);
    }
  if (p[0] == '/' && p[1] == '*')
    {
      end = strstr (p + 2, "*/");
      return end != NULL ? end + 2 : p + strlen (p);
    }
  if (p[0] == '$' && (end = skip_dollar_quote (p)) != NULL)
    return end;
  return p;
}

/* The length of the value's name starting at @p ("?", "?12", ":name"), or 0
 * when no value starts there. @previous is the character before @p: a
 * PostgreSQL cast ("x::text") names no value. */
static gsize
parameter_length (const char *p, char previous)
{
  const char *end = p + 1;

  if (*p == '?')
    {
      while (g_ascii_isdigit (*end))
        end++;
      return end - p;
    }
  if (*p == ':' && previous != ':' && (g_ascii_isalpha (*end) || *end == '_'))
    {
      while (is_word_char (*end))
        end++;
      return end - p;
    }
  return 0;
}

/* Whether a value's name follows @p, after white space. */
static gboolean
parameter_follows (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return parameter_length (p, ' ') > 0;
}

/* The number of the value called @name among @names, from 1; 0 if none is. */
static int
index_of (char **names, guint n_names, const char *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i + 1;
  return 0;
}

/* The number of the value written @name (@length bytes), SQLite's way;
 * records each name for cm_db_pg_statement_index (). 0 for a "?N" out of
 * range, or a value beyond the most a statement may take. */
static int
number_parameter (CmDbPgStatement *statement, GPtrArray *names, const char *name, gsize length)
{
  g_autofree char *key = length > 1 ? g_strndup (name, length) : NULL;
  int number = key != NULL ? index_of ((char **) names->pdata, names->len, key) : 0;
  guint64 given = statement->n_params + 1;

  if (number > 0)
    return number;
  if (key != NULL && *key == '?' &&
      !g_ascii_string_to_unsigned (key + 1, 10, 1, MAX_PARAMETERS, &given, NULL))
    return 0;
  if (given > MAX_PARAMETERS)
    return 0;
  number = (int) given;
  statement->n_params = MAX (statement->n_params, number);
  if (names->len < (guint) statement->n_params)
    g_ptr_array_set_size (names, statement->n_params);
  if (key != NULL)
    g_ptr_array_index (names, number - 1) = g_steal_pointer (&key);
  return number;
}

CmDbPgStatement *
cm_db_pg_statement_new (const char *sql)
{
  CmDbPgStatement *statement = g_new0 (CmDbPgStatement, 1);
  GPtrArray *names = g_ptr_array_new ();
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;

  while (*p != '\0')
    {
      const char *end = skip_quoted (p);
      gsize length;

      if (end != p)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if ((length = parameter_length (p, p > sql ? p[-1] : ' ')) > 0)
        {
          int number = number_parameter (statement, names, p, length);

          /* One out of range stays as written, which PostgreSQL refuses
           * as SQLite does. */
          if (number > 0)
            g_string_append_printf (out, "$%d", number);
          else
            g_string_append_len (out, p, length);
          p += length;
        }
      else if (is_word_char (*p))
        {
          for (end = p; is_word_char (*end); end++)
            ;
          /* SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE ignores case. */
          if (end - p == 4 && g_ascii_strncasecmp (p, "LIKE", 4) == 0 && parameter_follows (end))
            g_string_append (out, "ILIKE");
          else
            g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }
  g_ptr_array_add (names, NULL);
  statement->names = (char **) g_ptr_array_free (names, FALSE);
  statement->sql = g_string_free (out, FALSE);
  return statement;
}

void
cm_db_pg_statement_free (CmDbPgStatement *statement)
{
  if (statement == NULL)
    return;
  for (int i = 0; i < statement->n_params; i++)
    g_free (statement->names[i]);
  g_free (statement->names);
  g_free (statement->sql);
  g_free (statement);
}

int
cm_db_pg_statement_index (CmDbPgStatement *statement, const char *name)
{
  return index_of (statement->names, statement->n_params, name);
}

gboolean
cm_db_pg_dialect_begin_kind (const char *sql, CmDbTransaction *kind)
{
  g_auto(GStrv) words = g_strsplit_set (sql, " \t\r\n;", -1);
  const char *found[3] = { NULL, NULL, NULL };
  int n = 0;

  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (n == 2)
          return FALSE;
        found[n++] = words[i];
      }
  if (n != 2 || g_ascii_strcasecmp (found[0], "BEGIN") != 0)
    return FALSE;
  if (g_ascii_strcasecmp (found[1], "IMMEDIATE") == 0 ||
      g_ascii_strcasecmp (found[1], "EXCLUSIVE") == 0)
    *kind = CM_DB_WRITING;
  else if (g_ascii_strcasecmp (found[1], "DEFERRED") == 0)
    *kind = CM_DB_READING;
  else
    return FALSE;
  return TRUE;
}
