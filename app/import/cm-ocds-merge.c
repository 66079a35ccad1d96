/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-merge.c: one contracting process's releases compiled into one */
#include "cm-ocds-merge.h"

static void merge_object (JsonObject *target, JsonObject *source);

static GDateTime *
release_date (JsonObject *release)
{
  const char *text = json_object_get_string_member_with_default (release, "date", "");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (text, utc);
}

/* Dates compared as moments, not as text: "+01:00" and "Z" differ. */
static int
by_date (gconstpointer a, gconstpointer b)
{
  g_autoptr(GDateTime) x = release_date (*(JsonObject * const *) a);
  g_autoptr(GDateTime) y = release_date (*(JsonObject * const *) b);

  if (x == NULL || y == NULL)
    return (x != NULL) - (y != NULL);
  return g_date_time_compare (x, y);
}

/* An item's id as text: ids may be strings or integers. */
static char *
item_id (JsonNode *item)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return NULL;
  id = json_object_get_member (json_node_get_object (item), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;
  if (json_node_get_value_type (id) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (id));
  if (json_node_get_value_type (id) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
  return NULL;
}

static gboolean
all_have_ids (JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = item_id (json_array_get_element (array, i));

      if (id == NULL)
        return FALSE;
    }
  return n > 0;
}

static JsonNode *
find_by_id (JsonArray *array, const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *other = item_id (item);

      if (g_strcmp0 (other, id) == 0)
        return item;
    }
  return NULL;
}

/* Items with an id already present are merged into it; new ids are added
 * in the order they appear. */
static void
merge_by_id (JsonArray *target, JsonArray *source)
{
  for (guint i = 0; i < json_array_get_length (source); i++)
    {
      JsonNode *item = json_array_get_element (source, i);
      g_autofree char *id = item_id (item);
      JsonNode *existing = find_by_id (target, id);

      if (existing)
        merge_object (json_node_get_object (existing), json_node_get_object (item));
      else
        json_array_add_element (target, json_node_copy (item));
    }
}

static void
merge_member (JsonObject *target, const char *name, JsonNode *value)
{
  JsonNode *current = json_object_get_member (target, name);

  if (JSON_NODE_HOLDS_NULL (value))
    json_object_remove_member (target, name);
  else if (current && JSON_NODE_HOLDS_OBJECT (current) && JSON_NODE_HOLDS_OBJECT (value))
    merge_object (json_node_get_object (current), json_node_get_object (value));
  else if (current && JSON_NODE_HOLDS_ARRAY (current) && JSON_NODE_HOLDS_ARRAY (value) &&
           all_have_ids (json_node_get_array (current)) && all_have_ids (json_node_get_array (value)))
    merge_by_id (json_node_get_array (current), json_node_get_array (value));
  else if (JSON_NODE_HOLDS_OBJECT (value))
    {
      /* Merged into an empty object, so nulls inside it are dropped too. */
      JsonObject *fresh = json_object_new ();

      merge_object (fresh, json_node_get_object (value));
      json_object_set_object_member (target, name, fresh);
    }
  else
    json_object_set_member (target, name, json_node_copy (value));
}

static void
merge_object (JsonObject *target, JsonObject *source)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, source);
  while (json_object_iter_next (&iter, &name, &value))
    merge_member (target, name, value);
}

JsonObject *
cm_ocds_merge (GPtrArray *releases)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_copy (releases, NULL, NULL);
  JsonObject *compiled = json_object_new ();
  JsonArray *tag = json_array_new ();

  g_ptr_array_sort (ordered, by_date);
  for (guint i = 0; i < ordered->len; i++)
    merge_object (compiled, g_ptr_array_index (ordered, i));
  json_array_add_string_element (tag, "compiled");
  json_object_set_array_member (compiled, "tag", tag);
  return compiled;
}
