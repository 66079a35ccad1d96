/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value-bind.c: property values bound to database statements and read from their rows */
#include "cm-value.h"
#include "cm-value-bind.h"

/* Numbers, booleans and unset references as the database's own types;
 * FALSE for a value stored as text. */
static gboolean
bind_as_number (CmDbStmt *stmt, int index, const GValue *value, const char *property)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_BOOLEAN)
    cm_db_bind_int64 (stmt, index, g_value_get_boolean (value));
  else if (type == G_TYPE_INT)
    cm_db_bind_int64 (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    cm_db_bind_double (stmt, index, g_value_get_double (value));
  else if (cm_value_is_unset_reference (value, property))
    cm_db_bind_null (stmt, index);
  else if (type == G_TYPE_INT64)
    cm_db_bind_int64 (stmt, index, g_value_get_int64 (value));
  else
    return FALSE;
  return TRUE;
}

/* An enum by its nick, which lives as long as the program. */
static void
bind_enum (CmDbStmt *stmt, int index, const GValue *value, const char *property)
{
  char buffer[CM_VALUE_TEXT_SIZE];
  const char *nick;

  g_return_if_fail (G_TYPE_IS_ENUM (G_VALUE_TYPE (value)));
  nick = cm_value_peek_text (value, property, buffer);
  if (nick == NULL)
    cm_db_bind_null (stmt, index);
  else
    cm_db_bind_text_static (stmt, index, nick);
}

void
cm_value_bind (CmDbStmt *stmt, int index, const GValue *value, const char *property)
{
  if (bind_as_number (stmt, index, value, property))
    return;
  /* An unset text is stored as empty text: text columns are NOT NULL. */
  if (G_VALUE_HOLDS_STRING (value))
    cm_db_bind_text (stmt, index, g_value_get_string (value) ?: "");
  else
    bind_enum (stmt, index, value, property);
}

void
cm_value_bind_static (CmDbStmt *stmt, int index, const GValue *value, const char *property)
{
  if (bind_as_number (stmt, index, value, property))
    return;
  if (G_VALUE_HOLDS_STRING (value))
    cm_db_bind_text_static (stmt, index, g_value_get_string (value) ?: "");
  else
    bind_enum (stmt, index, value, property);
}

void
cm_value_from_column (CmDbStmt *stmt, int column, GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = cm_db_column_text (stmt, column);

      /* Most optional texts are empty: 100,000 contracts must not hold
       * 300,000 copies of "". */
      if (text && *text == '\0')
        g_value_set_static_string (value, "");
      else
        g_value_set_string (value, text);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, cm_db_column_int64 (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, cm_db_column_int (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, cm_db_column_int64 (stmt, column));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, cm_db_column_double (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = cm_db_column_text (stmt, column);
      GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

      g_value_set_enum (value, ev ? ev->value : klass->minimum);
    }
  else
    g_return_if_reached ();
}
