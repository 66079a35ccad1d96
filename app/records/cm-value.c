/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value.c: moving property values between GObjects and text */
#include "cm-value.h"

gboolean
cm_value_is_unset_reference (const GValue *value, const char *property)
{
  return G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) == 0 &&
         g_str_has_suffix (property, "-id");
}

/* An enum's class without a reference for each value: a record's enum
 * property already holds its class, and one not yet in use is referenced
 * once and kept, as GLib keeps enum classes anyway. */
static GEnumClass *
enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  return klass ? klass : g_type_class_ref (type);
}

const char *
cm_value_format_int64 (char *buffer, gint64 n)
{
  char *p = buffer + CM_VALUE_TEXT_SIZE - 1;
  guint64 magnitude = n < 0 ? -(guint64) n : (guint64) n;

  *p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (n < 0)
    *--p = '-';
  return p;
}

const char *
cm_value_peek_text (const GValue *value, const char *property, char *buffer)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_get_string (value);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (value) ? "true" : "false";
  if (type == G_TYPE_INT)
    return cm_value_format_int64 (buffer, g_value_get_int (value));
  if (type == G_TYPE_DOUBLE)
    return g_ascii_dtostr (buffer, CM_VALUE_TEXT_SIZE, g_value_get_double (value));
  if (type == G_TYPE_INT64)
    return cm_value_is_unset_reference (value, property)
           ? NULL : cm_value_format_int64 (buffer, g_value_get_int64 (value));
  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (enum_class (type), g_value_get_enum (value));

      return ev ? ev->value_nick : NULL;
    }
  g_return_val_if_reached (NULL);
}

char *
cm_value_to_text (const GValue *value, const char *property)
{
  char buffer[CM_VALUE_TEXT_SIZE];

  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  return g_strdup (cm_value_peek_text (value, property, buffer));
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
