/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-procurement-rules.c: the procurement regimes and the notices each route requires, as data
 *
 * The law changes on dates (the Provider Selection Regime from 1 January
 * 2024, the Procurement Act 2023 from 24 February 2025), so the dates and
 * the notices live in data/procurement-notices.json, not in code.
 */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cm-date.h"
#include "cm-procurement-rules.h"
#include "cm-resources.h"

#define RULES_RESOURCE "/org/commissioner/Commissioner/rules/procurement-notices.json"

static void
notice_rule_free (gpointer data)
{
  CmNoticeRule *rule = data;

  g_free (rule->regime);
  g_free (rule->code);
  g_free (rule->title);
  g_free (rule->when);
  g_strfreev (rule->routes);
  g_free (rule);
}

static const char *
text_member (JsonObject *object, const char *name)
{
  return json_object_get_string_member_with_default (object, name, "");
}

static char **
strings_member (JsonObject *object, const char *name)
{
  JsonArray *array = json_object_has_member (object, name)
                       ? json_object_get_array_member (object, name) : NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strings;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  strings = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strings;
}

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The shipped procurement notice rules are damaged: %s. Reinstall the "
                 "application."), what);
  return FALSE;
}

static gboolean
read_regimes (JsonObject *root, CmProcurementRules *rules, GError **error)
{
  JsonArray *list = json_object_has_member (root, "regimes")
                      ? json_object_get_array_member (root, "regimes") : NULL;

  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *regime = json_array_get_object_element (list, i);
      const char *nick = text_member (regime, "regime");
      GDate *from = g_str_equal (nick, "procurement-act-2023") ? &rules->act_from
                  : g_str_equal (nick, "provider-selection-regime") ? &rules->psr_from : NULL;

      if (from && !cm_date_parse_iso (text_member (regime, "from"), from))
        return invalid (error, nick);
    }
  if (!g_date_valid (&rules->act_from) || !g_date_valid (&rules->psr_from))
    return invalid (error, "regimes");
  return TRUE;
}

static CmNoticeRule *
notice_rule_from_json (JsonObject *object)
{
  CmNoticeRule *rule = g_new0 (CmNoticeRule, 1);
  const char *anchor = text_member (object, "anchor");

  rule->regime = g_strdup (text_member (object, "regime"));
  rule->code = g_strdup (text_member (object, "code"));
  rule->title = g_strdup (text_member (object, "title"));
  rule->when = g_strdup (text_member (object, "when"));
  rule->routes = strings_member (object, "routes");
  rule->min_total_pence = json_object_get_int_member_with_default (object, "min-total-pence", 0);
  rule->days = json_object_get_int_member_with_default (object, "days", 0);
  if (g_str_equal (anchor, "start"))
    rule->anchor = CM_NOTICE_ANCHOR_START;
  else if (g_str_equal (anchor, "end"))
    rule->anchor = CM_NOTICE_ANCHOR_END;
  else
    g_clear_pointer (&rule, notice_rule_free);
  return rule;
}

static void
read_change_notice (JsonObject *root, CmChangeNoticeRule *change)
{
  JsonObject *object = json_object_has_member (root, "change-notice")
                         ? json_object_get_object_member (root, "change-notice") : NULL;

  if (object == NULL)
    return;
  change->regime = g_strdup (text_member (object, "regime"));
  change->code = g_strdup (text_member (object, "code"));
  change->title = g_strdup (text_member (object, "title"));
  change->when = g_strdup (text_member (object, "when"));
  change->exempt_routes = strings_member (object, "exempt-routes");
  change->exempt_percent = json_object_get_int_member_with_default (object, "exempt-percent", 0);
}

CmProcurementRules *
cm_procurement_rules_parse (const char *json, gssize length, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CmProcurementRules) rules = g_new0 (CmProcurementRules, 1);
  JsonObject *root;
  JsonArray *list;

  rules->notices = g_ptr_array_new_with_free_func (notice_rule_free);
  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, "not an object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!read_regimes (root, rules, error))
    return NULL;
  list = json_object_has_member (root, "notices")
           ? json_object_get_array_member (root, "notices") : NULL;
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      CmNoticeRule *rule = notice_rule_from_json (json_array_get_object_element (list, i));

      if (rule == NULL)
        {
          invalid (error, "a notice has no known anchor");
          return NULL;
        }
      g_ptr_array_add (rules->notices, rule);
    }
  read_change_notice (root, &rules->change);
  return g_steal_pointer (&rules);
}

void
cm_procurement_rules_free (CmProcurementRules *rules)
{
  if (rules == NULL)
    return;
  g_clear_pointer (&rules->notices, g_ptr_array_unref);
  g_free (rules->change.regime);
  g_free (rules->change.code);
  g_free (rules->change.title);
  g_free (rules->change.when);
  g_strfreev (rules->change.exempt_routes);
  g_free (rules);
}

const CmProcurementRules *
cm_procurement_rules_get (void)
{
  static CmProcurementRules *loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      CmProcurementRules *rules = NULL;

      cm_resources_ensure ();
      bytes = g_resources_lookup_data (RULES_RESOURCE, 0, &error);
      if (bytes)
        rules = cm_procurement_rules_parse (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), &error);
      if (rules == NULL)
        {
          /* No regime dates: every contract then keeps the 2015 rules. */
          g_critical ("%s", error->message);
          rules = g_new0 (CmProcurementRules, 1);
          rules->notices = g_ptr_array_new ();
        }
      g_once_init_leave (&loaded, rules);
    }
  return loaded;
}

gboolean
cm_notice_rule_applies_to (const CmNoticeRule *rule, const char *regime_nick,
                           const char *route_nick)
{
  return g_strcmp0 (rule->regime, regime_nick) == 0 &&
         g_strv_contains ((const char * const *) rule->routes, route_nick);
}
