/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-procurement-rules.c: the procurement regimes and the notices each route requires, as data
 *
 * The law changes on dates (the Provider Selection Regime from 1 January
 * 2024, the Procurement Act 2023 from 24 February 2025), so the dates and
 * the notices live in data/procurement-notices.xml, not in code. Their
 * titles and "when" wording are translated as they are read.
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-procurement-rules.h"
#include "cm-resources.h"
#include "cm-rules-xml.h"

#define RULES_RESOURCE "/org/commissioner/Commissioner/rules/procurement-notices.xml"
#define RULES_ROOT "procurement-notices"

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

/* Route nicks, separated by white space. */
static char **
routes_attribute (xmlNode *node, const char *name)
{
  g_autofree char *text = cm_rules_xml_attribute (node, name);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GStrvBuilder) routes = g_strv_builder_new ();

  for (char **word = words; *word; word++)
    if (**word != '\0')
      g_strv_builder_add (routes, *word);
  return g_strv_builder_end (routes);
}

static int
number_attribute (xmlNode *node, const char *name)
{
  g_autofree char *text = cm_rules_xml_attribute (node, name);

  return (int) g_ascii_strtoll (text, NULL, 10);
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
read_regimes (xmlNode *root, CmProcurementRules *rules, GError **error)
{
  for (xmlNode *node = cm_rules_xml_child (root, "regime"); node; node = cm_rules_xml_next (node))
    {
      g_autofree char *nick = cm_rules_xml_attribute (node, "name");
      g_autofree char *day = cm_rules_xml_attribute (node, "from");
      GDate *from = g_str_equal (nick, "procurement-act-2023") ? &rules->act_from
                  : g_str_equal (nick, "provider-selection-regime") ? &rules->psr_from : NULL;

      if (from && !cm_date_parse_iso (day, from))
        return invalid (error, nick);
    }
  if (!g_date_valid (&rules->act_from) || !g_date_valid (&rules->psr_from))
    return invalid (error, "regimes");
  return TRUE;
}

static CmNoticeRule *
notice_rule_from_xml (xmlNode *node)
{
  CmNoticeRule *rule = g_new0 (CmNoticeRule, 1);
  g_autofree char *anchor = cm_rules_xml_attribute (node, "anchor");
  g_autofree char *min_total = cm_rules_xml_attribute (node, "min-total-pence");

  rule->regime = cm_rules_xml_attribute (node, "regime");
  rule->code = cm_rules_xml_attribute (node, "code");
  rule->title = cm_rules_xml_translated (node, "title");
  rule->when = cm_rules_xml_translated (node, "when");
  rule->routes = routes_attribute (node, "routes");
  rule->min_total_pence = g_ascii_strtoll (min_total, NULL, 10);
  rule->days = number_attribute (node, "days");
  if (g_str_equal (anchor, "start"))
    rule->anchor = CM_NOTICE_ANCHOR_START;
  else if (g_str_equal (anchor, "end"))
    rule->anchor = CM_NOTICE_ANCHOR_END;
  else
    g_clear_pointer (&rule, notice_rule_free);
  return rule;
}

static void
read_change_notice (xmlNode *root, CmChangeNoticeRule *change)
{
  xmlNode *node = cm_rules_xml_child (root, "change-notice");

  if (node == NULL)
    return;
  change->regime = cm_rules_xml_attribute (node, "regime");
  change->code = cm_rules_xml_attribute (node, "code");
  change->title = cm_rules_xml_translated (node, "title");
  change->when = cm_rules_xml_translated (node, "when");
  change->exempt_routes = routes_attribute (node, "exempt-routes");
  change->exempt_percent = number_attribute (node, "exempt-percent");
}

CmProcurementRules *
cm_procurement_rules_parse (const char *xml, gssize length, GError **error)
{
  g_autoptr(xmlDoc) doc = cm_rules_xml_parse (xml, length, RULES_ROOT, error);
  g_autoptr(CmProcurementRules) rules = g_new0 (CmProcurementRules, 1);
  xmlNode *root;

  rules->notices = g_ptr_array_new_with_free_func (notice_rule_free);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!read_regimes (root, rules, error))
    return NULL;
  for (xmlNode *node = cm_rules_xml_child (root, "notice"); node; node = cm_rules_xml_next (node))
    {
      CmNoticeRule *rule = notice_rule_from_xml (node);

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
