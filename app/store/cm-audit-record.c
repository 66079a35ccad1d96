/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-record.c: a whole record's values as one row of the audit trail */
#include <string.h>

#include "cm-audit-record.h"

gboolean
cm_audit_field_is_whole (const char *field)
{
  return field && field[0] == '*';
}

/* ---- writing ---------------------------------------------------------- */

/* Written by hand rather than through a JSON library: an import writes one
 * object per record, and the replay writes each stored record again to
 * compare. Runs of plain characters are copied whole. */
static void
append_string (GString *json, const char *text)
{
  const char *p = text;

  g_string_append_c (json, '"');
  for (;;)
    {
      const char *run = p;
      guchar c;

      while ((c = *p) >= 0x20 && c != '"' && c != '\\')
        p++;
      g_string_append_len (json, run, p - run);
      if (c == '\0')
        break;
      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, c);
        }
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\r')
        g_string_append (json, "\\r");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else
        g_string_append_printf (json, "\\u%04x", c);
      p++;
    }
  g_string_append_c (json, '"');
}

void
cm_audit_record_begin (GString *json)
{
  g_string_truncate (json, 0);
  g_string_append_c (json, '{');
}

void
cm_audit_record_add (GString *json, const char *column, const char *text)
{
  g_return_if_fail (text != NULL);

  if (json->len > 1)
    g_string_append_c (json, ',');
  append_string (json, column);
  g_string_append_c (json, ':');
  append_string (json, text);
}

void
cm_audit_record_end (GString *json)
{
  g_string_append_c (json, '}');
}

void
cm_audit_record_begin_list (GString *json, const CmAuditLayout *layout)
{
  char digits[16];
  char *p = digits + sizeof digits;
  guint n = layout->number;

  /* By hand: printf would cost more than the rest of the row. */
  do
    *--p = '0' + n % 10;
  while ((n /= 10) > 0);
  *--p = '[';
  g_string_truncate (json, 0);
  g_string_append_len (json, p, digits + sizeof digits - p);
}

/* Each element brings its comma, the number having come first: a record
 * rendered ahead of its ids (cm-store.c) takes them in where they go. */
void
cm_audit_record_list_add (GString *json, const char *text)
{
  g_string_append_c (json, ',');
  if (text && *text)
    append_string (json, text);
  else
    g_string_append_len (json, "null", 4);
}

void
cm_audit_record_end_list (GString *json)
{
  g_string_append_c (json, ']');
}

/* ---- reading ---------------------------------------------------------- */

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static gboolean
read_hex4 (const char *p, gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *out = *out * 16 + digit;
    }
  return TRUE;
}

/* \uXXXX, with a following \uXXXX when it is the first half of a pair. */
static const char *
read_unicode_escape (const char *p, GString *out)
{
  gunichar c, low;

  if (!read_hex4 (p, &c))
    return NULL;
  p += 4;
  if (c >= 0xd800 && c < 0xdc00)
    {
      if (p[0] != '\\' || p[1] != 'u' || !read_hex4 (p + 2, &low) || low < 0xdc00 || low > 0xdfff)
        return NULL;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      p += 6;
    }
  else if (c >= 0xdc00 && c <= 0xdfff)
    return NULL;
  g_string_append_unichar (out, c);
  return p;
}

static const char *
read_escape (const char *p, GString *out)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *known = *p ? strchr (from, *p) : NULL;

  if (*p == 'u')
    return read_unicode_escape (p + 1, out);
  if (known == NULL)
    return NULL;
  g_string_append_c (out, to[known - from]);
  return p + 1;
}

/* Reads a JSON string at @p into @out; returns what follows it, or NULL. */
static const char *
read_string (const char *p, GString *out)
{
  g_string_truncate (out, 0);
  if (*p++ != '"')
    return NULL;
  while (*p != '"')
    {
      const char *run = p;

      while (*p && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      g_string_append_len (out, run, p - run);
      if (*p == '\\')
        p = read_escape (p + 1, out);
      else if (*p != '"')
        return NULL;
      if (p == NULL)
        return NULL;
    }
  return p + 1;
}

/* Reads a JSON string or null at @p: @is_null says which. */
static const char *
read_text_or_null (const char *p, GString *text, gboolean *is_null)
{
  *is_null = strncmp (p, "null", 4) == 0;
  if (*is_null)
    return p + 4;
  return read_string (p, text);
}

/* The layout of @table that the array at @p (its '[') names, and in
 * @end where its number ends; NULL when there is no such layout. */
static const CmAuditLayout *
read_layout (const char *table, const char *p, const char **end)
{
  guint64 number;
  char *after = NULL;

  p = skip_space (p + 1);
  /* Layouts count from 1, and JSON numbers have no leading zeros. */
  if (*p < '1' || *p > '9')
    return NULL;
  number = g_ascii_strtoull (p, &after, 10);
  *end = after;
  return number <= G_MAXUINT ? cm_audit_layout_find (table, (guint) number) : NULL;
}

const CmAuditLayout *
cm_audit_record_layout (const char *table, const char *json)
{
  const char *p = skip_space (json ? json : "");
  const char *end;

  return *p == '[' ? read_layout (table, p, &end) : NULL;
}

static gboolean
parse_list (const char *table, const char *p, CmAuditRecordEach each, gpointer user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const CmAuditLayout *layout = read_layout (table, p, &p);

  if (layout == NULL)
    return FALSE;
  for (guint i = 0; i < layout->n_columns; i++)
    {
      gboolean is_null;

      p = skip_space (p);
      if (*p++ != ',')
        return FALSE;
      if ((p = read_text_or_null (skip_space (p), text, &is_null)) == NULL)
        return FALSE;
      if (!is_null)
        each (layout->columns[i], text->str, user_data);
    }
  p = skip_space (p);
  return *p == ']' && *skip_space (p + 1) == '\0';
}

static gboolean
parse_object (const char *p, CmAuditRecordEach each, gpointer user_data)
{
  g_autoptr(GString) column = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  if (*p++ != '{')
    return FALSE;
  p = skip_space (p);
  if (*p == '}')
    return *skip_space (p + 1) == '\0';
  for (;;)
    {
      gboolean is_null;

      if ((p = read_string (p, column)) == NULL)
        return FALSE;
      p = skip_space (p);
      if (*p++ != ':')
        return FALSE;
      if ((p = read_text_or_null (skip_space (p), text, &is_null)) == NULL)
        return FALSE;
      each (column->str, is_null ? NULL : text->str, user_data);
      p = skip_space (p);
      if (*p == '}')
        return *skip_space (p + 1) == '\0';
      if (*p++ != ',')
        return FALSE;
      p = skip_space (p);
    }
}

gboolean
cm_audit_record_parse (const char *table, const char *json, CmAuditRecordEach each,
                       gpointer user_data)
{
  const char *p = skip_space (json ? json : "");

  if (*p == '[')
    return parse_list (table, p, each, user_data);
  return parse_object (p, each, user_data);
}
