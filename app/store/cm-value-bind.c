/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value-bind.c: property values bound to SQLite statements and read from their rows */
#include "cm-value.h"
#include "cm-value-bind.h"

/* Numbers, booleans and unset references as SQLite's own types; FALSE
 * for a value stored as text. */
static gboolean
bind_as_number (sqlite3_stmt *stmt, int index, const GValue *value, const char *property,
                int *rc)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_BOOLEAN)
    *rc = sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
  else if (type == G_TYPE_INT)
    *rc = sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    *rc = sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (cm_value_is_unset_reference (value, property))
    *rc = sqlite3_bind_null (stmt, index);
  else if (type == G_TYPE_INT64)
    *rc = sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else
    return FALSE;
  return TRUE;
}

/* An enum by its nick, which lives as long as the program. */
static int
bind_enum (sqlite3_stmt *stmt, int index, const GValue *value, const char *property)
{
  char buffer[CM_VALUE_TEXT_SIZE];
  const char *nick;

  g_return_val_if_fail (G_TYPE_IS_ENUM (G_VALUE_TYPE (value)), SQLITE_MISUSE);
  nick = cm_value_peek_text (value, property, buffer);
  if (nick == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
}

int
cm_value_bind (sqlite3_stmt *stmt, int index, const GValue *value, const char *property)
{
  int rc;

  if (bind_as_number (stmt, index, value, property, &rc))
    return rc;
  /* An unset text is stored as empty text: text columns are NOT NULL. */
  if (G_VALUE_HOLDS_STRING (value))
    return sqlite3_bind_text (stmt, index, g_value_get_string (value) ?: "", -1,
                              SQLITE_TRANSIENT);
  return bind_enum (stmt, index, value, property);
}

int
cm_value_bind_static (sqlite3_stmt *stmt, int index, const GValue *value, const char *property)
{
  int rc;

  if (bind_as_number (stmt, index, value, property, &rc))
    return rc;
  if (G_VALUE_HOLDS_STRING (value))
    return sqlite3_bind_text (stmt, index, g_value_get_string (value) ?: "", -1, SQLITE_STATIC);
  return bind_enum (stmt, index, value, property);
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
