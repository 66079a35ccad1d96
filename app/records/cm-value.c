/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value.c: moving property values between GObjects, SQLite and text */
#include "cm-value.h"

static gboolean
is_reference (const char *property)
{
  return g_str_has_suffix (property, "-id");
}

char *
cm_value_to_text (const GValue *value, const char *property)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_value_get_double (value)));
    }
  if (type == G_TYPE_INT64)
    {
      gint64 n = g_value_get_int64 (value);

      if (n == 0 && is_reference (property))
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, n);
    }
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      return ev ? g_strdup (ev->value_nick) : NULL;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
parse_int64 (const char *text, gint64 *n)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, n, NULL);
}

gboolean
cm_value_from_text (GValue *value, const char *text)
{
  GType type = G_VALUE_TYPE (value);
  gint64 n = 0;

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text ? text : "");
  else if (type == G_TYPE_BOOLEAN && (text == NULL || g_str_equal (text, "true") ||
                                      g_str_equal (text, "false")))
    g_value_set_boolean (value, g_strcmp0 (text, "true") == 0);
  else if (type == G_TYPE_INT && (text == NULL || (parse_int64 (text, &n) && n == (int) n)))
    g_value_set_int (value, n);
  else if (type == G_TYPE_INT64 && (text == NULL || parse_int64 (text, &n)))
    g_value_set_int64 (value, n);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, text ? g_ascii_strtod (text, NULL) : 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = text ? g_enum_get_value_by_nick (klass, text) : NULL;

      if (text && ev == NULL)
        return FALSE;
      g_value_set_enum (value, ev ? ev->value : klass->minimum);
    }
  else
    return FALSE;
  return TRUE;
}

int
cm_value_bind (sqlite3_stmt *stmt, int index, const GValue *value, const char *property)
{
  GType type = G_VALUE_TYPE (value);
  g_autofree char *text = NULL;

  /* An unset text is stored as empty text: text columns are NOT NULL. */
  if (type == G_TYPE_STRING)
    return sqlite3_bind_text (stmt, index, g_strdup (g_value_get_string (value) ?: ""), -1,
                              g_free);
  if (type == G_TYPE_BOOLEAN)
    return sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  if (type == G_TYPE_INT)
    return sqlite3_bind_int (stmt, index, g_value_get_int (value));
  if (type == G_TYPE_DOUBLE)
    return sqlite3_bind_double (stmt, index, g_value_get_double (value));
  if (type == G_TYPE_INT64 && !(g_value_get_int64 (value) == 0 && is_reference (property)))
    return sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));

  text = cm_value_to_text (value, property);
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, g_steal_pointer (&text), -1, g_free);
}

void
cm_value_from_column (sqlite3_stmt *stmt, int column, GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, column);

      /* Most optional texts are empty: 100,000 contracts must not hold
       * 300,000 copies of "". */
      if (text && *text == '\0')
        g_value_set_static_string (value, "");
      else
        g_value_set_string (value, text);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

      g_value_set_enum (value, ev ? ev->value : klass->minimum);
    }
  else
    g_return_if_reached ();
}

/* Copies one property, and leaves the target alone (no notification) when
 * the value is already the same: list refreshes touch thousands of rows. */
void
cm_value_copy_property (GObject *from, GObject *to, const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (to), property);
  g_auto(GValue) a = G_VALUE_INIT;
  g_auto(GValue) b = G_VALUE_INIT;

  g_value_init (&a, pspec->value_type);
  g_value_init (&b, pspec->value_type);
  g_object_get_property (from, property, &a);
  g_object_get_property (to, property, &b);
  if (g_param_values_cmp (pspec, &a, &b) != 0)
    g_object_set_property (to, property, &a);
}

char *
cm_value_column_name (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}
