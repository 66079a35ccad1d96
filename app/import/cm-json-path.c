/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-json-path.c: reading a JSON document by its paths, naming any bad one */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-json-path.h"

G_DEFINE_QUARK (cm-json-path-error-quark, cm_json_path_error)

void
cm_json_check_clear (CmJsonCheck *check)
{
  g_clear_error (&check->error);
}

gboolean
cm_json_check_ok (CmJsonCheck *check)
{
  return check->error == NULL;
}

void
cm_json_fail (CmJsonCheck *check, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (check->error)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a JSON path such as $.releases[3].ocid, then what is wrong there */
  check->error = g_error_new (CM_JSON_PATH_ERROR, CM_JSON_PATH_ERROR_INVALID, _("%s: %s"),
                              path, message);
}

char *
cm_json_path_member (const char *path, const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

char *
cm_json_path_index (const char *path, guint index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

/* What a value is, in words, for a message about the wrong type. */
static const char *
kind_of (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/* The member, or NULL when absent or null; a required member that is
 * missing is a problem. */
static JsonNode *
member_node (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
             gboolean required)
{
  JsonNode *node;

  if (check->error || object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (required)
    {
      g_autofree char *where = cm_json_path_member (path, member);

      cm_json_fail (check, where, _("this is missing; every such entry needs one."));
    }
  return NULL;
}

static void
wrong_type (CmJsonCheck *check, const char *path, const char *member, JsonNode *node,
            const char *expected)
{
  g_autofree char *where = member ? cm_json_path_member (path, member) : g_strdup (path);

  /* TRANSLATORS: the kind of value expected, then the kind found */
  cm_json_fail (check, where, _("expected %s but found %s."), expected, kind_of (node));
}

JsonObject *
cm_json_object (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
                gboolean required)
{
  JsonNode *node = member_node (check, object, path, member, required);

  if (node && !JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (check, path, member, node, _("an object"));
      return NULL;
    }
  return node ? json_node_get_object (node) : NULL;
}

JsonArray *
cm_json_array (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
               gboolean required)
{
  JsonNode *node = member_node (check, object, path, member, required);

  if (node && !JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (check, path, member, node, _("a list"));
      return NULL;
    }
  return node ? json_node_get_array (node) : NULL;
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
holds_number (JsonNode *node)
{
  return holds (node, G_TYPE_INT64) || holds (node, G_TYPE_DOUBLE);
}

const char *
cm_json_string (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
                gboolean required)
{
  JsonNode *node = member_node (check, object, path, member, required);

  if (node && !holds (node, G_TYPE_STRING))
    {
      wrong_type (check, path, member, node, _("text"));
      return NULL;
    }
  if (node && required && *json_node_get_string (node) == '\0')
    {
      g_autofree char *where = cm_json_path_member (path, member);

      cm_json_fail (check, where, _("this is empty; every such entry needs one."));
      return NULL;
    }
  return node ? json_node_get_string (node) : NULL;
}

char *
cm_json_id (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
            gboolean required)
{
  JsonNode *node = member_node (check, object, path, member, required);

  if (node && holds (node, G_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (node && !holds (node, G_TYPE_STRING))
    {
      wrong_type (check, path, member, node, _("text"));
      return NULL;
    }
  return node ? g_strdup (json_node_get_string (node)) : NULL;
}

gboolean
cm_json_number (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
                double *value)
{
  JsonNode *node = member_node (check, object, path, member, FALSE);

  if (node && !holds_number (node))
    {
      wrong_type (check, path, member, node, _("a number"));
      return FALSE;
    }
  if (node)
    *value = json_node_get_double (node);
  return node != NULL;
}

gboolean
cm_json_integer (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
                 gint64 *value)
{
  JsonNode *node = member_node (check, object, path, member, FALSE);

  if (node && !holds (node, G_TYPE_INT64))
    {
      wrong_type (check, path, member, node, _("a whole number"));
      return FALSE;
    }
  if (node)
    *value = json_node_get_int (node);
  return node != NULL;
}

gboolean
cm_json_boolean (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
                 gboolean *value)
{
  JsonNode *node = member_node (check, object, path, member, FALSE);

  if (node && !holds (node, G_TYPE_BOOLEAN))
    {
      wrong_type (check, path, member, node, _("true or false"));
      return FALSE;
    }
  if (node)
    *value = json_node_get_boolean (node);
  return node != NULL;
}

GTimeZone *
cm_json_london (void)
{
  static GTimeZone *london;

  if (g_once_init_enter (&london))
    {
      GTimeZone *zone = g_time_zone_new_identifier ("Europe/London");

      /* Without the time zone database, UTC is the nearest rule. */
      g_once_init_leave (&london, zone ? zone : g_time_zone_new_utc ());
    }
  return london;
}

char *
cm_json_london_moment (const GDate *date, gboolean end_of_day)
{
  g_autoptr(GDateTime) moment = g_date_time_new (cm_json_london (), g_date_get_year (date),
                                                 g_date_get_month (date), g_date_get_day (date),
                                                 end_of_day ? 23 : 0, end_of_day ? 59 : 0,
                                                 end_of_day ? 59 : 0);

  /* RFC 3339's offset, "+01:00": the ISO 8601 format's "+01" is not one. */
  return g_date_time_format (moment, "%Y-%m-%dT%H:%M:%S%:z");
}

gboolean
cm_json_date (CmJsonCheck *check, JsonObject *object, const char *path, const char *member,
              GDate *date)
{
  const char *text = cm_json_string (check, object, path, member, FALSE);
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (text == NULL)
    return FALSE;
  if (strlen (text) == 10 && cm_date_parse_iso (text, date))
    return TRUE;
  moment = g_date_time_new_from_iso8601 (text, cm_json_london ());
  if (moment == NULL)
    {
      g_autofree char *where = cm_json_path_member (path, member);

      cm_json_fail (check, where, _("“%s” is not a date and time. Write it as ISO 8601, "
                                    "for example 2019-04-01T00:00:00Z."), text);
      return FALSE;
    }
  local = g_date_time_to_timezone (moment, cm_json_london ());
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

JsonObject *
cm_json_element_object (CmJsonCheck *check, JsonArray *array, const char *path, guint index)
{
  JsonNode *node;

  if (check->error)
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = cm_json_path_index (path, index);

      wrong_type (check, where, NULL, node, _("an object"));
      return NULL;
    }
  return json_node_get_object (node);
}
